"""Counting queries over the signals table, for the admin stats."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.signals.models import Signal

DAY_MS = 86_400_000
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


async def count_created_per_day(db: AsyncSession, since_ms: int) -> dict[date, int]:
    """Signals created (their market time) at or after `since_ms`, by UTC day: one GROUP BY
    on the whole-day number of created_at (ix_signals_created_at bounds the scan)."""
    day = (Signal.created_at // DAY_MS).label("day")
    statement = select(day, func.count()).where(Signal.created_at >= since_ms).group_by(day)
    rows = (await db.execute(statement)).all()
    return {date.fromordinal(_EPOCH_ORDINAL + int(row[0])): int(row[1]) for row in rows}
