"""The acceptance of one replay (issue #20, docs/rules/backtest.md "One replay"): a backtest of the
second half of the bundled BTC-PERP month with the live settings gives exactly the signals,
levels and outcomes that the live path makes in that half for the symbol added at W (the stored
history before W its backfill, then one live cycle per minute from W over the live tables), and
writes nothing to the live tables. SQLite: the live side runs 30 days of cycles over the tables
(about two minutes); the same equality on MariaDB is tests/signals/test_replay_store.py's."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.timeframes import DAY_MS, MINUTE_MS
from cryptolens.db import unit_of_work
from cryptolens.market import service as market
from cryptolens.market.models import Candle
from cryptolens.patterns.models import Pattern
from cryptolens.signals.cycle import mark_cycles_done, run_cycle
from cryptolens.signals.cycle_store import MinuteHistory
from cryptolens.signals.models import Signal, SignalCycle, SignalPattern
from cryptolens.signals.reads import replay_range
from cryptolens.signals.settings import CycleSettings
from tests.signals.conftest import store_symbol
from tests.signals.test_replay_store import SIGNAL_FIELDS, btc_minutes

# 2022-01-16 00:00 and 2022-02-01 00:00 UTC: the second half of January.
HALF_START = 1_642_291_200_000
HALF_END = 1_643_673_600_000
LIVE_TABLES = (Candle, Pattern, Signal, SignalPattern, SignalCycle)

pytestmark = pytest.mark.parametrize("db_engine", ["sqlite"], indirect=True)


async def _row_counts(factory: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    async with factory() as session:
        return {
            model.__tablename__: int(
                await session.scalar(select(func.count()).select_from(model)) or 0
            )
            for model in LIVE_TABLES
        }


def _fields(signals: list[Any]) -> list[tuple[Any, ...]]:
    # The frozen statistics know the signals of the whole run, which differ by design between
    # a replay (its own) and live (every live signal); everything else must be equal.
    return [tuple(getattr(s, f) for f in SIGNAL_FIELDS if f != "setup_stats") for s in signals]


async def test_a_backtest_of_the_second_half_equals_live_from_w(
    db_engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    assert db_engine.dialect.name == "sqlite"
    minutes = btc_minutes(33)
    settings = CycleSettings()
    symbol_id = await store_symbol(session_factory, "BTC/USD", minutes)
    w = HALF_START - 14 * DAY_MS
    higher = [tf for tf in settings.scan.timeframes if tf != "1m"]
    async with unit_of_work(session_factory) as session:
        # The backfill of a symbol added at W: the higher timeframes closed by W.
        await market.build_buckets(
            session,
            symbol_id,
            higher,
            first_minute=int(minutes.open_time[0]),
            last_minute=w - MINUTE_MS,
            server_time=w,
        )
    before = await _row_counts(session_factory)
    outcome = await replay_range(session_factory, symbol_id, HALF_START, HALF_END, settings)
    assert await _row_counts(session_factory) == before
    assert outcome.minutes_replayed == (HALF_END - w) // MINUTE_MS
    assert outcome.minutes_missing == 0

    # Live from W: one cycle per minute over the live tables, each seeing only what had closed.
    history = MinuteHistory(minutes)
    closes = [int(t) + MINUTE_MS for t in minutes.open_time.tolist() if w <= int(t) < HALF_END]
    for first in range(0, len(closes), 2_000):
        async with unit_of_work(session_factory) as session:
            for close in closes[first : first + 2_000]:
                await run_cycle(session, symbol_id, close, settings, history=history)
            await mark_cycles_done(session, symbol_id, closes[first : first + 2_000][-1])
    async with session_factory() as session:
        live = list(
            await session.scalars(
                select(Signal)
                .where(Signal.created_at >= HALF_START, Signal.created_at < HALF_END)
                .order_by(Signal.created_at, Signal.id)
            )
        )
    assert len(outcome.signals) >= 20
    assert _fields(outcome.signals) == _fields(live)
