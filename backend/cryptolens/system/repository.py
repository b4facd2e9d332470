"""All SQL of the system tables: key/value settings and job runs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

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
