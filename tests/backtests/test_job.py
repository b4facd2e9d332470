"""The `run_backtest` job end to end on a real stored series (BTC-PERP 1m, January 2022): its
results are the signals the replay engine returns, figured by backtests/results.py; nothing
live is written; a cancel stops it within 5 s; progress is written; and the shared slots
let at most two replays run at once."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.backtests import parameters, results
from cryptolens.backtests.models import Backtest, BacktestSignal
from cryptolens.backtests.tasks import run_backtest
from cryptolens.core.timeframes import DAY_MS, MINUTE_MS
from cryptolens.db import Base, unit_of_work
from cryptolens.jobs.execution import _shared_slot
from cryptolens.jobs.locks import MemoryLocks
from cryptolens.jobs.registry import REPLAY_SLOTS, get_job, job_timeout_seconds
from cryptolens.market.candles import CandleSeries
from cryptolens.patterns.csv_input import read_candles_csv
from cryptolens.resources import app_resources
from cryptolens.signals import reads as signals
from tests.backtests.conftest import API, RecordingQueue, data_of, submit
from tests.clients import MakeUserClient
from tests.data_files import candle_file
from tests.signals.conftest import store_symbol

OWN_TABLES = {"backtests", "backtest_signals"}
COMPARED = (
    "direction",
    "entry",
    "stop_loss",
    "take_profit_1",
    "take_profit_2",
    "take_profit_3",
    "risk_reward",
    "move_stop_to_entry_after_tp1",
    "confluence",
    "timeframes",
    "anchor_type",
    "anchor_timeframe",
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
)


def btc_perp_minutes() -> CandleSeries:
    series = read_candles_csv(candle_file("BTC-PERP_USD-1m.csv"))
    return CandleSeries(
        series.time, series.open, series.high, series.low, series.close, series.volume
    )


@pytest.fixture
async def stored_series(session_factory: async_sessionmaker[AsyncSession]) -> int:
    """BTC/USDT with the real series; returns the first whole minute a backtest may start."""
    minutes = btc_perp_minutes()
    await store_symbol(session_factory, "BTC/USDT", minutes)
    return int(minutes.open_time[0]) + signals.WARM_UP_MS


async def table_counts(factory: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    async with unit_of_work(factory) as db:
        return {
            table.name: int(await db.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
            if table.name not in OWN_TABLES
        }


async def test_a_run_stores_what_the_engine_returns_and_writes_nothing_live(
    app: FastAPI,
    make_user_client: MakeUserClient,
    queue: RecordingQueue,
    session_factory: async_sessionmaker[AsyncSession],
    stored_series: int,
) -> None:
    user = await make_user_client("premium")
    start = stored_series
    end = start + DAY_MS
    created = await submit(
        user.http, start=start, end=end, parameters={"min_confluence": 1, "default_rr": 4}
    )
    before = await table_counts(session_factory)
    ctx = app_resources(app).jobs.ctx
    counters = await run_backtest(ctx, created["id"])
    assert await table_counts(session_factory) == before

    done = data_of(await user.http.get(f"{API}/backtests/{created['id']}"))
    assert done["status"] == "completed", done
    assert done["progress"] == 100 and done["replayed_until"] == end
    warm_up_minutes = (end - (start - signals.WARM_UP_MS)) // MINUTE_MS
    assert done["minutes_replayed"] + done["minutes_missing"] == warm_up_minutes
    assert done["started_at"] is not None and done["finished_at"] is not None

    # The same replay, straight from the engine with the recorded values.
    async with unit_of_work(session_factory) as db:
        symbol_id = (await db.get(Backtest, created["id"])).symbol_id  # type: ignore[union-attr]
    settings = parameters.settings_from_values(ctx.settings, done["parameters"])
    assert settings.signals.default_rr == 4.0 and settings.signals.min_confluence == 1
    outcome = await signals.replay_range(session_factory, symbol_id, start, end, settings)
    assert outcome.signals, "the day should give signals (else the comparison proves little)"
    assert counters.signals_created == len(outcome.signals)
    assert done["minutes_replayed"] == outcome.minutes_replayed

    async with unit_of_work(session_factory) as db:
        stored = list(
            await db.scalars(
                select(BacktestSignal)
                .where(BacktestSignal.backtest_id == created["id"])
                .order_by(BacktestSignal.number)
            )
        )
    assert [row.number for row in stored] == list(range(1, len(outcome.signals) + 1))
    for row, signal in zip(stored, outcome.signals, strict=True):
        assert {f: getattr(row, f) for f in COMPARED} == {f: getattr(signal, f) for f in COMPARED}
        assert start <= row.created_at < end

    expected = results.summarize(outcome.signals).as_dict()
    assert done["summary"] == pytest.approx(expected)
    setups = [(s["anchor_type"], s["anchor_timeframe"]) for s in done["by_setup"]]
    assert setups == [(kind, tf) for kind, tf, _ in results.by_setup(outcome.signals)]
    assert sum(s["count"] for s in done["by_setup"]) == done["summary"]["count"]

    # The signals and equity routes show the stored results.
    listed = data_of(await user.http.get(f"{API}/backtests/{created['id']}/signals"))
    assert [s["id"] for s in listed] == [row.number for row in reversed(stored)][:50]
    assert "setup_stats" not in listed[0] and listed[0]["symbol"] == "BTC/USDT"
    curve = data_of(
        await user.http.get(f"{API}/backtests/{created['id']}/equity", params={"limit": 2000})
    )
    assert curve[0] == {"time": start, "cumulative_r": 0.0, "signal_id": None}
    assert len(curve) == 1 + done["summary"]["resolved"]
    if len(curve) > 1:
        assert curve[-1]["cumulative_r"] == pytest.approx(done["summary"]["sum_r"])


async def test_a_cancel_stops_a_running_replay_within_five_seconds(
    app: FastAPI,
    make_user_client: MakeUserClient,
    queue: RecordingQueue,
    session_factory: async_sessionmaker[AsyncSession],
    stored_series: int,
) -> None:
    user = await make_user_client("premium")
    start = stored_series
    created = await submit(user.http, start=start, end=start + 15 * DAY_MS)
    job = asyncio.create_task(run_backtest(app_resources(app).jobs.ctx, created["id"]))
    url = f"{API}/backtests/{created['id']}"
    progressed: dict[str, Any] = {}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not job.done():
        progressed = data_of(await user.http.get(url))
        if progressed["replayed_until"] is not None:
            break
        await asyncio.sleep(0.2)
    assert progressed["status"] == "running" and 0 <= progressed["progress"] < 100, progressed
    assert progressed["replayed_until"] > start - signals.WARM_UP_MS
    cancelled_at = time.monotonic()
    assert data_of(await user.http.delete(url)) == {"message": "Backtest cancelled"}
    counters = await asyncio.wait_for(job, timeout=5)
    assert time.monotonic() - cancelled_at < 5
    assert counters.details == {"cancelled": 1}
    final = data_of(await user.http.get(url))
    assert final["status"] == "cancelled" and final["summary"] is None
    assert data_of(await user.http.get(f"{url}/signals")) == []
    # A cancelled backtest is not run again by a late copy of its job.
    assert (await run_backtest(app_resources(app).jobs.ctx, created["id"])).details == {
        "skipped": 1
    }


def test_the_job_is_on_low_with_its_own_limit_and_the_replay_slots() -> None:
    definition = get_job("run_backtest")
    assert definition.queue == "low"
    assert definition.slots == REPLAY_SLOTS and REPLAY_SLOTS.size == 2
    from cryptolens.settings import JobSettings

    assert job_timeout_seconds(JobSettings(), definition) == 3600
    assert job_timeout_seconds(JobSettings(), get_job("portfolio_purge")) == 300


async def test_a_third_replay_waits_for_a_free_slot() -> None:
    locks = MemoryLocks()
    definition = get_job("run_backtest")
    inside: list[int] = []
    release = [asyncio.Event() for _ in range(3)]

    async def replay(index: int) -> None:
        async with _shared_slot(locks, definition, ttl=60):
            inside.append(index)
            await release[index].wait()

    tasks = [asyncio.create_task(replay(index)) for index in range(3)]
    await asyncio.sleep(0.3)
    assert sorted(inside) == [0, 1]  # the third waits
    release[0].set()
    await asyncio.sleep(1.5)  # the waiting one looks again every second
    assert sorted(inside) == [0, 1, 2]
    release[1].set()
    release[2].set()
    await asyncio.gather(*tasks)
