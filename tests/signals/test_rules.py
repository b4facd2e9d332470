"""The pure rules: confluence and anchor, levels with tick rounding, the signal lifecycle on
scripted price paths, setup statistics."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from cryptolens.core.timeframes import HOUR_MS, MINUTE_MS
from cryptolens.patterns.stored import StoredPattern
from cryptolens.signals.confluence import find_confluence
from cryptolens.signals.levels import signal_levels
from cryptolens.signals.lifecycle import (
    MinuteCandles,
    SignalPlan,
    SignalProgress,
    advance_signal,
)
from cryptolens.signals.statistics import SignalRecord, setup_stats

T0 = 1_700_000_000_000 - 1_700_000_000_000 % HOUR_MS
ALL_TIMEFRAMES = ("1m", "5m", "15m", "1h", "4h", "1d")


def pattern(
    pattern_id: int,
    timeframe: str,
    direction: str = "bullish",
    *,
    kind: str = "fvg",
    formed_at: int = T0,
    strength: float = 0.5,
) -> StoredPattern:
    return StoredPattern(
        id=pattern_id,
        timeframe=timeframe,
        type=kind,
        direction=direction,
        zone_low=100.0,
        zone_high=101.0,
        formed_at=formed_at,
        confirmed_at=formed_at + MINUTE_MS,
        expires_at=formed_at + 4 * HOUR_MS,
        strength=strength,
        status="active",
        touched_at=None,
        fill_pct=0.0,
        filled_at=None,
        invalidated_at=None,
        expired_at=None,
    )


def confluence(active: list[StoredPattern], **overrides: object):  # type: ignore[no-untyped-def]
    options: dict[str, object] = {
        "timeframes": ALL_TIMEFRAMES,
        "min_confluence": 2,
        "require_htf": False,
    }
    options.update(overrides)
    return find_confluence(active, **options)  # type: ignore[arg-type]


class TestConfluence:
    def test_counts_distinct_timeframes_and_picks_the_anchor(self) -> None:
        active = [
            pattern(1, "1m", strength=0.2),
            pattern(2, "1m", formed_at=T0 + MINUTE_MS, strength=0.4),
            pattern(3, "15m", formed_at=T0 - HOUR_MS, strength=0.6),
            pattern(4, "15m", kind="order_block", formed_at=T0, strength=0.8),
            pattern(5, "15m", kind="fvg", formed_at=T0, strength=1.0),
            pattern(6, "5m", "bearish"),
        ]
        found = confluence(active)
        assert found is not None
        assert found.direction == "long"
        assert found.timeframes == ("15m", "1m")
        assert found.confluence == 2
        # Highest timeframe, then the newest, then type order fvg before order_block.
        assert found.anchor.id == 5
        assert [p.id for p in found.contributing] == [3, 5, 4, 1, 2]
        assert found.strength == pytest.approx((0.2 + 0.4 + 0.6 + 0.8 + 1.0) / 5)

    def test_equal_conflicting_counts_give_no_signal(self) -> None:
        active = [
            pattern(1, "1m"),
            pattern(2, "5m"),
            pattern(3, "1m", "bearish"),
            pattern(4, "15m", "bearish"),
        ]
        assert confluence(active) is None
        # One more bearish timeframe and the bearish side wins.
        found = confluence([*active, pattern(5, "1h", "bearish")])
        assert found is not None and found.direction == "short"
        assert found.timeframes == ("1h", "15m", "1m")

    def test_a_timeframe_with_both_directions_counts_for_both(self) -> None:
        active = [pattern(1, "5m"), pattern(2, "5m", "bearish"), pattern(3, "1m")]
        found = confluence(active)
        assert found is not None and found.direction == "long"

    def test_minimum_and_higher_timeframe_requirement(self) -> None:
        active = [pattern(1, "1m"), pattern(2, "5m")]
        assert confluence(active, min_confluence=3) is None
        assert confluence(active, require_htf=True) is None
        found = confluence([*active, pattern(3, "4h")], require_htf=True)
        assert found is not None and found.anchor.id == 3

    def test_only_confluence_timeframes_count(self) -> None:
        active = [pattern(1, "1m"), pattern(2, "5m")]
        assert confluence(active, timeframes=("5m", "15m")) is None


class TestLevels:
    def test_long_fvg_without_tick_size(self) -> None:
        levels = signal_levels(
            direction="long",
            anchor_type="fvg",
            zone_low=100.0,
            zone_high=102.0,
            atr=3.0,
            tick_size=None,
            min_risk_pct=0.5,
            default_rr=3.0,
        )
        # buffer = max(0.5 * 3, 101 * 0.5 / 100) = 1.5
        assert levels.buffer == 1.5
        assert (levels.entry, levels.stop_loss, levels.risk) == (102.0, 98.5, 3.5)
        assert (levels.take_profit_1, levels.take_profit_2, levels.take_profit_3) == (
            105.5,
            109.0,
            112.5,
        )

    def test_short_order_block_uses_the_mid_and_the_percentage_floor(self) -> None:
        levels = signal_levels(
            direction="short",
            anchor_type="order_block",
            zone_low=100.0,
            zone_high=102.0,
            atr=None,
            tick_size=None,
            min_risk_pct=0.5,
            default_rr=2.0,
        )
        assert levels.entry == 101.0
        assert levels.buffer == 101.0 * 0.5 / 100
        assert levels.stop_loss == 102.0 + 101.0 * 0.5 / 100
        assert levels.take_profit_3 == 101.0 - 2.0 * levels.risk

    def test_tick_rounding_entry_nearest_stop_away_targets_towards(self) -> None:
        long = signal_levels(
            direction="long",
            anchor_type="order_block",
            zone_low=100.03,
            zone_high=100.18,
            atr=0.2,
            tick_size=0.1,
            min_risk_pct=0.5,
            default_rr=3.0,
        )
        # mid 100.105 -> 100.1; stop 100.03 - 0.5025 = 99.5275 -> down to 99.5; R = 0.6
        assert long.entry == 100.1
        assert long.stop_loss == 99.5
        assert long.risk == pytest.approx(0.6)
        assert long.take_profit_1 == 100.7  # 100.7 exactly on the tick stays
        assert long.take_profit_3 == 101.9
        short = signal_levels(
            direction="short",
            anchor_type="fvg",
            zone_low=100.04,
            zone_high=100.18,
            atr=0.25,
            tick_size=0.05,
            min_risk_pct=0.5,
            default_rr=3.0,
        )
        # entry 100.04 -> 100.05; stop 100.18 + 0.5011 = 100.6811 -> up to 100.7
        assert short.entry == 100.05
        assert short.stop_loss == 100.7
        assert short.take_profit_1 == 99.4
        assert short.take_profit_2 == 98.75


CREATED = T0


def plan(**overrides: object) -> SignalPlan:
    values: dict[str, object] = {
        "direction": "long",
        "entry": 100.0,
        "stop_loss": 99.0,
        "take_profit_1": 101.0,
        "take_profit_2": 102.0,
        "take_profit_3": 103.0,
        "risk_reward": 3.0,
        "created_at": CREATED,
        "anchor_expires_at": CREATED + HOUR_MS,
        "anchor_expiry_ms": HOUR_MS,
    }
    values.update(overrides)
    return SignalPlan(**values)  # type: ignore[arg-type]


def path(*candles: tuple[float, float, float], start: int = CREATED) -> MinuteCandles:
    """(high, low, close) per minute from `start`."""
    times = np.arange(len(candles), dtype=np.int64) * MINUTE_MS + start
    high, low, close = (np.array(column, dtype=np.float64) for column in zip(*candles, strict=True))
    return MinuteCandles(times, high, low, close)


def run(signal_plan: SignalPlan, minutes: MinuteCandles, **kwargs: object) -> SignalProgress:
    now = int(minutes.time[-1]) + MINUTE_MS
    return advance_signal(signal_plan, SignalProgress(), minutes, now, **kwargs)  # type: ignore[arg-type]


class TestLifecycle:
    def test_trigger_targets_and_tp3(self) -> None:
        done = run(
            plan(),
            path((100.5, 100.2, 100.4), (100.6, 99.9, 100.5), (102.5, 100.5, 102), (103, 102, 103)),
        )
        assert done.status == "tp3"
        assert done.triggered_at == CREATED + MINUTE_MS
        assert done.tp1_at == done.tp2_at == CREATED + 2 * MINUTE_MS  # both on one candle
        assert done.tp3_at == CREATED + 3 * MINUTE_MS
        assert (done.outcome_r, done.exit_price) == (3.0, 103.0)

    def test_stop_and_target_on_one_candle_is_stopped_first(self) -> None:
        done = run(plan(), path((100.5, 99.9, 100), (101.5, 98.5, 100)))
        assert done.status == "stopped"
        assert done.stopped_at == CREATED + MINUTE_MS
        assert done.tp1_at is None
        assert done.outcome_r == -1.0

    def test_trigger_candle_itself_can_stop(self) -> None:
        done = run(plan(), path((100.2, 98.0, 99.0)))
        assert (done.status, done.triggered_at, done.stopped_at) == ("stopped", CREATED, CREATED)

    def test_stop_moves_to_entry_from_the_candle_after_tp1(self) -> None:
        # tp1 and a dip to the entry on one candle: the old stop still applies there.
        minutes = path((100.1, 99.95, 100), (101.2, 99.5, 101), (100.8, 100.0, 100.2))
        done = run(plan(), minutes)
        assert done.tp1_at == CREATED + MINUTE_MS
        assert done.status == "stopped"
        assert done.stopped_at == CREATED + 2 * MINUTE_MS
        assert (done.outcome_r, done.exit_price) == (0.0, 100.0)
        kept = run(plan(move_stop_to_entry_after_tp1=False), minutes)
        assert kept.status == "tp1"  # 100.0 > 99.0: not stopped without the move
        stopped = run(
            plan(move_stop_to_entry_after_tp1=False),
            path((100.1, 99.95, 100), (101.2, 99.5, 101), (100.8, 98.9, 99)),
        )
        assert (stopped.status, stopped.outcome_r) == ("stopped", -1.0)

    def test_pending_expires_at_the_anchor_expiry(self) -> None:
        minutes = path(*[(100.5, 100.2, 100.3)] * 61)
        done = run(plan(), minutes)
        assert (done.status, done.expired_at) == ("expired", CREATED + HOUR_MS)
        # A candle opening at the expiry no longer triggers it.
        late = path(*[(100.5, 100.2, 100.3)] * 60, (100.5, 99.0, 99.5))
        assert run(plan(), late).status == "expired"

    def test_cancelled_when_the_anchor_ends_without_triggering(self) -> None:
        minutes = path((100.5, 100.2, 100.3), (104.0, 100.2, 103.0))
        done = run(plan(), minutes, anchor_final_at=CREATED + MINUTE_MS)
        assert (done.status, done.cancelled_at) == ("cancelled", CREATED + MINUTE_MS)
        # The anchor filled on a candle that triggers: the signal lives on.
        filled = path((100.5, 100.2, 100.3), (100.5, 99.5, 100.0))
        assert run(plan(), filled, anchor_final_at=CREATED + MINUTE_MS).status == "triggered"

    def test_closed_after_three_anchor_expiries_at_the_last_close(self) -> None:
        # Triggered on the first candle; held 3 h; the last candle ending by then closes it.
        candles = [(100.2, 99.8, 100.0)] + [(100.6, 99.5, 100.5)] * 179
        minutes = path(*candles)
        done = run(plan(), minutes)
        assert done.status == "closed"
        assert done.closed_at == CREATED + 3 * HOUR_MS
        assert (done.exit_price, done.outcome_r) == (100.5, 0.5)
        short = run(
            plan(
                direction="short",
                entry=100.0,
                stop_loss=101.0,
                take_profit_1=99.0,
                take_profit_2=98.0,
                take_profit_3=97.0,
            ),
            minutes,
        )
        assert short.status == "closed" and short.outcome_r == -0.5

    def test_short_signal_and_resuming_after_the_last_event(self) -> None:
        short = plan(
            direction="short",
            entry=100.0,
            stop_loss=101.0,
            take_profit_1=99.0,
            take_profit_2=98.0,
            take_profit_3=97.0,
        )
        minutes = path((100.2, 99.8, 100.0), (100.1, 98.9, 99.0), (100.5, 99.5, 100.0))
        first_two = MinuteCandles(
            minutes.time[:2], minutes.high[:2], minutes.low[:2], minutes.close[:2]
        )
        first = advance_signal(short, SignalProgress(), first_two, CREATED + 2 * MINUTE_MS)
        assert (first.status, first.tp1_at) == ("tp1", CREATED + MINUTE_MS)
        # Seeing the same candles again changes nothing; the next one stops it at the entry.
        again = advance_signal(short, first, first_two, CREATED + 2 * MINUTE_MS)
        assert again == replace(first)
        done = advance_signal(short, first, minutes, CREATED + 3 * MINUTE_MS)
        assert (done.status, done.stopped_at, done.outcome_r) == (
            "stopped",
            CREATED + 2 * MINUTE_MS,
            0.0,
        )


class TestStatistics:
    def test_counts_known_events_only_in_the_window(self) -> None:
        day = 24 * HOUR_MS
        now = T0 + 100 * day
        records = [
            SignalRecord(now - 40 * day, now - 40 * day, now - 39 * day, now - 38 * day, 0.0),
            SignalRecord(now - 5 * day, now - 5 * day, None, now - 4 * day, -1.0),
            SignalRecord(now - 3 * day, now - 3 * day, now - 2 * day, now - day, 3.0),
            SignalRecord(now - 2 * day, None, None, None, None),  # pending / expired
            SignalRecord(now - day, now - day, now, None, None),  # tp1 at now: not known yet
            SignalRecord(now - 100 * day, now, None, None, None),  # outside both windows
        ]
        month = setup_stats(records, now, 30)
        assert (month.count, month.triggered, month.wins, month.decided) == (4, 3, 1, 2)
        assert month.win_rate == 0.5
        assert (month.resolved, month.avg_r) == (2, 1.0)
        quarter = setup_stats(records, now, 90)
        assert (quarter.count, quarter.wins, quarter.decided, quarter.resolved) == (5, 2, 3, 3)
        assert quarter.avg_r == pytest.approx(2 / 3)
        empty = setup_stats([], now, 30)
        assert (empty.count, empty.win_rate, empty.avg_r) == (0, None, None)
