"""Pure pattern detectors over numpy arrays: Fair Value Gaps, Order Blocks and Liquidity Sweeps,
their strength, overlap suppression and lifecycle (rules: docs/rules/patterns.md).

`detect_patterns` runs everything on one series. The service composes the parts itself:
`form_patterns` on a scan window, `advance_lifecycles` on 1m candles, `keep_after_overlap` with
the stored patterns that are still active passed as `already_kept`."""

from cryptolens.patterns.detectors.candles import CandleSeries
from cryptolens.patterns.detectors.fvg import find_fair_value_gaps
from cryptolens.patterns.detectors.indicators import candle_body
from cryptolens.patterns.detectors.lifecycle import (
    ACTIVE,
    EXPIRED,
    FILLED,
    INVALIDATED,
    NO_TIME,
    STATUSES,
    Lifecycles,
    PricePath,
    TrackedZones,
    advance_lifecycles,
    first_candle_from,
)
from cryptolens.patterns.detectors.liquidity import find_liquidity_sweeps
from cryptolens.patterns.detectors.order_block import find_order_blocks
from cryptolens.patterns.detectors.pipeline import (
    DEFAULT_MIN_ZONE_PCT,
    DEFAULT_OB_IMPULSE_MULTIPLIER,
    DetectedPatterns,
    FormedPatterns,
    PatternRow,
    detect_patterns,
    form_patterns,
)
from cryptolens.patterns.detectors.strength import pattern_strength
from cryptolens.patterns.detectors.suppression import ActiveZones, active_until, keep_after_overlap
from cryptolens.patterns.detectors.zones import (
    BEARISH,
    BULLISH,
    DIRECTIONS,
    FVG,
    LIQUIDITY_SWEEP,
    ORDER_BLOCK,
    PATTERN_TYPES,
    PatternZones,
)

__all__ = [
    "ACTIVE",
    "BEARISH",
    "BULLISH",
    "DEFAULT_MIN_ZONE_PCT",
    "DEFAULT_OB_IMPULSE_MULTIPLIER",
    "DIRECTIONS",
    "EXPIRED",
    "FILLED",
    "FVG",
    "INVALIDATED",
    "LIQUIDITY_SWEEP",
    "NO_TIME",
    "ORDER_BLOCK",
    "PATTERN_TYPES",
    "STATUSES",
    "ActiveZones",
    "CandleSeries",
    "DetectedPatterns",
    "FormedPatterns",
    "Lifecycles",
    "PatternRow",
    "PatternZones",
    "PricePath",
    "TrackedZones",
    "active_until",
    "advance_lifecycles",
    "candle_body",
    "detect_patterns",
    "find_fair_value_gaps",
    "find_liquidity_sweeps",
    "find_order_blocks",
    "first_candle_from",
    "form_patterns",
    "keep_after_overlap",
    "pattern_strength",
]
