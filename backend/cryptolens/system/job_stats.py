"""The run history as admins read it (admin.md, "Jobs"): each job's last run and its last 24 h,
and the history itself, filtered and newest first.

Over the window, success_rate = ok / (ok + failed), None without such runs: a skipped run
(switched off, another copy running) and a try that will be retried say nothing about the
job's health. Mean durations are over the ok runs, the failed ones, and both together; a run
marked lost has no duration and counts as failed only. Reading never changes a run (lost runs
are the clean-up's: job_runs.mark_lost_runs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.paging import Page, PageRequest
from cryptolens.system import repository
from cryptolens.system.models import JobRun

STATS_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class LastRun:
    id: int
    status: str
    started_at: datetime
    duration_ms: int | None


@dataclass(frozen=True)
class WindowStats:
    """A job's runs started within the window."""

    ok: int = 0
    failed: int = 0
    success_rate: float | None = None  # success_rate(ok, failed)
    mean_duration_ms: float | None = None  # ok and failed runs
    mean_ok_duration_ms: float | None = None
    mean_failed_duration_ms: float | None = None


def success_rate(ok: int, failed: int) -> float | None:
    """ok / (ok + failed), 0 to 1; None without either."""
    ended = ok + failed
    return None if ended == 0 else ok / ended


@dataclass(frozen=True)
class JobSummary:
    last_run: LastRun | None = None
    last_24h: WindowStats = WindowStats()


@dataclass(frozen=True)
class RunFilters:
    name: str | None = None
    queue: str | None = None
    status: str | None = None
    since: datetime | None = None  # started at or after
    until: datetime | None = None  # started before


def _mean(value: Decimal | float | None) -> float | None:
    return None if value is None else round(float(value), 1)


async def summaries(
    session: AsyncSession, names: Sequence[str], now: datetime
) -> dict[str, JobSummary]:
    """Every job of `names`, read in one statement; a job that never ran has an empty one."""
    found = {name: JobSummary() for name in names}
    if not names:
        return found
    for row in await repository.job_run_summaries(session, names, now - STATS_WINDOW):
        ok, failed = int(row.ok or 0), int(row.failed or 0)
        found[row.name] = JobSummary(
            last_run=LastRun(
                id=row.last_id,
                status=row.last_status,
                started_at=row.last_started_at,
                duration_ms=row.last_duration_ms,
            ),
            last_24h=WindowStats(
                ok=ok,
                failed=failed,
                success_rate=success_rate(ok, failed),
                mean_duration_ms=_mean(row.mean_ms),
                mean_ok_duration_ms=_mean(row.mean_ok_ms),
                mean_failed_duration_ms=_mean(row.mean_failed_ms),
            ),
        )
    return found


async def list_runs(
    session: AsyncSession, filters: RunFilters, request: PageRequest
) -> Page[JobRun]:
    return await repository.list_job_runs_page(
        session,
        request,
        name=filters.name,
        queue=filters.queue,
        status=filters.status,
        since=filters.since,
        until=filters.until,
    )
