"""The 100-entry limit under concurrency: two additions sent at once to a trade holding 99
entries give exactly one 201 and one 409 `limit_reached`, never 101 entries (the trade row is
locked and the count is a locking read, which MariaDB's repeatable read needs)."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.portfolio.journal import MAX_ENTRIES_PER_TRADE
from cryptolens.portfolio.models import JournalEntry
from tests.clients import MakeUserClient
from tests.portfolio.conftest import API, code_of, new_portfolio, new_trade

ROUNDS = 3


async def _seed_entries(
    session_factory: async_sessionmaker[AsyncSession],
    trade_id: int,
    user_id: int,
    clock: FrozenClock,
    count: int,
) -> None:
    # Written straight to the table: 99 requests per round would only slow the test down.
    async with unit_of_work(session_factory) as session:
        session.add_all(
            JournalEntry(
                trade_id=trade_id,
                user_id=user_id,
                entry_type="during",
                content=f"seed {n}",
                created_at=clock.now(),
                updated_at=clock.now(),
            )
            for n in range(count)
        )


async def _stored(session_factory: async_sessionmaker[AsyncSession], trade_id: int) -> int:
    async with unit_of_work(session_factory) as session:
        count = await session.scalar(
            select(func.count()).select_from(JournalEntry).where(JournalEntry.trade_id == trade_id)
        )
    return int(count or 0)


async def test_two_additions_at_99_entries_give_one_201_and_one_409(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http)
    for _ in range(ROUNDS):
        trade = await new_trade(user.http, portfolio["id"])
        await _seed_entries(
            session_factory, trade["id"], user.user_id, clock, MAX_ENTRIES_PER_TRADE - 1
        )
        url = f"{API}/trades/{trade['id']}/journal"
        # Each request runs in its own unit of work: two transactions at once.
        answers = await asyncio.gather(
            user.http.post(url, json={"content": "first"}),
            user.http.post(url, json={"content": "second"}),
        )
        assert sorted(a.status_code for a in answers) == [201, 409], [a.text for a in answers]
        refused = next(a for a in answers if a.status_code == 409)
        assert code_of(refused) == "limit_reached"
        assert await _stored(session_factory, trade["id"]) == MAX_ENTRIES_PER_TRADE
