"""Higher-timeframe candles built from 1m candles, aligned to UTC (vectorised with numpy).

A bucket is emitted only when every one of its minutes is present, or when the minutes that
are missing lie in a known gap (the exchange reported them empty). A partial bucket is never
emitted, so the still-open period and holes in replayed data never produce a candle.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from cryptolens.core.timeframes import MINUTE_MS, timeframe_ms
from cryptolens.market.candles import CandleSeries, TimeArray


class UnsortedCandlesError(ValueError):
    pass


def aggregate(
    minutes: CandleSeries,
    timeframe: str,
    *,
    known_gap_minutes: TimeArray | None = None,
) -> CandleSeries:
    """Candles of `timeframe` built from 1m candles (ascending, unique, minute-aligned).

    open = first minute's open, high = max, low = min, close = last minute's close,
    volume = sum. `known_gap_minutes` are open times of minutes known to be empty.
    """
    step = timeframe_ms(timeframe)
    if step % MINUTE_MS or step < MINUTE_MS:
        raise ValueError(f"cannot build {timeframe} from 1m")
    count = len(minutes)
    if count == 0:
        return CandleSeries.empty()
    times = minutes.open_time
    if count > 1 and not bool(np.all(times[1:] > times[:-1])):
        raise UnsortedCandlesError("1m candles must be ascending and unique")

    buckets = times - times % step
    starts = np.flatnonzero(np.concatenate(([True], buckets[1:] != buckets[:-1])))
    ends = np.append(starts[1:], count)
    accounted = ends - starts
    bucket_opens = buckets[starts]
    if known_gap_minutes is not None and len(known_gap_minutes):
        accounted = accounted + _gap_minutes_per_bucket(
            known_gap_minutes, times, bucket_opens, step
        )
    complete = accounted == step // MINUTE_MS

    return CandleSeries(
        open_time=bucket_opens[complete],
        open=minutes.open[starts][complete],
        high=np.maximum.reduceat(minutes.high, starts)[complete],
        low=np.minimum.reduceat(minutes.low, starts)[complete],
        close=minutes.close[ends - 1][complete],
        volume=np.add.reduceat(minutes.volume, starts)[complete],
    )


def aggregate_many(
    minutes: CandleSeries,
    timeframes: Iterable[str],
    *,
    known_gap_minutes: TimeArray | None = None,
) -> dict[str, CandleSeries]:
    return {
        timeframe: aggregate(minutes, timeframe, known_gap_minutes=known_gap_minutes)
        for timeframe in timeframes
    }


def _gap_minutes_per_bucket(
    gap_minutes: TimeArray, present: TimeArray, bucket_opens: TimeArray, step: int
) -> TimeArray:
    """How many minutes of each bucket are known-empty and absent (a minute that arrived
    after its gap was recorded counts once, as present)."""
    absent = np.setdiff1d(np.unique(gap_minutes), present, assume_unique=True)
    absent_buckets = absent - absent % step
    first = np.searchsorted(absent_buckets, bucket_opens, side="left")
    last = np.searchsorted(absent_buckets, bucket_opens, side="right")
    counts: TimeArray = (last - first).astype(np.int64)
    return counts
