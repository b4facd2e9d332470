"""GET /portfolios/{id}/stats on hand-computed examples (shared/spec/portfolio.md
"Statistics"): the spec's drawdown example, breakeven trades in no rate or average, null for
every zero denominator, the filters (exit-time window, symbol, direction, tag), and who may
ask (free 403, another user's portfolio 404)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from tests.clients import MakeUserClient
from tests.portfolio.conftest import API, code_of, data_of, new_portfolio, new_trade
from tests.portfolio.reports_helpers import HOUR, closed_trade, spec_drawdown_trades, tag_trades

NO_TRADES: dict[str, Any] = {
    "closed": 0,
    "wins": 0,
    "losses": 0,
    "breakeven": 0,
    "win_rate": None,
    "gross_profit": "0",
    "gross_loss": "0",
    "profit_factor": None,
    "avg_win": None,
    "avg_loss": None,
    "total_pnl": "0",
    "expectancy": None,
    "expectancy_r": None,
    "r_count": 0,
    "max_drawdown": "0",
    "max_drawdown_pct": "0",
    "by_symbol": {},
    "by_setup": {},
    "by_direction": {},
}


def _group(
    trades: int,
    wins: int,
    losses: int,
    breakeven: int,
    win_rate: str | None,
    total_pnl: str,
    expectancy_r: str | None,
) -> dict[str, Any]:
    return {
        "trades": trades,
        "wins": wins,
        "losses": losses,
        "breakeven": breakeven,
        "win_rate": win_rate,
        "total_pnl": total_pnl,
        "expectancy_r": expectancy_r,
    }


def _start(clock: FrozenClock) -> datetime:
    return clock.now() - timedelta(days=10)


async def _stats(http: Any, portfolio_id: int, **params: Any) -> dict[str, Any]:
    stats: dict[str, Any] = data_of(
        await http.get(f"{API}/portfolios/{portfolio_id}/stats", params=params)
    )
    return stats


async def test_the_spec_s_example_with_breakeven_open_pending_cancelled_and_deleted_trades(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http, initial_balance="1000")
    pid = portfolio["id"]
    start = _start(clock)
    await spec_drawdown_trades(user.http, pid, start)
    # Breakeven: counted as closed and in expectancy, in no rate or average.
    await closed_trade(
        user.http,
        pid,
        start,
        start + 5 * HOUR,
        "50",
        symbol="ETH/USDT",
        direction="short",
        entry_price="50",
    )
    deleted = await closed_trade(user.http, pid, start, start + 6 * HOUR, "1000")
    data_of(await user.http.delete(f"{API}/trades/{deleted['id']}"))
    await new_trade(user.http, pid, status="pending")
    await new_trade(user.http, pid, symbol="ETH/USDT")  # open, long
    plan = await new_trade(user.http, pid, status="pending")
    data_of(await user.http.post(f"{API}/trades/{plan['id']}/cancel", json={}))

    assert await _stats(user.http, pid) == {
        "pending": 1,
        "open": 1,
        "closed": 5,
        "cancelled": 1,
        "wins": 2,
        "losses": 2,
        "breakeven": 1,
        "win_rate": "0.5",
        "gross_profit": "150",
        "gross_loss": "400",
        "profit_factor": "0.375",
        "avg_win": "75",
        "avg_loss": "200",
        "total_pnl": "-250",
        "expectancy": "-50",
        "expectancy_r": "0.25",  # (2 + -1.5) / 2: only the trades with an initial stop
        "r_count": 2,
        "max_drawdown": "350",  # 1,100 -> 750
        "max_drawdown_pct": "31.8182",
        "by_symbol": {
            "BTC/USDT": _group(4, 2, 2, 0, "0.5", "-250", "0.25"),
            "ETH/USDT": _group(1, 0, 0, 1, None, "0", None),
        },
        "by_setup": {
            "fvg 1h": _group(2, 1, 1, 0, "0.5", "-200", "0.25"),
            "manual": _group(3, 1, 1, 1, "0.5", "-50", None),
        },
        "by_direction": {
            "long": _group(4, 2, 2, 0, "0.5", "-250", "0.25"),
            "short": _group(1, 0, 0, 1, None, "0", None),
        },
    }


async def test_zero_denominators_are_null(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    user = await make_user_client("pro")
    portfolio = await new_portfolio(user.http, initial_balance="1000")
    pid = portfolio["id"]
    empty = await _stats(user.http, pid)
    assert empty == {"pending": 0, "open": 0, "cancelled": 0, **NO_TRADES}

    start = _start(clock)
    await closed_trade(user.http, pid, start, start + HOUR, "110", quantity="3", fees="0.5")
    only_wins = await _stats(user.http, pid)
    # No loss: profit factor and average loss are null, never 0 or infinite.
    assert (only_wins["profit_factor"], only_wins["avg_loss"], only_wins["gross_loss"]) == (
        None,
        None,
        "0",
    )
    assert (only_wins["win_rate"], only_wins["avg_win"], only_wins["expectancy"]) == (
        "1",
        "29.5",
        "29.5",
    )
    # No initial stop: no R, so no expectancy in R; the curve only rose: no drawdown.
    assert (only_wins["expectancy_r"], only_wins["r_count"]) == (None, 0)
    assert (only_wins["max_drawdown"], only_wins["max_drawdown_pct"]) == ("0", "0")


async def test_filters_narrow_the_counted_trades(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http, initial_balance="1000")
    pid = portfolio["id"]
    start = _start(clock)
    first, _, _, fourth = await spec_drawdown_trades(user.http, pid, start)
    await closed_trade(
        user.http,
        pid,
        start,
        start + 5 * HOUR,
        "50",
        symbol="ETH/USDT",
        direction="short",
        entry_price="50",
    )
    pending = await new_trade(user.http, pid, status="pending")
    await new_trade(user.http, pid, symbol="ETH/USDT")  # open, long

    # The window is on exit_time, since inclusive, until exclusive: the -300 and the +50.
    window = await _stats(
        user.http,
        pid,
        since=(start + 2 * HOUR).isoformat(),
        until=(start + 4 * HOUR).isoformat(),
    )
    assert (window["closed"], window["wins"], window["losses"]) == (2, 1, 1)
    assert (window["total_pnl"], window["profit_factor"]) == ("-250", "0.1667")
    # The curve of the counted trades from the initial balance: 1,000 -> 700 -> 750.
    assert (window["max_drawdown"], window["max_drawdown_pct"]) == ("300", "30")
    # Trades without an exit are counted whatever the window.
    assert (window["pending"], window["open"], window["cancelled"]) == (1, 1, 0)
    assert list(window["by_setup"]) == ["fvg 1h", "manual"]

    eth = await _stats(user.http, pid, symbol="eth-usdt")
    assert eth == {
        **NO_TRADES,
        "pending": 0,
        "open": 1,
        "cancelled": 0,
        "closed": 1,
        "breakeven": 1,
        "expectancy": "0",
        "by_symbol": {"ETH/USDT": _group(1, 0, 0, 1, None, "0", None)},
        "by_setup": {"manual": _group(1, 0, 0, 1, None, "0", None)},
        "by_direction": {"short": _group(1, 0, 0, 1, None, "0", None)},
    }
    short = await _stats(user.http, pid, direction="short")
    assert (short["closed"], short["breakeven"], short["open"]) == (1, 1, 0)
    unknown = await _stats(user.http, pid, symbol="DOGE/USDT")
    assert unknown == {"pending": 0, "open": 0, "cancelled": 0, **NO_TRADES}

    tag = await tag_trades(
        session_factory, user.user_id, "Breakout", [first["id"], fourth["id"], pending["id"]]
    )
    tagged = await _stats(user.http, pid, tag=tag)
    # +100 then -100: 1,000 -> 1,100 -> 1,000, a 100 fall from the 1,100 peak.
    assert (tagged["closed"], tagged["total_pnl"], tagged["profit_factor"]) == (2, "0", "1")
    assert (tagged["max_drawdown"], tagged["max_drawdown_pct"]) == ("100", "9.0909")
    assert (tagged["pending"], tagged["open"]) == (1, 0)

    for bad in ({"direction": "up"}, {"since": "yesterday"}, {"tag": "0"}):
        refused = await user.http.get(f"{API}/portfolios/{pid}/stats", params=bad)
        assert refused.status_code == 422 and code_of(refused) == "validation_error", bad


async def test_free_users_are_refused_and_another_user_s_portfolio_is_not_found(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    owner = await make_user_client("premium")
    other = await make_user_client("pro")
    free = await make_user_client("free")
    mine = await new_portfolio(owner.http)
    deleted = await new_portfolio(owner.http, name="Gone")
    data_of(await owner.http.delete(f"{API}/portfolios/{deleted['id']}"))
    for route in ("stats", "equity", "export.csv"):
        foreign = await other.http.get(f"{API}/portfolios/{mine['id']}/{route}")
        assert foreign.status_code == 404 and code_of(foreign) == "not_found", route
        missing = await owner.http.get(f"{API}/portfolios/{deleted['id']}/{route}")
        assert missing.status_code == 404 and code_of(missing) == "not_found", route
        refused = await free.http.get(f"{API}/portfolios/{mine['id']}/{route}")
        assert refused.status_code == 403 and code_of(refused) == "tier_required", route
        assert refused.headers["content-type"] == "application/json"
        assert (await owner.http.get(f"{API}/portfolios/{mine['id']}/{route}")).status_code == 200
