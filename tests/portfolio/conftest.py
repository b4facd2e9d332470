"""Portfolio tests: stored symbols (a trade names one), 1m candles for closes at market, and
small helpers over the API (every change goes through the routes, as a user's would)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import to_ms, unit_of_work, utcnow
from cryptolens.market.models import Candle, Symbol
from cryptolens.signals.models import Signal
from tests.notifications.factories import add_signal as add_bare_signal

API = "/api/v1"
MINUTE_MS = 60_000


@pytest.fixture
async def symbols(session_factory: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    """BTC/USDT and ETH/USDT active, SOL/USDT no longer followed (still journal-able)."""
    ids: dict[str, int] = {}
    async with unit_of_work(session_factory) as session:
        for name, active in (("BTC/USDT", True), ("ETH/USDT", True), ("SOL/USDT", False)):
            symbol = Symbol(
                symbol=name,
                exchange="binance",
                base=name.split("/")[0],
                quote="USDT",
                is_active=active,
                added_at=utcnow(),
            )
            session.add(symbol)
            await session.flush()
            ids[name] = symbol.id
    return ids


async def add_minute_candle(
    session_factory: async_sessionmaker[AsyncSession],
    symbol_id: int,
    opened_at: datetime,
    close: float,
) -> None:
    async with unit_of_work(session_factory) as session:
        session.add(
            Candle(
                symbol_id=symbol_id,
                timeframe="1m",
                open_time=to_ms(opened_at),
                open=close,
                high=close,
                low=close,
                close=close,
                volume=1.0,
            )
        )


def code_of(response: httpx.Response) -> str:
    code: str = response.json()["meta"]["code"]
    return code


def data_of(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()["data"]


async def new_portfolio(http: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    body.setdefault("name", "Main")
    portfolio: dict[str, Any] = data_of(await http.post(f"{API}/portfolios", json=body), 201)
    return portfolio


async def new_trade(http: httpx.AsyncClient, portfolio_id: int, **body: Any) -> dict[str, Any]:
    body.setdefault("symbol", "BTC/USDT")
    body.setdefault("direction", "long")
    body.setdefault("entry_price", "100")
    if body.get("status", "open") == "open":
        body.setdefault("quantity", "1")
    response = await http.post(f"{API}/portfolios/{portfolio_id}/trades", json=body)
    trade: dict[str, Any] = data_of(response, 201)
    return trade


async def add_signal(
    session_factory: async_sessionmaker[AsyncSession], created_at: datetime, **fields: Any
) -> int:
    """A signal GET /signals/{id} can show (the bare factory's statistics are partial)."""
    signal_id = await add_bare_signal(session_factory, created_at, **fields)
    async with unit_of_work(session_factory) as session:
        await session.execute(update(Signal).where(Signal.id == signal_id).values(setup_stats=[]))
    return signal_id
