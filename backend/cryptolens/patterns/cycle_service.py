"""The patterns domain's service for the signal cycle (the signals domain imports this, never
the repository): the scanner's part of a cycle, what is active at an instant, lifecycle events
and the ATR the signal levels use. The API's reads live in service.py. Never commits."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.market.candles import CandleSeries as MarketCandles
from cryptolens.patterns import repository
from cryptolens.patterns.detectors import CandleSeries
from cryptolens.patterns.detectors.indicators import average_true_range_at
from cryptolens.patterns.scanner import ScanResult, ScanSettings, scan_cycle
from cryptolens.patterns.stored import StoredPattern

__all__ = [
    "ScanResult",
    "ScanSettings",
    "StoredPattern",
    "active_at",
    "atr_of_last",
    "final_events",
    "patterns_by_ids",
    "scan_cycle",
]


def atr_of_last(candles: MarketCandles) -> float | None:
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
    """The symbol's patterns active at `instant` (signals.md "Active patterns at T")."""
    alive = await repository.alive_between(session, symbol_id, instant, instant)
    return [p for p in alive if p.is_active_at(instant)]


async def final_events(session: AsyncSession, pattern_ids: Sequence[int]) -> dict[int, int | None]:
    return await repository.final_events(session, pattern_ids)


async def patterns_by_ids(session: AsyncSession, pattern_ids: Sequence[int]) -> list[StoredPattern]:
    return await repository.by_ids(session, pattern_ids)
