"""Read-only answers of the notifications domain for other domains (the admin stats)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.notifications import stats_repository


async def deliveries_per_day(db: AsyncSession, since: datetime) -> dict[date, dict[str, int]]:
    """Signal pushes by UTC day of their delivery row's creation and final status (`sent`,
    `failed`, `skipped`; queued ones are not final and not counted), from `since` on."""
    return await stats_repository.count_deliveries_per_day(db, since)
