"""Who reaches a journal entry: its owner only (another user's trade or entry is a 404 like a
missing one), only while the trade and its portfolio are not deleted, and only on the pro or
premium tier (free users: 403, their entries kept). Purging a trade takes its entries along."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.billing.service import set_subscription_status
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.portfolio.models import JournalEntry, Trade
from tests.clients import MakeUserClient
from tests.portfolio.conftest import API, code_of, data_of, new_portfolio, new_trade

MISSING = 10**9


def _journal_calls(trade_id: int, entry_id: int) -> list[tuple[str, str, dict[str, Any]]]:
    """Every journal route with a valid body, so only whose ids they are decides the answer."""
    return [
        ("GET", f"{API}/trades/{trade_id}/journal", {}),
        ("POST", f"{API}/trades/{trade_id}/journal", {"content": "mine now"}),
        ("PATCH", f"{API}/journal/{entry_id}", {"content": "mine now"}),
        ("DELETE", f"{API}/journal/{entry_id}", {}),
    ]


async def _all_not_found(http: httpx.AsyncClient, trade_id: int, entry_id: int) -> None:
    for method, url, body in _journal_calls(trade_id, entry_id):
        response = await http.request(method, url, json=body)
        assert response.status_code == 404, (method, url, response.text)
        assert code_of(response) == "not_found", (method, url)


async def _stored_entries(
    session_factory: async_sessionmaker[AsyncSession], trade_id: int
) -> list[str]:
    async with unit_of_work(session_factory) as session:
        rows = await session.scalars(
            select(JournalEntry.content)
            .where(JournalEntry.trade_id == trade_id)
            .order_by(JournalEntry.id)
        )
        return list(rows)


async def test_another_users_trades_and_entries_are_not_found(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    owner = await make_user_client("pro")
    stranger = await make_user_client("premium")
    trade = await new_trade(owner.http, (await new_portfolio(owner.http))["id"])
    entry = data_of(
        await owner.http.post(f"{API}/trades/{trade['id']}/journal", json={"content": "mine"}),
        201,
    )
    # The stranger has a trade and an entry too: their ids are real, just not the owner's.
    theirs = await new_trade(stranger.http, (await new_portfolio(stranger.http))["id"])
    await _all_not_found(stranger.http, trade["id"], entry["id"])
    await _all_not_found(stranger.http, MISSING, MISSING)
    await _all_not_found(owner.http, theirs["id"], MISSING)
    assert data_of(await owner.http.get(f"{API}/trades/{trade['id']}/journal")) == [entry]
    assert data_of(await stranger.http.get(f"{API}/trades/{theirs['id']}/journal")) == []


async def test_entries_of_deleted_trades_and_portfolios_are_unreachable(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http)
    trades = [await new_trade(user.http, portfolio["id"]) for _ in range(2)]
    entries = [
        data_of(await user.http.post(f"{API}/trades/{t['id']}/journal", json={"content": "x"}), 201)
        for t in trades
    ]
    data_of(await user.http.delete(f"{API}/trades/{trades[0]['id']}"))
    await _all_not_found(user.http, trades[0]["id"], entries[0]["id"])
    # The other trade's journal is untouched until its portfolio goes.
    listed = data_of(await user.http.get(f"{API}/trades/{trades[1]['id']}/journal"))
    assert listed == [entries[1]]
    data_of(await user.http.delete(f"{API}/portfolios/{portfolio['id']}"))
    await _all_not_found(user.http, trades[1]["id"], entries[1]["id"])


async def test_purging_a_trade_takes_its_entries(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = await make_user_client("pro")
    portfolio = await new_portfolio(user.http)
    purged, kept = [await new_trade(user.http, portfolio["id"]) for _ in range(2)]
    for trade in (purged, kept):
        for text in ("one", "two"):
            url = f"{API}/trades/{trade['id']}/journal"
            data_of(await user.http.post(url, json={"content": text}), 201)
    data_of(await user.http.delete(f"{API}/trades/{purged['id']}"))
    assert await _stored_entries(session_factory, purged["id"]) == ["one", "two"]
    # The 30-day purge hard-deletes the soft-deleted trade; the foreign key takes the entries.
    async with unit_of_work(session_factory) as session:
        await session.execute(delete(Trade).where(Trade.id == purged["id"]))
    assert await _stored_entries(session_factory, purged["id"]) == []
    assert await _stored_entries(session_factory, kept["id"]) == ["one", "two"]
    async with unit_of_work(session_factory) as session:
        total = await session.scalar(select(func.count()).select_from(JournalEntry))
    assert total == 2


async def test_free_users_are_refused_and_keep_their_entries(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    free = await make_user_client("free")
    for method, url, body in _journal_calls(1, 1):
        response = await free.http.request(method, url, json=body)
        assert response.status_code == 403, (method, url, response.text)
        assert code_of(response) == "tier_required", (method, url)
    lapsed = await make_user_client("pro")
    trade = await new_trade(lapsed.http, (await new_portfolio(lapsed.http))["id"])
    url = f"{API}/trades/{trade['id']}/journal"
    entry = data_of(await lapsed.http.post(url, json={"content": "before the downgrade"}), 201)
    async with unit_of_work(session_factory) as session:
        await set_subscription_status(session, lapsed.user_id, "suspended", clock.now())
    for method, call_url, body in _journal_calls(trade["id"], entry["id"]):
        response = await lapsed.http.request(method, call_url, json=body)
        assert response.status_code == 403, (method, call_url, response.text)
        assert code_of(response) == "tier_required", (method, call_url)
    assert await _stored_entries(session_factory, trade["id"]) == ["before the downgrade"]
    async with unit_of_work(session_factory) as session:
        await set_subscription_status(session, lapsed.user_id, "active", clock.now())
    assert data_of(await lapsed.http.get(url)) == [entry]
