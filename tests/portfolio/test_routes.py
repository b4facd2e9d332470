"""/api/v1/portfolios and /api/v1/trades over HTTP: the fields' validation, owner scoping on
every route (another user's id is a 404 like a missing one), soft deletes, list filters, and
the derived balance, which after any sequence of changes is initial balance + the closed
trades' pnl to the last decimal."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.access.route_rules import authorization_table
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work, utcnow
from cryptolens.market.models import Symbol
from tests.clients import MakeUserClient, UserClient
from tests.portfolio.conftest import API, code_of, data_of, new_portfolio, new_trade

# A valid body per route, so that the answer is decided by whose id it is, not by a 422.
_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", f"{API}/portfolios/{{portfolio_id}}/trades"): {
        "symbol": "BTC/USDT",
        "direction": "long",
        "entry_price": "100",
        "quantity": "1",
    },
    ("POST", f"{API}/trades/{{trade_id}}/close"): {"exit_price": "110"},
    ("POST", f"{API}/trades/{{trade_id}}/journal"): {"content": "mine now"},
    ("PATCH", f"{API}/portfolios/{{portfolio_id}}"): {"name": "Mine now"},
    ("PATCH", f"{API}/trades/{{trade_id}}"): {"setup_notes": "mine now"},
}


def _id_routes(app: FastAPI) -> list[tuple[str, str]]:
    return [
        (entry.method, entry.path)
        for entry in authorization_table(app.routes)
        if entry.path.startswith((f"{API}/portfolios/{{", f"{API}/trades/{{"))
    ]


async def test_portfolio_fields_are_checked_and_trimmed(
    make_user_client: MakeUserClient,
) -> None:
    user = await make_user_client("premium")
    created = await new_portfolio(user.http, name="  Swing  ", description="d")
    assert (created["name"], created["currency"], created["initial_balance"]) == (
        "Swing",
        "USDT",
        "10000",
    )
    assert (created["balance"], created["pending_trades"], created["open_trades"]) == (
        "10000",
        0,
        0,
    )
    bad_bodies = [
        ({"name": "   "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": "a", "currency": "usdt"}, "currency"),
        ({"name": "a", "initial_balance": "0"}, "initial_balance"),
        ({"name": "a", "initial_balance": "1000000001"}, "initial_balance"),
        ({"name": "a", "initial_balance": "1.0000000000001"}, "initial_balance"),
        ({"name": "a", "description": "d" * 501}, "description"),
        ({"name": "a", "balance": "5"}, "balance"),
    ]
    for body, field in bad_bodies:
        refused = await user.http.post(f"{API}/portfolios", json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert code_of(refused) == "validation_error" and field in refused.json()["error"], body
    changed = data_of(
        await user.http.patch(
            f"{API}/portfolios/{created['id']}", json={"name": "Renamed", "currency": "BTC"}
        )
    )
    assert (changed["name"], changed["currency"], changed["description"]) == (
        "Renamed",
        "BTC",
        "d",
    )
    nulled = await user.http.patch(f"{API}/portfolios/{created['id']}", json={"name": None})
    assert nulled.status_code == 422
    # 22 significant digits survive storage exactly on both backends (a float keeps ~16).
    exact = "999999999.999999999999"
    stored = data_of(
        await user.http.patch(f"{API}/portfolios/{created['id']}", json={"initial_balance": exact})
    )
    assert data_of(await user.http.get(f"{API}/portfolios/{created['id']}"))["balance"] == exact
    assert stored["initial_balance"] == exact


async def test_trade_fields_follow_the_rules(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    user = await make_user_client("pro")
    portfolio = await new_portfolio(user.http)
    url = f"{API}/portfolios/{portfolio['id']}/trades"
    base = {"symbol": "BTC/USDT", "direction": "long", "entry_price": "100", "quantity": "1"}
    ahead = (clock.now() + timedelta(minutes=2)).isoformat()
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"symbol": "DOGE/USDT"}, "unknown_symbol", "symbol"),
        ({"quantity": None}, "validation_error", "quantity"),
        ({"entry_price": "0"}, "validation_error", "entry_price"),
        ({"quantity": "1000000000000001"}, "validation_error", "quantity"),
        ({"stop_loss": "101"}, "validation_error", "stop_loss"),
        ({"take_profit": "99"}, "validation_error", "take_profit"),
        ({"direction": "short", "stop_loss": "99"}, "validation_error", "stop_loss"),
        ({"direction": "short", "take_profit": "101"}, "validation_error", "take_profit"),
        ({"fees": "-1"}, "validation_error", "fees"),
        ({"entry_time": ahead}, "validation_error", "entry_time"),
        ({"entry_time": "2026-01-02T03:04:05"}, "validation_error", "entry_time"),
        ({"status": "closed"}, "validation_error", "status"),
        ({"pattern_type": "triangle"}, "validation_error", "pattern_type"),
        ({"setup_notes": "n" * 5001}, "validation_error", "setup_notes"),
        ({"pnl": "5"}, "validation_error", "pnl"),
    ]
    for change, code, field in cases:
        refused = await user.http.post(url, json={**base, **change})
        assert refused.status_code == 422, (change, refused.text)
        assert code_of(refused) == code and field in refused.json()["error"], change
    # A symbol no longer followed is still a stored one; a lower-case name is read as upper.
    trade = await new_trade(
        user.http,
        portfolio["id"],
        symbol="sol/usdt",
        direction="short",
        entry_price="20.123456789012",
        stop_loss="21",
        take_profit="18",
        timeframe="4h",
        pattern_type="order_block",
    )
    assert (trade["symbol"], trade["entry_price"], trade["initial_stop_loss"]) == (
        "SOL/USDT",
        "20.123456789012",
        "21",
    )
    assert trade["entry_time"] == clock.now().isoformat(timespec="milliseconds").replace(
        "+00:00", "Z"
    )
    assert data_of(await user.http.get(f"{API}/trades/{trade['id']}")) == trade


async def test_another_users_ids_are_not_found_on_every_route(
    app: FastAPI, make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    owner = await make_user_client("premium")
    portfolio = await new_portfolio(owner.http)
    trade = await new_trade(owner.http, portfolio["id"])
    other = await make_user_client("premium")
    routes = _id_routes(app)
    assert len(routes) >= 11, routes
    for method, path in routes:
        concrete = path.format(portfolio_id=portfolio["id"], trade_id=trade["id"])
        body = _BODIES.get((method, path), {})
        for missing in (concrete, path.format(portfolio_id=10**9, trade_id=10**9)):
            response = await other.http.request(method, missing, json=body)
            assert response.status_code == 404, (method, missing, response.text)
            assert code_of(response) == "not_found", (method, missing)
    # Nothing changed for the owner.
    assert data_of(await owner.http.get(f"{API}/trades/{trade['id']}")) == trade
    assert data_of(await owner.http.get(f"{API}/portfolios"))[0]["name"] == "Main"


async def test_deleted_portfolios_and_trades_leave_every_read(
    app: FastAPI, make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    owner = await make_user_client("premium")
    kept = await new_portfolio(owner.http, name="Kept")
    gone = await new_portfolio(owner.http, name="Gone")
    trade = await new_trade(owner.http, gone["id"])
    data_of(await owner.http.delete(f"{API}/portfolios/{gone['id']}"))
    for method, path in _id_routes(app):
        concrete = path.format(portfolio_id=gone["id"], trade_id=trade["id"])
        response = await owner.http.request(method, concrete, json=_BODIES.get((method, path), {}))
        assert response.status_code == 404, (method, path, response.text)
    assert [p["name"] for p in data_of(await owner.http.get(f"{API}/portfolios"))] == ["Kept"]
    deleted = await new_trade(owner.http, kept["id"])
    data_of(await owner.http.delete(f"{API}/trades/{deleted['id']}"))
    assert (await owner.http.get(f"{API}/trades/{deleted['id']}")).status_code == 404
    assert data_of(await owner.http.get(f"{API}/portfolios/{kept['id']}/trades")) == []


async def test_trades_list_newest_first_with_filters(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http)
    start = clock.now() - timedelta(days=3)
    made = []
    for day, (symbol, direction) in enumerate(
        [("BTC/USDT", "long"), ("ETH/USDT", "short"), ("BTC/USDT", "short")]
    ):
        entry = (start + timedelta(days=day)).isoformat()
        made.append(
            await new_trade(
                user.http, portfolio["id"], symbol=symbol, direction=direction, entry_time=entry
            )
        )
    url = f"{API}/portfolios/{portfolio['id']}/trades"

    async def ids(**params: str) -> list[int]:
        return [t["id"] for t in data_of(await user.http.get(url, params=params))]

    first, second, third = (t["id"] for t in made)
    assert await ids() == [third, second, first]
    assert await ids(symbol="BTC-USDT") == [third, first]
    assert await ids(symbol="XRP/USDT") == []
    assert await ids(direction="short") == [third, second]
    assert await ids(since=made[1]["entry_time"]) == [third, second]
    assert await ids(until=made[1]["entry_time"]) == [first]
    assert await ids(status="closed") == []
    bad = await user.http.get(url, params={"status": "won"})
    assert bad.status_code == 422


def _balance_of(trades: list[dict[str, Any]], initial: Decimal) -> Decimal:
    return initial + sum((Decimal(t["pnl"]) for t in trades if t["status"] == "closed"), Decimal(0))


async def _random_step(
    rng: random.Random, user: UserClient, portfolio_id: int, clock: FrozenClock
) -> None:
    trades = data_of(await user.http.get(f"{API}/portfolios/{portfolio_id}/trades"))
    action = rng.choice(["create", "create", "close", "close", "edit", "delete", "initial"])
    open_ones = [t for t in trades if t["status"] == "open"]
    closed_ones = [t for t in trades if t["status"] == "closed"]
    price = str(Decimal(rng.randint(1, 10**6)) / 1000)
    if action == "create" or (action == "close" and not open_ones):
        await new_trade(
            user.http,
            portfolio_id,
            direction=rng.choice(["long", "short"]),
            entry_price=price,
            quantity=str(Decimal(rng.randint(1, 10**9)) / 10**7),
            fees=str(Decimal(rng.randint(0, 10**4)) / 10**6),
        )
    elif action == "close":
        clock.advance(timedelta(minutes=1))
        response = await user.http.post(
            f"{API}/trades/{rng.choice(open_ones)['id']}/close", json={"exit_price": price}
        )
        data_of(response)
    elif action == "edit" and closed_ones:
        response = await user.http.patch(
            f"{API}/trades/{rng.choice(closed_ones)['id']}",
            json={"exit_price": price, "fees": "0.000000000001"},
        )
        data_of(response)
    elif action == "delete" and trades:
        data_of(await user.http.delete(f"{API}/trades/{rng.choice(trades)['id']}"))
    elif action == "initial":
        response = await user.http.patch(
            f"{API}/portfolios/{portfolio_id}", json={"initial_balance": price}
        )
        data_of(response)


@pytest.mark.parametrize("seed", [1, 2])
async def test_the_balance_is_initial_plus_closed_pnl_after_any_sequence(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock, seed: int
) -> None:
    rng = random.Random(seed)
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http, initial_balance="12345.678901234567")
    for _ in range(25):
        await _random_step(rng, user, portfolio["id"], clock)
        shown = data_of(await user.http.get(f"{API}/portfolios/{portfolio['id']}"))
        trades = data_of(await user.http.get(f"{API}/portfolios/{portfolio['id']}/trades"))
        initial = Decimal(shown["initial_balance"])
        expected = _balance_of(trades, initial)
        assert Decimal(shown["balance"]) == expected
        assert Decimal(shown["total_pnl"]) == expected - initial
        assert shown["open_trades"] == sum(t["status"] == "open" for t in trades)
        for trade in trades:
            if trade["status"] == "closed":
                assert Decimal(trade["pnl"]) == Decimal(trade["pnl"]).quantize(Decimal("1e-8"))


async def test_a_symbol_filter_covers_every_stored_symbol_of_that_name(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """BTC/USDT followed on the exchange, then served by the replay market (a fallback): the
    journal's trades on either are BTC/USDT to the trader, in the list and the statistics."""
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http)
    on_exchange = await new_trade(user.http, portfolio["id"], symbol="BTC/USDT")
    async with unit_of_work(session_factory) as session:
        await session.execute(
            update(Symbol).where(Symbol.id == symbols["BTC/USDT"]).values(is_active=False)
        )
        session.add(
            Symbol(
                symbol="BTC/USDT",
                exchange="replay",
                base="BTC",
                quote="USDT",
                is_active=True,
                added_at=utcnow(),
            )
        )
    on_replay = await new_trade(user.http, portfolio["id"], symbol="BTC/USDT")
    url = f"{API}/portfolios/{portfolio['id']}"
    listed = data_of(await user.http.get(f"{url}/trades", params={"symbol": "BTC-USDT"}))
    assert [t["id"] for t in listed] == [on_replay["id"], on_exchange["id"]]
    stats = data_of(await user.http.get(f"{url}/stats", params={"symbol": "BTC/USDT"}))
    assert stats["open"] == 2
