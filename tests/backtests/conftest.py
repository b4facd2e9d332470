"""Backtest tests: a stored symbol whose 1m span allows a backtest, a recording job queue in
place of the app's (the API tests run no replay; the job tests call the body themselves),
and helpers over the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.timeframes import DAY_MS
from cryptolens.db import unit_of_work, utcnow
from cryptolens.market.models import Candle, Symbol
from cryptolens.resources import app_resources

API = "/api/v1"
# The stored 1m span of the API tests' symbol: its first minute and 40 days later.
FIRST_MINUTE = int(datetime(2022, 1, 1, tzinfo=UTC).timestamp() * 1000)
LAST_MINUTE = FIRST_MINUTE + 40 * DAY_MS
# The earliest start the span allows (14 days of warm-up) and a valid one-day range.
EARLIEST_START = FIRST_MINUTE + 14 * DAY_MS
START = EARLIEST_START
END = START + DAY_MS


@dataclass
class RecordingQueue:
    """Records what a request queues; runs nothing."""

    enqueued: list[dict[str, Any]] = field(default_factory=list)

    async def enqueue(
        self,
        name: str,
        *,
        job_id: str | None = None,
        defer_seconds: float | None = None,
        **arguments: Any,
    ) -> str | None:
        self.enqueued.append({"name": name, "job_id": job_id, **arguments})
        return job_id


@pytest.fixture
def queue(app: FastAPI) -> RecordingQueue:
    recording = RecordingQueue()
    app_resources(app).jobs.ctx.enqueuer = recording
    return recording


def _candle(symbol_id: int, open_time: int) -> Candle:
    return Candle(
        symbol_id=symbol_id,
        timeframe="1m",
        open_time=open_time,
        open=100.0,
        high=101.0,
        low=99.0,
        close=100.0,
        volume=1.0,
    )


@pytest.fixture
async def symbols(session_factory: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    """BTC/USDT with 1m candles at FIRST_MINUTE and LAST_MINUTE (what the submission checks
    read: the stored span), ETH/USDT with none."""
    ids: dict[str, int] = {}
    async with unit_of_work(session_factory) as session:
        for name in ("BTC/USDT", "ETH/USDT"):
            symbol = Symbol(
                symbol=name,
                exchange="binance",
                base=name.split("/")[0],
                quote="USDT",
                is_active=True,
                added_at=utcnow(),
            )
            session.add(symbol)
            await session.flush()
            ids[name] = symbol.id
        session.add_all(
            [_candle(ids["BTC/USDT"], FIRST_MINUTE), _candle(ids["BTC/USDT"], LAST_MINUTE)]
        )
    return ids


def code_of(response: httpx.Response) -> str:
    code: str = response.json()["meta"]["code"]
    return code


def data_of(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()["data"]


async def submit(http: httpx.AsyncClient, *, status: int = 202, **body: Any) -> dict[str, Any]:
    body.setdefault("symbol", "BTC/USDT")
    body.setdefault("start", START)
    body.setdefault("end", END)
    created: dict[str, Any] = data_of(await http.post(f"{API}/backtests", json=body), status)
    return created
