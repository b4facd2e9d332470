"""PnL, R, statistics, drawdown and the equity curve (shared/spec/portfolio.md "PnL and R",
"Statistics", "Equity curve"): the spec's hand-computed examples, the null rules, and
properties over random sequences of closed trades."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cryptolens.portfolio.figures import (
    ClosedTrade,
    Direction,
    equity_points,
    max_drawdown,
    pnl_pct,
    portfolio_stats,
    r_multiple,
    trade_pnl,
)

D = Decimal
T0 = datetime(2026, 1, 1, tzinfo=UTC)
NO_COUNTS: dict[str, int] = {}


def trade(
    trade_id: int = 1,
    *,
    direction: Direction = "long",
    entry: str = "100",
    exit_price: str = "110",
    quantity: str = "1",
    fees: str = "0",
    stop: str | None = None,
    symbol: str = "BTC/USDT",
    minute: int | None = None,
    pattern_type: str | None = None,
    timeframe: str | None = None,
) -> ClosedTrade:
    closed_at = T0 + timedelta(minutes=trade_id if minute is None else minute)
    return ClosedTrade(
        id=trade_id,
        symbol=symbol,
        direction=direction,
        entry_price=D(entry),
        quantity=D(quantity),
        exit_price=D(exit_price),
        fees=D(fees),
        initial_stop_loss=None if stop is None else D(stop),
        entry_time=closed_at - timedelta(minutes=30),
        exit_time=closed_at,
        pattern_type=pattern_type,
        timeframe=timeframe,
    )


def with_pnl(trade_id: int, pnl: str, **kwargs: Any) -> ClosedTrade:
    """A long of quantity 1 at 100 closing at 100 + pnl: its pnl is exactly `pnl`."""
    return trade(trade_id, exit_price=str(D(100) + D(pnl)), **kwargs)


# --- PnL and R ----------------------------------------------------------------------------


def test_the_spec_long_example() -> None:
    long = trade(direction="long", entry="100", quantity="2", stop="95", exit_price="110", fees="1")
    assert long.pnl == D("19")
    assert long.pnl_pct == D("9.5")
    assert long.r_multiple == D("1.9")
    assert str(long.r_multiple) == "1.9000"  # R to 4 decimals
    assert str(long.pnl) == "19.00000000"  # pnl to 8


def test_the_spec_short_example() -> None:
    short = trade(direction="short", entry="50", quantity="1", stop="52", exit_price="53")
    assert short.pnl == D("-3")
    assert short.r_multiple == D("-1.5")
    assert short.pnl_pct == D("-6")


def test_short_pnl_mirrors_long_and_fees_always_cost() -> None:
    assert trade_pnl("short", D("50"), D("40"), D("3"), D("0.5")) == D("29.5")
    assert trade_pnl("long", D("50"), D("40"), D("3"), D("0.5")) == D("-30.5")


def test_closed_at_the_stop_is_minus_one_r_a_little_worse_with_fees() -> None:
    assert trade(direction="long", entry="100", stop="95", exit_price="95").r_multiple == D("-1")
    with_fees = trade(direction="long", entry="100", stop="95", exit_price="95", fees="0.1")
    assert with_fees.r_multiple == D("-1.02")


def test_r_is_the_same_whatever_the_size() -> None:
    small = trade(quantity="0.001", stop="95", exit_price="107.5")
    large = trade(quantity="1000", stop="95", exit_price="107.5")
    assert small.r_multiple == large.r_multiple == D("1.5")


def test_r_is_null_without_a_stop_or_without_risk() -> None:
    assert trade(stop=None).r_multiple is None
    assert r_multiple(D("10"), D("100"), D("100"), D("1")) is None  # stop at entry: no risk


def test_pnl_rounds_half_even_to_8_decimals() -> None:
    # 0.000000005 is a tie: half-even goes to the even neighbour, 0.00000000 then 0.00000002.
    assert trade_pnl("long", D("1"), D("1.000000005"), D("1"), D("0")) == D("0E-8")
    assert trade_pnl("long", D("1"), D("1.000000015"), D("1"), D("0")) == D("0.00000002")


def test_huge_positions_lose_no_digit() -> None:
    # The largest position the spec allows: a 10^9 price and a 10^15 quantity, 12 decimals each.
    pnl = trade_pnl(
        "long", D("0.000000000001"), D("1000000000"), D("999999999999999.999999999999"), D(0)
    )
    # (10^9 - 10^-12) * (10^15 - 10^-12) = 10^24 - 10^3 - 10^-3 + 10^-24, to 8 decimals: 32 digits;
    # the default 28-digit context would have rounded away the last ones.
    assert pnl == D("999999999999999999998999.99900000")
    assert str(pnl) == "999999999999999999998999.99900000"


def test_unknown_direction_is_refused() -> None:
    with pytest.raises(ValueError, match="direction"):
        trade_pnl("sideways", D(1), D(2), D(1), D(0))  # type: ignore[arg-type]


def test_pnl_pct_of_a_zero_position_is_null() -> None:
    assert pnl_pct(D("5"), D("100"), D("0")) is None


# --- Statistics ---------------------------------------------------------------------------


def test_statistics_of_a_mixed_set() -> None:
    trades = [
        with_pnl(1, "30", stop="90"),  # R 3
        with_pnl(2, "10"),  # no stop
        with_pnl(3, "-20", stop="90"),  # R -2
        with_pnl(4, "0", stop="90"),  # breakeven, R 0
    ]
    stats = portfolio_stats(trades, D("1000"), {"pending": 2, "open": 1, "cancelled": 3})
    assert (stats.pending, stats.open, stats.closed, stats.cancelled) == (2, 1, 4, 3)
    assert (stats.wins, stats.losses, stats.breakeven) == (2, 1, 1)
    assert stats.win_rate == D("0.6667")  # 2 / 3: the breakeven trade is in no rate
    assert stats.gross_profit == D("40")
    assert stats.gross_loss == D("20")
    assert stats.profit_factor == D("2")
    assert stats.avg_win == D("20")
    assert stats.avg_loss == D("20")
    assert stats.total_pnl == D("20")
    assert stats.expectancy == D("5")  # total / closed, breakeven included
    assert stats.r_count == 3
    assert stats.expectancy_r == D("0.3333")  # (3 - 2 + 0) / 3
    assert stats.max_drawdown == D("20")  # 1,040 peak, then 1,020
    assert stats.max_drawdown_pct == D("1.9231")


def test_no_loss_gives_null_profit_factor_never_zero_or_infinite() -> None:
    stats = portfolio_stats([with_pnl(1, "10"), with_pnl(2, "5")], D("1000"), NO_COUNTS)
    assert stats.profit_factor is None
    assert stats.avg_loss is None
    assert stats.win_rate == D("1")
    assert stats.gross_loss == D("0")
    assert stats.max_drawdown == D("0")
    assert stats.max_drawdown_pct == D("0")


def test_no_trades_gives_nulls_and_zeros() -> None:
    stats = portfolio_stats([], D("1000"), {"pending": 1})
    assert stats.closed == 0 and stats.pending == 1 and stats.open == 0
    for figure in ("win_rate", "profit_factor", "avg_win", "avg_loss", "expectancy"):
        assert getattr(stats, figure) is None, figure
    assert stats.expectancy_r is None and stats.r_count == 0
    assert stats.total_pnl == D("0")
    assert stats.by_symbol == stats.by_setup == stats.by_direction == {}


def test_only_breakeven_trades_have_no_rate() -> None:
    stats = portfolio_stats([with_pnl(1, "0"), with_pnl(2, "0")], D("1000"), NO_COUNTS)
    assert (stats.wins, stats.losses, stats.breakeven) == (0, 0, 2)
    assert stats.win_rate is None
    assert stats.profit_factor is None
    assert stats.expectancy == D("0")


def test_the_spec_drawdown_example() -> None:
    trades = [with_pnl(i, pnl) for i, pnl in enumerate(["100", "-300", "50", "-100"], 1)]
    stats = portfolio_stats(trades, D("1000"), NO_COUNTS)
    assert stats.max_drawdown == D("350")
    assert stats.max_drawdown_pct == D("31.8182")
    drawdown = max_drawdown(D("1000"), [D("100"), D("-300"), D("50"), D("-100")])
    assert drawdown.peak == D("1100")


def test_drawdown_follows_exit_order_not_the_order_given() -> None:
    # Exit order: -300 (minute 1) then +400: 1,000 -> 700 -> 1,100, a 300 fall from 1,000.
    # In the given order (+400 first) it would read as a fall from 1,400.
    trades = [with_pnl(2, "400", minute=2), with_pnl(1, "-300", minute=1)]
    stats = portfolio_stats(trades, D("1000"), NO_COUNTS)
    assert stats.max_drawdown == D("300")
    assert stats.max_drawdown_pct == D("30")


def test_a_first_loss_is_a_drawdown_from_the_initial_balance() -> None:
    stats = portfolio_stats([with_pnl(1, "-250")], D("1000"), NO_COUNTS)
    assert stats.max_drawdown == D("250")
    assert stats.max_drawdown_pct == D("25")


def test_breakdowns_by_symbol_setup_and_direction() -> None:
    trades = [
        with_pnl(1, "10", symbol="BTC/USDT", pattern_type="fvg", timeframe="1h", stop="95"),
        with_pnl(2, "-5", symbol="BTC/USDT", pattern_type="fvg", timeframe="1h", stop="95"),
        with_pnl(3, "0", symbol="ETH/USDT", pattern_type="fvg", timeframe=None),
        trade(4, direction="short", entry="100", exit_price="90", symbol="ETH/USDT"),
    ]
    stats = portfolio_stats(trades, D("1000"), NO_COUNTS)
    assert list(stats.by_symbol) == ["BTC/USDT", "ETH/USDT"]
    btc = stats.by_symbol["BTC/USDT"]
    assert (btc.trades, btc.wins, btc.losses, btc.breakeven) == (2, 1, 1, 0)
    assert btc.win_rate == D("0.5")
    assert btc.total_pnl == D("5")
    assert btc.expectancy_r == D("0.5")  # (2 - 1) / 2
    eth = stats.by_symbol["ETH/USDT"]
    assert (eth.trades, eth.wins, eth.breakeven, eth.total_pnl) == (2, 1, 1, D("10"))
    assert eth.win_rate == D("1") and eth.expectancy_r is None
    assert set(stats.by_setup) == {"fvg 1h", "manual"}  # a missing timeframe is manual
    assert stats.by_setup["manual"].trades == 2
    assert stats.by_direction["long"].trades == 3
    assert stats.by_direction["short"].total_pnl == D("10")


def test_as_dict_keeps_decimals_and_groups() -> None:
    data = portfolio_stats([with_pnl(1, "10")], D("1000"), NO_COUNTS).as_dict()
    assert data["total_pnl"] == D("10")
    assert data["by_symbol"]["BTC/USDT"]["wins"] == 1


# --- Equity curve -------------------------------------------------------------------------


def test_equity_curve_starts_at_the_initial_balance_and_accumulates_in_exit_order() -> None:
    created = T0 - timedelta(days=1)
    trades = [with_pnl(3, "50", minute=5), with_pnl(2, "-30", minute=5), with_pnl(1, "10")]
    points = equity_points(trades, D("1000"), created)
    assert points[0].time == created
    assert (points[0].balance, points[0].pnl, points[0].trade_id) == (D("1000"), None, None)
    # Same exit time: id breaks the tie.
    assert [p.trade_id for p in points[1:]] == [1, 2, 3]
    assert [p.balance for p in points[1:]] == [D("1010"), D("980"), D("1030")]
    assert [p.pnl for p in points[1:]] == [D("10"), D("-30"), D("50")]
    assert points[3].time == T0 + timedelta(minutes=5)


def test_equity_curve_starts_at_a_back_dated_entry() -> None:
    early = with_pnl(1, "10")
    created = early.entry_time + timedelta(days=3)
    points = equity_points([early], D("500"), created)
    assert points[0].time == early.entry_time
    assert points[-1].balance == D("510")


# --- Properties ---------------------------------------------------------------------------

prices = st.decimals(min_value=D("0.0001"), max_value=D("100000"), places=4)
quantities = st.decimals(min_value=D("0.000001"), max_value=D("1000"), places=6)
fee_amounts = st.decimals(min_value=D("0"), max_value=D("50"), places=2)
balances = st.decimals(min_value=D("0.01"), max_value=D("1000000000"), places=2)


@st.composite
def closed_trades(draw: st.DrawFn) -> list[ClosedTrade]:
    count = draw(st.integers(min_value=0, max_value=25))
    trades = []
    for trade_id in range(1, count + 1):
        entry = draw(prices)
        trades.append(
            ClosedTrade(
                id=trade_id,
                symbol=draw(st.sampled_from(["BTC/USDT", "ETH/USDT"])),
                direction=draw(st.sampled_from(["long", "short"])),
                entry_price=entry,
                quantity=draw(quantities),
                exit_price=draw(prices),
                fees=draw(fee_amounts),
                initial_stop_loss=draw(st.none() | prices),
                entry_time=T0,
                exit_time=T0 + timedelta(minutes=draw(st.integers(0, 50))),
            )
        )
    return draw(st.permutations(trades))


@settings(max_examples=150, deadline=None)
@given(trades=closed_trades(), initial=balances)
def test_balance_is_initial_plus_the_sum_of_pnl(
    trades: list[ClosedTrade], initial: Decimal
) -> None:
    points = equity_points(trades, initial, T0)
    stats = portfolio_stats(trades, initial, NO_COUNTS)
    total = sum((t.pnl for t in trades), D(0))
    assert len(points) == len(trades) + 1
    assert points[-1].balance == initial + total == initial + stats.total_pnl
    for before, point in itertools.pairwise(points):
        assert point.pnl is not None
        assert point.balance == before.balance + point.pnl
        assert before.time <= point.time or before.trade_id is None
    assert stats.gross_profit - stats.gross_loss == stats.total_pnl
    assert stats.wins + stats.losses + stats.breakeven == stats.closed == len(trades)


@settings(max_examples=150, deadline=None)
@given(trades=closed_trades(), initial=balances)
def test_drawdown_is_never_negative_and_never_above_its_peak(
    trades: list[ClosedTrade], initial: Decimal
) -> None:
    stats = portfolio_stats(trades, initial, NO_COUNTS)
    balances_seen = [p.balance for p in equity_points(trades, initial, T0)]
    assert stats.max_drawdown >= 0
    assert stats.max_drawdown <= max(balances_seen) - min(balances_seen)
    assert stats.max_drawdown_pct is not None and stats.max_drawdown_pct >= 0
    # A fall from a peak p to a later point: the largest over the curve, by brute force.
    largest = max(
        (peak - later for i, peak in enumerate(balances_seen) for later in balances_seen[i:]),
        default=D(0),
    )
    assert stats.max_drawdown == largest
    drawdown = max_drawdown(
        initial, [point.pnl or D(0) for point in equity_points(trades, initial, T0)[1:]]
    )
    assert drawdown.peak in balances_seen
    if min(balances_seen) >= 0:  # a balance below zero can fall by more than its peak
        assert drawdown.amount <= drawdown.peak
        assert stats.max_drawdown_pct <= 100
