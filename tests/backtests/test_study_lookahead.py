"""No look-ahead (docs/rules/backtest.md "Walk-forward parameter study"): changing every candle
after a window's test end leaves that window's choice and scores unchanged."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.backtests.study_jobs import Step, StudyWorker
from cryptolens.db import unit_of_work, utcnow
from cryptolens.market.models import Candle
from cryptolens.settings import Settings
from tests.backtests.study_runs import outcome_of, store_btc, submit_small


async def _study(
    factory: async_sessionmaker[AsyncSession], settings: Settings
) -> dict[str, object]:
    study_id = await submit_small(factory, settings)
    assert await StudyWorker(factory, settings, utcnow).run_all(study_id) is Step.FINISHED
    return await outcome_of(factory, study_id)


async def test_candles_after_the_test_end_change_nothing_of_the_window(
    session_factory: async_sessionmaker[AsyncSession], test_settings: Settings
) -> None:
    symbol_id = await store_btc(session_factory)
    before = await _study(session_factory, test_settings)
    (window,) = before["windows"]  # type: ignore[misc]
    assert window["status"] == "completed" and window["test_count"] >= 1

    # Every later candle (of every timeframe) now swings wildly: any read of them would show.
    async with unit_of_work(session_factory) as db:
        changed = await db.execute(
            update(Candle)
            .where(Candle.symbol_id == symbol_id, Candle.open_time >= window["test_end"])
            .values(high=Candle.high * 1.2, low=Candle.low * 0.8, close=Candle.open * 1.1)
        )
        assert getattr(changed, "rowcount", 0) > 1000
    after = await _study(session_factory, test_settings)

    assert after["windows"] == before["windows"]
    assert after["aggregates"] == before["aggregates"]
