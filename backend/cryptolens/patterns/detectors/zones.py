"""Pattern zones as found by the detectors, the zone filter they share, and the output order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from cryptolens.patterns.detectors.candles import BoolArray, CodeArray, FloatArray, IntArray

# Codes stored in the int8 arrays; the tuples give their names, in output order.
FVG, ORDER_BLOCK, LIQUIDITY_SWEEP = 0, 1, 2
PATTERN_TYPES = ("fvg", "order_block", "liquidity_sweep")
BULLISH, BEARISH = 0, 1
DIRECTIONS = ("bullish", "bearish")


@dataclass(frozen=True, slots=True)
class PatternZones:
    """Patterns as their detector completes them, before strength, suppression and lifecycle.

    `candle_index` is k, the candle that completes the pattern; `displacement_index` is d, the
    candle whose body and volume measure the move (strength)."""

    pattern_type: CodeArray
    direction: CodeArray
    candle_index: IntArray
    displacement_index: IntArray
    zone_low: FloatArray
    zone_high: FloatArray

    def __len__(self) -> int:
        return len(self.candle_index)


def new_zones(
    pattern_type: int,
    direction: int,
    candle_index: IntArray,
    displacement_index: IntArray,
    zone_low: FloatArray,
    zone_high: FloatArray,
) -> PatternZones:
    count = len(candle_index)
    return PatternZones(
        np.full(count, pattern_type, dtype=np.int8),
        np.full(count, direction, dtype=np.int8),
        candle_index.astype(np.int64, copy=False),
        displacement_index.astype(np.int64, copy=False),
        zone_low.astype(np.float64, copy=False),
        zone_high.astype(np.float64, copy=False),
    )


def zone_pct(zone_low: FloatArray, zone_high: FloatArray) -> FloatArray:
    """Zone height in percent of its low, evaluated in the order docs/rules/patterns.md writes
    it."""
    with np.errstate(divide="ignore", invalid="ignore"):
        result: FloatArray = (zone_high - zone_low) / zone_low * 100.0
    return result


def passes_zone_filter(
    zone_low: FloatArray, zone_high: FloatArray, min_zone_pct: float
) -> BoolArray:
    """A zone counts only if it is positive, not empty and at least `min_zone_pct` tall."""
    with np.errstate(invalid="ignore"):
        keep: BoolArray = (
            (zone_low > 0.0)
            & (zone_high > zone_low)
            & (zone_pct(zone_low, zone_high) >= min_zone_pct)
        )
    return keep


def join_zones(parts: Sequence[PatternZones]) -> PatternZones:
    """All detectors' zones together, sorted in the output order: formed_at (that is, the
    completing candle), then type fvg, order_block, liquidity_sweep, then bullish before bearish."""
    pattern_type = np.concatenate([part.pattern_type for part in parts])
    direction = np.concatenate([part.direction for part in parts])
    candle_index = np.concatenate([part.candle_index for part in parts])
    order = np.lexsort((direction, pattern_type, candle_index))
    return PatternZones(
        pattern_type[order],
        direction[order],
        candle_index[order],
        np.concatenate([part.displacement_index for part in parts])[order],
        np.concatenate([part.zone_low for part in parts])[order],
        np.concatenate([part.zone_high for part in parts])[order],
    )
