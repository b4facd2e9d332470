"""Order Block: the last opposite-coloured candle before an impulse that breaks structure,
completed at the impulse candle i (i >= 20), which is also the displacement.

Impulse: body[i] > multiplier * avg_body[i] with avg_body[i] > 0. Break of structure: a bullish
impulse closes above the highest high of the 10 candles before it, a bearish one below the
lowest low. The block is the nearest of i-1, i-2, i-3 that has the opposite colour (dojis have
none) and whose body passes the zone filter; the zone is that body."""

from __future__ import annotations

import numpy as np

from cryptolens.patterns.detectors.candles import BoolArray, CandleSeries, FloatArray, IntArray
from cryptolens.patterns.detectors.indicators import (
    AVERAGE_WINDOW,
    highest_of_previous,
    lowest_of_previous,
    mean_of_previous_at,
)
from cryptolens.patterns.detectors.zones import (
    BEARISH,
    BULLISH,
    ORDER_BLOCK,
    PatternZones,
    join_zones,
    new_zones,
    passes_zone_filter,
)

STRUCTURE_WINDOW = 10
BLOCK_SEARCH_DEPTH = 3
NO_BLOCK = -1


def find_order_blocks(
    candles: CandleSeries,
    body: FloatArray,
    min_zone_pct: float,
    impulse_multiplier: float = 1.5,
) -> PatternZones:
    """`body` is |close - open| of every candle."""
    open_, high, low, close = candles.open, candles.high, candles.low, candles.close
    start = AVERAGE_WINDOW  # the first candle with a 20-candle average body

    with np.errstate(invalid="ignore"):  # NaN extremes before candle 10 compare False
        breaks_up = close > highest_of_previous(high, STRUCTURE_WINDOW)
        breaks_down = close < lowest_of_previous(low, STRUCTURE_WINDOW)
    # The 20-candle average body is needed only where structure breaks: evaluate it there.
    rising = np.flatnonzero(breaks_up[start:] & (close[start:] > open_[start:])) + start
    falling = np.flatnonzero(breaks_down[start:] & (close[start:] < open_[start:])) + start

    parts = []
    for direction, breaks in ((BULLISH, rising), (BEARISH, falling)):
        impulses = breaks[_is_impulse(body, breaks, impulse_multiplier)]
        blocks = _nearest_block(candles, impulses, direction, min_zone_pct)
        found = blocks != NO_BLOCK
        block_at = blocks[found]
        parts.append(
            new_zones(
                ORDER_BLOCK,
                direction,
                impulses[found],
                impulses[found],
                np.minimum(open_[block_at], close[block_at]),
                np.maximum(open_[block_at], close[block_at]),
            )
        )
    return join_zones(parts)


def _is_impulse(body: FloatArray, at: IntArray, impulse_multiplier: float) -> BoolArray:
    avg_body = mean_of_previous_at(body, AVERAGE_WINDOW, at)
    impulse: BoolArray = (body[at] > impulse_multiplier * avg_body) & (avg_body > 0.0)
    return impulse


def _nearest_block(
    candles: CandleSeries, impulses: IntArray, direction: int, min_zone_pct: float
) -> IntArray:
    """For each impulse i, the first of i-1, i-2, i-3 that can be its block, else NO_BLOCK."""
    # One row per distance, nearest first; one column per impulse.
    candidates = impulses - np.arange(1, BLOCK_SEARCH_DEPTH + 1)[:, np.newaxis]
    open_, close = candles.open[candidates], candles.close[candidates]
    # A bullish OB's block is a bearish candle, and the other way round.
    opposite = close < open_ if direction == BULLISH else close > open_
    usable = opposite & passes_zone_filter(
        np.minimum(open_, close), np.maximum(open_, close), min_zone_pct
    )
    nearest = np.argmax(usable, axis=0)  # the first usable row, or row 0 when none is
    columns = np.arange(len(impulses))
    blocks: IntArray = np.where(usable[nearest, columns], candidates[nearest, columns], NO_BLOCK)
    return blocks
