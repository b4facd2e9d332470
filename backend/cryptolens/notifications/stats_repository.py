"""Counting queries over the delivery rows (user_notifications), for the admin stats."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.notifications.models import UserNotification

FINAL_STATUSES = ("sent", "failed", "skipped")


async def count_deliveries_per_day(db: AsyncSession, since: datetime) -> dict[date, dict[str, int]]:
    """Final deliveries (sent, failed, skipped) created at or after `since`, by UTC day of
    created_at and status: one GROUP BY (times are stored as UTC, so DATE() is the UTC day)."""
    day = func.date(UserNotification.created_at).label("day")
    statement = (
        select(day, UserNotification.status, func.count())
        .where(
            UserNotification.created_at >= since,
            UserNotification.status.in_(FINAL_STATUSES),
        )
        .group_by(day, UserNotification.status)
    )
    counts: dict[date, dict[str, int]] = {}
    for raw_day, status, count in (await db.execute(statement)).all():
        # SQLite answers DATE() with text, MySQL with a date.
        day_of = raw_day if isinstance(raw_day, date) else date.fromisoformat(str(raw_day)[:10])
        counts.setdefault(day_of, {})[str(status)] = int(count)
    return counts
