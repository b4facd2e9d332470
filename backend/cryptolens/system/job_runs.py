"""The job run history (docs/operations.md, "Background jobs"): one record per run, with its
counters and its end."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.job_context import JobCounters
from cryptolens.system import repository
from cryptolens.system.models import JobRun

RunStatus = Literal["running", "ok", "failed", "retrying", "skipped"]

ARGS_SUMMARY_LIMIT = 500
# A run without an end this many time limits after its start is lost (admin spec).
LOST_AFTER_LIMITS = 2
ERROR_TEXT_LIMIT = 4000


async def start_run(
    session: AsyncSession,
    *,
    name: str,
    queue: str,
    args_summary: str,
    job_id: str | None,
    enqueued_at: datetime | None,
    now: datetime,
    status: RunStatus = "running",
) -> JobRun:
    run = JobRun(
        job_id=job_id,
        name=name,
        queue=queue,
        args_summary=args_summary[:ARGS_SUMMARY_LIMIT],
        enqueued_at=enqueued_at,
        started_at=now,
        status=status,
        candles_fetched=0,
        patterns_found=0,
        signals_created=0,
        notifications_sent=0,
    )
    return await repository.add_job_run(session, run)


async def finish_run(
    session: AsyncSession,
    run_id: int,
    *,
    status: RunStatus,
    now: datetime,
    counters: JobCounters | None = None,
    error: str | None = None,
) -> None:
    run = await repository.get_job_run(session, run_id)
    if run is None:
        return
    run.status = status
    run.finished_at = now
    run.duration_ms = max(0, int((now - run.started_at).total_seconds() * 1000))
    if counters is not None:
        run.candles_fetched = counters.candles_fetched
        run.patterns_found = counters.patterns_found
        run.signals_created = counters.signals_created
        run.notifications_sent = counters.notifications_sent
    run.error = error[:ERROR_TEXT_LIMIT] if error else None
    await session.flush()


async def mark_lost_runs(
    session: AsyncSession, now: datetime, time_limits: Mapping[str, float]
) -> int:
    """Marks failed (`lost`) every run still `running` twice its queue's time limit after it
    started: its runner stops a job at the limit and records the end, so only a worker that
    died mid-run leaves one. Only the clean-up job calls this, never a read of the history.
    `time_limits`: seconds by queue name."""
    lost = 0
    for queue, limit in time_limits.items():
        cutoff = now - timedelta(seconds=LOST_AFTER_LIMITS * limit)
        for run in await repository.running_job_runs_started_before(session, queue, cutoff):
            run.status = "failed"
            run.finished_at = now
            run.error = (
                f"lost: no end recorded {LOST_AFTER_LIMITS:g}x its {limit:g} s time limit after "
                "it started (its worker died)"
            )
            lost += 1
    await session.flush()
    return lost


async def already_done(session: AsyncSession, name: str, job_id: str, now: datetime) -> bool:
    """Whether this job id already ran to the end (a cron slot handed out again after a
    worker died between its commit and the queue's bookkeeping). Looks back one day: the
    queue drops a job it could not start within a day."""
    return await repository.has_finished_run(session, name, job_id, now - timedelta(days=1))


async def list_runs(
    session: AsyncSession,
    *,
    name: str | None = None,
    status: str | None = None,
    since: datetime | None = None,
    before_id: int | None = None,
    limit: int = 50,
) -> Sequence[JobRun]:
    return await repository.list_job_runs(
        session, name=name, status=status, since=since, before_id=before_id, limit=limit
    )


async def purge_runs(session: AsyncSession, now: datetime, retention_days: int) -> int:
    return await repository.delete_job_runs_before(session, now - timedelta(days=retention_days))
