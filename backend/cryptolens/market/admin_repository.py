"""The queries behind the admin's symbol pages: coverage per timeframe (counted by
refresh_stats) and the filtered, paged list of symbols."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.paging import Keyset, Page, PageRequest
from cryptolens.market.models import Candle, Symbol, SymbolCoverage

NEWEST_FIRST = Keyset(Symbol.id)


@dataclass(frozen=True, slots=True)
class CandleSpan:
    """One symbol's candles of one timeframe: the first and last open time and their count."""

    symbol_id: int
    first_open_time: int
    last_open_time: int
    candle_count: int


# -- coverage ---------------------------------------------------------------------------------


async def candle_spans(session: AsyncSession, timeframe: str) -> list[CandleSpan]:
    """Every symbol's span of `timeframe`, in one grouped query (never one per symbol)."""
    statement = (
        select(
            Candle.symbol_id,
            func.min(Candle.open_time),
            func.max(Candle.open_time),
            func.count(),
        )
        .where(Candle.timeframe == timeframe)
        .group_by(Candle.symbol_id)
    )
    return [
        CandleSpan(int(symbol_id), int(first), int(last), int(count))
        for symbol_id, first, last, count in await session.execute(statement)
    ]


async def all_symbol_ids(session: AsyncSession) -> list[int]:
    return list(await session.scalars(select(Symbol.id).order_by(Symbol.id)))


async def replace_coverage(
    session: AsyncSession, rows: Sequence[dict[str, object]], computed_at: datetime
) -> None:
    """The whole table replaced by `rows` (symbol_id, timeframe, first/last open time,
    candle_count, coverage): timeframes no longer configured leave with the old rows."""
    await session.execute(delete(SymbolCoverage))
    if rows:
        await session.execute(
            insert(SymbolCoverage), [{**row, "computed_at": computed_at} for row in rows]
        )


async def coverage_of(
    session: AsyncSession, symbol_ids: Sequence[int]
) -> dict[int, list[SymbolCoverage]]:
    if not symbol_ids:
        return {}
    rows = await session.scalars(
        select(SymbolCoverage).where(SymbolCoverage.symbol_id.in_(list(symbol_ids)))
    )
    found: dict[int, list[SymbolCoverage]] = {}
    for row in rows:
        found.setdefault(row.symbol_id, []).append(row)
    return found


# -- the admin's list -------------------------------------------------------------------------


async def list_symbols_page(
    session: AsyncSession,
    request: PageRequest,
    *,
    exchange: str,
    is_active: bool | None,
    name_contains: str | None,
) -> Page[Symbol]:
    """The exchange's symbols, newest added first; `name_contains` matches the ccxt name
    (stored upper case)."""
    statement = select(Symbol).where(Symbol.exchange == exchange)
    if is_active is not None:
        statement = statement.where(Symbol.is_active.is_(is_active))
    if name_contains:
        statement = statement.where(Symbol.symbol.contains(name_contains, autoescape=True))
    return await NEWEST_FIRST.page(session, statement, request)


async def symbol_names(session: AsyncSession, exchange: str) -> set[str]:
    """Every symbol name stored for the exchange, active or not."""
    return set(await session.scalars(select(Symbol.symbol).where(Symbol.exchange == exchange)))
