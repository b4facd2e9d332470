"""Hand-built multi-timeframe scenarios through the real cycle (issue #7): 1m candles made to
produce known patterns are stored and replayed one cycle per minute, exactly as `cryptolens
backtest` does, then the stored patterns and signals are checked against values worked out
here from the candles and the rules (docs/rules/patterns.md, docs/rules/signals.md).

Each scenario first asserts the stored patterns it was built for (type, direction, timeframe,
formation time, zone; strength as the plain-loop reference computes it), so a construction
that goes wrong fails loudly instead of passing vacuously. Confluence is restricted to 1m and
5m (scan and confluence settings): a replay from 1m data has 5m patterns after 70 buckets,
15m ones only after 1,050 minutes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.market import service as market
from cryptolens.patterns.models import Pattern
from cryptolens.settings import ScanSettings, SignalSettings
from cryptolens.signals.cycle import run_cycle
from cryptolens.signals.live_cycles import run_pending_cycles
from cryptolens.signals.models import Signal, SignalPattern
from cryptolens.signals.settings import CycleSettings
from cryptolens.signals.workflows import plan_replay, replay_cycles
from tests.patterns import reference
from tests.signals.conftest import store_symbol
from tests.signals.scenario_builder import (
    HOUR_MS,
    MINUTE_MS,
    START_MS,
    MinuteScript,
    atr14,
    bullish_setup,
    close_time,
    minute_only_setup,
    open_time,
    two_sided_setup,
)

TIMEFRAMES = ("1m", "5m")
SETTINGS = CycleSettings(
    signals=SignalSettings(confluence_timeframes=TIMEFRAMES),
    scan=ScanSettings(timeframes=TIMEFRAMES),
)
EXPIRY_MS = {"1m": 4 * HOUR_MS, "5m": 12 * HOUR_MS}
MINUTES_PER = {"1m": 1, "5m": 5}
# A pattern is stored only when completed at window index >= 70 (patterns.md).
FIRST_STORED_INDEX = 70
REL = 1e-9
BOOKKEEPING = {"created_at", "updated_at", "recorded_at"}


@dataclass(frozen=True)
class Formed:
    """The formation fields of a pattern, as built into the candles."""

    timeframe: str
    type: str
    direction: str
    index: int  # of the completing candle in its timeframe
    zone_low: float
    zone_high: float

    @property
    def formed_at(self) -> int:
        return open_time(self.index, MINUTES_PER[self.timeframe])

    @property
    def confirmed_at(self) -> int:
        return close_time(self.index, MINUTES_PER[self.timeframe])

    def key(self) -> tuple[str, str, str, int, int, float, float]:
        return (
            self.timeframe,
            self.type,
            self.direction,
            self.formed_at,
            self.confirmed_at,
            self.zone_low,
            self.zone_high,
        )


def _key(pattern: Pattern) -> tuple[str, str, str, int, int, float, float]:
    return (
        pattern.timeframe,
        pattern.type,
        pattern.direction,
        pattern.formed_at,
        pattern.confirmed_at,
        pattern.zone_low,
        pattern.zone_high,
    )


def _approx(value: float) -> Any:
    return pytest.approx(value, rel=REL, abs=0)


# --- driving the real cycle ------------------------------------------------------------------


async def _replay(
    factory: async_sessionmaker[AsyncSession],
    script: MinuteScript,
    settings: CycleSettings,
    *,
    tick_size: float | None = None,
) -> int:
    """Stores the minutes and runs one cycle per minute, oldest first; returns the symbol."""
    symbol_id = await store_symbol(factory, "SCEN/USDT", script.series())
    if tick_size is not None:
        async with unit_of_work(factory) as session:
            symbol = await market.get_symbol(session, symbol_id)
            assert symbol is not None and symbol.tick_size is None
            symbol.tick_size = tick_size
    plan = await plan_replay(factory, symbol_id, 0, None)
    report = await replay_cycles(factory, symbol_id, plan, settings)
    assert report.cycles == len(script)
    return symbol_id


async def _stored(
    factory: async_sessionmaker[AsyncSession], symbol_id: int
) -> tuple[list[Pattern], list[Signal]]:
    async with factory() as session:
        patterns = list(
            await session.scalars(
                select(Pattern)
                .where(Pattern.symbol_id == symbol_id)
                .order_by(Pattern.formed_at, Pattern.timeframe)
            )
        )
        signals = list(
            await session.scalars(
                select(Signal).where(Signal.symbol_id == symbol_id).order_by(Signal.created_at)
            )
        )
    return patterns, signals


async def _contributing(factory: async_sessionmaker[AsyncSession], signal_id: int) -> list[int]:
    async with factory() as session:
        return list(
            await session.scalars(
                select(SignalPattern.pattern_id)
                .where(SignalPattern.signal_id == signal_id)
                .order_by(SignalPattern.position)
            )
        )


async def _snapshot(factory: async_sessionmaker[AsyncSession]) -> list[list[tuple[Any, ...]]]:
    """Every row of patterns, signals and their links, without the bookkeeping times."""
    tables = []
    async with factory() as session:
        for model in (Pattern, Signal, SignalPattern):
            columns = [c for c in model.__table__.columns if c.name not in BOOKKEEPING]
            rows = (await session.execute(select(*columns).order_by(*columns[:2]))).all()
            tables.append([tuple(row) for row in rows])
    return tables


# --- what the rules say, worked out from the candles ----------------------------------------


def _assert_patterns(
    patterns: list[Pattern], script: MinuteScript, expected: list[Formed]
) -> dict[Formed, Pattern]:
    """The stored patterns are exactly `expected`, and their formation fields (strength
    included) are those of the plain-loop reference on the same 1m candles and 5m buckets."""
    assert sorted(_key(p) for p in patterns) == sorted(f.key() for f in expected)
    by_key = {_key(p): p for p in patterns}
    assert {(*_key(p), p.strength) for p in patterns} == _reference_patterns(script)
    return {f: by_key[f.key()] for f in expected}


def _reference_patterns(script: MinuteScript) -> set[tuple[Any, ...]]:
    found = set()
    for timeframe in TIMEFRAMES:
        candles = script.buckets(MINUTES_PER[timeframe])
        times = [open_time(i, MINUTES_PER[timeframe]) for i in range(len(candles))]
        rows = reference.detect(
            times,
            [c.open for c in candles],
            [c.high for c in candles],
            [c.low for c in candles],
            [c.close for c in candles],
            [c.volume for c in candles],
            timeframe,
        )
        first_stored = times[FIRST_STORED_INDEX]
        found |= {
            (
                timeframe,
                row["type"],
                row["direction"],
                row["formed_at"],
                row["confirmed_at"],
                row["zone_low"],
                row["zone_high"],
                row["strength"],
            )
            for row in rows
            if isinstance(row["formed_at"], int) and row["formed_at"] >= first_stored
        }
    return found


def _active_timeframes(patterns: list[Pattern], instant: int) -> dict[str, set[str]]:
    """signals.md "Active patterns at T", read off the stored rows: timeframes per direction."""
    counted: dict[str, set[str]] = {"bullish": set(), "bearish": set()}
    for p in patterns:
        final = p.filled_at if p.filled_at is not None else p.invalidated_at
        ended = final is not None and final + MINUTE_MS <= instant
        if p.confirmed_at <= instant < p.formed_at + EXPIRY_MS[p.timeframe] and not ended:
            counted[p.direction].add(p.timeframe)
    return counted


@dataclass(frozen=True)
class ExpectedLevels:
    entry: float
    stop_loss: float
    take_profit_1: float
    take_profit_2: float
    take_profit_3: float
    risk: float
    buffer: float


def _expected_levels(
    direction: str,
    zone_low: float,
    zone_high: float,
    atr: float,
    *,
    tick_size: float | None,
    min_risk_pct: float,
    default_rr: float = 3.0,
) -> ExpectedLevels:
    """signals.md "Anchor and levels" for an FVG anchor. With a tick size the rounding is done
    in decimal: entry and stop land on ticks, so R and the targets are exact tick multiples."""
    long = direction == "long"
    mid = (zone_high + zone_low) / 2
    buffer = max(0.5 * atr, mid * min_risk_pct / 100)
    entry = zone_high if long else zone_low
    stop = zone_low - buffer if long else zone_high + buffer
    if tick_size is None:
        risk = abs(entry - stop)
        side = 1.0 if long else -1.0
        targets = [entry + side * m * risk for m in (1.0, 2.0, default_rr)]
        return ExpectedLevels(entry, stop, targets[0], targets[1], targets[2], risk, buffer)
    tick = Decimal(repr(tick_size))

    def on_tick(price: float, rounding: str) -> Decimal:
        return (Decimal(repr(price)) / tick).to_integral_value(rounding) * tick

    d_entry = on_tick(entry, ROUND_HALF_EVEN)
    d_stop = on_tick(stop, ROUND_FLOOR if long else ROUND_CEILING)
    d_risk = abs(d_entry - d_stop)
    d_side = 1 if long else -1
    d_targets = [d_entry + d_side * m * d_risk for m in (1, 2, Decimal(repr(default_rr)))]
    first, second, third = (float(t) for t in d_targets)
    return ExpectedLevels(
        float(d_entry), float(d_stop), first, second, third, float(d_risk), buffer
    )


def _assert_levels(signal: Signal, expected: ExpectedLevels) -> None:
    for name in ("entry", "stop_loss", "take_profit_1", "take_profit_2", "take_profit_3"):
        assert getattr(signal, name) == _approx(getattr(expected, name)), name
    assert signal.risk == _approx(expected.risk)
    assert signal.buffer == _approx(expected.buffer)
    assert signal.risk_reward == 3.0


def _near(actual: Sequence[float], expected: Sequence[float]) -> bool:
    """Equal to the decimal values written in the test, up to binary64 noise."""
    return len(actual) == len(expected) and all(
        math.isclose(a, e, rel_tol=0, abs_tol=1e-12) for a, e in zip(actual, expected, strict=True)
    )


def _mean(values: list[float]) -> float:
    total = values[0]
    for value in values[1:]:
        total += value
    return total / len(values)


# --- scenario 1: one bullish (or mirrored bearish) 1m + 5m setup ----------------------------


def _fvg_pair(script: MinuteScript, impulse: int, direction: str) -> tuple[Formed, Formed]:
    """The 1m and 5m FVGs around an impulse minute (the last of its 5m bucket)."""
    minutes, five = script.candles, script.buckets(5)
    bucket = (impulse + 1) // 5
    if direction == "bullish":
        one = (minutes[impulse - 1].high, minutes[impulse + 1].low)
        five_zone = (five[bucket - 2].high, five[bucket].low)
    else:
        one = (minutes[impulse + 1].high, minutes[impulse - 1].low)
        five_zone = (five[bucket].high, five[bucket - 2].low)
    return (
        Formed("1m", "fvg", direction, impulse + 1, *one),
        Formed("5m", "fvg", direction, bucket, *five_zone),
    )


@pytest.mark.parametrize("direction", ["long", "short"])
async def test_one_setup_gives_exactly_the_expected_signal_and_a_rerun_changes_nothing(
    session_factory: async_sessionmaker[AsyncSession], direction: str
) -> None:
    # 400 flat minutes (80 buckets), then an impulse closing bucket 80 (100 -> 101) and the
    # next bucket trading in [100.7, 100.82]; the short is the same market mirrored (100 -> 99).
    script = MinuteScript()
    setup = bullish_setup(script, 100.0, impulse=404)
    script.flat(setup.new_level, 10)
    pattern_direction = "bullish"
    if direction == "short":
        script, pattern_direction = script.mirrored(), "bearish"
    settings = CycleSettings(
        signals=SignalSettings(
            confluence_timeframes=TIMEFRAMES,
            min_risk_pct=0.05,  # so the ATR term of the buffer is the larger one
        ),
        scan=SETTINGS.scan,
    )
    symbol_id = await _replay(session_factory, script, settings, tick_size=0.01)

    one_minute, five_minute = _fvg_pair(script, setup.impulse, pattern_direction)
    long = direction == "long"
    # The zones as built: 1m [h(403), l(405)], 5m [h(bucket 79), min low of bucket 81].
    assert _near(
        (one_minute.zone_low, one_minute.zone_high), (100.02, 100.75) if long else (99.25, 99.98)
    )
    assert _near(
        (five_minute.zone_low, five_minute.zone_high), (100.02, 100.7) if long else (99.3, 99.98)
    )
    patterns, signals = await _stored(session_factory, symbol_id)
    rows = _assert_patterns(patterns, script, [one_minute, five_minute])
    anchor, other = rows[five_minute], rows[one_minute]
    assert anchor.strength != other.strength  # so the mean below is a real check

    created = close_time(five_minute.index, 5)
    assert created == close_time(setup.impulse + 5)
    # Before the 5m bucket closed only 1m counted; at its close both do.
    assert _active_timeframes(patterns, created - MINUTE_MS) == {
        pattern_direction: {"1m"},
        ("bearish" if long else "bullish"): set(),
    }
    assert _active_timeframes(patterns, created)[pattern_direction] == {"1m", "5m"}

    assert len(signals) == 1
    signal = signals[0]
    assert signal.direction == direction
    assert signal.created_at == created
    assert signal.confluence == 2
    assert signal.timeframes == "5m,1m"
    assert signal.anchor_pattern_id == anchor.id
    assert (signal.anchor_type, signal.anchor_timeframe) == ("fvg", "5m")
    assert signal.anchor_expires_at == anchor.formed_at + EXPIRY_MS["5m"]
    assert await _contributing(session_factory, signal.id) == [anchor.id, other.id]
    assert signal.strength == _approx(_mean([anchor.strength, other.strength]))
    assert signal.status == "pending"

    # ATR(14) of 5m at the last bucket closed by T, the FVG's own bucket: 12 flat buckets
    # (TR 0.04), the impulse bucket (1.02) and the FVG bucket (0.3).
    atr = atr14(script.buckets(5), five_minute.index)
    assert atr == pytest.approx((12 * 0.04 + 1.02 + 0.3) / 14)
    assert signal.atr == _approx(atr)
    expected = _expected_levels(
        direction,
        five_minute.zone_low,
        five_minute.zone_high,
        atr,
        tick_size=0.01,
        min_risk_pct=0.05,
    )
    assert expected.buffer == 0.5 * atr
    _assert_levels(signal, expected)
    # The same by hand: stop 100.02 - 0.0643 floored to 99.95 (long), 99.98 + 0.0643 ceiled
    # to 100.05 (short); R = 0.75.
    by_hand = (100.7, 99.95, 101.45, 102.2, 102.95) if long else (99.3, 100.05, 98.55, 97.8, 97.05)
    assert _near(
        (
            expected.entry,
            expected.stop_loss,
            expected.take_profit_1,
            expected.take_profit_2,
            expected.take_profit_3,
        ),
        by_hand,
    )

    # Re-running: the replay again (its last stretch), the signal's own cycle again, then the
    # live entry point at the same instant: no second signal, nothing changed.
    before = await _snapshot(session_factory)
    plan = await plan_replay(session_factory, symbol_id, 0, None)
    # From half an hour before the impulse (the baseline before it holds nothing to redo).
    del plan.closes[: setup.impulse - 30]
    assert plan.closes[0] == close_time(setup.impulse - 30)
    again = await replay_cycles(session_factory, symbol_id, plan, settings)
    assert (again.cycles, again.patterns_created, again.signals_created) == (len(plan.closes), 0, 0)
    async with unit_of_work(session_factory) as session:
        result = await run_cycle(session, symbol_id, created, settings)
        assert result is not None and result.signals_created == []
        assert result.patterns_created == []
        last_close = close_time(len(script) - 1)
        assert await run_pending_cycles(session, symbol_id, last_close, settings) == []
    assert await _snapshot(session_factory) == before


# --- scenario 2: the cooldown ---------------------------------------------------------------


async def test_a_new_setup_within_the_cooldown_waits_for_the_first_cycle_after_it(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    # Setup 1 (100 -> 100.8) at 06:44, its long at 06:50. Setup 2 (100.8 -> 101.6) three hours
    # later: a new 5m anchor, 1m and 5m agree, but the cooldown (4 h, default) blocks it until
    # the first cycle more than 4 h after the first long: 10:51, not 10:50.
    script = MinuteScript()
    first = bullish_setup(script, 100.0, impulse=404)
    second = bullish_setup(script, first.new_level, impulse=first.impulse + 180)
    script.flat_until(second.new_level, first.impulse + 260)
    settings = SETTINGS  # default cooldown, min_risk_pct, no tick size
    assert settings.signals.cooldown_hours == 4.0
    symbol_id = await _replay(session_factory, script, settings)

    one_a, five_a = _fvg_pair(script, first.impulse, "bullish")
    one_b, five_b = _fvg_pair(script, second.impulse, "bullish")
    assert _near((five_b.zone_low, five_b.zone_high), (100.82, 101.5))
    patterns, signals = await _stored(session_factory, symbol_id)
    rows = _assert_patterns(patterns, script, [one_a, five_a, one_b, five_b])

    first_created = close_time(five_a.index, 5)
    second_setup_at = close_time(five_b.index, 5)
    cooldown_end = first_created + 4 * HOUR_MS
    assert second_setup_at == first_created + 3 * HOUR_MS
    # From the second setup's close to the end of the cooldown the state qualifies (1m and 5m
    # bullish, 1m from setup 2) with an anchor never used: only the cooldown holds it back.
    for instant in range(second_setup_at, cooldown_end + 2 * MINUTE_MS, MINUTE_MS):
        assert _active_timeframes(patterns, instant) == {
            "bullish": {"1m", "5m"},
            "bearish": set(),
        }, instant
        assert rows[one_b].confirmed_at <= instant < rows[one_b].formed_at + EXPIRY_MS["1m"]

    assert [s.created_at for s in signals] == [first_created, cooldown_end + MINUTE_MS]
    assert [s.anchor_pattern_id for s in signals] == [rows[five_a].id, rows[five_b].id]
    assert [s.direction for s in signals] == ["long", "long"]

    later = signals[1]
    assert later.confluence == 2
    assert later.timeframes == "5m,1m"
    # 5m first, oldest first: setup 1's 5m FVG still counts (12 h), its 1m one has expired.
    contributing = [rows[five_a], rows[five_b], rows[one_b]]
    assert await _contributing(session_factory, later.id) == [p.id for p in contributing]
    assert later.strength == _approx(_mean([p.strength for p in contributing]))
    # The 5m ATR at 10:50 (bucket 129) still holds setup 2's impulse and FVG buckets.
    last_bucket = (cooldown_end - START_MS) // (5 * MINUTE_MS) - 1
    assert close_time(last_bucket, 5) == cooldown_end
    atr = atr14(script.buckets(5), last_bucket)
    assert atr == pytest.approx((1.02 + 0.3 + 12 * 0.04) / 14)
    assert later.atr == _approx(atr)
    expected = _expected_levels(
        "long", five_b.zone_low, five_b.zone_high, atr, tick_size=None, min_risk_pct=0.5
    )
    assert expected.buffer > 0.5 * atr  # the floor: 0.5 % of the zone's mid
    assert expected.entry == five_b.zone_high
    _assert_levels(later, expected)


async def test_a_used_anchor_gives_no_second_signal_after_the_cooldown(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    # Setup 1 and its long at 06:50 as above; two hours later a new 1m FVG alone (no new 5m
    # pattern) keeps 1m and 5m agreeing past the cooldown. The anchor is still setup 1's 5m
    # FVG, which has anchored the first long: no second signal, ever.
    script = MinuteScript()
    first = bullish_setup(script, 100.0, impulse=404)
    fvg_minute = minute_only_setup(script, first.new_level, impulse=first.impulse + 122)
    first_created = close_time(first.fvg_bucket, 5)
    end = first_created + 4 * HOUR_MS + 15 * MINUTE_MS
    script.flat_until(first.new_level + 0.8, (end - START_MS) // MINUTE_MS)
    symbol_id = await _replay(session_factory, script, SETTINGS)

    one_a, five_a = _fvg_pair(script, first.impulse, "bullish")
    minutes = script.candles
    one_c = Formed(
        "1m", "fvg", "bullish", fvg_minute, minutes[fvg_minute - 2].high, minutes[fvg_minute].low
    )
    assert _near((one_c.zone_low, one_c.zone_high), (100.82, 101.58))
    # The 5m gap that the zone filter drops: [100.82, 100.9].
    five = script.buckets(5)
    gap_bucket = fvg_minute // 5 + 1
    assert _near((five[gap_bucket - 2].high, five[gap_bucket].low), (100.82, 100.9))
    patterns, signals = await _stored(session_factory, symbol_id)
    rows = _assert_patterns(patterns, script, [one_a, five_a, one_c])
    assert rows[one_c].touched_at is not None and rows[one_c].filled_at is None

    # Past the cooldown the state still qualifies, with setup 1's 5m FVG the only 5m one.
    for instant in range(first_created + 4 * HOUR_MS, end + MINUTE_MS, MINUTE_MS):
        assert _active_timeframes(patterns, instant) == {
            "bullish": {"1m", "5m"},
            "bearish": set(),
        }, instant
    assert close_time(len(script) - 1) == end
    assert [(s.created_at, s.anchor_pattern_id) for s in signals] == [
        (first_created, rows[five_a].id)
    ]


# --- scenario 3: both directions on two timeframes ------------------------------------------


@pytest.mark.parametrize("tie", [True, False], ids=["two-against-two", "control-two-against-none"])
async def test_conflicting_directions_with_equal_counts_give_no_signal(
    session_factory: async_sessionmaker[AsyncSession], tie: bool
) -> None:
    # Bucket 85 (07:05-07:10) rises above bucket 83 (a bullish 5m FVG) and wicks to 100.8 over
    # the 5m swing high of bucket 70 (100.5). Its first minute completes a bullish 1m FVG; its
    # last minute wicks over the 1m swing high of the first (100.45). Closing that minute at
    # 100.4 sweeps both highs (bearish on 1m and 5m): 2 against 2 at the bucket's close, the
    # first moment either side has two timeframes. The control closes it at 100.7, above
    # both highs (broken, not swept): the same bullish side alone, and a long.
    script = MinuteScript()
    setup = two_sided_setup(script, bucket=85, last_close=100.4 if tie else 100.7)
    at = close_time(setup.bucket, 5)
    assert at == close_time(len(script) - 1)  # the data ends with the bucket

    minutes, five = script.candles, script.buckets(5)
    expected = [
        Formed(
            "1m",
            "fvg",
            "bullish",
            setup.first_minute,
            minutes[setup.impulse - 1].high,
            minutes[setup.first_minute].low,
        ),
        Formed(
            "5m",
            "fvg",
            "bullish",
            setup.bucket,
            five[setup.bucket - 2].high,
            five[setup.bucket].low,
        ),
    ]
    if tie:
        expected += [
            Formed(
                "1m",
                "liquidity_sweep",
                "bearish",
                setup.last_minute,
                setup.minute_swing_high,
                minutes[setup.last_minute].high,
            ),
            Formed(
                "5m",
                "liquidity_sweep",
                "bearish",
                setup.bucket,
                setup.swing_high,
                five[setup.bucket].high,
            ),
        ]
    zones = [(100.02, 100.3), (100.02, 100.3), (100.45, 100.8), (100.5, 100.8)]
    assert _near(
        [z for f in expected for z in (f.zone_low, f.zone_high)],
        [z for zone in zones[: len(expected)] for z in zone],
    )
    assert five[setup.spike_bucket].high == setup.swing_high

    symbol_id = await _replay(session_factory, script, SETTINGS)
    patterns, signals = await _stored(session_factory, symbol_id)
    rows = _assert_patterns(patterns, script, expected)

    for instant in range(close_time(setup.first_minute), at, MINUTE_MS):
        assert _active_timeframes(patterns, instant) == {"bullish": {"1m"}, "bearish": set()}
    at_close = _active_timeframes(patterns, at)
    if tie:
        assert at_close == {"bullish": {"1m", "5m"}, "bearish": {"1m", "5m"}}
        assert signals == []
        return
    assert at_close == {"bullish": {"1m", "5m"}, "bearish": set()}
    assert [(s.direction, s.created_at, s.confluence) for s in signals] == [("long", at, 2)]
    assert signals[0].anchor_pattern_id == rows[expected[1]].id
