"""The figures of a portfolio (shared/spec/portfolio.md "PnL and R", "Statistics", "Equity
curve"): trade PnL and R, the statistics and the equity curve over closed trades. Pure: no
database, no clock; the repository hands in `ClosedTrade`s and the routes shape the result.

Money is Decimal throughout, computed in a wide context so a 10^15 quantity at a 10^9 price
never loses a digit; pnl and money averages are rounded half-even to 8 decimals, percentages,
ratios and R to 4 (the spec's rounding)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from typing import Any, Literal

Direction = Literal["long", "short"]

# Wide enough for (price: 22 digits) * (quantity: 28 digits) and sums of such, exactly.
_WIDE = Context(prec=80, rounding=ROUND_HALF_EVEN)
_MONEY = Decimal("1E-8")
_RATIO = Decimal("1E-4")
_HUNDRED = Decimal(100)
MANUAL_SETUP = "manual"


def _money(value: Decimal) -> Decimal:
    return value.quantize(_MONEY, rounding=ROUND_HALF_EVEN)


def _ratio(value: Decimal) -> Decimal:
    return value.quantize(_RATIO, rounding=ROUND_HALF_EVEN)


def _divide(
    numerator: Decimal, denominator: Decimal, rounded: Callable[[Decimal], Decimal]
) -> Decimal | None:
    """A zero denominator gives null, never 0 or infinity (the spec's rule for every figure)."""
    if denominator == 0:
        return None
    with localcontext(_WIDE):
        return rounded(numerator / denominator)


def trade_pnl(
    direction: Direction,
    entry_price: Decimal,
    exit_price: Decimal,
    quantity: Decimal,
    fees: Decimal,
) -> Decimal:
    """Long: (exit - entry) * quantity - fees; short: (entry - exit) * quantity - fees."""
    with localcontext(_WIDE):
        if direction == "long":
            move = exit_price - entry_price
        elif direction == "short":
            move = entry_price - exit_price
        else:
            raise ValueError(f"unknown direction {direction!r}")
        return _money(move * quantity - fees)


def pnl_pct(pnl: Decimal, entry_price: Decimal, quantity: Decimal) -> Decimal | None:
    """pnl / (entry_price * quantity) * 100; null for a zero position (never the case once
    validated, but a figure is never a division error)."""
    with localcontext(_WIDE):
        return _divide(pnl * _HUNDRED, entry_price * quantity, _ratio)


def r_multiple(
    pnl: Decimal, entry_price: Decimal, initial_stop_loss: Decimal | None, quantity: Decimal
) -> Decimal | None:
    """pnl / (|entry_price - initial_stop_loss| * quantity): the trade against the risk it took,
    whatever the account size. Null without an initial stop or with zero risk."""
    if initial_stop_loss is None:
        return None
    with localcontext(_WIDE):
        return _divide(pnl, abs(entry_price - initial_stop_loss) * quantity, _ratio)


def money_sum(amounts: Iterable[Decimal]) -> Decimal:
    """A sum of amounts (the closed trades' pnl), exact: in the wide context."""
    with localcontext(_WIDE):
        return sum(amounts, Decimal(0))


def percent_of(amount: Decimal, base: Decimal) -> Decimal:
    """amount / base * 100 rounded half-even to 4 decimals, for a base known to be positive
    (a portfolio's initial balance: at least 0.01), e.g. total_pnl_pct."""
    with localcontext(_WIDE):
        return _ratio(amount * _HUNDRED / base)


@dataclass(frozen=True, kw_only=True)
class ClosedTrade:
    """What the figures need of one closed trade; times are UTC."""

    id: int
    symbol: str
    direction: Direction
    entry_price: Decimal
    quantity: Decimal
    exit_price: Decimal
    fees: Decimal
    initial_stop_loss: Decimal | None
    entry_time: datetime
    exit_time: datetime
    pattern_type: str | None = None
    timeframe: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def pnl(self) -> Decimal:
        return trade_pnl(
            self.direction, self.entry_price, self.exit_price, self.quantity, self.fees
        )

    @property
    def pnl_pct(self) -> Decimal | None:
        return pnl_pct(self.pnl, self.entry_price, self.quantity)

    @property
    def r_multiple(self) -> Decimal | None:
        return r_multiple(self.pnl, self.entry_price, self.initial_stop_loss, self.quantity)

    @property
    def setup(self) -> str:
        """`{pattern_type} {timeframe}`, or `manual` if either is empty."""
        if not self.pattern_type or not self.timeframe:
            return MANUAL_SETUP
        return f"{self.pattern_type} {self.timeframe}"


def in_close_order(trades: Iterable[ClosedTrade]) -> list[ClosedTrade]:
    """The equity curve's order: exit_time, then id (two closes in the same second stay put)."""
    return sorted(trades, key=lambda trade: (trade.exit_time, trade.id))


# --- Statistics ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupStats:
    """One row of by_symbol, by_setup or by_direction."""

    trades: int
    wins: int
    losses: int
    breakeven: int
    win_rate: Decimal | None
    total_pnl: Decimal
    expectancy_r: Decimal | None


@dataclass(frozen=True)
class Drawdown:
    """The largest fall from a running peak to a later point, and that peak."""

    amount: Decimal
    pct: Decimal | None  # of the peak; null only if the peak is not above zero
    peak: Decimal


@dataclass(frozen=True)
class PortfolioStats:
    pending: int
    open: int
    closed: int
    cancelled: int
    wins: int
    losses: int
    breakeven: int
    win_rate: Decimal | None
    gross_profit: Decimal
    gross_loss: Decimal
    profit_factor: Decimal | None
    avg_win: Decimal | None
    avg_loss: Decimal | None
    total_pnl: Decimal
    expectancy: Decimal | None
    expectancy_r: Decimal | None
    r_count: int
    max_drawdown: Decimal
    max_drawdown_pct: Decimal | None
    by_symbol: dict[str, GroupStats] = field(default_factory=dict)
    by_setup: dict[str, GroupStats] = field(default_factory=dict)
    by_direction: dict[str, GroupStats] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Tally:
    """Running sums over a set of closed trades; breakeven trades count only as trades."""

    trades: int = 0
    wins: int = 0
    losses: int = 0
    breakeven: int = 0
    gross_profit: Decimal = Decimal(0)
    losing_sum: Decimal = Decimal(0)
    r_sum: Decimal = Decimal(0)
    r_count: int = 0

    def add(self, pnl: Decimal, r: Decimal | None) -> None:
        self.trades += 1
        if pnl > 0:
            self.wins += 1
            self.gross_profit += pnl
        elif pnl < 0:
            self.losses += 1
            self.losing_sum += pnl
        else:
            self.breakeven += 1
        if r is not None:
            self.r_sum += r
            self.r_count += 1

    @property
    def total_pnl(self) -> Decimal:
        return self.gross_profit + self.losing_sum

    @property
    def win_rate(self) -> Decimal | None:
        return _divide(Decimal(self.wins), Decimal(self.wins + self.losses), _ratio)

    @property
    def expectancy_r(self) -> Decimal | None:
        return _divide(self.r_sum, Decimal(self.r_count), _ratio)

    def group(self) -> GroupStats:
        return GroupStats(
            trades=self.trades,
            wins=self.wins,
            losses=self.losses,
            breakeven=self.breakeven,
            win_rate=self.win_rate,
            total_pnl=self.total_pnl,
            expectancy_r=self.expectancy_r,
        )


def max_drawdown(initial_balance: Decimal, pnls: Iterable[Decimal]) -> Drawdown:
    """On the curve initial_balance, +pnl, +pnl, ...: the running peak starts at the initial
    balance. 1,000 then +100, -300, +50, -100 gives 350 from the 1,100 peak (31.8182 %)."""
    with localcontext(_WIDE):
        balance = peak = initial_balance
        worst, worst_peak = Decimal(0), initial_balance
        for pnl in pnls:
            balance += pnl
            if balance > peak:
                peak = balance
            elif peak - balance > worst:
                worst, worst_peak = peak - balance, peak
        pct = _divide(worst * _HUNDRED, worst_peak, _ratio) if worst_peak > 0 else None
        return Drawdown(amount=worst, pct=pct, peak=worst_peak)


def _groups(tallies: Mapping[str, _Tally]) -> dict[str, GroupStats]:
    return {key: tallies[key].group() for key in sorted(tallies)}


def portfolio_stats(
    trades: Sequence[ClosedTrade],
    initial_balance: Decimal,
    counts_by_status: Mapping[str, int],
) -> PortfolioStats:
    """Statistics over the counted closed trades. counts_by_status gives the pending, open and
    cancelled counts (missing: 0); closed is the number of trades given, so it always agrees
    with the figures computed from them."""
    overall = _Tally()
    by_symbol: dict[str, _Tally] = {}
    by_setup: dict[str, _Tally] = {}
    by_direction: dict[str, _Tally] = {}
    ordered = in_close_order(trades)
    pnls = []
    with localcontext(_WIDE):
        for trade in ordered:
            pnl, r = trade.pnl, trade.r_multiple
            pnls.append(pnl)
            for tally in (
                overall,
                by_symbol.setdefault(trade.symbol, _Tally()),
                by_setup.setdefault(trade.setup, _Tally()),
                by_direction.setdefault(trade.direction, _Tally()),
            ):
                tally.add(pnl, r)
        gross_loss = -overall.losing_sum
        drawdown = max_drawdown(initial_balance, pnls)
        return PortfolioStats(
            pending=counts_by_status.get("pending", 0),
            open=counts_by_status.get("open", 0),
            closed=overall.trades,
            cancelled=counts_by_status.get("cancelled", 0),
            wins=overall.wins,
            losses=overall.losses,
            breakeven=overall.breakeven,
            win_rate=overall.win_rate,
            gross_profit=overall.gross_profit,
            gross_loss=gross_loss,
            profit_factor=_divide(overall.gross_profit, gross_loss, _ratio),
            avg_win=_divide(overall.gross_profit, Decimal(overall.wins), _money),
            avg_loss=_divide(gross_loss, Decimal(overall.losses), _money),
            total_pnl=overall.total_pnl,
            expectancy=_divide(overall.total_pnl, Decimal(overall.trades), _money),
            expectancy_r=overall.expectancy_r,
            r_count=overall.r_count,
            max_drawdown=drawdown.amount,
            max_drawdown_pct=drawdown.pct,
            by_symbol=_groups(by_symbol),
            by_setup=_groups(by_setup),
            by_direction=_groups(by_direction),
        )


# --- Equity curve -------------------------------------------------------------------------


@dataclass(frozen=True)
class EquityPoint:
    time: datetime
    balance: Decimal
    pnl: Decimal | None = None  # null on the first point
    trade_id: int | None = None


def equity_points(
    trades: Iterable[ClosedTrade], initial_balance: Decimal, created_at: datetime
) -> list[EquityPoint]:
    """The whole curve: a first point at the earlier of the portfolio's created_at and the
    earliest entry_time (a back-dated trade starts before the portfolio), at initial_balance;
    then one point per trade in (exit_time, id) order with the cumulative balance. Filters and
    pages slice this list, so balances stay cumulative from the start."""
    ordered = in_close_order(trades)
    start = min([created_at, *(trade.entry_time for trade in ordered)])
    points = [EquityPoint(time=start, balance=initial_balance)]
    balance = initial_balance
    with localcontext(_WIDE):
        for trade in ordered:
            pnl = trade.pnl
            balance += pnl
            points.append(
                EquityPoint(time=trade.exit_time, balance=balance, pnl=pnl, trade_id=trade.id)
            )
    return points
