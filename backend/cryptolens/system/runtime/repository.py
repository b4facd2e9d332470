"""All SQL of the runtime settings (rows of the `settings` table named by a runtime key)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.system.models import AppSetting


async def rows(session: AsyncSession, keys: Collection[str]) -> Sequence[AppSetting]:
    return (await session.scalars(select(AppSetting).where(AppSetting.key.in_(keys)))).all()


async def store(
    session: AsyncSession, key: str, encoded: str, now: datetime, updated_by: int | None
) -> None:
    row = await session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=encoded, updated_at=now, updated_by=updated_by))
    else:
        row.value = encoded
        row.updated_at = now
        row.updated_by = updated_by
    await session.flush()


async def remove(session: AsyncSession, key: str) -> None:
    await session.execute(delete(AppSetting).where(AppSetting.key == key))
