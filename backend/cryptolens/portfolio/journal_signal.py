"""POST /signals/{id}/journal: a pending trade from a signal and its `pre_trade` journal entry
(the signal in words) in one transaction, into the chosen portfolio, else the oldest, else a new
"Default portfolio" when the tier allows one.

The signal is read through the signals domain's own read (same visibility, same 404), so the
journal can never show a pro user a signal their tier hides."""

from __future__ import annotations

from decimal import Decimal

from cryptolens.portfolio import journal, repository
from cryptolens.portfolio.errors import AlreadyJournaledError, PortfolioNotFoundError
from cryptolens.portfolio.journal_schemas import JournalEntryIn
from cryptolens.portfolio.models import Portfolio, Trade
from cryptolens.portfolio.schemas import JournalSignalIn, JournalSignalOut, plain_decimal
from cryptolens.portfolio.service import (
    Owner,
    check_portfolio_limit,
    check_trade,
    check_trade_limit,
    one_trade_out,
    stored_symbol_id,
)
from cryptolens.signals import reads as signals
from cryptolens.signals.schemas import SignalOut

DEFAULT_NAME = "Default portfolio"
DEFAULT_BALANCE = Decimal(10_000)


def pre_trade_text(signal: SignalOut) -> str:
    """The signal as the trader saw it when journalling it (portfolio.md's wording)."""
    entry, stop, tp1, tp2, tp3 = (
        plain_decimal(_level(value))
        for value in (
            signal.entry,
            signal.stop_loss,
            signal.take_profit_1,
            signal.take_profit_2,
            signal.take_profit_3,
        )
    )
    return (
        f"Signal {signal.id}: {signal.direction.upper()} {signal.symbol}, "
        f"confluence {signal.confluence} ({', '.join(signal.timeframes)}), "
        f"anchor {signal.anchor_type} {signal.anchor_timeframe}, entry {entry}, "
        f"stop {stop}, targets {tp1} / {tp2} / {tp3}"
    )


def _level(value: float) -> Decimal:
    # The shortest text of the stored float: 101.25 stays 101.25 (never its binary expansion).
    return Decimal(repr(value))


async def _target_portfolio(owner: Owner, portfolio_id: int | None) -> Portfolio:
    if portfolio_id is not None:
        chosen = await repository.owned_portfolio(
            owner.db, owner.user_id, portfolio_id, for_update=True
        )
        if chosen is None:
            raise PortfolioNotFoundError()
        return chosen
    existing = await repository.portfolios_of(owner.db, owner.user_id)
    if existing:
        return existing[0]
    await check_portfolio_limit(owner)
    created = Portfolio(
        user_id=owner.user_id,
        name=DEFAULT_NAME,
        description="",
        currency="USDT",
        initial_balance=DEFAULT_BALANCE,
        created_at=owner.now,
    )
    await repository.add(owner.db, created)
    return created


async def journal_signal(owner: Owner, signal_id: int, wanted: JournalSignalIn) -> JournalSignalOut:
    signal = await signals.get_signal(owner.db, owner.access, signal_id, owner.now)
    portfolio = await _target_portfolio(owner, wanted.portfolio_id)
    if await repository.journaled_trade(owner.db, portfolio.id, signal.id) is not None:
        raise AlreadyJournaledError(f"signal {signal.id} is already in this portfolio")
    await check_trade_limit(owner)
    symbol_id = await stored_symbol_id(owner.db, signal.symbol)
    trade = Trade(
        portfolio_id=portfolio.id,
        user_id=owner.user_id,
        symbol_id=symbol_id,
        direction=signal.direction,
        status="pending",
        entry_price=_level(signal.entry),
        quantity=wanted.quantity,
        stop_loss=_level(signal.stop_loss),
        take_profit=_level(signal.take_profit_2),
        fees=Decimal(0),
        timeframe=signal.anchor_timeframe,
        pattern_type=signal.anchor_type,
        signal_id=signal.id,
        created_at=owner.now,
    )
    check_trade(trade, owner.now)
    await repository.add(owner.db, trade)
    # The setup notes stay the trader's own; the signal's summary is the journal's first entry.
    entry = await journal.add_to_trade(
        owner, trade, JournalEntryIn(entry_type="pre_trade", content=pre_trade_text(signal))
    )
    return JournalSignalOut(
        portfolio_id=portfolio.id, trade=await one_trade_out(owner.db, trade), entry=entry
    )
