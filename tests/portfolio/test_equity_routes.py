"""GET /portfolios/{id}/equity (shared/spec/portfolio.md "Equity curve"): the first point, one
point per closed trade in (exit_time, id) order, balances cumulative from the start whatever
the window, and paging like candles (500 by default, at most 2,000, meta.next_cursor)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.core.iso_times import iso_ms
from cryptolens.core.paging import encode_cursor
from cryptolens.db import unit_of_work
from cryptolens.portfolio.models import Trade
from tests.clients import MakeUserClient
from tests.portfolio.conftest import API, code_of, data_of, new_portfolio
from tests.portfolio.reports_helpers import HOUR, closed_trade, spec_drawdown_trades


async def _page(http: Any, portfolio_id: int, **params: Any) -> tuple[list[Any], str | None]:
    response = await http.get(f"{API}/portfolios/{portfolio_id}/equity", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["meta"]["count"] == len(body["data"])
    return body["data"], body["meta"].get("next_cursor")


def _balances(points: list[dict[str, Any]]) -> list[str]:
    return [point["balance"] for point in points]


async def test_the_curve_starts_at_the_initial_balance_and_follows_each_close(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http, initial_balance="1000")
    pid = portfolio["id"]
    assert await _page(user.http, pid) == (
        [{"time": portfolio["created_at"], "balance": "1000", "pnl": None, "trade_id": None}],
        None,
    )
    # Back-dated trades: the curve starts at the earliest entry, before the portfolio existed.
    start = clock.now() - timedelta(days=10)
    trades = await spec_drawdown_trades(user.http, pid, start)
    deleted = await closed_trade(user.http, pid, start, start + 6 * HOUR, "500")
    data_of(await user.http.delete(f"{API}/trades/{deleted['id']}"))
    points, cursor = await _page(user.http, pid)
    assert cursor is None
    assert points[0] == {"time": iso_ms(start), "balance": "1000", "pnl": None, "trade_id": None}
    assert points[1:] == [
        {
            "time": iso_ms(start + (index + 1) * HOUR),
            "balance": balance,
            "pnl": pnl,
            "trade_id": trade["id"],
        }
        for index, (trade, balance, pnl) in enumerate(
            zip(
                trades,
                ["1100", "800", "850", "750"],
                ["100", "-300", "50", "-100"],
                strict=True,
            )
        )
    ]
    # A window slices the curve; the balances stay cumulative from the start.
    since = await _page(user.http, pid, since=(start + 3 * HOUR).isoformat())
    assert _balances(since[0]) == ["850", "750"]
    until = await _page(user.http, pid, until=(start + 2 * HOUR).isoformat())
    assert _balances(until[0]) == ["1000", "1100"]  # until is exclusive
    # Changing the initial balance moves every point by exactly that.
    data_of(await user.http.patch(f"{API}/portfolios/{pid}", json={"initial_balance": "2000"}))
    assert _balances((await _page(user.http, pid))[0]) == ["2000", "2100", "1800", "1850", "1750"]


async def test_pages_follow_the_cursor_through_closes_in_the_same_instant(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    user = await make_user_client("premium")
    pid = (await new_portfolio(user.http, initial_balance="1000"))["id"]
    start = clock.now() - timedelta(days=3)
    await spec_drawdown_trades(user.http, pid, start)
    # Two closes in the same instant: ordered by id, and a page may end between them.
    same = start + 5 * HOUR
    twins = [await closed_trade(user.http, pid, start, same, "101") for _ in range(2)]
    seen: list[dict[str, Any]] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 3} if cursor is None else {"limit": 3, "cursor": cursor}
        points, cursor = await _page(user.http, pid, **params)
        seen += points
        pages += 1
        if cursor is None:
            break
    assert pages == 3 and len(seen) == 7
    assert _balances(seen) == ["1000", "1100", "800", "850", "750", "751", "752"]
    assert [point["trade_id"] for point in seen[-2:]] == [twin["id"] for twin in twins]
    # The cursor carries the position (time and id), so a window may be paged too.
    first, cursor = await _page(user.http, pid, limit=1, since=same.isoformat())
    assert cursor is not None and first[0]["trade_id"] == twins[0]["id"]
    rest, cursor = await _page(user.http, pid, limit=1, since=same.isoformat(), cursor=cursor)
    assert cursor is None and rest[0]["trade_id"] == twins[1]["id"]


async def test_default_and_largest_pages_and_refused_parameters(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = await make_user_client("premium")
    pid = (await new_portfolio(user.http, initial_balance="1000"))["id"]
    start = clock.now() - timedelta(days=30)
    async with unit_of_work(session_factory) as session:
        session.add_all(
            Trade(
                portfolio_id=pid,
                user_id=user.user_id,
                symbol_id=symbols["BTC/USDT"],
                direction="long",
                status="closed",
                entry_price=Decimal(100),
                quantity=Decimal(1),
                entry_time=start,
                exit_price=Decimal(101),
                exit_time=start + timedelta(minutes=index),
                fees=Decimal(0),
            )
            for index in range(2600)
        )
    points, cursor = await _page(user.http, pid)
    assert len(points) == 500 and cursor is not None
    assert points[-1]["balance"] == "1499"  # the start, then 499 trades of +1
    points, cursor = await _page(user.http, pid, limit=2000, cursor=cursor)
    assert len(points) == 2000 and cursor is not None
    assert points[0]["balance"] == "1500"
    points, cursor = await _page(user.http, pid, limit=2000, cursor=cursor)
    assert len(points) == 101 and cursor is None and points[-1]["balance"] == "3600"
    for bad in (
        {"limit": "2001"},
        {"limit": "0"},
        {"cursor": "not a cursor"},
        {"cursor": encode_cursor(1)},  # another list's shape
        {"since": "soon"},
    ):
        refused = await user.http.get(f"{API}/portfolios/{pid}/equity", params=bad)
        assert refused.status_code == 422 and code_of(refused) == "validation_error", bad
