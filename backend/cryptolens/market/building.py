"""Higher-timeframe candles rebuilt from stored 1m candles after new minutes arrive."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.timeframes import timeframe_ms
from cryptolens.market import repository
from cryptolens.market.aggregation import aggregate
from cryptolens.market.candles import CandleSeries, bucket_start
from cryptolens.market.defaults import BASE_TIMEFRAME
from cryptolens.market.gaps import gap_minutes


async def build_from_minutes(
    session: AsyncSession,
    symbol_id: int,
    timeframes: Sequence[str],
    *,
    first_minute: int,
    last_minute: int,
    server_time: int,
) -> dict[str, int]:
    """Rebuilds every bucket of `timeframes` that contains a minute in
    [first_minute, last_minute]; only complete buckets (or those whose missing minutes are
    known gaps) that are closed at `server_time` are stored, replacing earlier versions.
    Returns the number of candles stored per timeframe."""
    if not timeframes:
        return {}
    widest = max(timeframes, key=timeframe_ms)
    start = bucket_start(first_minute, widest)
    end = bucket_start(last_minute, widest) + timeframe_ms(widest)
    minutes = await repository.load_series(session, symbol_id, BASE_TIMEFRAME, start, end - 1)
    gaps = await repository.load_gaps(session, symbol_id, BASE_TIMEFRAME, start, end)
    empty_minutes = gap_minutes(gaps, start, end)
    stored: dict[str, int] = {}
    for timeframe in timeframes:
        step = timeframe_ms(timeframe)
        touched = minutes.between(
            bucket_start(first_minute, timeframe), bucket_start(last_minute, timeframe) + step - 1
        )
        candles = aggregate(touched, timeframe, known_gap_minutes=empty_minutes)
        closed = _closed(candles, step, server_time)
        stored[timeframe] = await repository.upsert_candles(session, symbol_id, timeframe, closed)
    return stored


def _closed(candles: CandleSeries, step: int, server_time: int) -> CandleSeries:
    keep = candles.open_time + step <= server_time
    if bool(np.all(keep)):
        return candles
    return CandleSeries(
        candles.open_time[keep],
        candles.open[keep],
        candles.high[keep],
        candles.low[keep],
        candles.close[keep],
        candles.volume[keep],
    )
