"""The reports of one portfolio (shared/spec/portfolio.md "Statistics", "Equity curve", "CSV
export"): the queries, and their rows handed to the pure figures (figures.py, csv_export.py).

Every query is scoped to a live portfolio the caller owns (the routes resolve it first) and
reads live trades only: a deleted trade's pnl leaves the statistics, the curve and the file."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import cast

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import InstrumentedAttribute

from cryptolens.core.errors import ValidationFailedError
from cryptolens.core.paging import decode_cursor, encode_cursor
from cryptolens.market import service as market
from cryptolens.portfolio.csv_export import TradeCsvRow, csv_body, csv_header
from cryptolens.portfolio.figures import (
    ClosedTrade,
    Direction,
    EquityPoint,
    PortfolioStats,
    equity_points,
    portfolio_stats,
)
from cryptolens.portfolio.models import Portfolio, Tag, Trade, TradeTag
from cryptolens.portfolio.schemas import plain_decimal

# The largest export (spec); a module constant so a test can lower it.
MAX_EXPORT_ROWS = 100_000
# Trades read per query while a file streams: memory stays flat however long the file.
EXPORT_BATCH = 500
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


class ExportTooLargeError(ValidationFailedError):
    code = "export_too_large"


@dataclass(frozen=True)
class ReportFilters:
    """A report's filters. `symbol_ids` None: any symbol; empty: a name no stored symbol has
    (nothing matches). `since` is inclusive, `until` exclusive; on exit_time for the
    statistics, on entry_time for the export."""

    symbol_ids: tuple[int, ...] | None = None
    direction: str | None = None
    tag_id: int | None = None
    status: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def _live_trades_of(portfolio_id: int) -> list[ColumnElement[bool]]:
    return [Trade.portfolio_id == portfolio_id, Trade.deleted_at.is_(None)]


def _matching(
    filters: ReportFilters, time: InstrumentedAttribute[datetime | None] | None
) -> list[ColumnElement[bool]]:
    """The filters as WHERE clauses; the time window applies to `time` (None: to nothing)."""
    clauses: list[ColumnElement[bool]] = []
    if filters.symbol_ids is not None:
        clauses.append(Trade.symbol_id.in_(filters.symbol_ids))
    if filters.direction is not None:
        clauses.append(Trade.direction == filters.direction)
    if filters.status is not None:
        clauses.append(Trade.status == filters.status)
    if filters.tag_id is not None:
        tagged = select(TradeTag.trade_id).where(TradeTag.tag_id == filters.tag_id)
        clauses.append(Trade.id.in_(tagged))
    if time is not None and filters.since is not None:
        clauses.append(time >= filters.since)
    if time is not None and filters.until is not None:
        clauses.append(time < filters.until)
    return clauses


def _closed(trade: Trade, symbols: dict[int, str]) -> ClosedTrade:
    assert trade.exit_price is not None and trade.exit_time is not None
    assert trade.quantity is not None and trade.entry_time is not None
    return ClosedTrade(
        id=trade.id,
        symbol=symbols.get(trade.symbol_id, ""),
        direction=cast(Direction, trade.direction),
        entry_price=trade.entry_price,
        quantity=trade.quantity,
        exit_price=trade.exit_price,
        fees=trade.fees,
        initial_stop_loss=trade.initial_stop_loss,
        entry_time=trade.entry_time,
        exit_time=trade.exit_time,
        pattern_type=trade.pattern_type,
        timeframe=trade.timeframe,
    )


async def _closed_trades(
    db: AsyncSession, portfolio: Portfolio, clauses: Sequence[ColumnElement[bool]]
) -> list[ClosedTrade]:
    rows = await db.scalars(
        select(Trade).where(*_live_trades_of(portfolio.id), Trade.status == "closed", *clauses)
    )
    symbols = await market.symbol_names(db)
    return [_closed(trade, symbols) for trade in rows]


# Statistics


async def statistics(
    db: AsyncSession, portfolio: Portfolio, filters: ReportFilters
) -> PortfolioStats:
    """Over the closed trades whose exit falls in the window and that match the other filters;
    the pending, open and cancelled counts follow the other filters only (those trades have
    no exit time)."""
    closed = await _closed_trades(db, portfolio, _matching(filters, Trade.exit_time))
    counts = await db.execute(
        select(Trade.status, func.count())
        .where(*_live_trades_of(portfolio.id), Trade.status != "closed", *_matching(filters, None))
        .group_by(Trade.status)
    )
    by_status = {status: int(count) for status, count in counts}
    return portfolio_stats(closed, portfolio.initial_balance, by_status)


# Equity curve


def _point_key(point: EquityPoint) -> tuple[int, int]:
    """A point's place on the curve: (time in microseconds, trade id; 0 for the first)."""
    return ((point.time - _EPOCH) // _MICROSECOND, point.trade_id or 0)


@dataclass(frozen=True)
class EquityPage:
    points: list[EquityPoint]
    next_cursor: str | None


async def equity_page(
    db: AsyncSession,
    portfolio: Portfolio,
    *,
    since: datetime | None,
    until: datetime | None,
    cursor: str | None,
    limit: int,
) -> EquityPage:
    """The whole curve is computed (balances are cumulative from the first point whatever the
    window), then sliced: the window [since, until), then the page after the cursor's point,
    in (time, trade id) order."""
    after = decode_cursor(cursor, 2)
    trades = await _closed_trades(db, portfolio, ())
    points = [
        point
        for point in equity_points(trades, portfolio.initial_balance, portfolio.created_at)
        if (since is None or point.time >= since)
        and (until is None or point.time < until)
        and (after is None or _point_key(point) > after)
    ]
    shown = points[:limit]
    more = len(points) > limit
    return EquityPage(shown, encode_cursor(*_point_key(shown[-1])) if more else None)


# CSV export


def _export_statement(portfolio_id: int, filters: ReportFilters) -> Select[int]:
    return select(Trade.id).where(
        *_live_trades_of(portfolio_id), *_matching(filters, Trade.entry_time)
    )


async def check_export_size(db: AsyncSession, portfolio: Portfolio, filters: ReportFilters) -> int:
    """The rows the file would have; over MAX_EXPORT_ROWS is a 422 before any byte is sent."""
    count = await db.scalar(
        select(func.count()).select_from(_export_statement(portfolio.id, filters).subquery())
    )
    rows = int(count or 0)
    if rows > MAX_EXPORT_ROWS:
        raise ExportTooLargeError(
            f"{rows} trades match; at most {MAX_EXPORT_ROWS} a file (narrow the filters)"
        )
    return rows


def _plain(value: Decimal | None) -> Decimal | None:
    """As the JSON shows it: stored with 12 decimals, sent without the trailing zeros."""
    return None if value is None else Decimal(plain_decimal(value))


def _csv_row(trade: Trade, symbols: dict[int, str], tags: Sequence[str]) -> TradeCsvRow:
    return TradeCsvRow(
        id=trade.id,
        symbol=symbols.get(trade.symbol_id, ""),
        direction=trade.direction,
        status=trade.status,
        timeframe=trade.timeframe,
        pattern_type=trade.pattern_type,
        signal_id=trade.signal_id,
        entry_time=trade.entry_time,
        entry_price=Decimal(plain_decimal(trade.entry_price)),
        quantity=_plain(trade.quantity),
        stop_loss=_plain(trade.stop_loss),
        initial_stop_loss=_plain(trade.initial_stop_loss),
        take_profit=_plain(trade.take_profit),
        exit_time=trade.exit_time,
        exit_price=_plain(trade.exit_price),
        fees=Decimal(plain_decimal(trade.fees)),
        pnl=_plain(trade.pnl),
        pnl_pct=_plain(trade.pnl_pct),
        r_multiple=_plain(trade.r_multiple),
        tags=tuple(tags),
        setup_notes=trade.setup_notes,
        exit_notes=trade.exit_notes,
        lessons=trade.lessons,
    )


async def _tag_names(db: AsyncSession, trade_ids: Iterable[int]) -> dict[int, list[str]]:
    rows = await db.execute(
        select(TradeTag.trade_id, Tag.name)
        .join(Tag, Tag.id == TradeTag.tag_id)
        .where(TradeTag.trade_id.in_(list(trade_ids)))
        .order_by(Tag.name_key, Tag.id)
    )
    names: dict[int, list[str]] = {}
    for trade_id, name in rows:
        names.setdefault(trade_id, []).append(name)
    return names


async def _export_rows(
    session_factory: async_sessionmaker[AsyncSession], portfolio_id: int, filters: ReportFilters
) -> AsyncIterator[TradeCsvRow]:
    async with session_factory() as db:
        # Ordered by entry time then id; plans without an entry time last.
        ids = list(
            await db.scalars(
                _export_statement(portfolio_id, filters).order_by(
                    Trade.entry_time.is_(None), Trade.entry_time, Trade.id
                )
            )
        )
        symbols = await market.symbol_names(db)
        for start in range(0, len(ids), EXPORT_BATCH):
            batch = ids[start : start + EXPORT_BATCH]
            trades = {
                trade.id: trade
                for trade in await db.scalars(
                    select(Trade).where(Trade.id.in_(batch), Trade.deleted_at.is_(None))
                )
            }
            tags = await _tag_names(db, batch)
            for trade_id in batch:
                if trade_id in trades:  # deleted while the file streams: left out
                    yield _csv_row(trades[trade_id], symbols, tags.get(trade_id, ()))
            db.expunge_all()


async def export_lines(
    session_factory: async_sessionmaker[AsyncSession], portfolio_id: int, filters: ReportFilters
) -> AsyncIterator[str]:
    """The file as text chunks (a batch of lines each), read in its own session: the request's
    unit of work is over once the answer starts (the route checked the owner and the size)."""
    batch: list[TradeCsvRow] = []
    yield csv_header()
    async for row in _export_rows(session_factory, portfolio_id, filters):
        batch.append(row)
        if len(batch) == EXPORT_BATCH:
            yield "".join(csv_body(batch))
            batch.clear()
    if batch:
        yield "".join(csv_body(batch))
