"""The daily trade limit under real concurrency: a pro user at 4 of 5 trades today sends two
creations at the same moment (two requests in flight through the app, each in its own unit of
work): exactly one is created (201), the other refused (403 `tier_required`), on SQLite and
MariaDB. The service holds the user's row while it counts, so the two cannot both see 4."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.billing.service import grant_subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.portfolio.models import Trade
from tests.clients import MakeUserClient
from tests.portfolio.conftest import API, code_of, new_portfolio, new_trade

TRADE = {"symbol": "BTC/USDT", "direction": "long", "entry_price": "100", "quantity": "1"}
ROUNDS = 3  # each a new UTC day; one lost race in any of them fails the test


async def _created_today(
    session_factory: async_sessionmaker[AsyncSession], user_id: int, day: datetime
) -> int:
    async with unit_of_work(session_factory) as db:
        count = await db.scalar(
            select(func.count())
            .select_from(Trade)
            .where(Trade.user_id == user_id, Trade.created_at >= day)
        )
    return int(count or 0)


async def _both_at_once(http: httpx.AsyncClient, urls: list[str]) -> list[httpx.Response]:
    return list(await asyncio.gather(*(http.post(url, json=TRADE) for url in urls)))


def _one_created_one_refused(responses: list[httpx.Response]) -> None:
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201, 403], [response.text for response in responses]
    refused = next(response for response in responses if response.status_code == 403)
    assert code_of(refused) == "tier_required"
    assert refused.json()["error"] == "Requires premium tier: pro allows 5 trades a day"


async def test_two_creations_at_the_last_slot_of_one_portfolio(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    clock.set(datetime(2026, 4, 1, 9, 0, tzinfo=UTC))
    pro = await make_user_client("pro")
    portfolio = await new_portfolio(pro.http)
    url = f"{API}/portfolios/{portfolio['id']}/trades"
    for _ in range(ROUNDS):
        day = clock.now().replace(hour=0, minute=0)
        for _ in range(4):
            await new_trade(pro.http, portfolio["id"], status="pending")
        _one_created_one_refused(await _both_at_once(pro.http, [url, url]))
        assert await _created_today(session_factory, pro.user_id, day) == 5
        clock.advance(timedelta(days=1))


async def test_two_creations_in_two_portfolios_of_a_downgraded_user(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Premium made two portfolios, then went down to pro (a downgrade stops creation only):
    no single portfolio row serialises these two, the user's does."""
    clock.set(datetime(2026, 4, 1, 9, 0, tzinfo=UTC))
    user = await make_user_client("premium")
    portfolios: list[dict[str, Any]] = [
        await new_portfolio(user.http, name=name) for name in ("One", "Two")
    ]
    async with unit_of_work(session_factory) as db:
        await grant_subscription(db, user.user_id, "pro_monthly", clock.now())
    urls = [f"{API}/portfolios/{portfolio['id']}/trades" for portfolio in portfolios]
    for _ in range(ROUNDS):
        day = clock.now().replace(hour=0, minute=0)
        for index in range(4):
            await new_trade(user.http, portfolios[index % 2]["id"], status="pending")
        _one_created_one_refused(await _both_at_once(user.http, urls))
        assert await _created_today(session_factory, user.user_id, day) == 5
        clock.advance(timedelta(days=1))
