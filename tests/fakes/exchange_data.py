"""Candle data served by the fake exchange: generated random walks or real CSV series.

Deliberately independent of cryptolens.market (no shared aggregation code), so tests compare
our results with an implementation written separately.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

MINUTE_MS = 60_000
INTERVAL_MS: dict[str, int] = {
    "1m": MINUTE_MS,
    "3m": 3 * MINUTE_MS,
    "5m": 5 * MINUTE_MS,
    "15m": 15 * MINUTE_MS,
    "30m": 30 * MINUTE_MS,
    "1h": 60 * MINUTE_MS,
    "2h": 120 * MINUTE_MS,
    "4h": 240 * MINUTE_MS,
    "6h": 360 * MINUTE_MS,
    "8h": 480 * MINUTE_MS,
    "12h": 720 * MINUTE_MS,
    "1d": 1440 * MINUTE_MS,
}

Row = tuple[int, float, float, float, float, float]


@dataclass
class FakeMarket:
    """One spot market: its exchange id (BTCUSDT), assets, price step and 1m candles."""

    base: str
    quote: str
    tick_size: str
    times: npt.NDArray[np.int64]
    ohlcv: npt.NDArray[np.float64]  # columns open, high, low, close, volume
    status: str = "TRADING"

    @property
    def market_id(self) -> str:
        return f"{self.base}{self.quote}"

    @property
    def symbol(self) -> str:
        return f"{self.base}/{self.quote}"

    def minute_rows(self, start: int, end: int) -> list[Row]:
        """Stored 1m candles with start <= open time <= end."""
        lo = int(np.searchsorted(self.times, start, side="left"))
        hi = int(np.searchsorted(self.times, end, side="right"))
        return [
            (int(t), *(float(x) for x in values))  # type: ignore[misc]
            for t, values in zip(self.times[lo:hi], self.ohlcv[lo:hi], strict=True)
        ]

    def drop_minutes(self, start: int, end: int) -> None:
        """Removes the 1m candles in [start, end): the exchange had no trades then."""
        keep = (self.times < start) | (self.times >= end)
        self.times = self.times[keep]
        self.ohlcv = self.ohlcv[keep]

    def replace_minute(self, open_time: int, values: tuple[float, ...]) -> None:
        index = int(np.searchsorted(self.times, open_time))
        self.ohlcv[index] = values


def generated_market(
    base: str,
    quote: str,
    *,
    start_ms: int,
    end_ms: int,
    seed: int,
    price: float = 100.0,
    tick_size: str = "0.01",
) -> FakeMarket:
    """A seeded random walk of 1m candles over [start_ms, end_ms)."""
    rng = np.random.default_rng(seed)
    times = np.arange(start_ms - start_ms % MINUTE_MS, end_ms, MINUTE_MS, dtype=np.int64)
    count = len(times)
    decimals = len(tick_size.rstrip("0").partition(".")[2])
    closes = price * np.exp(np.cumsum(rng.normal(0.0, 0.001, count)))
    opens = np.concatenate(([price], closes[:-1]))
    highs = np.maximum(opens, closes) * (1 + np.abs(rng.normal(0.0, 0.0005, count)))
    lows = np.minimum(opens, closes) * (1 - np.abs(rng.normal(0.0, 0.0005, count)))
    volumes = np.round(rng.lognormal(1.0, 0.8, count), 4)
    table = np.column_stack(
        [np.round(column, decimals) for column in (opens, highs, lows, closes)] + [volumes]
    )
    return FakeMarket(base, quote, tick_size, times, table)


def csv_market(
    base: str, quote: str, path: Path, *, shift_ms: int = 0, tick_size: str = "0.01"
) -> FakeMarket:
    """A market serving a real 1m series (header time,open,high,low,close,volume)."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [
            (
                int(row["time"]) + shift_ms,
                *(float(row[k]) for k in ("open", "high", "low", "close", "volume")),
            )
            for row in csv.DictReader(handle)
        ]
    times = np.array([row[0] for row in rows], dtype=np.int64)
    table = np.array([row[1:] for row in rows], dtype=np.float64)
    return FakeMarket(base, quote, tick_size, times, table)


def klines(
    market: FakeMarket,
    interval_ms: int,
    *,
    now_ms: int,
    start: int | None,
    end: int | None,
    limit: int,
) -> list[Row]:
    """Binance semantics: candles with startTime <= open <= endTime, the first `limit` of them
    from startTime (or the last `limit` up to endTime / now without startTime). The candle
    still open at `now_ms` is included, partial: its current minute is flat at its open."""
    times, table = market.times, market.ohlcv
    lo = 0
    if start is not None:
        lo = int(np.searchsorted(times, -(-start // interval_ms) * interval_ms, side="left"))
    hi = int(np.searchsorted(times, now_ms, side="right"))  # minutes opened by now
    if end is not None:
        last_bucket_end = end - end % interval_ms + interval_ms
        hi = min(hi, int(np.searchsorted(times, last_bucket_end, side="left")))
    # Look at just enough minutes for `limit` buckets, more only where holes thin them out.
    span = limit * (interval_ms // MINUTE_MS)
    while True:
        first, last = (lo, min(hi, lo + span)) if start is not None else (max(lo, hi - span), hi)
        buckets = times[first:last] - times[first:last] % interval_ms
        opens_at = np.flatnonzero(np.concatenate(([True], buckets[1:] != buckets[:-1])))
        if len(opens_at) > limit or (last - first) >= (hi - lo):
            break
        span *= 2
    if not len(buckets):
        return []
    ends_at = np.append(opens_at[1:], len(buckets))
    chosen = slice(0, limit) if start is not None else slice(-limit, None)
    rows: list[Row] = []
    for begin, finish in zip(opens_at[chosen].tolist(), ends_at[chosen].tolist(), strict=True):
        group = table[first + begin : first + finish]
        if times[first + finish - 1] + MINUTE_MS > now_ms:
            # The minute in progress: only its opening price is known yet.
            group = group.copy()
            opening = group[-1, 0]
            group[-1] = (opening, opening, opening, opening, 0.0)
        rows.append(
            (
                int(buckets[begin]),
                float(group[0, 0]),
                float(group[:, 1].max()),
                float(group[:, 2].min()),
                float(group[-1, 3]),
                float(group[:, 4].sum()),
            )
        )
    return rows
