"""The warm-up (signals/warm_up.py): a symbol's first live cycle at T0 is preceded by the replay of
[W, T0) in memory, stored like live. The tables then hold what cycles over the live tables from W
would have stored (patterns with their lifecycles, signals with their outcomes, higher-timeframe
candles), and only T0's cycle is a result (nothing of the warm-up is pushed or streamed)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.timeframes import DAY_MS, MINUTE_MS
from cryptolens.db import unit_of_work
from cryptolens.market import service as market
from cryptolens.patterns.models import Pattern
from cryptolens.settings import SignalSettings
from cryptolens.signals.cycle import mark_cycles_done, run_cycle
from cryptolens.signals.live_cycles import run_pending_cycles
from cryptolens.signals.models import Signal, SignalPattern
from cryptolens.signals.repository import last_cycle_at
from cryptolens.signals.settings import CycleSettings
from tests.signals.conftest import store_symbol
from tests.signals.test_replay_store import PATTERN_FIELDS, SIGNAL_FIELDS, btc_minutes


async def _stored(
    factory: async_sessionmaker[AsyncSession], symbol_id: int
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], dict[str, int]]:
    async with factory() as session:
        patterns = list(
            await session.scalars(
                select(Pattern)
                .where(Pattern.symbol_id == symbol_id)
                .order_by(Pattern.formed_at, Pattern.timeframe, Pattern.type, Pattern.direction)
            )
        )
        keys = {p.id: (p.timeframe, p.type, p.direction, p.formed_at) for p in patterns}
        signals = list(
            await session.scalars(
                select(Signal).where(Signal.symbol_id == symbol_id).order_by(Signal.created_at)
            )
        )
        links = (
            await session.execute(
                select(SignalPattern.signal_id, SignalPattern.pattern_id).order_by(
                    SignalPattern.signal_id, SignalPattern.position
                )
            )
        ).all()
        counts = {
            tf: len(await market.candles_until(session, symbol_id, tf, 2**62, 100_000))
            for tf in ("5m", "15m", "1h", "4h", "1d")
        }
    pattern_rows = [tuple(getattr(p, f) for f in PATTERN_FIELDS) for p in patterns]
    signal_rows = [
        (
            *(getattr(s, f) for f in SIGNAL_FIELDS),
            keys[s.anchor_pattern_id],
            [keys[p] for signal_id, p in links if signal_id == s.id],
        )
        for s in signals
    ]
    return pattern_rows, signal_rows, counts


async def test_the_warm_up_stores_what_live_cycles_from_w_store(
    db_engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    days = 2 if db_engine.dialect.name == "sqlite" else 1
    minutes = btc_minutes(days + 1)
    settings = CycleSettings(signals=SignalSettings(warm_up_minutes=days * 1440))
    warmed = await store_symbol(session_factory, "BTC/USD", minutes)
    walked = await store_symbol(session_factory, "WALK/USD", minutes)
    first_live = int(minutes.open_time[-1])  # T0's candle
    t0 = first_live + MINUTE_MS
    w = first_live - days * DAY_MS

    async with unit_of_work(session_factory) as session:
        results = await run_pending_cycles(session, warmed, t0, settings)
        assert [r.close for r in results] == [t0]
        assert await last_cycle_at(session, warmed) == t0

    # The same through the live tables: one cycle per minute from W, then T0's.
    async with unit_of_work(session_factory) as session:
        for open_time in minutes.open_time.tolist():
            if w <= open_time < first_live:
                await run_cycle(session, walked, int(open_time) + MINUTE_MS, settings)
        await mark_cycles_done(session, walked, first_live)
        walked_results = await run_pending_cycles(session, walked, t0, settings)
        assert [r.close for r in walked_results] == [t0]

    warmed_state = await _stored(session_factory, warmed)
    walked_state = await _stored(session_factory, walked)
    assert len(warmed_state[0]) > 20 and len(warmed_state[1]) >= 2, (
        len(warmed_state[0]),
        len(warmed_state[1]),
    )
    assert warmed_state == walked_state


async def test_a_symbol_without_history_before_t0_starts_live_at_once(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    minutes = btc_minutes(1)[:1]
    symbol_id = await store_symbol(session_factory, "BTC/USD", minutes)
    t0 = int(minutes.open_time[0]) + MINUTE_MS
    async with unit_of_work(session_factory) as session:
        results = await run_pending_cycles(session, symbol_id, t0, CycleSettings())
    assert [r.close for r in results] == [t0]
