"""All SQL of the system tables: key/value settings and job runs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, case, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.paging import Keyset, Page, PageRequest
from cryptolens.system.models import AppSetting, JobRun


async def get_setting(session: AsyncSession, key: str) -> Any | None:
    row = await session.get(AppSetting, key)
    return None if row is None else json.loads(row.value)


async def put_setting(session: AsyncSession, key: str, value: Any, now: datetime) -> None:
    row = await session.get(AppSetting, key)
    encoded = json.dumps(value)
    if row is None:
        session.add(AppSetting(key=key, value=encoded, updated_at=now))
    else:
        row.value = encoded
        row.updated_at = now
    await session.flush()


async def add_job_run(session: AsyncSession, run: JobRun) -> JobRun:
    session.add(run)
    await session.flush()
    return run


async def get_job_run(session: AsyncSession, run_id: int) -> JobRun | None:
    return await session.get(JobRun, run_id)


async def list_job_runs(
    session: AsyncSession,
    *,
    name: str | None = None,
    status: str | None = None,
    since: datetime | None = None,
    before_id: int | None = None,
    limit: int = 50,
) -> Sequence[JobRun]:
    statement = select(JobRun).order_by(JobRun.id.desc()).limit(limit)
    if name is not None:
        statement = statement.where(JobRun.name == name)
    if status is not None:
        statement = statement.where(JobRun.status == status)
    if since is not None:
        statement = statement.where(JobRun.started_at >= since)
    if before_id is not None:
        statement = statement.where(JobRun.id < before_id)
    return (await session.scalars(statement)).all()


async def has_finished_run(session: AsyncSession, name: str, job_id: str, since: datetime) -> bool:
    """Whether a run of this job id ended ok (read through the name/started_at index)."""
    statement = (
        select(JobRun.id)
        .where(JobRun.name == name, JobRun.started_at >= since)
        .where(JobRun.job_id == job_id, JobRun.status == "ok")
        .limit(1)
    )
    return await session.scalar(statement) is not None


async def job_runs_of_jobs(session: AsyncSession, job_ids: Sequence[str]) -> Sequence[JobRun]:
    """Every recorded try of these job ids, oldest first (through the job_id index)."""
    if not job_ids:
        return []
    statement = select(JobRun).where(JobRun.job_id.in_(list(job_ids))).order_by(JobRun.id)
    return (await session.scalars(statement)).all()


async def running_job_runs_started_before(
    session: AsyncSession, queue: str, cutoff: datetime
) -> Sequence[JobRun]:
    """Runs of `queue` still without an end that started before `cutoff`."""
    statement = select(JobRun).where(
        JobRun.started_at < cutoff, JobRun.queue == queue, JobRun.status == "running"
    )
    return (await session.scalars(statement)).all()


async def delete_job_runs_before(session: AsyncSession, cutoff: datetime) -> int:
    result = await session.execute(delete(JobRun).where(JobRun.started_at < cutoff))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


# The run history as the admin API reads it (system/job_stats.py).

RUNS_NEWEST_FIRST = Keyset(JobRun.id)


async def job_run_summaries(
    session: AsyncSession, names: Sequence[str], since: datetime
) -> Sequence[Row[Any]]:
    """One row per job of `names` that ever ran: its last run (the highest id) and, over the
    runs started at or after `since`, the counts and mean durations of ok and failed runs.
    One statement for all the jobs."""
    latest = (
        select(JobRun.name.label("name"), func.max(JobRun.id).label("last_id"))
        .where(JobRun.name.in_(names))
        .group_by(JobRun.name)
        .subquery()
    )
    is_ok, is_failed = JobRun.status == "ok", JobRun.status == "failed"
    window = (
        select(
            JobRun.name.label("name"),
            func.sum(case((is_ok, 1), else_=0)).label("ok"),
            func.sum(case((is_failed, 1), else_=0)).label("failed"),
            func.avg(case((is_ok, JobRun.duration_ms))).label("mean_ok_ms"),
            func.avg(case((is_failed, JobRun.duration_ms))).label("mean_failed_ms"),
            func.avg(case((or_(is_ok, is_failed), JobRun.duration_ms))).label("mean_ms"),
        )
        .where(JobRun.name.in_(names), JobRun.started_at >= since)
        .group_by(JobRun.name)
        .subquery()
    )
    statement = (
        select(
            latest.c.name,
            JobRun.id.label("last_id"),
            JobRun.status.label("last_status"),
            JobRun.started_at.label("last_started_at"),
            JobRun.duration_ms.label("last_duration_ms"),
            window.c.ok,
            window.c.failed,
            window.c.mean_ok_ms,
            window.c.mean_failed_ms,
            window.c.mean_ms,
        )
        .join(JobRun, JobRun.id == latest.c.last_id)
        .outerjoin(window, window.c.name == latest.c.name)
    )
    return (await session.execute(statement)).all()


async def list_job_runs_page(
    session: AsyncSession,
    request: PageRequest,
    *,
    name: str | None = None,
    queue: str | None = None,
    status: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Page[JobRun]:
    statement = select(JobRun)
    if name is not None:
        statement = statement.where(JobRun.name == name)
    if queue is not None:
        statement = statement.where(JobRun.queue == queue)
    if status is not None:
        statement = statement.where(JobRun.status == status)
    if since is not None:
        statement = statement.where(JobRun.started_at >= since)
    if until is not None:
        statement = statement.where(JobRun.started_at < until)
    return await RUNS_NEWEST_FIRST.page(session, statement, request)
