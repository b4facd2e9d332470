"""Liquidity Sweep: a candle trades through a swing level and closes back inside it, completed
at the sweeping candle j, which is also the displacement.

A swing point at s is known once candle s+3 has closed, so its level can be taken from candle
s+4 up to candle s+50. The first candle that trades through a level uses it up: swept when it
closes back on the level's side, broken otherwise. Of the levels a candle sweeps, the most
extreme makes its one sweep in that direction; if that zone fails the filter, there is none."""

from __future__ import annotations

import numpy as np

from cryptolens.patterns.detectors.candles import CandleSeries, FloatArray, IntArray
from cryptolens.patterns.detectors.indicators import SWING_REACH, swing_highs, swing_lows
from cryptolens.patterns.detectors.jit import compiled
from cryptolens.patterns.detectors.zones import (
    BEARISH,
    BULLISH,
    LIQUIDITY_SWEEP,
    PatternZones,
    join_zones,
    new_zones,
    passes_zone_filter,
)

FIRST_REACH = SWING_REACH + 1  # s+4: the first candle after the swing is confirmed
LAST_REACH = 50  # s+50: the level is stale after that


def find_liquidity_sweeps(candles: CandleSeries, min_zone_pct: float) -> PatternZones:
    high, low, close = candles.high, candles.low, candles.close

    sweeper, level = _sweeps(swing_lows(low), low, close, True)
    keep = passes_zone_filter(low[sweeper], level, min_zone_pct)
    sweeper, level = sweeper[keep], level[keep]
    bullish = new_zones(LIQUIDITY_SWEEP, BULLISH, sweeper, sweeper, low[sweeper], level)

    sweeper, level = _sweeps(swing_highs(high), high, close, False)
    keep = passes_zone_filter(level, high[sweeper], min_zone_pct)
    sweeper, level = sweeper[keep], level[keep]
    bearish = new_zones(LIQUIDITY_SWEEP, BEARISH, sweeper, sweeper, level, high[sweeper])
    return join_zones([bullish, bearish])


def _sweeps(
    levels_at: IntArray, extreme: FloatArray, close: FloatArray, below: bool
) -> tuple[IntArray, FloatArray]:
    """The sweeping candles of one direction, ascending, each with the level it sweeps."""
    swept_level = _most_extreme_swept(levels_at, extreme, close, below)
    sweepers = np.flatnonzero(~np.isnan(swept_level))
    return sweepers, swept_level[sweepers]


@compiled
def _most_extreme_swept(
    levels_at: IntArray, extreme: FloatArray, close: FloatArray, below: bool
) -> FloatArray:
    """Per candle, the most extreme level it swept (NaN if none).

    Swing lows (`below`): the first candle in [s+4, s+50] trading below a level takes it, and
    sweeps it if it closes back above, else breaks it; either way the level is used up. Swing
    highs mirror. Levels are independent of each other, so each is followed on its own."""
    candle_count = len(extreme)
    swept_level = np.full(candle_count, np.nan)
    for swing in levels_at:
        level = extreme[swing]
        last = min(swing + LAST_REACH, candle_count - 1)
        for candle in range(swing + FIRST_REACH, last + 1):
            price = extreme[candle]
            if (price < level) if below else (price > level):
                if (close[candle] > level) if below else (close[candle] < level):
                    best = swept_level[candle]
                    if np.isnan(best) or ((level < best) if below else (level > best)):
                        swept_level[candle] = level
                break
    return swept_level
