"""Settings an admin changes at run time (stored in the `settings` table)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.system import repository


def _job_switch_key(job_name: str) -> str:
    return f"jobs.{job_name}.enabled"


async def is_job_enabled(session: AsyncSession, job_name: str) -> bool:
    value = await repository.get_setting(session, _job_switch_key(job_name))
    return value is None or bool(value)


async def set_job_enabled(
    session: AsyncSession, job_name: str, enabled: bool, now: datetime
) -> None:
    await repository.put_setting(session, _job_switch_key(job_name), enabled, now)
