"""A seeded synthetic market: deterministic 1m candles for any symbol at any time.

Each UTC day is generated on its own from (seed, symbol, day), so any stretch of history can
be produced without replaying what came before, and the same minute always has the same
candle. Days are stitched together through a slowly varying anchor price (multi-scale value
noise), which gives weeks-long trends and ranges; within a day the path is a random walk
bridged onto the next day's anchor, with impulses (bursts of strong one-way minutes that
leave fair value gaps) and occasional price gaps between one close and the next open.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from cryptolens.core.timeframes import DAY_MS, MINUTE_MS
from cryptolens.market.aggregation import aggregate
from cryptolens.market.candles import CandleSeries, concat_series

MINUTES_PER_DAY = DAY_MS // MINUTE_MS


@dataclass(frozen=True, slots=True)
class SyntheticProfile:
    """How one symbol trades: its price level, price step and typical daily swing."""

    price: float
    tick_size: float
    daily_volatility: float
    volume: float

    @property
    def price_precision(self) -> int:
        return max(0, round(-math.log10(self.tick_size)))


KNOWN_PROFILES: dict[str, SyntheticProfile] = {
    "BTC/USDT": SyntheticProfile(62_000.0, 0.01, 0.030, 12.0),
    "ETH/USDT": SyntheticProfile(3_100.0, 0.01, 0.038, 90.0),
    "SOL/USDT": SyntheticProfile(145.0, 0.01, 0.055, 900.0),
    "BNB/USDT": SyntheticProfile(580.0, 0.1, 0.035, 150.0),
    "XRP/USDT": SyntheticProfile(0.55, 0.0001, 0.045, 200_000.0),
    "DOGE/USDT": SyntheticProfile(0.14, 0.00001, 0.060, 900_000.0),
    "ADA/USDT": SyntheticProfile(0.45, 0.0001, 0.050, 250_000.0),
    "AVAX/USDT": SyntheticProfile(32.0, 0.01, 0.055, 3_000.0),
    "LINK/USDT": SyntheticProfile(15.0, 0.001, 0.050, 6_000.0),
}

# Multi-day anchor: (period in days, amplitude in log price) per octave.
_ANCHOR_OCTAVES = ((89.0, 0.45), (21.0, 0.14), (5.0, 0.05))
_IMPULSES_PER_DAY = 3.0
_PRICE_GAP_CHANCE = 0.004
# Busier around the US open (14:30 UTC), quieter at night: volatility by minute of the day.
_SESSION_SHAPE = 0.8 + 0.4 * np.exp(-(((np.arange(MINUTES_PER_DAY) / 60.0) - 14.5) ** 2) / 8.0)
_DAY_FRACTION = np.arange(1, MINUTES_PER_DAY + 1) / MINUTES_PER_DAY
_MINUTE_OFFSETS = np.arange(MINUTES_PER_DAY, dtype=np.int64) * MINUTE_MS


def _stable_hash(*parts: object) -> int:
    return zlib.crc32("|".join(str(part) for part in parts).encode())


def profile_for(symbol: str) -> SyntheticProfile:
    """Known symbols trade like their real counterparts; others get a stable made-up profile."""
    known = KNOWN_PROFILES.get(symbol)
    if known is not None:
        return known
    rng = np.random.default_rng(_stable_hash("profile", symbol))
    price = float(10 ** rng.uniform(-1, 3))
    tick = 10.0 ** (math.floor(math.log10(price)) - 4)
    return SyntheticProfile(price, tick, float(rng.uniform(0.03, 0.07)), float(1e5 / price))


# Timeframes kept per generated day, so years of 1h/4h/1d history need each day made once.
SUMMARY_TIMEFRAMES = ("15m", "1h", "4h", "1d")
_SUMMARY_CACHE_DAYS = 2048  # about 6 KB a day


class SyntheticMarket:
    def __init__(self, seed: int, symbols: Sequence[str]) -> None:
        self.seed = seed
        self.symbols = list(symbols)
        self._day_summaries = lru_cache(maxsize=_SUMMARY_CACHE_DAYS)(self._summarize_day)

    def minutes(self, symbol: str, start: int, end: int) -> CandleSeries:
        """1m candles with start <= open time < end."""
        if end <= start:
            return CandleSeries.empty()
        first_day = start // DAY_MS
        last_day = (end - 1) // DAY_MS
        days = [self._day(symbol, day) for day in range(first_day, last_day + 1)]
        joined = CandleSeries(*(np.concatenate(columns) for columns in zip(*days, strict=True)))
        return joined.between(start, end - 1)

    def whole_days(self, symbol: str, timeframe: str, start: int, end: int) -> CandleSeries:
        """Candles of a SUMMARY_TIMEFRAMES timeframe for the whole UTC days from the one holding
        `start` to the one ending at `end` (a day boundary), as built from the minutes."""
        days = range(start // DAY_MS, end // DAY_MS)
        return concat_series([self._day_summaries(symbol, day)[timeframe] for day in days])

    def _summarize_day(self, symbol: str, day: int) -> dict[str, CandleSeries]:
        minutes = CandleSeries(*self._day(symbol, day))
        return {timeframe: aggregate(minutes, timeframe) for timeframe in SUMMARY_TIMEFRAMES}

    def _anchor(self, symbol: str, day: int) -> float:
        """Log price at the start of `day`: base level plus smooth multi-scale noise."""
        level = math.log(profile_for(symbol).price)
        for octave, (period, amplitude) in enumerate(_ANCHOR_OCTAVES):
            position = day / period
            knot = math.floor(position)
            left = self._knot_value(symbol, octave, knot)
            right = self._knot_value(symbol, octave, knot + 1)
            blend = (1 - math.cos(math.pi * (position - knot))) / 2
            level += amplitude * (left + (right - left) * blend)
        return level

    def _knot_value(self, symbol: str, octave: int, knot: int) -> float:
        return _stable_hash(self.seed, symbol, "knot", octave, knot) / 0xFFFFFFFF * 2 - 1

    def _day(self, symbol: str, day: int) -> tuple[np.ndarray, ...]:
        profile = profile_for(symbol)
        rng = np.random.default_rng([self.seed, _stable_hash(symbol), day])
        sigma = profile.daily_volatility / math.sqrt(MINUTES_PER_DAY)
        # A calm (ranging) or an active (trending) day.
        calm = rng.random() < 0.35
        regime = 0.55 if calm else rng.uniform(0.9, 1.5)
        steps = rng.normal(0.0, sigma * regime, MINUTES_PER_DAY) * _SESSION_SHAPE

        for _ in range(rng.poisson(_IMPULSES_PER_DAY)):
            at = int(rng.integers(0, MINUTES_PER_DAY - 8))
            length = int(rng.integers(3, 7))
            direction = 1.0 if rng.random() < 0.5 else -1.0
            steps[at : at + length] += direction * sigma * rng.uniform(4.0, 9.0, length)

        # Bridge the walk onto the next day's anchor so consecutive days join up.
        start_level = self._anchor(symbol, day)
        drift_needed = self._anchor(symbol, day + 1) - start_level
        walk = np.cumsum(steps)
        walk -= _DAY_FRACTION * (walk[-1] - drift_needed)
        closes = np.exp(start_level + walk)
        opens = np.concatenate(([math.exp(start_level)], closes[:-1]))
        gapped = rng.random(MINUTES_PER_DAY) < _PRICE_GAP_CHANCE
        opens = np.where(gapped, opens * (1 + rng.normal(0, 3 * sigma, MINUTES_PER_DAY)), opens)

        wick = np.abs(rng.normal(0.0, sigma * 0.7, (2, MINUTES_PER_DAY)))
        highs = np.maximum(opens, closes) * (1 + wick[0])
        lows = np.minimum(opens, closes) * (1 - wick[1])
        move = np.abs(closes - opens) / opens / sigma
        volumes = profile.volume * rng.lognormal(0.0, 0.5, MINUTES_PER_DAY) * (0.6 + 0.4 * move)

        decimals = profile.price_precision
        # Rounding is monotonic, so high >= max(open, close) >= min(open, close) >= low holds.
        floor = profile.tick_size
        times = day * DAY_MS + _MINUTE_OFFSETS
        return (
            times,
            np.maximum(np.round(opens, decimals), floor),
            np.maximum(np.round(highs, decimals), floor),
            np.maximum(np.round(lows, decimals), floor),
            np.maximum(np.round(closes, decimals), floor),
            np.round(volumes, 4),
        )
