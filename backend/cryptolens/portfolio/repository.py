"""Every query of the portfolio tables, scoped to the owner: another user's id reads as
missing. Deleted portfolios and trades leave every read; a trade of a deleted portfolio too."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, Select, and_, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.errors import ValidationFailedError
from cryptolens.core.paging import Page, PageRequest, SortKey, keyset_page
from cryptolens.portfolio.models import Portfolio, Tag, Trade, TradeTag


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
    """Deleted trades (and those of deleted portfolios) included: the limit counts creations.
    A locking read: it sees the latest committed trades even when the transaction's snapshot
    is older (MariaDB's repeatable read), so a count taken under the user's lock is current."""
    count = await db.scalar(
        select(func.count())
        .select_from(Trade)
        .where(Trade.user_id == user_id, Trade.created_at >= since)
        .with_for_update(read=True)
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
    # Every stored symbol of one name (it may be on the exchange and in replay).
    symbol_ids: tuple[int, ...] | None = None
    direction: str | None = None
    signal_id: int | None = None
    tag_id: int | None = None
    since: datetime | None = None  # entry_time at or after
    until: datetime | None = None  # entry_time before


# The trade list's order, newest first: plans without an entry time, then entry_time, then id,
# all descending. A sort key is (1 if undated else 0, entry_time in microseconds from year 1,
# id): whole numbers, as a cursor carries them, exact to the stored microsecond.
_TIME_ZERO = datetime(1, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def trade_sort_key(trade: Trade) -> SortKey:
    if trade.entry_time is None:
        return (1, 0, trade.id)
    return (0, (trade.entry_time - _TIME_ZERO) // _MICROSECOND, trade.id)


_LAST_MICROS = (datetime.max.replace(tzinfo=UTC) - _TIME_ZERO) // _MICROSECOND


def _past(after: SortKey) -> ColumnElement[bool]:
    """The trades listed after the one whose sort key is `after`."""
    undated, micros, trade_id = after
    if undated not in (0, 1) or micros > _LAST_MICROS:
        raise ValidationFailedError("cursor: not a cursor this API returned")
    if undated:
        return or_(
            and_(Trade.entry_time.is_(None), Trade.id < trade_id), Trade.entry_time.is_not(None)
        )
    moment = _TIME_ZERO + micros * _MICROSECOND
    return and_(
        Trade.entry_time.is_not(None),
        or_(Trade.entry_time < moment, and_(Trade.entry_time == moment, Trade.id < trade_id)),
    )


async def trades_page(
    db: AsyncSession,
    user_id: int,
    portfolio_id: int,
    filters: TradeFilters,
    request: PageRequest,
) -> Page[Trade]:
    """One page of the portfolio's live trades, newest first (trade_sort_key)."""
    statement = _live_trades(user_id).where(Trade.portfolio_id == portfolio_id)
    if filters.status is not None:
        statement = statement.where(Trade.status == filters.status)
    if filters.symbol_ids is not None:
        statement = statement.where(Trade.symbol_id.in_(filters.symbol_ids))
    if filters.direction is not None:
        statement = statement.where(Trade.direction == filters.direction)
    if filters.signal_id is not None:
        statement = statement.where(Trade.signal_id == filters.signal_id)
    if filters.tag_id is not None:
        tagged = select(TradeTag.trade_id).where(TradeTag.tag_id == filters.tag_id)
        statement = statement.where(Trade.id.in_(tagged))
    if filters.since is not None:
        statement = statement.where(Trade.entry_time >= filters.since)
    if filters.until is not None:
        statement = statement.where(Trade.entry_time < filters.until)
    if request.after is not None:
        statement = statement.where(_past(request.after))
    statement = statement.order_by(
        Trade.entry_time.is_(None).desc(), Trade.entry_time.desc(), Trade.id.desc()
    ).limit(request.fetch_limit)
    rows = list(await db.scalars(statement))
    return keyset_page(rows, request, trade_sort_key)


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


# Tags


def _tags(user_id: int) -> Select[Tag]:
    return select(Tag).where(Tag.user_id == user_id)


async def tags_of(db: AsyncSession, user_id: int) -> list[Tag]:
    return list(await db.scalars(_tags(user_id).order_by(Tag.name_key, Tag.id)))


async def owned_tag(
    db: AsyncSession, user_id: int, tag_id: int, *, for_update: bool = False
) -> Tag | None:
    statement = _tags(user_id).where(Tag.id == tag_id)
    if for_update:
        statement = statement.with_for_update()
    return await db.scalar(statement)


async def owned_tags(db: AsyncSession, user_id: int, tag_ids: Iterable[int]) -> list[Tag]:
    """Those of `tag_ids` that are the user's tags (another user's read as missing), share-
    locked: a tag being put on a trade cannot be deleted before this unit of work ends (its
    trade_tags row would then break the foreign key)."""
    wanted = list(tag_ids)
    if not wanted:
        return []
    statement = _tags(user_id).where(Tag.id.in_(wanted)).with_for_update(read=True)
    return list(await db.scalars(statement))


async def tag_named(db: AsyncSession, user_id: int, name_key: str) -> Tag | None:
    return await db.scalar(_tags(user_id).where(Tag.name_key == name_key))


async def count_tags(db: AsyncSession, user_id: int) -> int:
    count = await db.scalar(select(func.count()).select_from(Tag).where(Tag.user_id == user_id))
    return int(count or 0)


async def tags_on_trades(db: AsyncSession, trade_ids: Sequence[int]) -> dict[int, list[Tag]]:
    """Per trade id, its tags by name."""
    found: dict[int, list[Tag]] = {trade_id: [] for trade_id in trade_ids}
    if not trade_ids:
        return found
    rows = await db.execute(
        select(TradeTag.trade_id, Tag)
        .join(Tag, Tag.id == TradeTag.tag_id)
        .where(TradeTag.trade_id.in_(list(trade_ids)))
        .order_by(Tag.name_key, Tag.id)
    )
    for trade_id, tag in rows:
        found[trade_id].append(tag)
    return found


async def set_trade_tags(db: AsyncSession, trade_id: int, tag_ids: Sequence[int]) -> None:
    """The trade's tags become exactly `tag_ids` (already checked to be the owner's)."""
    await db.execute(delete(TradeTag).where(TradeTag.trade_id == trade_id))
    db.add_all(TradeTag(trade_id=trade_id, tag_id=tag_id) for tag_id in tag_ids)
    await db.flush()


async def delete_tag(db: AsyncSession, tag: Tag) -> None:
    """The tag, and with it its place on every trade (the foreign key would cascade too)."""
    await db.execute(delete(TradeTag).where(TradeTag.tag_id == tag.id))
    await db.delete(tag)
    await db.flush()
