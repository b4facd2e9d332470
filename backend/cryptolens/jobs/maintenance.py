"""Maintenance jobs on the low queue: expiry and retention clean-up, the statistics cache and
the daily database health check. Thin: each rule lives in its domain."""

from __future__ import annotations

from cryptolens.auth import service as accounts
from cryptolens.core.timeframes import DAY_MS
from cryptolens.db import to_ms, unit_of_work
from cryptolens.jobs.context import JobContext
from cryptolens.jobs.registry import job
from cryptolens.market import service as market
from cryptolens.notifications import service as notifications
from cryptolens.patterns import service as patterns
from cryptolens.signals import reads as signal_reads
from cryptolens.system import job_runs
from cryptolens.system.job_runs import JobCounters


@job("expire_and_cleanup", queue="low")
async def expire_and_cleanup(ctx: JobContext) -> JobCounters:
    counters = JobCounters()
    now = ctx.clock.now()
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
                for timeframe, days in ctx.settings.candle_retention_days.items()
            },
        )
        counters.details["candles_deleted"] = sum(deleted.values())
        counters.details["job_runs_deleted"] = await job_runs.purge_runs(
            session, now, ctx.settings.job_runs_retention_days
        )
        counters.details["deliveries_deleted"] = await notifications.purge_old_deliveries(
            session,
            now,
            ctx.settings.notification_retention_days,
            ctx.settings.skipped_notification_retention_days,
        )
        sessions_ended, tokens_deleted = await accounts.purge_expired(session, now)
        counters.details["sessions_deleted"] = sessions_ended
        counters.details["tokens_deleted"] = tokens_deleted
    return counters


@job("refresh_stats", queue="low")
async def refresh_stats(ctx: JobContext) -> JobCounters:
    async with unit_of_work(ctx.session_factory) as session:
        await signal_reads.refresh_global_stats(
            session, ctx.cache, tuple(ctx.settings.stats_windows_days), ctx.clock.now()
        )
    return JobCounters()


@job("db_health", queue="low")
async def db_health(ctx: JobContext) -> JobCounters:
    """Daily: candle sanity and aggregation against 1m, per followed symbol; repairs what the
    minutes can rebuild and reports invalid candles in the run's error text."""
    counters = JobCounters()
    problems = []
    now_ms = to_ms(ctx.clock.now())
    async with unit_of_work(ctx.session_factory) as session:
        for symbol in await market.active_symbols_all(session):
            health = await market.check_candle_health(session, symbol, now_ms)
            counters.details["buckets_rebuilt"] = counters.details.get("buckets_rebuilt", 0) + sum(
                health.rebuilt.values()
            )
            if health.invalid_candles:
                problems.append(f"{health.symbol}: {health.invalid_candles} invalid candles")
    counters.details["invalid_symbols"] = len(problems)
    if problems:
        raise DatabaseHealthError("; ".join(problems))
    return counters


class DatabaseHealthError(RuntimeError):
    """Reported as a failed run, with what is wrong, so an operator sees it in job history."""
