"""Fair Value Gap: a three-candle imbalance, completed at candle i (i >= 2).

Bullish when h[i-2] < l[i] (zone h[i-2]..l[i]); bearish when l[i-2] > h[i] (zone h[i]..l[i-2]).
Equality is no gap. The middle candle i-1 is the displacement."""

from __future__ import annotations

import numpy as np

from cryptolens.patterns.detectors.candles import CandleSeries, FloatArray, IntArray
from cryptolens.patterns.detectors.zones import (
    BEARISH,
    BULLISH,
    FVG,
    PatternZones,
    join_zones,
    new_zones,
    passes_zone_filter,
)


def find_fair_value_gaps(candles: CandleSeries, min_zone_pct: float) -> PatternZones:
    high, low = candles.high, candles.low
    # Index i-2 of each gap; the zone filter only runs on the gaps.
    bullish = np.flatnonzero(high[:-2] < low[2:])
    bearish = np.flatnonzero(low[:-2] > high[2:])
    return join_zones(
        [
            _gaps(BULLISH, bullish, high[bullish], low[bullish + 2], min_zone_pct),
            _gaps(BEARISH, bearish, high[bearish + 2], low[bearish], min_zone_pct),
        ]
    )


def _gaps(
    direction: int,
    first_candle: IntArray,
    zone_low: FloatArray,
    zone_high: FloatArray,
    min_zone_pct: float,
) -> PatternZones:
    keep = passes_zone_filter(zone_low, zone_high, min_zone_pct)
    first_candle = first_candle[keep]
    return new_zones(
        FVG, direction, first_candle + 2, first_candle + 1, zone_low[keep], zone_high[keep]
    )
