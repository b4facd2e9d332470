"""The whole detection of one candle series: detectors, strength, lifecycle, suppression."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from cryptolens.core.timeframes import overlap_threshold, pattern_expiry_ms, timeframe_ms
from cryptolens.patterns.detectors.candles import (
    BoolArray,
    CandleSeries,
    CodeArray,
    FloatArray,
    IntArray,
)
from cryptolens.patterns.detectors.fvg import find_fair_value_gaps
from cryptolens.patterns.detectors.indicators import candle_body
from cryptolens.patterns.detectors.lifecycle import (
    NO_TIME,
    STATUSES,
    Lifecycles,
    PricePath,
    TrackedZones,
    advance_lifecycles,
)
from cryptolens.patterns.detectors.liquidity import find_liquidity_sweeps
from cryptolens.patterns.detectors.order_block import find_order_blocks
from cryptolens.patterns.detectors.strength import pattern_strength
from cryptolens.patterns.detectors.suppression import ActiveZones, active_until, keep_after_overlap
from cryptolens.patterns.detectors.zones import DIRECTIONS, PATTERN_TYPES, join_zones
from cryptolens.settings import ScanSettings

# The detectors' defaults are the scan settings' defaults (written once, in cryptolens.settings).
DEFAULT_MIN_ZONE_PCT = ScanSettings().min_zone_pct
DEFAULT_OB_IMPULSE_MULTIPLIER = ScanSettings().ob_impulse_multiplier


@dataclass(frozen=True, slots=True)
class FormedPatterns:
    """Formation fields, in the output order; `candle_index` is the completing candle k."""

    pattern_type: CodeArray
    direction: CodeArray
    candle_index: IntArray
    formed_at: IntArray
    confirmed_at: IntArray
    zone_low: FloatArray
    zone_high: FloatArray
    strength: FloatArray

    def __len__(self) -> int:
        return len(self.formed_at)

    def take(self, selection: IntArray | BoolArray) -> FormedPatterns:
        return FormedPatterns(
            self.pattern_type[selection],
            self.direction[selection],
            self.candle_index[selection],
            self.formed_at[selection],
            self.confirmed_at[selection],
            self.zone_low[selection],
            self.zone_high[selection],
            self.strength[selection],
        )

    def expires_at(self, timeframe: str) -> IntArray:
        return self.formed_at + pattern_expiry_ms(timeframe)

    def tracked(self, timeframe: str) -> TrackedZones:
        return TrackedZones(
            self.pattern_type,
            self.direction,
            self.zone_low,
            self.zone_high,
            self.expires_at(timeframe),
        )


class PatternRow(TypedDict):
    """One pattern as `cryptolens detect` writes it; times in ms, None when not reached."""

    type: str
    direction: str
    formed_at: int
    confirmed_at: int
    zone_low: float
    zone_high: float
    strength: float
    status: str
    touched_at: int | None
    fill_pct: float
    filled_at: int | None
    invalidated_at: int | None
    expired_at: int | None


@dataclass(frozen=True, slots=True)
class DetectedPatterns:
    """The kept patterns of a series, in output order, with their lifecycle."""

    timeframe: str
    candle_count: int
    formed: FormedPatterns
    lifecycle: Lifecycles

    def __len__(self) -> int:
        return len(self.formed)

    def rows(self) -> list[PatternRow]:
        """Plain Python values, as `cryptolens detect` writes them."""
        formed, lifecycle = self.formed, self.lifecycle
        return [
            PatternRow(
                type=PATTERN_TYPES[pattern_type],
                direction=DIRECTIONS[direction],
                formed_at=formed_at,
                confirmed_at=confirmed_at,
                zone_low=zone_low,
                zone_high=zone_high,
                strength=strength,
                status=STATUSES[status],
                touched_at=_time_or_none(touched_at),
                fill_pct=fill_pct,
                filled_at=_time_or_none(filled_at),
                invalidated_at=_time_or_none(invalidated_at),
                expired_at=_time_or_none(expired_at),
            )
            for (
                pattern_type,
                direction,
                formed_at,
                confirmed_at,
                zone_low,
                zone_high,
                strength,
                status,
                touched_at,
                fill_pct,
                filled_at,
                invalidated_at,
                expired_at,
            ) in zip(
                formed.pattern_type.tolist(),
                formed.direction.tolist(),
                formed.formed_at.tolist(),
                formed.confirmed_at.tolist(),
                formed.zone_low.tolist(),
                formed.zone_high.tolist(),
                formed.strength.tolist(),
                lifecycle.status.tolist(),
                lifecycle.touched_at.tolist(),
                lifecycle.fill_pct.tolist(),
                lifecycle.filled_at.tolist(),
                lifecycle.invalidated_at.tolist(),
                lifecycle.expired_at.tolist(),
                strict=True,
            )
        ]


def _time_or_none(instant: int) -> int | None:
    return None if instant == NO_TIME else instant


def form_patterns(
    candles: CandleSeries,
    timeframe: str,
    min_zone_pct: float = DEFAULT_MIN_ZONE_PCT,
    ob_impulse_multiplier: float = DEFAULT_OB_IMPULSE_MULTIPLIER,
) -> FormedPatterns:
    """Every candidate of the three detectors with its strength, before overlap suppression."""
    candle_ms = timeframe_ms(timeframe)
    body = candle_body(candles)
    zones = join_zones(
        [
            find_fair_value_gaps(candles, min_zone_pct),
            find_order_blocks(candles, body, min_zone_pct, ob_impulse_multiplier),
            find_liquidity_sweeps(candles, min_zone_pct),
        ]
    )
    formed_at = candles.time[zones.candle_index]
    return FormedPatterns(
        pattern_type=zones.pattern_type,
        direction=zones.direction,
        candle_index=zones.candle_index,
        formed_at=formed_at,
        confirmed_at=formed_at + candle_ms,
        zone_low=zones.zone_low,
        zone_high=zones.zone_high,
        strength=pattern_strength(zones, candles, body),
    )


def detect_patterns(
    candles: CandleSeries,
    timeframe: str,
    min_zone_pct: float = DEFAULT_MIN_ZONE_PCT,
    ob_impulse_multiplier: float = DEFAULT_OB_IMPULSE_MULTIPLIER,
    now_ms: int | None = None,
) -> DetectedPatterns:
    """Patterns of a whole series, as `cryptolens detect` reports them. The lifecycle runs on the
    candles after each pattern's completing candle; `now_ms` (default: the close of the last
    candle) decides whether a pattern still active at the end has expired."""
    candle_ms = timeframe_ms(timeframe)
    candidates = form_patterns(candles, timeframe, min_zone_pct, ob_impulse_multiplier)
    if now_ms is None:
        now_ms = int(candles.time[-1]) + candle_ms if len(candles) else 0

    # Suppression asks whether earlier patterns were still active, so every candidate's
    # lifecycle comes first; it depends on nothing but the prices after it.
    tracked = candidates.tracked(timeframe)
    lifecycle = advance_lifecycles(
        tracked,
        Lifecycles.fresh(len(candidates)),
        PricePath(candles.time, candles.high, candles.low),
        candidates.candle_index + 1,
        now_ms,
    )
    keep = keep_after_overlap(
        ActiveZones(
            candidates.pattern_type,
            candidates.direction,
            candidates.formed_at,
            candidates.zone_low,
            candidates.zone_high,
            active_until(lifecycle, tracked.expires_at, candle_ms),
        ),
        candidates.confirmed_at,
        overlap_threshold(timeframe),
    )
    return DetectedPatterns(
        timeframe=timeframe,
        candle_count=len(candles),
        formed=candidates.take(keep),
        lifecycle=lifecycle.take(keep),
    )
