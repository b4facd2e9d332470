"""The write API's fixtures: a fake exchange on loopback serving BTC/USDT and ETH/USDT (two days
of generated minutes up to the test clock's now), the app fetching from it with small
backfill depths and quick retries, both symbols followed, and helpers to wait for a request's
jobs on the embedded runner."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms, unit_of_work
from cryptolens.job_requests.models import JobRequest
from cryptolens.jobs.inline import InlineRunner
from cryptolens.market import service as market
from cryptolens.market.sources.ccxt_source import CcxtSource
from cryptolens.resources import app_resources
from cryptolens.settings import Settings
from tests.fakes.exchange import FakeExchange
from tests.fakes.exchange_data import generated_market

DAY_MS = 86_400_000
SYMBOLS = ("BTC/USDT", "ETH/USDT")
SCAN_URL = "/api/v1/scan"
FETCH_URL = "/api/v1/fetch"
JOBS_URL = "/api/v1/jobs"


@pytest.fixture
async def fake_exchange(clock: FrozenClock) -> AsyncIterator[FakeExchange]:
    now_ms = to_ms(clock.now())
    exchange = FakeExchange(now_ms=now_ms)
    for seed, (base, quote) in enumerate(symbol.split("/") for symbol in SYMBOLS):
        exchange.add_market(
            generated_market(
                base, quote, start_ms=now_ms - 2 * DAY_MS, end_ms=now_ms, seed=seed + 1
            )
        )
    await exchange.start()
    yield exchange
    await exchange.stop()


@pytest.fixture
def test_settings(test_settings: Settings, fake_exchange: FakeExchange) -> Settings:
    """Fetches from the fake exchange; one day of history per timeframe; quick retries."""
    one_day = dict.fromkeys(("1m", "5m", "15m", "1h", "4h", "1d"), 1)
    market_settings = test_settings.market.model_copy(
        update={
            "exchange_api_url": fake_exchange.base_url,
            "data_source": "exchange",
            "backfill_depth_days": one_day,
        }
    )
    jobs = test_settings.jobs.model_copy(update={"retry_base_seconds": 0.01})
    signals = test_settings.signals.model_copy(update={"warm_up_minutes": 5})
    return test_settings.model_copy(
        update={"market": market_settings, "jobs": jobs, "signals": signals}
    )


@pytest.fixture
async def followed(
    app: FastAPI, fake_exchange: FakeExchange, session_factory: async_sessionmaker[AsyncSession]
) -> list[str]:
    """BTC/USDT and ETH/USDT followed (not yet backfilled: the first job does it)."""
    source = CcxtSource("binance", api_url=fake_exchange.base_url)
    try:
        async with unit_of_work(session_factory) as session:
            for symbol in SYMBOLS:
                await market.follow_symbol(session, source, symbol)
    finally:
        await source.close()
    return list(SYMBOLS)


def runner_of(app: FastAPI) -> InlineRunner:
    runner = app_resources(app).jobs.runner
    assert runner is not None
    return runner


async def job_ids_of(factory: async_sessionmaker[AsyncSession], public_id: str) -> list[str]:
    async with factory() as session:
        request = await session.scalar(select(JobRequest).where(JobRequest.public_id == public_id))
    assert request is not None
    return [job["job_id"] for job in request.jobs]


async def finish_jobs(
    app: FastAPI, factory: async_sessionmaker[AsyncSession], public_id: str
) -> None:
    """Waits until the embedded runner has run every job of the request."""
    runner = runner_of(app)
    for job_id in await job_ids_of(factory, public_id):
        outcome = await asyncio.wait_for(runner.wait_for(job_id), timeout=60)
        assert outcome is not None, job_id


def data_of(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["success"] is True
    data: dict[str, Any] = body["data"]
    return data


def error_code(response: httpx.Response) -> tuple[int, str]:
    body = response.json()
    assert body["success"] is False, body
    return response.status_code, body["meta"]["code"]
