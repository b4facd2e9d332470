"""The trade lifecycle over HTTP: pending -> open -> closed, pending -> cancelled, every other
move 409 `invalid_transition`; closes at a price or at market (the newest stored 1m close,
409 `price_unavailable` once it is over 5 minutes old); PnL and R on the spec's examples."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from tests.clients import MakeUserClient
from tests.portfolio.conftest import (
    API,
    add_minute_candle,
    code_of,
    data_of,
    new_portfolio,
    new_trade,
)


async def test_the_spec_examples_of_pnl_and_r(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http, initial_balance="1000")
    long = await new_trade(
        user.http, portfolio["id"], entry_price="100", quantity="2", stop_loss="95", fees="1"
    )
    closed = data_of(
        await user.http.post(f"{API}/trades/{long['id']}/close", json={"exit_price": "110"})
    )
    assert (closed["pnl"], closed["pnl_pct"], closed["r_multiple"]) == ("19", "9.5", "1.9")
    assert closed["status"] == "closed" and closed["initial_stop_loss"] == "95"
    short = await new_trade(
        user.http, portfolio["id"], direction="short", entry_price="50", stop_loss="52"
    )
    closed = data_of(
        await user.http.post(f"{API}/trades/{short['id']}/close", json={"exit_price": "53"})
    )
    assert (closed["pnl"], closed["r_multiple"]) == ("-3", "-1.5")
    shown = data_of(await user.http.get(f"{API}/portfolios/{portfolio['id']}"))
    assert (shown["balance"], shown["total_pnl"], shown["total_pnl_pct"]) == ("1016", "16", "1.6")
    # Deleting a closed trade and editing the initial balance move the balance by exactly that.
    data_of(await user.http.delete(f"{API}/trades/{short['id']}"))
    shown = data_of(
        await user.http.patch(
            f"{API}/portfolios/{portfolio['id']}", json={"initial_balance": "2000"}
        )
    )
    assert (shown["balance"], shown["total_pnl"], shown["total_pnl_pct"]) == ("2019", "19", "0.95")


async def test_a_plan_opens_with_a_quantity_then_closes_and_stays_closed(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    user = await make_user_client("pro")
    portfolio = await new_portfolio(user.http)
    plan = await new_trade(user.http, portfolio["id"], status="pending", stop_loss="90")
    assert (plan["status"], plan["quantity"], plan["entry_time"]) == ("pending", None, None)
    assert plan["initial_stop_loss"] is None

    no_quantity = await user.http.post(f"{API}/trades/{plan['id']}/open", json={})
    assert no_quantity.status_code == 422 and "quantity" in no_quantity.json()["error"]
    refused = await user.http.post(f"{API}/trades/{plan['id']}/close", json={"exit_price": "1"})
    assert refused.status_code == 409 and code_of(refused) == "invalid_transition"

    opened = data_of(
        await user.http.post(f"{API}/trades/{plan['id']}/open", json={"quantity": "3"})
    )
    assert (opened["status"], opened["quantity"], opened["initial_stop_loss"]) == (
        "open",
        "3",
        "90",
    )
    assert opened["entry_time"] is not None
    # A later stop move leaves the initial stop (R stays measured from the risk taken).
    moved = data_of(await user.http.patch(f"{API}/trades/{plan['id']}", json={"stop_loss": "95"}))
    assert (moved["stop_loss"], moved["initial_stop_loss"]) == ("95", "90")
    for action in ("open", "cancel"):
        again = await user.http.post(f"{API}/trades/{plan['id']}/{action}", json={})
        assert again.status_code == 409 and code_of(again) == "invalid_transition", action

    clock.advance(timedelta(minutes=5))
    closed = data_of(
        await user.http.post(f"{API}/trades/{plan['id']}/close", json={"exit_price": "120"})
    )
    assert (closed["pnl"], closed["r_multiple"]) == ("60", "2")
    for action, body in (("open", {}), ("cancel", {}), ("close", {"exit_price": "130"})):
        final = await user.http.post(f"{API}/trades/{plan['id']}/{action}", json=body)
        assert final.status_code == 409 and code_of(final) == "invalid_transition", action


async def test_a_plan_cancels_and_then_only_its_notes_change(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("pro")
    portfolio = await new_portfolio(user.http)
    plan = await new_trade(user.http, portfolio["id"], status="pending")
    cancelled = data_of(
        await user.http.post(f"{API}/trades/{plan['id']}/cancel", json={"exit_notes": "missed"})
    )
    assert (cancelled["status"], cancelled["exit_notes"]) == ("cancelled", "missed")
    noted = await user.http.patch(f"{API}/trades/{plan['id']}", json={"lessons": "be early"})
    assert data_of(noted)["lessons"] == "be early"
    priced = await user.http.patch(f"{API}/trades/{plan['id']}", json={"entry_price": "99"})
    assert priced.status_code == 409 and code_of(priced) == "invalid_transition"
    opened = await new_trade(user.http, portfolio["id"])
    cancel_open = await user.http.post(f"{API}/trades/{opened['id']}/cancel", json={})
    assert cancel_open.status_code == 409 and code_of(cancel_open) == "invalid_transition"


async def test_exit_fields_change_on_closed_trades_only_and_pnl_follows(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http)
    trade = await new_trade(user.http, portfolio["id"], quantity="2", stop_loss="95")
    early = await user.http.patch(f"{API}/trades/{trade['id']}", json={"exit_price": "110"})
    assert early.status_code == 409 and code_of(early) == "invalid_transition"
    clock.advance(timedelta(minutes=1))
    await user.http.post(f"{API}/trades/{trade['id']}/close", json={"exit_price": "110"})
    fixed = data_of(
        await user.http.patch(
            f"{API}/trades/{trade['id']}", json={"exit_price": "105", "fees": "2"}
        )
    )
    assert (fixed["pnl"], fixed["pnl_pct"], fixed["r_multiple"]) == ("8", "4", "0.8")
    before_entry = await user.http.patch(
        f"{API}/trades/{trade['id']}",
        json={"exit_time": (clock.now() - timedelta(days=1)).isoformat()},
    )
    assert before_entry.status_code == 422 and "exit_time" in before_entry.json()["error"]


async def test_close_at_market_takes_the_newest_fresh_minute_close(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = await make_user_client("pro")
    portfolio = await new_portfolio(user.http)
    trade = await new_trade(user.http, portfolio["id"], direction="short", quantity="0.5")
    none_yet = await user.http.post(f"{API}/trades/{trade['id']}/close", json={"at_market": True})
    assert none_yet.status_code == 409 and code_of(none_yet) == "price_unavailable"

    minute = clock.now().replace(second=0) - timedelta(minutes=7)
    await add_minute_candle(session_factory, symbols["BTC/USDT"], minute, 91.0)
    stale = await user.http.post(f"{API}/trades/{trade['id']}/close", json={"at_market": True})
    assert stale.status_code == 409 and code_of(stale) == "price_unavailable"

    await add_minute_candle(
        session_factory, symbols["BTC/USDT"], minute + timedelta(minutes=5), 90.5
    )
    await add_minute_candle(
        session_factory, symbols["ETH/USDT"], minute + timedelta(minutes=6), 7.0
    )
    closed = data_of(
        await user.http.post(f"{API}/trades/{trade['id']}/close", json={"at_market": True})
    )
    assert (closed["exit_price"], closed["pnl"]) == ("90.5", "4.75")
    assert closed["exit_time"] == clock.now().isoformat(timespec="milliseconds").replace(
        "+00:00", "Z"
    )


async def test_a_close_names_exactly_one_price(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("pro")
    portfolio = await new_portfolio(user.http)
    trade = await new_trade(user.http, portfolio["id"])
    for body in ({}, {"exit_price": "101", "at_market": True}):
        refused = await user.http.post(f"{API}/trades/{trade['id']}/close", json=body)
        assert refused.status_code == 422 and code_of(refused) == "validation_error", body
    assert data_of(await user.http.get(f"{API}/trades/{trade['id']}"))["status"] == "open"
