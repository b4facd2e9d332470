"""Fixtures of the admin symbol tests: the fake Binance exchange on loopback, serving a few
generated markets on the app's clock, and test settings pointing the app at it (short backfill
depths and warm-up, so a backfill job runs in moments). Imported by the test modules, which
thereby replace the shared `test_settings`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms
from cryptolens.jobs.execution import Outcome
from cryptolens.market.models import Symbol
from cryptolens.resources import app_resources
from cryptolens.settings import MarketSettings, Settings, SignalSettings
from cryptolens.system.audit.models import AuditEntry
from tests.conftest import make_settings
from tests.fakes.exchange import FakeExchange
from tests.fakes.exchange_data import generated_market

SYMBOLS = f"{ADMIN_PREFIX}/symbols"
MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR
# Each timeframe fetched two days back at most: a handful of requests per backfill.
DEPTH_DAYS = {"1m": 1, "5m": 2, "15m": 2, "1h": 2, "4h": 2, "1d": 2}
# (base, quote, price, tick size, status): the markets the fake exchange lists.
MARKETS = (
    ("BTC", "USDT", 62_000.0, "0.01", "TRADING"),
    ("ETH", "USDT", 3_100.0, "0.01", "TRADING"),
    ("ADA", "USDT", 0.45, "0.0001", "TRADING"),
    ("ADA", "BTC", 0.0000072, "0.00000001", "TRADING"),
    ("LUNA", "USDT", 0.5, "0.0001", "BREAK"),  # listed, not trading: not an active market
)

Factory = async_sessionmaker[AsyncSession]


@pytest.fixture
async def fake_exchange(clock: FrozenClock) -> AsyncIterator[FakeExchange]:
    """The exchange's time is the app's clock (mid-minute), three days of history each."""
    now_ms = to_ms(clock.now()) + 30_000
    exchange = FakeExchange(now_ms=now_ms)
    for seed, (base, quote, price, tick, status) in enumerate(MARKETS):
        market = generated_market(
            base,
            quote,
            start_ms=now_ms - 3 * DAY,
            end_ms=now_ms + DAY,
            seed=seed,
            price=price,
            tick_size=tick,
        )
        market.status = status
        exchange.add_market(market)
    await exchange.start()
    yield exchange
    await exchange.stop()


@pytest.fixture
def market_settings(fake_exchange: FakeExchange) -> MarketSettings:
    return MarketSettings(exchange_api_url=fake_exchange.base_url, backfill_depth_days=DEPTH_DAYS)


@pytest.fixture
def test_settings(
    db_engine: AsyncEngine, var_dir: Path, market_settings: MarketSettings
) -> Settings:
    return make_settings(
        var_dir,
        database_url=str(db_engine.url.render_as_string(False)),
        market=market_settings,
        signals=SignalSettings(warm_up_minutes=2),
    )


def advance(clock: FrozenClock, exchange: FakeExchange, minutes: int) -> None:
    clock.advance(timedelta(minutes=minutes))
    exchange.advance(minutes * MINUTE)


async def run_job(app: FastAPI, job_id: str) -> Outcome:
    runner = app_resources(app).jobs.runner
    assert runner is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None
    return outcome


async def symbol_named(factory: Factory, name: str) -> Symbol | None:
    async with factory() as session:
        return await session.scalar(select(Symbol).where(Symbol.symbol == name))


async def audit_rows(factory: Factory, action_prefix: str = "symbol.") -> list[AuditEntry]:
    async with factory() as session:
        rows = await session.scalars(
            select(AuditEntry)
            .where(AuditEntry.action.startswith(action_prefix))
            .order_by(AuditEntry.id)
        )
        return list(rows)


def error_code(body: dict[str, Any]) -> str:
    code: str = body["meta"]["code"]
    return code
