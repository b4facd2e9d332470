"""What other domains may call in the patterns domain (the signals domain imports this, never
the repository): the scanner's part of a cycle, what is active at an instant, lifecycle events,
the ATR the signal levels use, expiring unfollowed symbols' patterns, and the value types and
CSV reader those take. The API's reads live in reads.py. Never commits."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.market import service as market
from cryptolens.patterns import repository
from cryptolens.patterns.csv_input import CandleFileError, read_candles_csv
from cryptolens.patterns.cycle_store import (
    FIRST_STORED_INDEX,
    MemoryPatternStore,
    PatternStore,
    PrecomputedCandidates,
    SqlPatternStore,
    new_candle_count,
)
from cryptolens.patterns.detectors import CandleSeries
from cryptolens.patterns.detectors.indicators import average_true_range_at
from cryptolens.patterns.scanner import ScanResult, scan_cycle
from cryptolens.patterns.stored import TYPE_ORDER, StoredPattern

# Rows per insert statement when storing a replay's patterns.
STORE_BATCH = 500
STORED_FIELDS = tuple(name for name in StoredPattern.__dataclass_fields__ if name != "id")

__all__ = [
    "FIRST_STORED_INDEX",
    "TYPE_ORDER",
    "CandleFileError",
    "MemoryPatternStore",
    "PatternStore",
    "PrecomputedCandidates",
    "ScanResult",
    "SqlPatternStore",
    "StoredPattern",
    "active_at",
    "atr_of_last",
    "expire_unfollowed",
    "final_events",
    "new_candle_count",
    "patterns_by_ids",
    "read_candles_csv",
    "scan_cycle",
]


def atr_of_last(candles: market.CandleSeries) -> float | None:
    """ATR(14) at the last of `candles` (the newest of its timeframe), None when undefined.
    Give at least 15 candles when the series has them: the first true range of a shorter
    window would lack its previous close."""
    if not len(candles):
        return None
    series = CandleSeries.from_arrays(
        candles.open_time, candles.open, candles.high, candles.low, candles.close, candles.volume
    )
    value = float(average_true_range_at(series, np.array([len(series) - 1]))[0])
    return None if math.isnan(value) else value


async def active_at(session: AsyncSession, symbol_id: int, instant: int) -> list[StoredPattern]:
    """The symbol's patterns active at `instant` (docs/rules/signals.md "Active patterns at T")."""
    alive = await repository.alive_between(session, symbol_id, instant, instant)
    return [p for p in alive if p.is_active_at(instant)]


async def final_events(session: AsyncSession, pattern_ids: Sequence[int]) -> dict[int, int | None]:
    return await repository.final_events(session, pattern_ids)


async def store_replayed(
    session: AsyncSession, symbol_id: int, replayed: Sequence[StoredPattern]
) -> dict[int, int]:
    """Stores a replay's patterns (as they are at its end) for the symbol; returns replay id ->
    stored id. One already stored under the same key keeps its row and id."""
    if not replayed:
        return {}
    rows = [
        {"symbol_id": symbol_id, **{name: getattr(p, name) for name in STORED_FIELDS}}
        for p in replayed
    ]
    for first in range(0, len(rows), STORE_BATCH):
        await repository.insert_new(session, rows[first : first + STORE_BATCH])
    stored = {
        (p.timeframe, p.type, p.direction, p.formed_at): p.id
        for p in await repository.formed_between(
            session,
            symbol_id,
            None,
            min(p.formed_at for p in replayed),
            max(p.formed_at for p in replayed),
        )
    }
    return {p.id: stored[(p.timeframe, p.type, p.direction, p.formed_at)] for p in replayed}


async def patterns_by_ids(session: AsyncSession, pattern_ids: Sequence[int]) -> list[StoredPattern]:
    return await repository.by_ids(session, pattern_ids)


async def expire_unfollowed(session: AsyncSession, now_ms: int, followed_ids: list[int]) -> int:
    """Expires past-due patterns of symbols no cycle follows any more (followed symbols'
    patterns expire in their own cycles, after their price path is evaluated)."""
    return await repository.expire_unwatched(session, now_ms, followed_ids)
