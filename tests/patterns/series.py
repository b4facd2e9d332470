"""Synthetic candle series for the property tests: random walks on a price grid (equal highs
and lows, dojis), unrounded walks, flat runs, spikes, tiny and huge prices, time gaps."""

from __future__ import annotations

import numpy as np

from cryptolens.core.timeframes import timeframe_ms
from cryptolens.patterns.detectors import CandleSeries

KINDS = ("grid", "float", "flat", "spikes", "tiny", "huge", "doji")
START_MS = 1_577_836_800_000  # 2020-01-01


def synthetic_series(kind: str, length: int, seed: int, timeframe: str) -> CandleSeries:
    rng = np.random.default_rng(seed)
    tick, base = {"tiny": (1e-8, 300), "huge": (5_000.0, 400)}.get(kind, (0.25, 2_000))

    if kind == "float":
        steps = rng.normal(0.0, 3.0, length)
        wicks = rng.exponential(2.0, (2, length))
    else:
        steps = rng.integers(-4, 5, length).astype(np.float64)
        wicks = rng.integers(0, 4, (2, length)).astype(np.float64)
        if kind == "flat":
            # Long runs of candles with high == low == open == close, then a jump.
            moving = rng.random(length) < 0.15
            steps = np.where(moving, rng.integers(-30, 31, length), 0.0)
            wicks = np.where(moving, wicks, 0.0)
        elif kind == "doji":
            steps = np.where(rng.random(length) < 0.6, 0.0, steps)
    if kind == "spikes":
        spikes = rng.random((2, length)) < 0.03
        wicks = np.where(spikes, wicks + rng.integers(50, 400, (2, length)), wicks)

    # Prices in ticks: open = previous close, except for occasional opening gaps.
    gaps = np.where(rng.random(length) < 0.05, rng.integers(-20, 21, length), 0)
    close_ticks = base + np.cumsum(steps + gaps)
    open_ticks = close_ticks - steps
    high_ticks = np.maximum(open_ticks, close_ticks) + wicks[0]
    low_ticks = np.minimum(open_ticks, close_ticks) - wicks[1]
    lift = max(0.0, 1.0 - float(low_ticks.min(initial=1.0)))  # keep every price > 0
    volume = rng.integers(0, 50, length).astype(np.float64)
    if kind == "spikes":
        volume = np.where(rng.random(length) < 0.03, volume * 1000.0, volume)

    candle_ms = timeframe_ms(timeframe)
    skipped = np.where(rng.random(length) < 0.03, rng.integers(1, 400, length), 0)
    time = START_MS + candle_ms * np.cumsum(1 + skipped)
    return CandleSeries.from_arrays(
        time,
        (open_ticks + lift) * tick,
        (high_ticks + lift) * tick,
        (low_ticks + lift) * tick,
        (close_ticks + lift) * tick,
        volume,
    )


def from_ticks(
    rows: list[tuple[int, int, int, int]], timeframe: str, tick: float = 0.25
) -> CandleSeries:
    """Candles from (step, upper wick, lower wick, volume) in ticks, one candle per timeframe."""
    price = 400
    opens, highs, lows, closes, volumes = [], [], [], [], []
    for step, upper, lower, volume in rows:
        close = max(price + step, 1)
        opens.append(price * tick)
        closes.append(close * tick)
        highs.append((max(price, close) + upper) * tick)
        lows.append(max(min(price, close) - lower, 1) * tick)
        volumes.append(float(volume))
        price = close
    candle_ms = timeframe_ms(timeframe)
    time = [START_MS + index * candle_ms for index in range(len(rows))]
    return CandleSeries.from_arrays(time, opens, highs, lows, closes, volumes)
