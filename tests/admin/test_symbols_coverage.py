"""Coverage per symbol and detection timeframe (admin.md, "Symbols"): counted by refresh_stats
with one grouped query per timeframe, shown by `GET /admin/symbols`; and who is mandatory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms, unit_of_work
from cryptolens.market import service as market
from cryptolens.market.admin_symbols import mandatory_symbols
from cryptolens.market.coverage import coverage_ratio
from cryptolens.market.models import Candle, Symbol, SymbolCoverage
from cryptolens.resources import app_resources
from cryptolens.settings import DETECTION_TIMEFRAMES, MarketSettings
from tests.admin.symbols_support import DAY, HOUR, MINUTE, SYMBOLS, Factory, run_job
from tests.clients import MakeUserClient


async def _store(factory: Factory, clock: FrozenClock) -> dict[str, int]:
    """BTC: 1h candles at t0, t0+1h, t0+3h (one missing of four buckets) and 1m candles with
    no hole; ETH: 1d candles on two consecutive days; SOL: nothing. Returns the ids."""
    now = to_ms(clock.now())
    hour0 = now - now % HOUR - 10 * HOUR
    minute0 = now - now % MINUTE - 3 * MINUTE
    day0 = now - now % DAY - 5 * DAY
    series = {
        "BTC/USDT": {
            "1h": [hour0, hour0 + HOUR, hour0 + 3 * HOUR],
            "1m": [minute0 + i * MINUTE for i in range(3)],
        },
        "ETH/USDT": {"1d": [day0, day0 + DAY]},
        "SOL/USDT": {},
    }
    ids = {}
    async with unit_of_work(factory) as session:
        for name, timeframes in series.items():
            base, quote = name.split("/")
            symbol = Symbol(symbol=name, exchange="binance", base=base, quote=quote, is_active=True)
            session.add(symbol)
            await session.flush()
            ids[name] = symbol.id
            for timeframe, times in timeframes.items():
                for open_time in times:
                    session.add(
                        Candle(
                            symbol_id=symbol.id,
                            timeframe=timeframe,
                            open_time=open_time,
                            open=1.0,
                            high=1.0,
                            low=1.0,
                            close=1.0,
                            volume=1.0,
                        )
                    )
    return ids


def _by_timeframe(item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["timeframe"]: row for row in item["coverage"]}


async def test_refresh_stats_counts_coverage_and_the_list_shows_it(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: Factory,
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    await _store(session_factory, clock)
    before = (await admin.http.get(SYMBOLS)).json()["data"]
    assert all(item["coverage"] == [] for item in before)  # nothing counted yet

    runner = app_resources(app).jobs.runner
    assert runner is not None
    job_id = await runner.enqueue("refresh_stats")
    assert job_id is not None
    outcome = await run_job(app, job_id)
    assert outcome.status == "ok", outcome.error

    response = await admin.http.get(SYMBOLS)
    assert response.status_code == 200, response.text
    listed = {item["symbol"]: item for item in response.json()["data"]}
    btc = _by_timeframe(listed["BTC/USDT"])
    assert list(btc) == list(DETECTION_TIMEFRAMES)  # every detection timeframe, in order
    hours = btc["1h"]
    assert hours["candle_count"] == 3
    assert hours["last_open_time"] - hours["first_open_time"] == 3 * HOUR
    assert hours["coverage"] == 0.75
    assert hours["computed_at"] is not None
    assert btc["1m"]["candle_count"] == 3 and btc["1m"]["coverage"] == 1.0
    assert btc["5m"] == {**btc["5m"], "candle_count": 0, "coverage": None, "first_open_time": None}
    assert listed["BTC/USDT"]["freshness"] == "live"
    assert listed["BTC/USDT"]["is_mandatory"] is True
    eth = _by_timeframe(listed["ETH/USDT"])
    assert eth["1d"]["candle_count"] == 2 and eth["1d"]["coverage"] == 1.0
    assert listed["ETH/USDT"]["freshness"] == "none"
    sol = _by_timeframe(listed["SOL/USDT"])
    assert all(row["candle_count"] == 0 and row["coverage"] is None for row in sol.values())


@contextmanager
def _candle_queries(engine: AsyncEngine) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "candles" in statement.lower():
            seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def test_coverage_takes_one_grouped_query_per_timeframe_whatever_the_symbols(
    db_engine: AsyncEngine, session_factory: Factory, clock: FrozenClock
) -> None:
    await _store(session_factory, clock)
    with _candle_queries(db_engine) as seen:
        async with unit_of_work(session_factory) as session:
            rows = await market.refresh_coverage(session, DETECTION_TIMEFRAMES, clock.now())
    assert rows == 3 * len(DETECTION_TIMEFRAMES)  # a row per symbol and timeframe
    assert len(seen) == len(DETECTION_TIMEFRAMES)
    assert all("group by" in statement.lower() for statement in seen)

    # Counting again replaces the rows (a timeframe dropped from the setting leaves).
    async with unit_of_work(session_factory) as session:
        assert await market.refresh_coverage(session, ["1h"], clock.now()) == 3
    async with session_factory() as session:
        kept = (await session.scalars(select(SymbolCoverage.timeframe))).all()
    assert sorted(kept) == ["1h"] * 3


def test_coverage_is_the_count_over_the_buckets_from_first_to_last() -> None:
    assert coverage_ratio(0, 3 * HOUR, 3, "1h") == 0.75
    assert coverage_ratio(0, 0, 1, "1d") == 1.0
    assert coverage_ratio(0, 9 * 4 * HOUR, 5, "4h") == 0.5


def test_btc_usdt_is_always_mandatory_whatever_the_setting() -> None:
    assert mandatory_symbols(MarketSettings(mandatory_symbols=())) == {"BTC/USDT"}
    assert mandatory_symbols(MarketSettings(mandatory_symbols=("ada-usdt",))) == {
        "BTC/USDT",
        "ADA/USDT",
    }
    assert mandatory_symbols(MarketSettings()) == {
        "BTC/USDT",
        "ETH/USDT",
        "SOL/USDT",
        "BNB/USDT",
        "XRP/USDT",
    }
