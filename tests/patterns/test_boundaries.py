"""Hand-made series pinning each boundary of the rules: strict against non-strict comparisons,
the 20- and 10-candle windows, the s+4 and s+50 sweep reach, one sweep per candle and
direction, adverse first within a candle, expiry at exactly formed_at + expiry, the overlap
threshold. Each case also runs through the reference, which must agree."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cryptolens.core.timeframes import pattern_expiry_ms, timeframe_ms
from cryptolens.patterns.detectors import CandleSeries, detect_patterns
from cryptolens.patterns.detectors.strength import round_like_python
from tests.patterns import reference
from tests.patterns.compare import differences

START = 1_600_000_000_000 - 1_600_000_000_000 % 86_400_000  # a midnight UTC
Candle = tuple[float, float, float, float]


def detect(
    rows: list[Candle],
    timeframe: str = "1h",
    min_zone_pct: float = 0.15,
    times: list[int] | None = None,
) -> list[dict[str, object]]:
    """Patterns of candles given as (open, high, low, close), volume 1, one per timeframe."""
    if times is None:
        times = [START + index * timeframe_ms(timeframe) for index in range(len(rows))]
    opens = [row[0] for row in rows]
    highs = [row[1] for row in rows]
    lows = [row[2] for row in rows]
    closes = [row[3] for row in rows]
    volumes = [1.0] * len(rows)
    candles = CandleSeries.from_arrays(times, opens, highs, lows, closes, volumes)
    found = detect_patterns(candles, timeframe, min_zone_pct).rows()
    expected = reference.detect(times, opens, highs, lows, closes, volumes, timeframe, min_zone_pct)
    assert differences(expected, found) == []
    return [dict(pattern) for pattern in found]


def at(
    patterns: list[dict[str, object]], index: int, kind: str, timeframe: str = "1h"
) -> list[dict[str, object]]:
    formed_at = START + index * timeframe_ms(timeframe)
    return [p for p in patterns if p["formed_at"] == formed_at and p["type"] == kind]


# Fair value gaps -------------------------------------------------------------------------


def three_candles(first_high: float, third_low: float) -> list[Candle]:
    return [
        (100.0, first_high, 99.5, 100.0),
        (100.0, 104.0, 100.0, 103.5),
        (103.5, 105.0, third_low, 104.5),
    ]


def test_fvg_needs_a_strict_gap() -> None:
    assert at(detect(three_candles(101.0, 101.0), min_zone_pct=0.0), 2, "fvg") == []
    (gap,) = at(detect(three_candles(101.0, 101.25), min_zone_pct=0.0), 2, "fvg")
    assert (gap["direction"], gap["zone_low"], gap["zone_high"]) == ("bullish", 101.0, 101.25)


def test_bearish_fvg_needs_a_strict_gap() -> None:
    falling = [(100.0, 100.5, 99.0, 99.5), (99.5, 99.5, 96.0, 96.5), (96.5, 99.0, 95.0, 95.5)]
    assert at(detect(falling, min_zone_pct=0.0), 2, "fvg") == []
    falling[2] = (96.5, 98.75, 95.0, 95.5)
    (gap,) = at(detect(falling, min_zone_pct=0.0), 2, "fvg")
    assert (gap["direction"], gap["zone_low"], gap["zone_high"]) == ("bearish", 98.75, 99.0)


def test_zone_filter_keeps_a_zone_at_exactly_the_minimum() -> None:
    exact = (101.25 - 101.0) / 101.0 * 100  # evaluated as the spec writes it
    assert len(at(detect(three_candles(101.0, 101.25), min_zone_pct=exact), 2, "fvg")) == 1
    above = float(np.nextafter(exact, np.inf))
    assert at(detect(three_candles(101.0, 101.25), min_zone_pct=above), 2, "fvg") == []


def test_two_candles_make_no_fvg() -> None:
    assert detect(three_candles(101.0, 102.0)[:2], min_zone_pct=0.0) == []


# Order blocks ----------------------------------------------------------------------------

QUIET_UP: Candle = (100.0, 101.0, 100.0, 101.0)  # body 1
BEARISH_BLOCK: Candle = (101.0, 101.0, 100.0, 100.0)  # body 1, zone 100..101


def order_block_setup(impulse_close: float, blocks: list[Candle] | None = None) -> list[Candle]:
    """20 candles of body 1 (average body exactly 1.0), then a bullish impulse from 100."""
    history = [QUIET_UP] * 17 + (blocks or [QUIET_UP, QUIET_UP, BEARISH_BLOCK])
    return [*history, (100.0, impulse_close, 100.0, impulse_close)]


def test_impulse_must_exceed_one_and_a_half_average_bodies() -> None:
    assert at(detect(order_block_setup(101.5)), 20, "order_block") == []  # body == 1.5 x 1.0
    (block,) = at(detect(order_block_setup(101.5000001)), 20, "order_block")
    assert (block["direction"], block["zone_low"], block["zone_high"]) == ("bullish", 100.0, 101.0)


def test_break_of_structure_is_strict_and_looks_back_ten_candles() -> None:
    rows = order_block_setup(103.0)
    rows[10] = (100.0, 103.0, 100.0, 101.0)  # i-10 reaches the impulse close: no break
    assert at(detect(rows), 20, "order_block") == []
    rows = order_block_setup(103.0)
    rows[9] = (100.0, 103.0, 100.0, 101.0)  # i-11 is outside the 10-candle window
    assert len(at(detect(rows), 20, "order_block")) == 1


def test_no_order_block_before_twenty_candles_of_history() -> None:
    rows = order_block_setup(110.0)
    assert at(detect(rows[1:]), 19, "order_block") == []  # no 20-candle average at 19
    assert len(at(detect(rows), 20, "order_block")) == 1


def test_block_is_the_nearest_usable_opposite_candle() -> None:
    doji: Candle = (100.5, 101.0, 100.0, 100.5)
    thin_bearish: Candle = (100.5, 101.0, 100.0, 100.4)  # body 0.0996 % of its low
    (block,) = at(
        detect(order_block_setup(103.0, [BEARISH_BLOCK, thin_bearish, doji])), 20, "order_block"
    )
    assert (block["zone_low"], block["zone_high"]) == (100.0, 101.0)  # i-3

    nearer: Candle = (100.8, 101.0, 100.0, 100.0)
    (block,) = at(
        detect(order_block_setup(103.0, [BEARISH_BLOCK, QUIET_UP, nearer])), 20, "order_block"
    )
    assert (block["zone_low"], block["zone_high"]) == (100.0, 100.8)  # i-1 wins

    # The only bearish candle is i-4: nothing within reach.
    rows = [QUIET_UP] * 16 + [BEARISH_BLOCK] + [QUIET_UP] * 3 + [(100.0, 103.0, 100.0, 103.0)]
    assert at(detect(rows), 20, "order_block") == []


def test_bearish_order_block_mirrors() -> None:
    quiet_down: Candle = (101.0, 101.0, 100.0, 100.0)
    bullish_block: Candle = (100.0, 101.0, 100.0, 101.0)
    rows = [quiet_down] * 19 + [bullish_block, (101.0, 101.0, 98.0, 98.0)]
    (block,) = at(detect(rows), 20, "order_block")
    assert (block["direction"], block["zone_low"], block["zone_high"]) == ("bearish", 100.0, 101.0)


# Liquidity sweeps ------------------------------------------------------------------------

FLAT: Candle = (100.5, 101.0, 100.0, 100.5)  # lows 100, highs 101: swing points everywhere
SWEEP_BELOW: Candle = (100.5, 100.5, 98.5, 99.5)  # through 99 and back above, below 100


def with_dips(length: int, dips: dict[int, float], extra: dict[int, Candle]) -> list[Candle]:
    rows = [FLAT] * length
    for index, low in dips.items():
        rows[index] = (100.5, 101.0, low, 100.5)
    for index, candle in extra.items():
        rows[index] = candle
    return rows


@pytest.mark.parametrize(
    ("distance", "swept"), [(3, False), (4, True), (5, True), (49, True), (50, True), (51, False)]
)
def test_sweep_reach_is_s_plus_4_to_s_plus_50(distance: int, swept: bool) -> None:
    swing = 5
    rows = with_dips(swing + distance + 3, {swing: 99.0}, {swing + distance: SWEEP_BELOW})
    sweeps = at(detect(rows, "15m"), swing + distance, "liquidity_sweep", "15m")
    if not swept:
        assert sweeps == []
        return
    (sweep,) = sweeps
    assert (sweep["direction"], sweep["zone_low"], sweep["zone_high"]) == ("bullish", 98.5, 99.0)


@pytest.mark.parametrize(("distance", "swept"), [(4, True), (50, True), (51, False)])
def test_bearish_sweep_reach(distance: int, swept: bool) -> None:
    swing = 5
    rows = [FLAT] * (swing + distance + 3)
    rows[swing] = (100.5, 102.0, 100.0, 100.5)
    rows[swing + distance] = (100.5, 102.5, 100.5, 101.5)
    sweeps = at(detect(rows, "15m"), swing + distance, "liquidity_sweep", "15m")
    assert len(sweeps) == swept
    if swept:
        assert (sweeps[0]["direction"], sweeps[0]["zone_low"], sweeps[0]["zone_high"]) == (
            "bearish",
            102.0,
            102.5,
        )


def test_one_sweep_per_candle_uses_the_most_extreme_level() -> None:
    rows = with_dips(25, {5: 98.8, 10: 99.0}, {20: SWEEP_BELOW})
    (sweep,) = at(detect(rows, "15m"), 20, "liquidity_sweep", "15m")
    assert (sweep["zone_low"], sweep["zone_high"]) == (98.5, 98.8)


def test_no_fallback_when_the_most_extreme_level_fails_the_filter() -> None:
    rows = with_dips(25, {5: 98.8, 10: 99.0}, {20: SWEEP_BELOW})
    # 98.5..98.8 is 0.30 %, 98.5..99 would be 0.51 %: with 0.4 % there is no sweep at all.
    assert at(detect(rows, "15m", min_zone_pct=0.4), 20, "liquidity_sweep", "15m") == []


def test_a_broken_level_is_used_up() -> None:
    breaks: Candle = (100.5, 100.5, 98.9, 98.95)  # below 99, closes below it
    sweeping: Candle = (98.95, 100.5, 98.5, 99.5)
    rows = with_dips(18, {5: 99.0}, {12: breaks, 13: sweeping})
    assert at(detect(rows, "15m"), 13, "liquidity_sweep", "15m") == []
    rows = with_dips(18, {5: 99.0}, {13: sweeping})  # without the break it sweeps
    assert len(at(detect(rows, "15m"), 13, "liquidity_sweep", "15m")) == 1


def test_equal_swing_lows_are_separate_levels_taken_once() -> None:
    later: Candle = (99.5, 99.8, 98.4, 99.5)  # would sweep 99 again if a level were left
    rows = with_dips(25, {5: 99.0, 8: 99.0}, {20: SWEEP_BELOW, 21: later})
    patterns = detect(rows, "15m")
    assert len(at(patterns, 20, "liquidity_sweep", "15m")) == 1
    assert at(patterns, 21, "liquidity_sweep", "15m") == []


# Lifecycle -------------------------------------------------------------------------------

CALM_AFTER_SWEEP: Candle = (99.5, 99.8, 99.2, 99.5)  # inside 98..100: no event for the sweep


def sweep_then(*after: Candle) -> dict[str, object]:
    rows = [*with_dips(10, {5: 99.0}, {9: SWEEP_BELOW}), CALM_AFTER_SWEEP, *after]
    (sweep,) = at(detect(rows, "15m"), 9, "liquidity_sweep", "15m")
    return sweep


def test_sweep_lines_are_strict() -> None:
    # Zone 98.5..99, size 0.5: invalidated below 98.0, played out above 100.0.
    on_the_lines = sweep_then((99.0, 100.0, 98.0, 99.0))
    assert (on_the_lines["status"], on_the_lines["fill_pct"]) == ("active", 0.0)
    assert on_the_lines["touched_at"] is None


def test_sweep_adverse_event_first_within_one_candle() -> None:
    both = sweep_then((99.0, 100.25, 97.75, 99.0))
    assert both["status"] == "invalidated"
    assert both["invalidated_at"] == START + 11 * timeframe_ms("15m")
    assert (both["filled_at"], both["fill_pct"]) == (None, 0.0)
    target = sweep_then((99.0, 100.25, 98.25, 100.0))
    assert (target["status"], target["fill_pct"]) == ("filled", 100.0)


def fvg_then(*after: Candle) -> dict[str, object]:
    """A bullish FVG 100.5..101 completed at candle 2, then the given candles."""
    rows = [(100.0, 100.5, 99.5, 100.2), (100.2, 103.0, 100.2, 102.8), (102.8, 103.5, 101.0, 103.2)]
    (gap,) = at(detect([*rows, *after]), 2, "fvg")
    return gap


def test_touch_and_fill_on_one_candle() -> None:
    gap = fvg_then((103.2, 103.5, 100.25, 103.0))
    assert gap["status"] == "filled"
    assert gap["touched_at"] == gap["filled_at"] == START + 3 * timeframe_ms("1h")
    assert gap["fill_pct"] == 100.0


def test_fill_pct_follows_the_deepest_low_and_never_decreases() -> None:
    gap = fvg_then((103.2, 103.5, 100.75, 103.0), (103.0, 103.5, 102.0, 103.0))
    assert gap["status"] == "active"
    assert gap["touched_at"] == START + 3 * timeframe_ms("1h")
    assert gap["fill_pct"] == 50.0


HOVER: Candle = (103.2, 103.5, 102.5, 103.2)  # above the FVG: no touch
FILLS: Candle = (103.2, 103.5, 100.0, 103.0)


def test_a_candle_opening_at_the_expiry_instant_is_not_evaluated() -> None:
    # 1h patterns live 72 h: the candle 72 hours after formation opens exactly at the expiry.
    expiry_candle = 2 + pattern_expiry_ms("1h") // timeframe_ms("1h")
    gap = fvg_then(*[HOVER] * (expiry_candle - 3), FILLS)
    expires_at = START + 2 * timeframe_ms("1h") + pattern_expiry_ms("1h")
    assert (gap["status"], gap["expired_at"], gap["filled_at"]) == ("expired", expires_at, None)

    gap = fvg_then(*[HOVER] * (expiry_candle - 4), FILLS, HOVER)
    assert (gap["status"], gap["filled_at"]) == ("filled", expires_at - timeframe_ms("1h"))


def test_detect_expires_when_the_last_close_reaches_the_expiry() -> None:
    expiry_candle = 2 + pattern_expiry_ms("1h") // timeframe_ms("1h")
    # The last candle closes exactly at the expiry instant: expired.
    assert fvg_then(*[HOVER] * (expiry_candle - 3))["status"] == "expired"
    # One candle fewer: it closes an hour before, still active.
    assert fvg_then(*[HOVER] * (expiry_candle - 4))["status"] == "active"


def test_a_pattern_formed_on_the_last_candle_is_active_and_untouched() -> None:
    gap = fvg_then()
    assert (gap["status"], gap["fill_pct"], gap["touched_at"]) == ("active", 0.0, None)


# Overlap suppression ---------------------------------------------------------------------


def two_gaps(second_low: float, third_low: float = 1001.0) -> list[Candle]:
    """FVG 1000..1010 at candle 2, then FVG second_low..1013 at candle 5 (1h, threshold 0.70)."""
    return [
        (999.0, 1000.0, 998.0, 999.5),
        (999.5, 1012.0, 999.5, 1011.0),
        (1011.0, 1013.0, 1010.0, 1012.0),
        (second_low, second_low, third_low, second_low - 1.0),  # touches the first gap
        (second_low - 1.0, 1014.0, second_low - 1.0, 1013.5),
        (1013.5, 1015.0, 1013.0, 1014.0),
    ]


def test_overlap_at_exactly_the_threshold_suppresses() -> None:
    # Shared 7 of the narrower 10: 7 / 10 is 0.7, the 1h threshold.
    patterns = detect(two_gaps(1003.0))
    assert len(at(patterns, 2, "fvg")) == 1
    assert at(patterns, 5, "fvg") == []


def test_overlap_just_below_the_threshold_keeps() -> None:
    (second,) = at(detect(two_gaps(1003.25)), 5, "fvg")
    assert (second["zone_low"], second["zone_high"]) == (1003.25, 1013.0)


def test_a_filled_pattern_no_longer_suppresses() -> None:
    patterns = detect(two_gaps(1003.0, third_low=999.0))
    (first,) = at(patterns, 2, "fvg")
    assert first["filled_at"] == START + 3 * timeframe_ms("1h")
    assert len(at(patterns, 5, "fvg")) == 1


def test_an_expired_pattern_no_longer_suppresses() -> None:
    hour = timeframe_ms("1h")
    times = [START + index * hour for index in range(6)]
    # Three days and more pass between candles 2 and 3: the first gap has expired.
    times[3:] = [time + pattern_expiry_ms("1h") for time in times[3:]]
    patterns = detect(two_gaps(1003.0), times=times)
    assert at(patterns, 2, "fvg")[0]["status"] == "expired"
    assert len([p for p in patterns if p["formed_at"] == times[5] and p["type"] == "fvg"]) == 1


# Strength rounding -----------------------------------------------------------------------


def test_strength_rounds_like_python_on_binary_ties() -> None:
    # 0.00005 is stored a little above the half; 0.12345 a little below; 0.5 is exact.
    values = [0.00005, 0.00015, 0.00025, 0.12345, 0.5, 0.99995, 1.0, 0.0]
    rounded = round_like_python(np.array(values), 4).tolist()
    assert rounded == [round(value, 4) for value in values]
    assert rounded[0] == 0.0001 != float(np.round(0.00005, 4))


@given(st.floats(min_value=0.0, max_value=1.0))
def test_strength_rounding_matches_python(value: float) -> None:
    assert round_like_python(np.array([value]), 4)[0] == round(value, 4)
