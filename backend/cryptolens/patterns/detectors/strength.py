"""Strength (0..1) of each pattern: 40 % zone size against ATR, 40 % impulse, 20 % volume."""

from __future__ import annotations

import numpy as np

from cryptolens.patterns.detectors.candles import BoolArray, CandleSeries, FloatArray
from cryptolens.patterns.detectors.indicators import (
    AVERAGE_WINDOW,
    average_true_range_at,
    mean_of_previous_at,
)
from cryptolens.patterns.detectors.zones import BULLISH, LIQUIDITY_SWEEP, PatternZones, zone_pct

STRENGTH_DECIMALS = 4
NEUTRAL_SCORE = 0.5  # impulse or volume when their 20-candle average is missing or zero


def pattern_strength(zones: PatternZones, candles: CandleSeries, body: FloatArray) -> FloatArray:
    """`body` is |close - open| of every candle."""
    k, d = zones.candle_index, zones.displacement_index
    height = zones.zone_high - zones.zone_low

    with np.errstate(divide="ignore", invalid="ignore"):
        atr = average_true_range_at(candles, k)
        has_atr = np.isfinite(atr) & (atr != 0.0)
        # Without an ATR, a 1 % zone scores 1.
        size = np.where(has_atr, height / atr, zone_pct(zones.zone_low, zones.zone_high) / 1.0)

        avg_body = mean_of_previous_at(body, AVERAGE_WINDOW, d)
        impulse = np.where(
            zones.pattern_type == LIQUIDITY_SWEEP,
            _rejection(zones, candles),
            _ratio_to_average(body[d], avg_body),
        )
        avg_volume = mean_of_previous_at(candles.volume, AVERAGE_WINDOW, d)
        volume = _ratio_to_average(candles.volume[d], avg_volume)

    score = (0.4 * _unit(size) + 0.4 * _unit(impulse)) + 0.2 * _unit(volume)
    return round_like_python(score, STRENGTH_DECIMALS)


def _ratio_to_average(value: FloatArray, average: FloatArray) -> FloatArray:
    usable: BoolArray = np.isfinite(average) & (average != 0.0)
    return np.where(usable, value / (2.0 * average), NEUTRAL_SCORE)


def _rejection(zones: PatternZones, candles: CandleSeries) -> FloatArray:
    """How far the sweeping candle closed back from its extreme, as a share of its range."""
    j = zones.candle_index
    high, low, close = candles.high[j], candles.low[j], candles.close[j]
    candle_range = high - low
    back_up = (close - low) / candle_range
    back_down = (high - close) / candle_range
    rejection = np.where(zones.direction == BULLISH, back_up, back_down)
    return np.where(candle_range == 0.0, 0.0, rejection)


def _unit(values: FloatArray) -> FloatArray:
    return np.clip(values, 0.0, 1.0)


def round_like_python(values: FloatArray, decimals: int) -> FloatArray:
    """Python's round(x, decimals) on every value: correctly rounded, ties to even.

    Scaling then rint agrees with it except when the scaled value lands within rounding error
    of a half; those rare values are rounded by Python itself."""
    scale = 10.0**decimals
    scaled = values * scale
    rounded: FloatArray = np.rint(scaled) / scale
    fraction = np.abs(scaled - np.trunc(scaled))
    for index in np.flatnonzero(np.abs(fraction - 0.5) < 1e-6):
        rounded[index] = round(float(values[index]), decimals)
    return rounded
