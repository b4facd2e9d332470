"""THE golden replay: ANON_BTC-1m.csv, 1m only, default settings, one cycle per candle,
reproduces tests/data/golden/signals/ANON_BTC-1m.json: the same 67 signals (anchors, contributing
patterns, levels, status times, outcomes, frozen setup statistics), the same stored pattern
counts and the final setup statistics. In full on SQLite; a slice on MariaDB."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.market.candles import CandleSeries
from cryptolens.patterns.models import Pattern
from cryptolens.settings import SignalSettings
from cryptolens.signals.models import Signal, SignalPattern
from cryptolens.signals.settings import CycleSettings
from cryptolens.signals.setups import setup_statistics
from cryptolens.signals.workflows import plan_replay, replay_cycles
from tests.signals.conftest import store_symbol

# MariaDB replays the first cycles only (8 golden signals are created in them).
MYSQL_SLICE_CYCLES = 2_000
TIME_FIELDS = (
    "created_at",
    "triggered_at",
    "tp1_at",
    "tp2_at",
    "tp3_at",
    "stopped_at",
    "closed_at",
    "expired_at",
    "cancelled_at",
)
LEVEL_FIELDS = ("entry", "stop_loss", "take_profit_1", "take_profit_2", "take_profit_3")
STATS_FIELDS = ("count", "triggered", "wins", "decided", "win_rate", "resolved", "avg_r")


def pattern_key(pattern: Pattern) -> str:
    return f"{pattern.timeframe}:{pattern.type}:{pattern.direction}:{pattern.formed_at}"


def _close(actual: float | None, expected: float | None) -> bool:
    if actual is None or expected is None:
        return actual is expected
    return actual == pytest.approx(expected, rel=1e-9, abs=1e-300)


async def _stored_signals(session: AsyncSession) -> list[dict[str, Any]]:
    patterns = {p.id: p for p in await session.scalars(select(Pattern))}
    links = (
        await session.execute(
            select(SignalPattern.signal_id, SignalPattern.pattern_id).order_by(
                SignalPattern.signal_id, SignalPattern.position
            )
        )
    ).all()
    signals = []
    for signal in await session.scalars(select(Signal).order_by(Signal.created_at, Signal.id)):
        signals.append(
            {
                "signal": signal,
                "anchor": pattern_key(patterns[signal.anchor_pattern_id]),
                "contributing": [
                    pattern_key(patterns[pattern_id])
                    for signal_id, pattern_id in links
                    if signal_id == signal.id
                ],
            }
        )
    return signals


def signal_differences(stored: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    signal: Signal = stored["signal"]
    found = []
    for name in ("direction", "status", "confluence", *TIME_FIELDS):
        if getattr(signal, name) != expected[name]:
            found.append(f"{name}: {getattr(signal, name)} != {expected[name]}")
    for name in (*LEVEL_FIELDS, "strength", "outcome_r", "risk_reward"):
        if not _close(getattr(signal, name), expected[name]):
            found.append(f"{name}: {getattr(signal, name)} != {expected[name]}")
    if signal.timeframes.split(",") != expected["timeframes"]:
        found.append(f"timeframes: {signal.timeframes} != {expected['timeframes']}")
    if stored["anchor"] != expected["anchor"]["id"]:
        found.append(f"anchor: {stored['anchor']} != {expected['anchor']['id']}")
    if stored["contributing"] != expected["contributing_patterns"]:
        found.append("contributing patterns differ")
    for frozen, golden_stats in zip(signal.setup_stats, expected["setup_stats"], strict=True):
        assert frozen["window_days"] == golden_stats["window_days"]
        for name in STATS_FIELDS:
            if not _close(frozen[name], golden_stats[name]):
                found.append(f"setup_stats {frozen['window_days']}d {name}")
    return found


async def _replay(
    factory: async_sessionmaker[AsyncSession], minutes: CandleSeries, cycles: int | None
) -> int:
    symbol_id = await store_symbol(factory, "ANON/BTC", minutes)
    plan = await plan_replay(factory, symbol_id, 0, None)
    if cycles is not None:
        del plan.closes[cycles:]
    report = await replay_cycles(factory, symbol_id, plan, CycleSettings())
    assert report.cycles == len(plan.closes)
    return symbol_id


async def test_golden_replay(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    anon_minutes: CandleSeries,
    golden: dict[str, Any],
) -> None:
    full = db_engine.dialect.name == "sqlite"
    cycles = None if full else MYSQL_SLICE_CYCLES
    symbol_id = await _replay(session_factory, anon_minutes, cycles)

    last_close = int(anon_minutes.open_time[(cycles or len(anon_minutes)) - 1]) + 60_000
    expected = [s for s in golden["signals"] if s["created_at"] <= last_close]
    async with session_factory() as session:
        stored = await _stored_signals(session)
    assert len(stored) == len(expected)
    assert len(expected) == (67 if full else 8)
    for stored_signal, golden_signal in zip(stored, expected, strict=True):
        if full:
            assert signal_differences(stored_signal, golden_signal) == [], golden_signal["id"]
        else:
            # A slice ends while some signals are still open: compare what is fixed.
            signal = stored_signal["signal"]
            assert signal.created_at == golden_signal["created_at"]
            assert stored_signal["anchor"] == golden_signal["anchor"]["id"]
            assert all(_close(getattr(signal, f), golden_signal[f]) for f in LEVEL_FIELDS)
    if not full:
        return

    async with session_factory() as session:
        counts = dict(
            (
                await session.execute(
                    select(Pattern.timeframe, func.count()).group_by(Pattern.timeframe)
                )
            ).all()
        )
        statistics = await setup_statistics(
            session,
            golden["stats"]["now"],
            SignalSettings().stats_windows_days,
            symbol_id=symbol_id,
        )
    assert {tf: counts.get(tf, 0) for tf in golden["stored_patterns"]} == golden["stored_patterns"]
    _assert_final_statistics(statistics, golden["stats"]["setups"])


def _assert_final_statistics(statistics: list[Any], expected: list[dict[str, Any]]) -> None:
    actual = {
        (line.anchor_type, line.anchor_timeframe, window.window_days): window
        for line in statistics
        if line.symbol_id is not None
        for window in line.windows
    }
    assert len(actual) == len(expected)
    for entry in expected:
        window = actual[(entry["type"], entry["timeframe"], entry["window_days"])]
        for name in STATS_FIELDS:
            assert _close(getattr(window, name), entry[name]), (entry, name)


async def test_replaying_again_creates_and_changes_nothing(
    session_factory: async_sessionmaker[AsyncSession], anon_minutes: CandleSeries
) -> None:
    symbol_id = await _replay(session_factory, anon_minutes, 1_100)

    async def snapshot() -> tuple[list[Any], list[Any]]:
        async with session_factory() as session:
            patterns = (await session.execute(select(Pattern.__table__))).all()
            signals = (await session.execute(select(Signal.__table__))).all()
        return list(patterns), list(signals)

    before = await snapshot()
    plan = await plan_replay(session_factory, symbol_id, 0, None)
    del plan.closes[1_100:]
    # Again from the start, then the last stretch once more (a retried job).
    await replay_cycles(session_factory, symbol_id, plan, CycleSettings())
    del plan.closes[:900]
    await replay_cycles(session_factory, symbol_id, plan, CycleSettings())
    after = await snapshot()
    assert len(before[0]) > 200 and len(before[1]) >= 2
    # Everything but the bookkeeping times (the last two columns of both tables).
    assert [row[:-2] for row in after[0]] == [row[:-2] for row in before[0]]
    assert [row[:-2] for row in after[1]] == [row[:-2] for row in before[1]]
    async with unit_of_work(session_factory) as session:
        assert await session.scalar(select(func.count()).select_from(Signal)) == len(before[1])
