"""Hand-built 1m candles for the signal scenarios: a flat baseline of dojis and scripted moves,
plus the plain arithmetic the scenarios check the stored signals against (5m buckets, true
range, ATR-14 as patterns.md writes them). Computes nothing with cryptolens (it only packs
the minutes in the market's CandleSeries for storing): only the spec."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

from cryptolens.market.candles import CandleSeries

MINUTE_MS = 60_000
HOUR_MS = 60 * MINUTE_MS
# 2023-11-14 00:00 UTC: a whole day, so every timeframe's buckets start with the series.
START_MS = 19_675 * 24 * HOUR_MS
# Half the height of a flat doji: o = c = P, h = P + WICK, l = P - WICK.
WICK = 0.02
VOLUME = 1.0
# A little more on the impulse, so the 1m and 5m strengths differ (volume part 0.75 / 0.55).
IMPULSE_VOLUME = 1.5
# Prices are mirrored around this level to turn a long scenario into the short one.
MIRROR = 200.0


@dataclass(frozen=True)
class Candle:
    open: float
    high: float
    low: float
    close: float
    volume: float = VOLUME

    def mirrored(self) -> Candle:
        return Candle(
            MIRROR - self.open,
            MIRROR - self.low,
            MIRROR - self.high,
            MIRROR - self.close,
            self.volume,
        )


def doji(price: float, wick: float = WICK) -> Candle:
    return Candle(price, price + wick, price - wick, price)


@dataclass
class MinuteScript:
    """1m candles from START_MS on, one per minute, appended in order."""

    candles: list[Candle] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.candles)

    def add(self, *candles: Candle) -> int:
        """Appends; returns the index of the first one added."""
        first = len(self.candles)
        self.candles.extend(candles)
        return first

    def flat(self, price: float, count: int) -> None:
        self.add(*(doji(price) for _ in range(count)))

    def flat_until(self, price: float, index: int) -> None:
        """Flat dojis up to (excluding) minute `index`."""
        assert index >= len(self.candles), (index, len(self.candles))
        self.flat(price, index - len(self.candles))

    def mirrored(self) -> MinuteScript:
        return MinuteScript([c.mirrored() for c in self.candles])

    def series(self) -> CandleSeries:
        return CandleSeries(
            np.array([open_time(i) for i in range(len(self.candles))], dtype=np.int64),
            np.array([c.open for c in self.candles], dtype=np.float64),
            np.array([c.high for c in self.candles], dtype=np.float64),
            np.array([c.low for c in self.candles], dtype=np.float64),
            np.array([c.close for c in self.candles], dtype=np.float64),
            np.array([c.volume for c in self.candles], dtype=np.float64),
        )

    def buckets(self, minutes: int) -> list[Candle]:
        """The complete higher-timeframe candles of `minutes` minutes each."""
        out = []
        for first in range(0, len(self.candles) - minutes + 1, minutes):
            part = self.candles[first : first + minutes]
            volume = part[0].volume
            for c in part[1:]:
                volume += c.volume
            out.append(
                Candle(
                    part[0].open,
                    max(c.high for c in part),
                    min(c.low for c in part),
                    part[-1].close,
                    volume,
                )
            )
        return out


def open_time(minute: int, minutes_per_candle: int = 1) -> int:
    """Open time of candle `minute` of a timeframe `minutes_per_candle` minutes long."""
    return START_MS + minute * minutes_per_candle * MINUTE_MS


def close_time(minute: int, minutes_per_candle: int = 1) -> int:
    return open_time(minute + 1, minutes_per_candle)


def true_ranges(candles: list[Candle]) -> list[float]:
    ranges = [candles[0].high - candles[0].low]
    for previous, c in pairwise(candles):
        ranges.append(
            max(c.high - c.low, abs(c.high - previous.close), abs(c.low - previous.close))
        )
    return ranges


def atr14(candles: list[Candle], index: int) -> float:
    """ATR(14) at `index`: the left-to-right mean of TR[index-13..index]."""
    assert index >= 13
    ranges = true_ranges(candles)
    total = ranges[index - 13]
    for value in ranges[index - 12 : index + 1]:
        total += value
    return total / 14


@dataclass(frozen=True)
class BullishSetup:
    """A rise from `level` to `new_level`: the impulse is the last minute of a 5m bucket, the
    next bucket trades above the bucket before the impulse. Completes a 1m FVG on the minute
    after the impulse and a 5m FVG on the bucket after the impulse's."""

    impulse: int  # 1m index
    level: float
    new_level: float

    @property
    def fvg_minute(self) -> int:
        return self.impulse + 1

    @property
    def fvg_bucket(self) -> int:
        return (self.impulse + 1) // 5


def bullish_setup(script: MinuteScript, level: float, impulse: int) -> BullishSetup:
    assert (impulse + 1) % 5 == 0, "the impulse closes a 5m bucket"
    script.flat_until(level, impulse)
    new_level = level + 0.8
    script.add(
        Candle(level, level + 1.0, level - 0.01, level + 1.0, IMPULSE_VOLUME),
        # Its low is the 1m FVG's zone_high; the lowest low of the bucket the 5m one's.
        Candle(new_level, new_level + WICK, new_level - 0.05, new_level),
        doji(new_level),
        Candle(new_level, new_level + WICK, new_level - 0.1, new_level),
        doji(new_level),
        doji(new_level),
    )
    return BullishSetup(impulse, level, new_level)


def minute_only_setup(script: MinuteScript, level: float, impulse: int) -> int:
    """A rise from `level` by 0.8 that completes a 1m FVG on the minute after the impulse but
    no 5m pattern: the impulse is the second minute of its bucket, and the first minute of
    the next bucket dips to 0.1 above `level` (touching the 1m FVG, not filling it), so that
    bucket's gap over the one before the impulse's is too small for the zone filter (0.08 %).
    Returns the index of the minute completing the 1m FVG."""
    assert impulse % 5 == 1, "the impulse is the second minute of a 5m bucket"
    script.flat_until(level, impulse)
    new_level = level + 0.8
    script.add(
        Candle(level, new_level + WICK, level - 0.01, new_level),
        doji(new_level),
        doji(new_level),
        doji(new_level),
        Candle(new_level, new_level + WICK, level + 0.1, new_level),
    )
    return impulse + 1


@dataclass(frozen=True)
class TwoSidedSetup:
    """One 5m bucket (`bucket`) that completes a bullish 5m FVG and, when its last minute
    closes back below `swing_high` (an earlier 5m swing high it wicks above), a bearish 5m
    liquidity sweep; its first minute completes a bullish 1m FVG and its last minute sweeps
    the 1m swing high of its first minute (`minute_swing_high`) when it closes below it."""

    spike_bucket: int  # the 5m swing high
    impulse: int  # 1m index, last minute of bucket - 1
    bucket: int
    swing_high: float
    minute_swing_high: float

    @property
    def first_minute(self) -> int:
        return self.bucket * 5

    @property
    def last_minute(self) -> int:
        return self.bucket * 5 + 4


def two_sided_setup(script: MinuteScript, bucket: int, last_close: float) -> TwoSidedSetup:
    """From a flat 100 baseline. The spike that makes the 5m swing high 15 buckets before
    closes above the flat highs (breaking their levels, not sweeping them) and lies more than
    50 minutes before the sweeping minute (out of the 1m sweep reach)."""
    spike_bucket = bucket - 15
    spike = spike_bucket * 5 + 4
    script.flat_until(100.0, spike)
    swing_high = 100.5
    script.add(Candle(100.0, swing_high, 99.99, 100.3), Candle(100.3, 100.3, 99.99, 100.0))
    impulse = bucket * 5 - 1
    script.flat_until(100.0, impulse)
    minute_swing_high = 100.45
    script.add(
        Candle(100.0, 100.4, 99.99, 100.4),
        Candle(100.4, minute_swing_high, 100.3, 100.4),
        doji(100.4, 0.04),
        doji(100.4, 0.04),
        doji(100.4, 0.04),
        Candle(100.4, 100.8, 100.36, last_close),
    )
    return TwoSidedSetup(spike_bucket, impulse, bucket, swing_high, minute_swing_high)
