"""The API's reads of patterns: filters, tier limits (symbols, types, history) and pages, the
matrix cells and the counts the metrics show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.history import plan_history_page
from cryptolens.access.user_access import UserAccess
from cryptolens.core.errors import NotFoundError
from cryptolens.core.paging import Page, PageQuery
from cryptolens.db import to_ms
from cryptolens.market import service as market
from cryptolens.market.schemas import symbol_names_context
from cryptolens.patterns import repository, stats_repository
from cryptolens.patterns.models import Pattern
from cryptolens.patterns.repository import PatternFilters
from cryptolens.patterns.schemas import PatternOut
from cryptolens.patterns.stored import TYPE_ORDER

# In the rules' type order (stored.TYPE_ORDER), which also breaks the matrix's ties.
ALL_PATTERN_TYPES = tuple(TYPE_ORDER)


@dataclass(frozen=True)
class PatternQuery:
    symbol: str | None = None
    timeframe: str | None = None
    type: str | None = None
    direction: str | None = None
    status: str | None = None
    since_ms: int | None = None


def pattern_out(pattern: Pattern, names: dict[int, str]) -> PatternOut:
    return PatternOut.model_validate(pattern, context=symbol_names_context(names))


async def list_patterns(
    session: AsyncSession,
    access: UserAccess,
    query: PatternQuery,
    page: PageQuery,
    now: datetime,
) -> Page[PatternOut]:
    names = await market.symbol_names(session)
    ids_by_name = {name: symbol_id for symbol_id, name in names.items()}

    if query.symbol is not None:
        symbol = await market.find_symbol(session, query.symbol)
        access.require_symbol(symbol.symbol)
        symbol_ids: list[int] | None = [symbol.id]
    else:
        followed = access.followed_symbols
        symbol_ids = (
            None
            if followed is None
            else [ids_by_name[name] for name in followed if name in ids_by_name]
        )
    if query.type is not None:
        access.require_pattern_type(query.type)
        types = [query.type]
    else:
        types = access.visible_pattern_types(ALL_PATTERN_TYPES)

    request = plan_history_page(
        access, "patterns", since_ms=query.since_ms, cursor=page.cursor, limit=page.limit, now=now
    )
    filters = PatternFilters(
        symbol_ids=symbol_ids,
        timeframe=query.timeframe,
        types=types,
        direction=query.direction,
        status=query.status,
        confirmed_since=request.since_ms,
    )
    rows = await repository.list_page(session, filters, request)
    return rows.map(lambda pattern: pattern_out(pattern, names))


async def get_pattern(
    session: AsyncSession, access: UserAccess, pattern_id: int, now: datetime
) -> PatternOut:
    pattern = await repository.get(session, pattern_id)
    names = await market.symbol_names(session)
    # Outside the tier's view is "not found", like another user's object.
    if pattern is None or not _visible(pattern, names, access, now):
        raise NotFoundError("Pattern not found")
    return pattern_out(pattern, names)


def _visible(pattern: Pattern, names: dict[int, str], access: UserAccess, now: datetime) -> bool:
    symbol = names.get(pattern.symbol_id, "")
    return shows_pattern(access, symbol, pattern.type, pattern.confirmed_at, now)


def shows_pattern(
    access: UserAccess, symbol: str, pattern_type: str, confirmed_at: int, now: datetime
) -> bool:
    """Whether the caller's reads show a pattern (also the live stream's test, on the event's
    object: signals/stream_viewer.py)."""
    if not access.allows_symbol(symbol):
        return False
    if not access.allows_pattern_type(pattern_type):
        return False
    oldest = access.history_start("patterns", now)
    return oldest is None or confirmed_at >= to_ms(oldest)


async def active_counts(session: AsyncSession) -> dict[tuple[str, str], int]:
    """Active patterns by (type, timeframe), for the metrics gauge."""
    return await repository.active_counts(session)


@dataclass(frozen=True)
class MatrixCellData:
    newest: Pattern | None
    bullish: int
    bearish: int


async def matrix_cells(
    session: AsyncSession, symbol_ids: list[int], types: list[str], now_ms: int
) -> dict[tuple[int, str], MatrixCellData]:
    """Per (symbol, timeframe): the newest active pattern (formed_at, ties by type order) and
    the active counts per direction (docs/rules/signals.md, "Pattern matrix")."""
    cells: dict[tuple[int, str], MatrixCellData] = {}
    for pattern in await repository.active_in(session, symbol_ids, types, now_ms):
        key = (pattern.symbol_id, pattern.timeframe)
        cell = cells.get(key, MatrixCellData(None, 0, 0))
        newest = cell.newest
        if newest is None or (pattern.formed_at, -TYPE_ORDER[pattern.type]) > (
            newest.formed_at,
            -TYPE_ORDER[newest.type],
        ):
            newest = pattern
        cells[key] = MatrixCellData(
            newest,
            cell.bullish + (pattern.direction == "bullish"),
            cell.bearish + (pattern.direction == "bearish"),
        )
    return cells


async def patterns_out(session: AsyncSession, pattern_ids: list[int]) -> list[PatternOut]:
    """The patterns in the given order (e.g. a signal's contributing patterns)."""
    names = await market.symbol_names(session)
    found = {p.id: p for p in await repository.by_ids_full(session, pattern_ids)}
    return [pattern_out(found[i], names) for i in pattern_ids if i in found]


async def active_by_direction(
    session: AsyncSession,
    *,
    symbol_ids: list[int] | None = None,
    types: list[str] | None = None,
    confirmed_since: int | None = None,
) -> dict[tuple[str, str], int]:
    """Active patterns by (type, direction); the filters narrow it to what a tier shows."""
    return await repository.active_by_direction(
        session, symbol_ids=symbol_ids, types=types, confirmed_since=confirmed_since
    )


async def patterns_confirmed_per_day(session: AsyncSession, since_ms: int) -> dict[date, int]:
    """Patterns confirmed at or after `since_ms`, by UTC day of confirmed_at (the admin
    stats)."""
    return await stats_repository.count_confirmed_per_day(session, since_ms)
