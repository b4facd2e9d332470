"""The cron jobs as admins see and steer them (admin.md, "Jobs"; the admin API and
`cryptolens jobs`): the schedule's table with each job's switch and run history, the switch,
and "run now".

A manual run is enqueued whatever the switch says: only cron slots check it (execution.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.errors import NotFoundError, ServiceUnavailableError
from cryptolens.core.paging import Page, PageRequest
from cryptolens.job_context import JobQueue
from cryptolens.jobs.enqueue import Enqueued, RunsOnce
from cryptolens.jobs.registry import Queue, get_job
from cryptolens.jobs.schedule import CRON_SCHEDULE
from cryptolens.system import job_stats, runtime_settings
from cryptolens.system.job_stats import JobSummary, LastRun, RunFilters, WindowStats
from cryptolens.system.models import JobRun

__all__ = [
    "CronJob",
    "Enqueued",
    "JobRow",
    "JobsStoppingError",
    "LastRun",
    "RunFilters",
    "UnknownJobError",
    "WindowStats",
    "cron_jobs",
    "job_row",
    "job_table",
    "list_runs",
    "run_now",
    "set_enabled",
]


class UnknownJobError(NotFoundError):
    def __init__(self, name: str) -> None:
        super().__init__(f"No cron job named {name!r}")


class JobsStoppingError(ServiceUnavailableError):
    def __init__(self) -> None:
        super().__init__("The job runner is stopping; try again once it is back")


@dataclass(frozen=True)
class CronJob:
    name: str
    schedule: str  # crontab time fields, UTC
    queue: Queue


@dataclass(frozen=True)
class JobRow:
    """One line of the jobs table (the API's JobOut, `cryptolens jobs list`)."""

    name: str
    schedule: str
    queue: Queue
    enabled: bool
    last_run: LastRun | None
    last_24h: WindowStats


def cron_jobs() -> dict[str, CronJob]:
    """The schedule's jobs, in its order (a job on two lines shows both schedules)."""
    found: dict[str, CronJob] = {}
    for entry in CRON_SCHEDULE:
        known = found.get(entry.job_name)
        schedule = entry.cron_text if known is None else f"{known.schedule}; {entry.cron_text}"
        found[entry.job_name] = CronJob(entry.job_name, schedule, get_job(entry.job_name).queue)
    return found


def _cron_job(name: str) -> CronJob:
    found = cron_jobs().get(name)
    if found is None:
        raise UnknownJobError(name)
    return found


def _row(job: CronJob, enabled: bool, summary: JobSummary) -> JobRow:
    return JobRow(
        name=job.name,
        schedule=job.schedule,
        queue=job.queue,
        enabled=enabled,
        last_run=summary.last_run,
        last_24h=summary.last_24h,
    )


async def job_table(session: AsyncSession, now: datetime) -> list[JobRow]:
    jobs = cron_jobs()
    summaries = await job_stats.summaries(session, list(jobs), now)
    return [
        _row(job, await runtime_settings.is_job_enabled(session, name), summaries[name])
        for name, job in jobs.items()
    ]


async def job_row(session: AsyncSession, name: str, now: datetime) -> JobRow:
    """One cron job's line; UnknownJobError (404) for any other name."""
    job = _cron_job(name)
    summaries = await job_stats.summaries(session, [name], now)
    return _row(job, await runtime_settings.is_job_enabled(session, name), summaries[name])


async def set_enabled(session: AsyncSession, name: str, enabled: bool, now: datetime) -> bool:
    """Switches a cron job on or off; returns whether it was on."""
    _cron_job(name)
    was = await runtime_settings.is_job_enabled(session, name)
    await runtime_settings.set_job_enabled(session, name, enabled, now)
    return was


async def run_now(session: AsyncSession, queue: JobQueue, name: str) -> Enqueued:
    """Enqueues a cron job now, even when switched off; a copy already queued or running is
    answered instead (deduplicated), but not a cron slot's copy of a job switched off: that
    one will be skipped."""
    _cron_job(name)
    if not isinstance(queue, RunsOnce):
        raise TypeError(f"{type(queue).__name__} cannot run a job once")
    enabled = await runtime_settings.is_job_enabled(session, name)
    enqueued = await queue.enqueue_once(name, with_cron_copies=enabled)
    if enqueued is None:
        raise JobsStoppingError()
    return enqueued


async def list_runs(
    session: AsyncSession, filters: RunFilters, request: PageRequest
) -> Page[JobRun]:
    return await job_stats.list_runs(session, filters, request)
