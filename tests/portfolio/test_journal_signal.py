"""POST /signals/{id}/journal: one call makes a pending trade with the signal's levels, in the
chosen portfolio, the oldest, or a new default one; the signal is readable exactly as by
GET /signals/{id}; the trade counts toward the day's limit; twice in a portfolio is a 409."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from tests.clients import MakeUserClient
from tests.portfolio.conftest import API, add_signal, code_of, data_of, new_portfolio, new_trade


async def test_a_signal_becomes_a_pending_trade_in_a_default_portfolio(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    signal_id = await add_signal(session_factory, clock.now(), direction="short")
    pro = await make_user_client("pro")
    made = data_of(
        await pro.http.post(f"{API}/signals/{signal_id}/journal", json={"quantity": "0.1"}), 201
    )
    portfolio = data_of(await pro.http.get(f"{API}/portfolios/{made['portfolio_id']}"))
    assert (portfolio["name"], portfolio["initial_balance"], portfolio["currency"]) == (
        "Default portfolio",
        "10000",
        "USDT",
    )
    trade = made["trade"]
    expected = {
        "symbol": "BTC/USDT",
        "direction": "short",
        "status": "pending",
        "entry_price": "64000",
        "stop_loss": "64500",
        "take_profit": "63000",
        "quantity": "0.1",
        "timeframe": "4h",
        "pattern_type": "fvg",
        "signal_id": signal_id,
    }
    assert {key: trade[key] for key in expected} == expected
    # The signal in words is the trade's first journal entry; the setup notes stay the trader's.
    assert trade["setup_notes"] is None
    entry = made["entry"]
    assert {key: entry[key] for key in ("trade_id", "entry_type", "mood", "content")} == {
        "trade_id": trade["id"],
        "entry_type": "pre_trade",
        "mood": None,
        "content": f"Signal {signal_id}: SHORT BTC/USDT, confluence 3 (4h, 15m, 1m), "
        "anchor fvg 4h, entry 64000, stop 64500, targets 63500 / 63000 / 62500",
    }
    assert data_of(await pro.http.get(f"{API}/trades/{trade['id']}/journal")) == [entry]
    again = await pro.http.post(f"{API}/signals/{signal_id}/journal", json={})
    assert again.status_code == 409 and code_of(again) == "already_journaled"
    # Deleted, it may be journalled again; and it counted toward the day's five.
    data_of(await pro.http.delete(f"{API}/trades/{trade['id']}"))
    data_of(await pro.http.post(f"{API}/signals/{signal_id}/journal", json={}), 201)
    for _ in range(3):
        await new_trade(pro.http, made["portfolio_id"], status="pending")
    over = await pro.http.post(
        f"{API}/portfolios/{made['portfolio_id']}/trades",
        json={"symbol": "BTC/USDT", "direction": "long", "entry_price": "1", "status": "pending"},
    )
    assert over.status_code == 403 and code_of(over) == "tier_required"


async def test_the_signal_is_read_as_get_signals_reads_it(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    hidden = await add_signal(session_factory, clock.now(), symbol="ETH/USDT")
    pro = await make_user_client("pro")  # follows BTC/USDT until they pick a watchlist
    shown = await pro.http.get(f"{API}/signals/{hidden}")
    journal = await pro.http.post(f"{API}/signals/{hidden}/journal", json={})
    assert journal.status_code == shown.status_code == 404
    missing = await pro.http.post(f"{API}/signals/999999/journal", json={})
    assert missing.status_code == 404
    assert data_of(await pro.http.get(f"{API}/portfolios")) == []  # nothing left behind
    free = await make_user_client("free")
    refused = await free.http.post(f"{API}/signals/{hidden}/journal", json={})
    assert refused.status_code == 403 and code_of(refused) == "tier_required"


async def test_the_chosen_or_the_oldest_portfolio_of_the_owner(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    signal_id = await add_signal(session_factory, clock.now(), symbol="ETH/USDT")
    premium = await make_user_client("premium")
    oldest = await new_portfolio(premium.http, name="Oldest")
    newer = await new_portfolio(premium.http, name="Newer")
    into_oldest = data_of(
        await premium.http.post(f"{API}/signals/{signal_id}/journal", json={}), 201
    )
    assert into_oldest["portfolio_id"] == oldest["id"]
    assert into_oldest["trade"]["quantity"] is None
    into_newer = await premium.http.post(
        f"{API}/signals/{signal_id}/journal", json={"portfolio_id": newer["id"]}
    )
    assert data_of(into_newer, 201)["portfolio_id"] == newer["id"]
    stranger = await make_user_client("premium")
    theirs = await stranger.http.post(
        f"{API}/signals/{signal_id}/journal", json={"portfolio_id": oldest["id"]}
    )
    assert theirs.status_code == 404 and code_of(theirs) == "not_found"
    assert data_of(await stranger.http.get(f"{API}/portfolios")) == []
