"""Tier limits: free users are refused every portfolio route (403 `tier_required`); pro users
keep one portfolio and create 5 trades a UTC day across portfolios, deleted ones included;
premium users have no limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import FastAPI

from cryptolens.access.route_rules import authorization_table
from cryptolens.core.clock import FrozenClock
from tests.clients import MakeUserClient
from tests.portfolio.conftest import API, code_of, data_of, new_portfolio, new_trade

TRADES_LIMIT = "Requires premium tier: pro allows 5 trades a day"
PORTFOLIO_LIMIT = "Requires premium tier: pro allows 1 portfolio"


def _portfolio_routes(app: FastAPI) -> list[tuple[str, str]]:
    routes = [
        (entry.method, entry.path)
        for entry in authorization_table(app.routes)
        if entry.path.startswith((f"{API}/portfolios", f"{API}/trades"))
    ]
    assert len(routes) >= 13
    return routes


async def test_free_users_are_refused_every_route_and_keep_nothing_new(
    app: FastAPI, make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    free = await make_user_client("free")
    for method, path in _portfolio_routes(app):
        response = await free.http.request(
            method, path.replace("{portfolio_id}", "1").replace("{trade_id}", "1"), json={}
        )
        assert response.status_code == 403, (method, path, response.text)
        assert code_of(response) == "tier_required", (method, path)


async def test_pro_keeps_one_portfolio_a_deleted_one_leaves_the_count(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    pro = await make_user_client("pro")
    first = await new_portfolio(pro.http)
    second = await pro.http.post(f"{API}/portfolios", json={"name": "Second"})
    assert second.status_code == 403 and code_of(second) == "tier_required"
    assert second.json()["error"] == PORTFOLIO_LIMIT
    data_of(await pro.http.delete(f"{API}/portfolios/{first['id']}"))
    await new_portfolio(pro.http, name="Again")

    premium = await make_user_client("premium")
    for name in ("A", "B", "C"):
        await new_portfolio(premium.http, name=name)
    assert len(data_of(await premium.http.get(f"{API}/portfolios"))) == 3


async def test_the_sixth_trade_of_a_pro_day_is_refused_and_the_next_day_allowed(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    clock.set(datetime(2026, 3, 10, 23, 40, tzinfo=UTC))
    pro = await make_user_client("pro")
    portfolio = await new_portfolio(pro.http)
    trades = [await new_trade(pro.http, portfolio["id"], status="pending") for _ in range(5)]
    # Opening, closing, cancelling and deleting count nothing and give nothing back.
    await pro.http.post(f"{API}/trades/{trades[0]['id']}/open", json={"quantity": "1"})
    closed = await pro.http.post(
        f"{API}/trades/{trades[0]['id']}/close", json={"exit_price": "101"}
    )
    data_of(closed)
    data_of(await pro.http.post(f"{API}/trades/{trades[1]['id']}/cancel", json={}))
    data_of(await pro.http.delete(f"{API}/trades/{trades[2]['id']}"))
    sixth = await pro.http.post(
        f"{API}/portfolios/{portfolio['id']}/trades",
        json={"symbol": "BTC/USDT", "direction": "long", "entry_price": "100", "quantity": "1"},
    )
    assert sixth.status_code == 403 and code_of(sixth) == "tier_required"
    assert sixth.json()["error"] == TRADES_LIMIT

    clock.set(datetime(2026, 3, 10, 23, 59, 59, tzinfo=UTC))
    late = await pro.http.post(
        f"{API}/portfolios/{portfolio['id']}/trades",
        json={"symbol": "BTC/USDT", "direction": "long", "entry_price": "100", "status": "pending"},
    )
    assert late.status_code == 403
    clock.advance(timedelta(seconds=1))  # 00:00 UTC: a new day
    await new_trade(pro.http, portfolio["id"])


async def test_deleted_portfolios_trades_still_count(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    clock.set(datetime(2026, 3, 11, 8, 0, tzinfo=UTC))
    pro = await make_user_client("pro")
    first = await new_portfolio(pro.http)
    for _ in range(5):
        await new_trade(pro.http, first["id"], status="pending")
    data_of(await pro.http.delete(f"{API}/portfolios/{first['id']}"))
    second = await new_portfolio(pro.http, name="Fresh start")
    refused = await pro.http.post(
        f"{API}/portfolios/{second['id']}/trades",
        json={"symbol": "ETH/USDT", "direction": "short", "entry_price": "10", "quantity": "1"},
    )
    assert refused.status_code == 403 and refused.json()["error"] == TRADES_LIMIT


async def test_premium_has_no_daily_limit(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    premium = await make_user_client("premium")
    portfolio = await new_portfolio(premium.http)
    for _ in range(7):
        await new_trade(premium.http, portfolio["id"], status="pending")
    listed = data_of(await premium.http.get(f"{API}/portfolios/{portfolio['id']}/trades"))
    assert len(listed) == 7
