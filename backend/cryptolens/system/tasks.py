"""The hourly clean-up, as a job (docs/operations.md, "Background jobs"): expire what no cycle will,
delete what is past its retention in every domain, mark the runs of dead workers lost. Thin: each
rule lives in its domain's service; the run history's own rules are the system domain's."""

from __future__ import annotations

from cryptolens.auth import service as accounts
from cryptolens.core.timeframes import DAY_MS
from cryptolens.db import to_ms, unit_of_work
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.market import service as market
from cryptolens.notifications import service as notifications
from cryptolens.patterns import service as patterns
from cryptolens.settings import JobSettings
from cryptolens.system import job_runs
from cryptolens.system.audit import service as audit
from cryptolens.system.errors import service as error_tracking


async def expire_and_cleanup(ctx: JobContext) -> JobCounters:
    settings = ctx.settings
    now = ctx.clock.now()
    counters = JobCounters()
    async with unit_of_work(ctx.session_factory) as session:
        followed = [symbol.id for symbol in await market.active_symbols_all(session)]
        counters.details["patterns_expired"] = await patterns.expire_unfollowed(
            session, to_ms(now), followed
        )
        deleted = await market.delete_expired_candles(
            session,
            now=now,
            retention_ms={
                timeframe: days * DAY_MS
                for timeframe, days in settings.market.candle_retention_days.items()
            },
        )
        counters.details["candles_deleted"] = sum(deleted.values())
        counters.details["job_runs_deleted"] = await job_runs.purge_runs(
            session, now, settings.jobs.runs_retention_days
        )
        counters.details["job_runs_lost"] = await job_runs.mark_lost_runs(
            session, now, _time_limits(settings.jobs)
        )
        counters.details["deliveries_deleted"] = await notifications.purge_old_deliveries(
            session,
            now,
            settings.notifications.retention_days,
            settings.notifications.skipped_retention_days,
        )
        sessions_ended, tokens_deleted = await accounts.purge_expired(session, now)
        counters.details["sessions_deleted"] = sessions_ended
        counters.details["tokens_deleted"] = tokens_deleted
        counters.details["audit_entries_deleted"] = await audit.delete_expired(session, now)
        counters.details["error_groups_deleted"] = await error_tracking.delete_stale_resolved(
            session, now
        )
    return counters


def _time_limits(jobs: JobSettings) -> dict[str, float]:
    """Each queue's job time limit (the jobs runtime's table, which a domain does not import)."""
    return {
        "high": jobs.timeout_high_seconds,
        "default": jobs.timeout_default_seconds,
        "low": jobs.timeout_low_seconds,
    }
