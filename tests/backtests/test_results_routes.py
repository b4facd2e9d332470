"""A completed backtest's signals (filters, newest first, pages) and equity curve (paged like
candles), and the daily cleanup: retention and lost runs. Rows are seeded: no replay runs."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.backtests.models import Backtest, BacktestSignal
from cryptolens.backtests.tasks import backtests_cleanup, figures_of
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.resources import app_resources
from tests.backtests.conftest import API, START, RecordingQueue, code_of, data_of, submit
from tests.clients import MakeUserClient

pytestmark = pytest.mark.usefixtures("symbols")


def result_signal(number: int, **values: Any) -> BacktestSignal:
    fields: dict[str, Any] = {
        "direction": "long",
        "entry": 100.0,
        "stop_loss": 99.0,
        "take_profit_1": 101.0,
        "take_profit_2": 102.0,
        "take_profit_3": 103.0,
        "risk_reward": 3.0,
        "move_stop_to_entry_after_tp1": True,
        "confluence": 2,
        "timeframes": "1h,15m",
        "anchor_type": "fvg",
        "anchor_timeframe": "15m",
        "strength": 0.5,
        "status": "pending",
        "outcome_r": None,
        "exit_price": None,
        "created_at": START + number * 60_000,
        "triggered_at": None,
        "tp1_at": None,
        "tp2_at": None,
        "tp3_at": None,
        "stopped_at": None,
        "closed_at": None,
        "expired_at": None,
        "cancelled_at": None,
    }
    fields.update(values)
    return BacktestSignal(number=number, **fields)


def seeded_signals() -> list[BacktestSignal]:
    """+3, -1, -1, 0, -1, +3 (the spec's example), one short open, one ob pending."""
    outcomes = [3.0, -1.0, -1.0, 0.0, -1.0, 3.0]
    rows = []
    for number, outcome in enumerate(outcomes, start=1):
        ended = START + 10_000_000 + number * 60_000
        won = outcome > 0
        rows.append(
            result_signal(
                number,
                status="tp3" if won else "stopped",
                outcome_r=outcome,
                triggered_at=START + number * 60_000 + 60_000,
                tp1_at=ended if won or outcome == 0 else None,
                tp3_at=ended if won else None,
                stopped_at=None if won else ended,
            )
        )
    rows.append(result_signal(7, direction="short", status="triggered", triggered_at=START + 1))
    rows.append(result_signal(8, anchor_type="ob", anchor_timeframe="1h"))
    return rows


async def complete(
    factory: async_sessionmaker[AsyncSession], backtest_id: int, rows: list[BacktestSignal]
) -> None:
    summary, lines = figures_of(rows)
    async with unit_of_work(factory) as db:
        backtest = await db.get(Backtest, backtest_id)
        assert backtest is not None
        for row in rows:
            row.backtest_id = backtest_id
        db.add_all(rows)
        backtest.status = "completed"
        backtest.progress = 100
        backtest.summary = summary
        backtest.by_setup = lines


async def test_results_signals_and_equity(
    make_user_client: MakeUserClient,
    queue: RecordingQueue,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = await make_user_client("premium")
    created = await submit(user.http)
    url = f"{API}/backtests/{created['id']}"
    assert data_of(await user.http.get(f"{url}/equity")) == []  # not completed yet
    await complete(session_factory, created["id"], seeded_signals())

    done = data_of(await user.http.get(url))
    assert done["summary"]["count"] == 8 and done["summary"]["open"] == 2
    assert done["summary"]["max_drawdown_r"] == 3.0
    assert done["summary"]["avg_r"] == pytest.approx(0.5)
    assert [(s["anchor_type"], s["anchor_timeframe"]) for s in done["by_setup"]] == [
        ("fvg", "15m"),
        ("ob", "1h"),
    ]

    every = data_of(await user.http.get(f"{url}/signals"))
    assert [s["id"] for s in every] == [8, 7, 6, 5, 4, 3, 2, 1]  # newest created first
    assert every[0]["timeframes"] == ["1h", "15m"] and "setup_stats" not in every[0]
    page = await user.http.get(f"{url}/signals", params={"limit": 3})
    assert [s["id"] for s in data_of(page)] == [8, 7, 6]
    cursor = page.json()["meta"]["next_cursor"]
    after = await user.http.get(f"{url}/signals", params={"limit": 3, "cursor": cursor})
    assert [s["id"] for s in data_of(after)] == [5, 4, 3]
    ob = data_of(await user.http.get(f"{url}/signals", params={"setup": "ob:1h"}))
    assert [s["id"] for s in ob] == [8]
    shorts = data_of(await user.http.get(f"{url}/signals", params={"direction": "short"}))
    assert [s["id"] for s in shorts] == [7]
    stopped = data_of(await user.http.get(f"{url}/signals", params={"status": "stopped"}))
    assert [s["id"] for s in stopped] == [5, 4, 3, 2]
    bad = await user.http.get(f"{url}/signals", params={"setup": "fvg"})
    assert code_of(bad) == "validation_error"

    first = await user.http.get(f"{url}/equity", params={"limit": 4})
    points = data_of(first)
    assert points[0] == {"time": START, "cumulative_r": 0.0, "signal_id": None}
    assert [p["cumulative_r"] for p in points] == [0.0, 3.0, 2.0, 1.0]
    rest = await user.http.get(
        f"{url}/equity", params={"limit": 4, "cursor": first.json()["meta"]["next_cursor"]}
    )
    assert [(p["signal_id"], p["cumulative_r"]) for p in data_of(rest)] == [
        (4, 1.0),
        (5, 0.0),
        (6, 3.0),
    ]
    assert rest.json()["meta"].get("next_cursor") is None
    too_many = await user.http.get(f"{url}/equity", params={"limit": 2001})
    assert code_of(too_many) == "validation_error"


async def seed_backtest(
    factory: async_sessionmaker[AsyncSession], user_id: int, symbol_id: int, **values: Any
) -> int:
    async with unit_of_work(factory) as db:
        backtest = Backtest(
            user_id=user_id,
            symbol_id=symbol_id,
            start=START,
            end=START + 86_400_000,
            parameters={},
            job_id="backtest:seeded",
            **values,
        )
        db.add(backtest)
        await db.flush()
        return backtest.id


async def test_cleanup_keeps_twenty_newest_finished_none_older_than_90_days(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    symbols: dict[str, int],
    clock: FrozenClock,
) -> None:
    user = await make_user_client("premium")
    other = await make_user_client("premium")
    now = clock.now()
    btc = symbols["BTC/USDT"]
    old = await seed_backtest(
        session_factory, other.user_id, btc, status="failed", created_at=now - timedelta(days=91)
    )
    recent_other = await seed_backtest(
        session_factory, other.user_id, btc, status="completed", created_at=now - timedelta(days=89)
    )
    finished = [
        await seed_backtest(session_factory, user.user_id, btc, status="completed", created_at=now)
        for _ in range(22)
    ]
    running = await seed_backtest(
        session_factory, user.user_id, btc, status="running", created_at=now
    )
    lost = await seed_backtest(
        session_factory, other.user_id, btc, status="running", created_at=now - timedelta(hours=3)
    )
    deleted_yesterday = await seed_backtest(
        session_factory,
        user.user_id,
        btc,
        status="completed",
        created_at=now - timedelta(days=1, minutes=1),
        deleted_at=now,
    )

    counters = await backtests_cleanup(app_resources(app).jobs.ctx)

    assert counters.details == {"expired": 1, "deleted": 1, "over_limit": 2, "lost": 1}
    async with unit_of_work(session_factory) as db:
        left = {row.id: row for row in await db.scalars(select(Backtest))}
    assert old not in left and deleted_yesterday not in left
    assert set(finished[2:]) <= left.keys() and not set(finished[:2]) & left.keys()
    assert left[running].status == "running"
    assert left[lost].status == "failed" and "lost" in (left[lost].error or "")
    assert recent_other in left
