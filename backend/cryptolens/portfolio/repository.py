"""Every query of the portfolio tables, scoped to the owner: another user's id reads as
missing. Deleted portfolios and trades leave every read; a trade of a deleted portfolio too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.portfolio.models import Portfolio, Trade


def _live_portfolios(user_id: int) -> Select[Portfolio]:
    return select(Portfolio).where(Portfolio.user_id == user_id, Portfolio.deleted_at.is_(None))


async def portfolios_of(db: AsyncSession, user_id: int) -> list[Portfolio]:
    return list(await db.scalars(_live_portfolios(user_id).order_by(Portfolio.id)))


async def owned_portfolio(
    db: AsyncSession, user_id: int, portfolio_id: int, *, for_update: bool = False
) -> Portfolio | None:
    statement = _live_portfolios(user_id).where(Portfolio.id == portfolio_id)
    if for_update:
        statement = statement.with_for_update()
    return await db.scalar(statement)


async def count_portfolios(db: AsyncSession, user_id: int) -> int:
    count = await db.scalar(
        select(func.count())
        .select_from(Portfolio)
        .where(Portfolio.user_id == user_id, Portfolio.deleted_at.is_(None))
    )
    return int(count or 0)


async def count_trades_created_since(db: AsyncSession, user_id: int, since: datetime) -> int:
    """Deleted trades (and those of deleted portfolios) included: the limit counts creations."""
    count = await db.scalar(
        select(func.count())
        .select_from(Trade)
        .where(Trade.user_id == user_id, Trade.created_at >= since)
    )
    return int(count or 0)


def _live_trades(user_id: int) -> Select[Trade]:
    return (
        select(Trade)
        .join(Portfolio, Portfolio.id == Trade.portfolio_id)
        .where(
            Trade.user_id == user_id,
            Trade.deleted_at.is_(None),
            Portfolio.deleted_at.is_(None),
        )
    )


async def owned_trade(
    db: AsyncSession, user_id: int, trade_id: int, *, for_update: bool = False
) -> Trade | None:
    statement = _live_trades(user_id).where(Trade.id == trade_id)
    if for_update:
        statement = statement.with_for_update(of=Trade)
    return await db.scalar(statement)


async def journaled_trade(db: AsyncSession, portfolio_id: int, signal_id: int) -> Trade | None:
    """The portfolio's live trade made from that signal, if any."""
    return await db.scalar(
        select(Trade)
        .where(
            Trade.portfolio_id == portfolio_id,
            Trade.signal_id == signal_id,
            Trade.deleted_at.is_(None),
        )
        .limit(1)
    )


@dataclass(frozen=True)
class TradeFilters:
    status: str | None = None
    symbol_id: int | None = None
    direction: str | None = None
    signal_id: int | None = None
    since: datetime | None = None  # entry_time at or after
    until: datetime | None = None  # entry_time before


async def trades_of(
    db: AsyncSession, user_id: int, portfolio_id: int, filters: TradeFilters, limit: int
) -> list[Trade]:
    """Newest first (by entry_time; plans without one first, then by id)."""
    statement = _live_trades(user_id).where(Trade.portfolio_id == portfolio_id)
    if filters.status is not None:
        statement = statement.where(Trade.status == filters.status)
    if filters.symbol_id is not None:
        statement = statement.where(Trade.symbol_id == filters.symbol_id)
    if filters.direction is not None:
        statement = statement.where(Trade.direction == filters.direction)
    if filters.signal_id is not None:
        statement = statement.where(Trade.signal_id == filters.signal_id)
    if filters.since is not None:
        statement = statement.where(Trade.entry_time >= filters.since)
    if filters.until is not None:
        statement = statement.where(Trade.entry_time < filters.until)
    statement = statement.order_by(
        Trade.entry_time.is_(None).desc(), Trade.entry_time.desc(), Trade.id.desc()
    ).limit(limit)
    return list(await db.scalars(statement))


@dataclass(frozen=True)
class PortfolioFigures:
    closed_pnl: list[Decimal]
    pending: int
    open: int


async def figures_of(db: AsyncSession, portfolio_ids: Sequence[int]) -> dict[int, PortfolioFigures]:
    """Per portfolio: the closed trades' pnl (summed in Decimal by the caller: SQLite would sum
    text through floats) and the pending and open counts."""
    rows = await db.execute(
        select(Trade.portfolio_id, Trade.status, Trade.pnl).where(
            Trade.portfolio_id.in_(list(portfolio_ids)),
            Trade.deleted_at.is_(None),
            Trade.status.in_(("pending", "open", "closed")),
        )
    )
    pnl: dict[int, list[Decimal]] = {pid: [] for pid in portfolio_ids}
    counts: dict[tuple[int, str], int] = {}
    for portfolio_id, status, value in rows:
        if status == "closed" and value is not None:
            pnl[portfolio_id].append(value)
        counts[(portfolio_id, status)] = counts.get((portfolio_id, status), 0) + 1
    return {
        pid: PortfolioFigures(
            closed_pnl=pnl[pid],
            pending=counts.get((pid, "pending"), 0),
            open=counts.get((pid, "open"), 0),
        )
        for pid in portfolio_ids
    }


async def add(db: AsyncSession, row: object) -> None:
    db.add(row)
    await db.flush()


async def soft_delete_portfolio(db: AsyncSession, portfolio: Portfolio, now: datetime) -> None:
    portfolio.deleted_at = now
    await db.execute(
        update(Trade)
        .where(Trade.portfolio_id == portfolio.id, Trade.deleted_at.is_(None))
        .values(deleted_at=now)
    )
    await db.flush()
