"""A replay's own store (signals/cycle_store.py MemoryCycleStore) runs the live cycle code and
gives what the live tables give: the golden replay signal for signal, and on a real month with
a warm-up the same patterns and signals as cycles over the live tables, including the
higher-timeframe history closed before W."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.timeframes import DAY_MS, MINUTE_MS, timeframe_ms
from cryptolens.db import unit_of_work
from cryptolens.market import service as market
from cryptolens.market.candles import CandleSeries
from cryptolens.market.models import Candle
from cryptolens.patterns.csv_input import read_candles_csv
from cryptolens.patterns.models import Pattern
from cryptolens.signals.cycle import run_cycle
from cryptolens.signals.models import Signal
from cryptolens.signals.replay import memory_store, replay_range, run_closes, seeded_store
from cryptolens.signals.settings import CycleSettings
from tests.data_files import candle_file
from tests.signals.conftest import store_symbol
from tests.signals.test_golden_replay import pattern_key, signal_differences

SIGNAL_FIELDS = (
    "direction",
    "entry",
    "stop_loss",
    "take_profit_1",
    "take_profit_2",
    "take_profit_3",
    "risk",
    "atr",
    "buffer",
    "confluence",
    "timeframes",
    "anchor_type",
    "anchor_timeframe",
    "anchor_expires_at",
    "strength",
    "status",
    "outcome_r",
    "exit_price",
    "created_at",
    "triggered_at",
    "tp1_at",
    "tp2_at",
    "tp3_at",
    "stopped_at",
    "closed_at",
    "expired_at",
    "cancelled_at",
    "setup_stats",
)
PATTERN_FIELDS = (
    "timeframe",
    "type",
    "direction",
    "zone_low",
    "zone_high",
    "formed_at",
    "confirmed_at",
    "expires_at",
    "strength",
    "status",
    "touched_at",
    "fill_pct",
    "filled_at",
    "invalidated_at",
)


def _closes(minutes: CandleSeries, start: int = 0) -> list[int]:
    return [int(t) + MINUTE_MS for t in minutes.open_time.tolist() if int(t) >= start]


async def test_the_memory_store_replays_the_golden_signals(
    anon_minutes: CandleSeries, golden: dict[str, Any]
) -> None:
    settings = CycleSettings()
    first = int(anon_minutes.open_time[0])
    store = memory_store(1, anon_minutes, {}, None, None, first, settings)
    await run_closes(store, _closes(anon_minutes), settings)

    by_id = {p.id: p for p in store.patterns.patterns}
    assert len(store.signals) == len(golden["signals"]) == 67
    for signal, expected in zip(store.signals, golden["signals"], strict=True):
        stored = {
            "signal": signal,
            "anchor": pattern_key(by_id[signal.anchor_pattern_id]),  # type: ignore[arg-type]
            "contributing": [
                pattern_key(by_id[i])  # type: ignore[arg-type]
                for i in store.contributing[signal.id]
            ],
        }
        assert signal_differences(stored, expected) == [], expected["id"]
    counts = Counter(p.timeframe for p in by_id.values())
    assert {tf: counts.get(tf, 0) for tf in golden["stored_patterns"]} == golden["stored_patterns"]


def btc_minutes(days: int) -> CandleSeries:
    series = read_candles_csv(candle_file("BTC-PERP_USD-1m.csv"))
    minutes = CandleSeries(
        series.time, series.open, series.high, series.low, series.close, series.volume
    )
    return minutes[: days * 1440]


def _rows(items: list[Any], fields: tuple[str, ...]) -> list[tuple[Any, ...]]:
    return [tuple(getattr(item, name) for name in fields) for item in items]


@pytest.mark.parametrize("warm_up_days", [3])
async def test_a_memory_replay_from_w_equals_cycles_over_the_live_tables(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    warm_up_days: int,
) -> None:
    """The live side: a symbol whose history before W is stored (1m and the higher timeframes
    built from it, as a backfill leaves them), then one live cycle per minute from W. The
    replay side: the same history, the higher timeframes closed by W taken as stored."""
    days = warm_up_days + (2 if db_engine.dialect.name == "sqlite" else 1)
    minutes = btc_minutes(days)
    warm_start = int(minutes.open_time[0]) + warm_up_days * DAY_MS + 7 * MINUTE_MS
    settings = CycleSettings()
    symbol_id = await store_symbol(session_factory, "BTC/USD", minutes)
    higher = [tf for tf in settings.scan.timeframes if tf != "1m"]
    async with unit_of_work(session_factory) as session:
        await market.build_buckets(
            session,
            symbol_id,
            higher,
            first_minute=int(minutes.open_time[0]),
            last_minute=warm_start - MINUTE_MS,
            server_time=warm_start,
        )
        before = {
            tf: await market.candles_until(session, symbol_id, tf, warm_start, 1_000)
            for tf in higher
        }
    closes = _closes(minutes, warm_start)
    async with unit_of_work(session_factory) as session:
        for close in closes:
            await run_cycle(session, symbol_id, close, settings)
        live_patterns = list(
            await session.scalars(select(Pattern).order_by(Pattern.formed_at, Pattern.id))
        )
        live_signals = list(
            await session.scalars(select(Signal).order_by(Signal.created_at, Signal.id))
        )

    store = memory_store(symbol_id, minutes, before, None, None, warm_start, settings)
    await run_closes(store, closes, settings)
    replayed = sorted(store.patterns.patterns, key=lambda p: (p.formed_at, p.id))

    assert len(live_patterns) > 40 and len(live_signals) >= 3, (
        len(live_patterns),
        len(live_signals),
    )
    assert _rows(replayed, PATTERN_FIELDS) == _rows(live_patterns, PATTERN_FIELDS)
    assert _rows(store.signals, SIGNAL_FIELDS) == _rows(live_signals, SIGNAL_FIELDS)


async def test_a_replay_reads_nothing_at_or_after_its_end(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Through its only candle source (the store it is seeded with): every candle it can read
    closed by `end`; and deleting every stored candle from `end` on changes none of its
    results (the signals still open at `end` stay open, without outcome)."""
    minutes = btc_minutes(17)
    settings = CycleSettings()
    symbol_id = await store_symbol(session_factory, "BTC/USD", minutes)
    start = int(minutes.open_time[0]) + 14 * DAY_MS
    end = start + DAY_MS + 7 * MINUTE_MS
    async with unit_of_work(session_factory) as session:
        store = await seeded_store(session, symbol_id, start - 14 * DAY_MS, end, settings)
    for timeframe, series in store.candles.series.items():
        assert len(series)
        assert int(series.open_time[-1]) + timeframe_ms(timeframe) <= end, timeframe

    before = await replay_range(session_factory, symbol_id, start, end, settings)
    async with unit_of_work(session_factory) as session:
        await session.execute(
            delete(Candle).where(Candle.symbol_id == symbol_id, Candle.open_time >= end)
        )
    after = await replay_range(session_factory, symbol_id, start, end, settings)
    assert len(before.signals) >= 2
    assert any(s.status in ("pending", "triggered", "tp1", "tp2") for s in before.signals)
    assert _rows(after.signals, SIGNAL_FIELDS) == _rows(before.signals, SIGNAL_FIELDS)
