"""Portfolios and trades of the signed-in owner: the reads with their derived balance, the
trade lifecycle (pending -> open -> closed, pending -> cancelled) and the tier limits.

Routes name the portfolio or trade a request is about (PortfolioRef, TradeRef); the calls
here look it up owner-scoped (another user's id is a 404 like a missing one), under the lock
the change needs. Every change re-checks the trade rules of portfolio.md on the result, so no
sequence of edits can leave a trade the create route would refuse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import cast

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier, lowest_tier_where
from cryptolens.access.user_access import UserAccess
from cryptolens.auth import reads as accounts
from cryptolens.core.errors import NotFoundError, ValidationFailedError
from cryptolens.core.paging import Page, PageQuery, PageRequest
from cryptolens.market import service as market
from cryptolens.portfolio import figures, repository
from cryptolens.portfolio.errors import (
    InvalidTransitionError,
    PortfolioNotFoundError,
    PriceUnavailableError,
    TierLimitError,
    TradeNotFoundError,
    UnknownSymbolError,
    UnknownTagError,
)
from cryptolens.portfolio.figures import Direction
from cryptolens.portfolio.models import Portfolio, Tag, Trade
from cryptolens.portfolio.repository import PortfolioFigures, TradeFilters
from cryptolens.portfolio.schemas import (
    CancelIn,
    CloseIn,
    OpenIn,
    PortfolioIn,
    PortfolioOut,
    PortfolioPatch,
    TradeIn,
    TradeOut,
    TradePatch,
    TradeTagOut,
)

# How far ahead of the server's clock an entry or exit time may be (clock skew).
AHEAD = timedelta(minutes=1)
# A close at market uses the newest stored 1m candle only while it closed this recently.
MARKET_PRICE_MAX_AGE = timedelta(minutes=5)
MINUTE_MS = 60_000


@dataclass(frozen=True)
class Owner:
    """The caller as the portfolio routes see them: who, and what their tier allows."""

    db: AsyncSession
    access: UserAccess
    now: datetime

    @property
    def user_id(self) -> int:
        return self.access.user_id


@dataclass(frozen=True)
class PortfolioRef:
    """One of the owner's portfolios as a request names it; `load_portfolio` looks it up."""

    owner: Owner
    portfolio_id: int


@dataclass(frozen=True)
class TradeRef:
    """One of the owner's trades as a request names it; `load_trade` looks it up."""

    owner: Owner
    trade_id: int


async def load_portfolio(ref: PortfolioRef, *, for_update: bool = False) -> Portfolio:
    owner = ref.owner
    portfolio = await repository.owned_portfolio(
        owner.db, owner.user_id, ref.portfolio_id, for_update=for_update
    )
    if portfolio is None:  # another user's is "not found" too
        raise PortfolioNotFoundError()
    return portfolio


async def load_trade(ref: TradeRef, *, for_update: bool = False) -> Trade:
    """The live trade (of a live portfolio); `for_update` locks it for a change."""
    owner = ref.owner
    trade = await repository.owned_trade(
        owner.db, owner.user_id, ref.trade_id, for_update=for_update
    )
    if trade is None:
        raise TradeNotFoundError()
    return trade


# PnL and R


def _trade_figures(trade: Trade) -> tuple[Decimal, Decimal | None, Decimal | None]:
    """(pnl, pnl_pct, r_multiple) of a closed trade, by the spec's rules (figures.py)."""
    assert trade.exit_price is not None and trade.quantity is not None
    direction = cast(Direction, trade.direction)
    pnl = figures.trade_pnl(
        direction, trade.entry_price, trade.exit_price, trade.quantity, trade.fees
    )
    return (
        pnl,
        figures.pnl_pct(pnl, trade.entry_price, trade.quantity),
        figures.r_multiple(pnl, trade.entry_price, trade.initial_stop_loss, trade.quantity),
    )


# Views


def _portfolio_out(portfolio: Portfolio, sums: PortfolioFigures) -> PortfolioOut:
    total = figures.money_sum(sums.closed_pnl)
    return PortfolioOut(
        id=portfolio.id,
        name=portfolio.name,
        description=portfolio.description,
        currency=portfolio.currency,
        initial_balance=portfolio.initial_balance,
        balance=figures.money_sum((portfolio.initial_balance, total)),
        total_pnl=total,
        total_pnl_pct=figures.percent_of(total, portfolio.initial_balance),
        pending_trades=sums.pending,
        open_trades=sums.open,
        created_at=portfolio.created_at,
    )


def _trade_out(trade: Trade, symbols: dict[int, str], tags: Sequence[Tag]) -> TradeOut:
    return TradeOut(
        id=trade.id,
        portfolio_id=trade.portfolio_id,
        symbol=symbols.get(trade.symbol_id, ""),
        direction=trade.direction,
        status=trade.status,
        entry_price=trade.entry_price,
        quantity=trade.quantity,
        entry_time=trade.entry_time,
        stop_loss=trade.stop_loss,
        initial_stop_loss=trade.initial_stop_loss,
        take_profit=trade.take_profit,
        fees=trade.fees,
        exit_price=trade.exit_price,
        exit_time=trade.exit_time,
        timeframe=trade.timeframe,
        pattern_type=trade.pattern_type,
        signal_id=trade.signal_id,
        setup_notes=trade.setup_notes,
        exit_notes=trade.exit_notes,
        lessons=trade.lessons,
        pnl=trade.pnl,
        pnl_pct=trade.pnl_pct,
        r_multiple=trade.r_multiple,
        tags=[TradeTagOut(id=tag.id, name=tag.name, color=tag.color) for tag in tags],
        created_at=trade.created_at,
    )


async def trade_outs(db: AsyncSession, trades: Sequence[Trade]) -> list[TradeOut]:
    names = await market.symbol_names(db)
    tags = await repository.tags_on_trades(db, [trade.id for trade in trades])
    return [_trade_out(trade, names, tags[trade.id]) for trade in trades]


async def one_trade_out(db: AsyncSession, trade: Trade) -> TradeOut:
    return (await trade_outs(db, [trade]))[0]


# Limits


def _over_limit(access: UserAccess, reason: str, allowed: bool) -> None:
    if allowed:
        return
    tier = lowest_tier_where(
        lambda limits: limits.portfolios is None and limits.trades_per_day is None
    )
    raise TierLimitError((tier or Tier.PREMIUM).value, f"{access.tier.value} allows {reason}")


async def check_portfolio_limit(owner: Owner) -> None:
    limit = owner.access.limits.portfolios
    if limit is None:
        return
    # One creation of this user's at a time: two at once cannot both take the last slot.
    await accounts.hold_user_row(owner.db, owner.user_id)
    count = await repository.count_portfolios(owner.db, owner.user_id)
    noun = "portfolio" if limit == 1 else "portfolios"
    _over_limit(owner.access, f"{limit} {noun}", count < limit)


async def check_trade_limit(owner: Owner) -> None:
    limit = owner.access.limits.trades_per_day
    if limit is None:
        return
    day_start = owner.now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    # One creation of this user's at a time, in any portfolio (a downgraded user may have
    # several); the count is a locking read, current whatever the transaction read before.
    await accounts.hold_user_row(owner.db, owner.user_id)
    count = await repository.count_trades_created_since(owner.db, owner.user_id, day_start)
    _over_limit(owner.access, f"{limit} trades a day", count < limit)


# Portfolios


async def _view(owner: Owner, portfolio: Portfolio) -> PortfolioOut:
    sums = await repository.figures_of(owner.db, [portfolio.id])
    return _portfolio_out(portfolio, sums[portfolio.id])


async def list_portfolios(owner: Owner) -> list[PortfolioOut]:
    portfolios = await repository.portfolios_of(owner.db, owner.user_id)
    sums = await repository.figures_of(owner.db, [p.id for p in portfolios])
    return [_portfolio_out(p, sums[p.id]) for p in portfolios]


async def get_portfolio(ref: PortfolioRef) -> PortfolioOut:
    return await _view(ref.owner, await load_portfolio(ref))


async def create_portfolio(owner: Owner, wanted: PortfolioIn) -> PortfolioOut:
    await check_portfolio_limit(owner)
    portfolio = Portfolio(
        user_id=owner.user_id,
        name=wanted.name,
        description=wanted.description,
        currency=wanted.currency,
        initial_balance=wanted.initial_balance,
        created_at=owner.now,
    )
    await repository.add(owner.db, portfolio)
    return await _view(owner, portfolio)


async def update_portfolio(ref: PortfolioRef, patch: PortfolioPatch) -> PortfolioOut:
    portfolio = await load_portfolio(ref, for_update=True)
    for field in patch.model_fields_set:
        value = getattr(patch, field)
        if value is None:
            raise ValidationFailedError(f"body.{field}: may not be null")
        setattr(portfolio, field, value)
    await ref.owner.db.flush()
    return await _view(ref.owner, portfolio)


async def delete_portfolio(ref: PortfolioRef) -> None:
    portfolio = await load_portfolio(ref, for_update=True)
    await repository.soft_delete_portfolio(ref.owner.db, portfolio, ref.owner.now)


# Trades: the rules every trade obeys after any change


def _invalid(field: str, problem: str) -> ValidationFailedError:
    return ValidationFailedError(f"body.{field}: {problem}")


def _check_levels(trade: Trade) -> None:
    long = trade.direction == "long"
    side = "below" if long else "above"
    other = "above" if long else "below"
    if trade.stop_loss is not None and (
        (trade.stop_loss >= trade.entry_price) if long else (trade.stop_loss <= trade.entry_price)
    ):
        raise _invalid("stop_loss", f"a {trade.direction} trade's stop must be {side} the entry")
    if trade.take_profit is not None and (
        (trade.take_profit <= trade.entry_price)
        if long
        else (trade.take_profit >= trade.entry_price)
    ):
        raise _invalid(
            "take_profit", f"a {trade.direction} trade's target must be {other} the entry"
        )


def check_trade(trade: Trade, now: datetime) -> None:
    latest = now + AHEAD
    if trade.status in ("open", "closed") and trade.quantity is None:
        raise _invalid("quantity", "required once the trade is open")
    if trade.status in ("open", "closed") and trade.entry_time is None:
        raise _invalid("entry_time", "required once the trade is open")
    if trade.entry_time is not None and trade.entry_time > latest:
        raise _invalid("entry_time", "at most 1 minute ahead")
    _check_levels(trade)
    if trade.status == "closed":
        assert trade.exit_time is not None and trade.entry_time is not None
        if trade.exit_time > latest:
            raise _invalid("exit_time", "at most 1 minute ahead")
        if trade.exit_time < trade.entry_time:
            raise _invalid("exit_time", "before the entry time")


def _settle(trade: Trade) -> None:
    """The derived figures of a closed trade, recomputed from its fields."""
    if trade.status == "closed":
        trade.pnl, trade.pnl_pct, trade.r_multiple = _trade_figures(trade)


async def stored_symbol_id(db: AsyncSession, name: str) -> int:
    try:
        symbol = await market.find_symbol(db, name)
    except NotFoundError:  # the market's symbol_not_found: here a field of the body
        raise UnknownSymbolError(f"body.symbol: {name[:41]} is not a stored symbol") from None
    return symbol.id


async def symbol_ids_named(db: AsyncSession, symbol: str) -> tuple[int, ...]:
    """Every stored symbol called `symbol` (`btc-usdt` reads as BTC/USDT), as a filter:
    none matches nothing."""
    wanted = symbol.strip().upper().replace("-", "/")
    names = await market.symbol_names(db)
    return tuple(symbol_id for symbol_id, name in names.items() if name == wanted)


async def _their_tag_ids(owner: Owner, tag_ids: Sequence[int]) -> list[int]:
    """The ids, once each, if every one is the owner's tag; else 422 `unknown_tag`."""
    wanted = list(dict.fromkeys(tag_ids))
    found = {tag.id for tag in await repository.owned_tags(owner.db, owner.user_id, wanted)}
    unknown = [tag_id for tag_id in wanted if tag_id not in found]
    if unknown:
        raise UnknownTagError(f"body.tags: {unknown[0]} is not one of your tags")
    return wanted


async def create_trade(ref: PortfolioRef, wanted: TradeIn) -> TradeOut:
    owner = ref.owner
    portfolio = await load_portfolio(ref)
    await check_trade_limit(owner)
    opened = wanted.status == "open"
    trade = Trade(
        portfolio_id=portfolio.id,
        user_id=owner.user_id,
        symbol_id=await stored_symbol_id(owner.db, wanted.symbol),
        direction=wanted.direction,
        status=wanted.status,
        entry_price=wanted.entry_price,
        quantity=wanted.quantity,
        entry_time=wanted.entry_time or (owner.now if opened else None),
        stop_loss=wanted.stop_loss,
        initial_stop_loss=wanted.stop_loss if opened else None,
        take_profit=wanted.take_profit,
        fees=wanted.fees,
        timeframe=wanted.timeframe,
        pattern_type=wanted.pattern_type,
        setup_notes=wanted.setup_notes,
        lessons=wanted.lessons,
        created_at=owner.now,
    )
    check_trade(trade, owner.now)
    tag_ids = await _their_tag_ids(owner, wanted.tags)
    await repository.add(owner.db, trade)
    await repository.set_trade_tags(owner.db, trade.id, tag_ids)
    return await one_trade_out(owner.db, trade)


async def list_trades(
    ref: PortfolioRef, filters: TradeFilters, symbol: str | None, page: PageQuery
) -> Page[TradeOut]:
    owner = ref.owner
    await load_portfolio(ref)
    request = PageRequest.from_cursor(page.cursor, key_size=3, limit=page.limit)
    if symbol is not None:
        filters = replace(filters, symbol_ids=await symbol_ids_named(owner.db, symbol))
    trades = await repository.trades_page(
        owner.db, owner.user_id, ref.portfolio_id, filters, request
    )
    return Page(await trade_outs(owner.db, trades.items), trades.next_cursor)


async def get_trade(ref: TradeRef) -> TradeOut:
    return await one_trade_out(ref.owner.db, await load_trade(ref))


_NOT_NULL = frozenset({"symbol", "direction", "entry_price", "fees", "tags"})
_NOTES = frozenset({"setup_notes", "exit_notes", "lessons"})
_CANCELLED_EDITABLE = _NOTES | {"tags"}
_EXIT = frozenset({"exit_price", "exit_time"})


async def update_trade(ref: TradeRef, patch: TradePatch) -> TradeOut:
    owner = ref.owner
    trade = await load_trade(ref, for_update=True)
    fields = patch.model_fields_set
    if trade.status == "cancelled" and fields - _CANCELLED_EDITABLE:
        raise InvalidTransitionError("a cancelled trade's notes and tags only may change")
    if trade.status != "closed" and fields & _EXIT:
        raise InvalidTransitionError("exit_price and exit_time change on closed trades only")
    for field in sorted(fields):
        value = getattr(patch, field)
        if value is None and (field in _NOT_NULL or (field in _EXIT)):
            raise _invalid(field, "may not be null")
        if field == "symbol":
            trade.symbol_id = await stored_symbol_id(owner.db, value)
        elif field == "tags":
            tag_ids = await _their_tag_ids(owner, value)
            await repository.set_trade_tags(owner.db, trade.id, tag_ids)
        else:
            setattr(trade, field, value)
    # The first stop set on an open trade is its initial stop (unless the patch says which).
    if (
        "stop_loss" in fields
        and "initial_stop_loss" not in fields
        and trade.status in ("open", "closed")
        and trade.initial_stop_loss is None
    ):
        trade.initial_stop_loss = trade.stop_loss
    check_trade(trade, owner.now)
    _settle(trade)
    await owner.db.flush()
    return await one_trade_out(owner.db, trade)


async def delete_trade(ref: TradeRef) -> None:
    trade = await load_trade(ref, for_update=True)
    trade.deleted_at = ref.owner.now
    await ref.owner.db.flush()


def _require_status(trade: Trade, status: str, action: str) -> None:
    if trade.status != status:
        raise InvalidTransitionError(f"cannot {action} a {trade.status} trade")


async def open_trade(ref: TradeRef, wanted: OpenIn) -> TradeOut:
    owner = ref.owner
    trade = await load_trade(ref, for_update=True)
    _require_status(trade, "pending", "open")
    for field in ("entry_price", "quantity", "entry_time", "fees"):
        value = getattr(wanted, field)
        if value is not None:
            setattr(trade, field, value)
    trade.status = "open"
    trade.entry_time = trade.entry_time or owner.now
    if trade.initial_stop_loss is None:
        trade.initial_stop_loss = trade.stop_loss
    check_trade(trade, owner.now)
    await owner.db.flush()
    return await one_trade_out(owner.db, trade)


async def _market_close(owner: Owner, symbol_id: int) -> Decimal:
    """The close of the symbol's newest stored 1m candle, if that candle closed recently."""
    series = await market.recent_candles(owner.db, symbol_id, "1m", 1)
    if len(series) == 0:
        raise PriceUnavailableError("no stored 1m candle for this symbol")
    closed_at = datetime.fromtimestamp((int(series.open_time[-1]) + MINUTE_MS) / 1000, UTC)
    if owner.now - closed_at > MARKET_PRICE_MAX_AGE:
        raise PriceUnavailableError("the newest 1m candle closed over 5 minutes ago")
    return Decimal(repr(float(series.close[-1])))


async def close_trade(ref: TradeRef, wanted: CloseIn) -> TradeOut:
    if (wanted.exit_price is None) == (not wanted.at_market):
        raise _invalid("exit_price", "give exactly one of exit_price and at_market: true")
    owner = ref.owner
    trade = await load_trade(ref, for_update=True)
    _require_status(trade, "open", "close")
    if wanted.at_market:
        trade.exit_price = await _market_close(owner, trade.symbol_id)
        trade.exit_time = owner.now
    else:
        trade.exit_price = wanted.exit_price
        trade.exit_time = wanted.exit_time or owner.now
    if wanted.fees is not None:
        trade.fees = wanted.fees
    if wanted.exit_notes is not None:
        trade.exit_notes = wanted.exit_notes
    trade.status = "closed"
    check_trade(trade, owner.now)
    _settle(trade)
    await owner.db.flush()
    return await one_trade_out(owner.db, trade)


async def cancel_trade(ref: TradeRef, wanted: CancelIn) -> TradeOut:
    owner = ref.owner
    trade = await load_trade(ref, for_update=True)
    _require_status(trade, "pending", "cancel")
    trade.status = "cancelled"
    if wanted.exit_notes is not None:
        trade.exit_notes = wanted.exit_notes
    await owner.db.flush()
    return await one_trade_out(owner.db, trade)
