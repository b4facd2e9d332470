"""Counting queries over the patterns table, for the admin stats."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.patterns.models import Pattern

DAY_MS = 86_400_000
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


async def count_confirmed_per_day(db: AsyncSession, since_ms: int) -> dict[date, int]:
    """Patterns confirmed at or after `since_ms`, by UTC day of confirmed_at: one GROUP BY
    on its whole-day number (ix_patterns_confirmed_at bounds the scan)."""
    day = (Pattern.confirmed_at // DAY_MS).label("day")
    statement = select(day, func.count()).where(Pattern.confirmed_at >= since_ms).group_by(day)
    rows = (await db.execute(statement)).all()
    return {date.fromordinal(_EPOCH_ORDINAL + int(row[0])): int(row[1]) for row in rows}
