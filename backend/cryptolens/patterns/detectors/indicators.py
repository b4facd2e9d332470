"""Per-candle measures the detectors and the strength score share: ATR-14 (over TR), the average
body and volume of the 20 previous candles, rolling extremes and swing points.

Means are evaluated only at the candles that need them (a few percent of the candles). Every
mean is the left-to-right binary64 sum of its window, divided once by its length: the compiled
loop adds the window's values in order, which gives exactly that sum; a cumulative sum would
round differently."""

from __future__ import annotations

import numpy as np

from cryptolens.patterns.detectors.candles import BoolArray, CandleSeries, FloatArray, IntArray
from cryptolens.patterns.detectors.jit import compiled

ATR_WINDOW = 14
AVERAGE_WINDOW = 20
SWING_REACH = 3  # candles on each side of a swing point


def candle_body(candles: CandleSeries) -> FloatArray:
    return np.abs(candles.close - candles.open)


def mean_ending_at(values: FloatArray, window: int, last: IntArray) -> FloatArray:
    """Mean of values[i-window+1..i] (i included) at each index i; NaN where the window would
    start before the first value."""
    defined = last >= window - 1
    result = np.full(len(last), np.nan)
    result[defined] = _sums_ending_at(values, window, last[defined]) / window
    return result


@compiled
def _sums_ending_at(values: FloatArray, window: int, last: IntArray) -> FloatArray:
    # The spec fixes the order of the additions, so this reduction is sequential by nature.
    sums = np.empty(len(last))
    for position in range(len(last)):
        end = last[position]
        total = values[end - window + 1]
        for index in range(end - window + 2, end + 1):
            total += values[index]
        sums[position] = total
    return sums


def average_true_range_at(candles: CandleSeries, at: IntArray) -> FloatArray:
    """ATR-14 at each index i: mean of TR[i-13..i]; NaN for i < 13."""
    defined = at >= ATR_WINDOW - 1
    result = np.full(len(at), np.nan)
    sums = _true_range_sums(candles.high, candles.low, candles.close, ATR_WINDOW, at[defined])
    result[defined] = sums / ATR_WINDOW
    return result


@compiled
def _true_range(high: FloatArray, low: FloatArray, close: FloatArray, index: int) -> float:
    """TR[i] = max(h-l, |h - previous close|, |l - previous close|); TR[0] = h[0] - l[0]."""
    candle_range: float = high[index] - low[index]
    if index == 0:
        return candle_range
    previous_close = close[index - 1]
    widest: float = max(
        candle_range, abs(high[index] - previous_close), abs(low[index] - previous_close)
    )
    return widest


@compiled
def _true_range_sums(
    high: FloatArray, low: FloatArray, close: FloatArray, window: int, last: IntArray
) -> FloatArray:
    """Sum of TR[i-window+1..i] at each index i, added in window order."""
    sums = np.empty(len(last))
    for position in range(len(last)):
        first = last[position] - window + 1
        total = _true_range(high, low, close, first)
        for index in range(first + 1, last[position] + 1):
            total += _true_range(high, low, close, index)
        sums[position] = total
    return sums


def mean_of_previous_at(values: FloatArray, window: int, at: IntArray) -> FloatArray:
    """Mean of values[i-window..i-1] (i excluded) at each index i; NaN for i < window."""
    return mean_ending_at(values, window, at - 1)


def highest_of_previous(values: FloatArray, window: int) -> FloatArray:
    """max(values[i-window..i-1]) for every i; NaN for i < window."""
    return _previous_extreme(values, window, np.maximum)


def lowest_of_previous(values: FloatArray, window: int) -> FloatArray:
    """min(values[i-window..i-1]) for every i; NaN for i < window."""
    return _previous_extreme(values, window, np.minimum)


def _previous_extreme(values: FloatArray, window: int, pick: np.ufunc) -> FloatArray:
    count = len(values)
    result = np.full(count, np.nan)
    if count <= window:
        return result
    # Extremes of runs doubling in length, then two overlapping runs cover each window:
    # a few passes instead of one per window position (max and min are exact either way).
    span, extreme = 1, values
    while span * 2 <= window:
        extreme = pick(extreme[:-span], extreme[span:])
        span *= 2
    starts = count - window
    result[window:] = pick(extreme[:starts], extreme[window - span : window - span + starts])
    return result


def swing_highs(high: FloatArray) -> IntArray:
    """Indices s where h[s] >= every high within SWING_REACH candles on both sides."""
    return _extremes(high, np.greater_equal)


def swing_lows(low: FloatArray) -> IntArray:
    """Indices s where l[s] <= every low within SWING_REACH candles on both sides."""
    return _extremes(low, np.less_equal)


def _extremes(values: FloatArray, at_least_as_extreme: np.ufunc) -> IntArray:
    first, last = SWING_REACH, len(values) - SWING_REACH - 1
    if last < first:
        return np.zeros(0, dtype=np.int64)
    centre = values[first : last + 1]
    verdict: BoolArray = np.ones(len(centre), dtype=np.bool_)
    for offset in range(1, SWING_REACH + 1):
        verdict &= at_least_as_extreme(centre, values[first - offset : last + 1 - offset])
        verdict &= at_least_as_extreme(centre, values[first + offset : last + 1 + offset])
    return np.flatnonzero(verdict) + first
