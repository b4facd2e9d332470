"""All SQL of the patterns table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.paging import Keyset, Page, PageRequest
from cryptolens.core.timeframes import MINUTE_MS
from cryptolens.db import upsert_statement, utcnow
from cryptolens.patterns.models import Pattern
from cryptolens.patterns.stored import STORED_COLUMNS, StoredPattern

UNIQUE_KEY = ("symbol_id", "timeframe", "type", "direction", "formed_at")
LIFECYCLE_COLUMNS = ("status", "touched_at", "fill_pct", "filled_at", "invalidated_at")


@dataclass(frozen=True)
class PatternFilters:
    symbol_ids: Sequence[int] | None = None
    timeframe: str | None = None
    types: Sequence[str] | None = None
    direction: str | None = None
    status: str | None = None
    confirmed_since: int | None = None


def _stored() -> Select[Any]:
    return select(*(getattr(Pattern, name) for name in STORED_COLUMNS))


async def _read(session: AsyncSession, statement: Select[Any]) -> list[StoredPattern]:
    return [StoredPattern(*row) for row in await session.execute(statement)]


def _alive_statement() -> Select[Any]:
    # Built once: a cycle runs this every minute, and building the expression costs more
    # than running it.
    start: BindParameter[int] = bindparam("start")
    end: BindParameter[int] = bindparam("end")
    not_ended: BindParameter[int] = bindparam("not_ended")
    return (
        _stored()
        .where(
            Pattern.symbol_id == bindparam("symbol_id"),
            Pattern.expires_at > start,
            Pattern.confirmed_at <= end,
            or_(Pattern.filled_at.is_(None), Pattern.filled_at > not_ended),
            or_(Pattern.invalidated_at.is_(None), Pattern.invalidated_at > not_ended),
        )
        .order_by(Pattern.formed_at, Pattern.id)
    )


_ALIVE = _alive_statement()


async def alive_between(
    session: AsyncSession, symbol_id: int, start: int, end: int
) -> list[StoredPattern]:
    """Patterns of the symbol confirmed by `end` and not yet ended (expired, filled or
    invalidated) at `start`, oldest first: every pattern active at some instant of
    [start, end], and every one a cycle closing at `end` after `start` must advance."""
    rows = await session.execute(
        _ALIVE,
        {"symbol_id": symbol_id, "start": start, "end": end, "not_ended": start - MINUTE_MS},
    )
    return [StoredPattern(*row) for row in rows]


async def formed_between(
    session: AsyncSession, symbol_id: int, timeframe: str | None, first: int, last: int
) -> list[StoredPattern]:
    """The symbol's patterns formed in [first, last], of one timeframe or (None) all."""
    statement = _stored().where(
        Pattern.symbol_id == symbol_id,
        Pattern.formed_at >= first,
        Pattern.formed_at <= last,
    )
    if timeframe is not None:
        statement = statement.where(Pattern.timeframe == timeframe)
    statement = statement.order_by(Pattern.formed_at, Pattern.id)
    return await _read(session, statement)


async def insert_new(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Inserts patterns; one already stored under the unique key is left untouched."""
    if not rows:
        return
    now = utcnow()
    dialect = session.get_bind().dialect.name
    statement = upsert_statement(dialect, Pattern.__table__, UNIQUE_KEY, ())
    await session.execute(
        statement, [{**row, "created_at": now, "updated_at": now} for row in rows]
    )


async def save_lifecycles(session: AsyncSession, changes: Sequence[dict[str, Any]]) -> None:
    """Bulk update: each dict has `pattern_id` and the lifecycle columns."""
    if not changes:
        return
    table = Pattern.__table__
    statement = (
        update(table)  # type: ignore[arg-type]
        .where(table.c.id == bindparam("pattern_id"))
        .values(
            {
                **{name: bindparam(name) for name in (*LIFECYCLE_COLUMNS, "expired_at")},
                "updated_at": utcnow(),
            }
        )
    )
    connection = await session.connection()
    await connection.execute(statement, list(changes))


async def final_events(session: AsyncSession, pattern_ids: Sequence[int]) -> dict[int, int | None]:
    """Pattern id -> open time of the candle that filled or invalidated it (None if none)."""
    if not pattern_ids:
        return {}
    statement = select(Pattern.id, Pattern.filled_at, Pattern.invalidated_at).where(
        Pattern.id.in_(list(pattern_ids))
    )
    return {
        pattern_id: filled if filled is not None else invalidated
        for pattern_id, filled, invalidated in await session.execute(statement)
    }


async def by_ids(session: AsyncSession, pattern_ids: Sequence[int]) -> list[StoredPattern]:
    if not pattern_ids:
        return []
    return await _read(session, _stored().where(Pattern.id.in_(list(pattern_ids))))


async def get(session: AsyncSession, pattern_id: int) -> Pattern | None:
    return await session.get(Pattern, pattern_id)


NEWEST_CONFIRMED_FIRST = Keyset(Pattern.confirmed_at, Pattern.id)


async def list_page(
    session: AsyncSession, filters: PatternFilters, request: PageRequest
) -> Page[Pattern]:
    statement = select(Pattern)
    if filters.symbol_ids is not None:
        statement = statement.where(Pattern.symbol_id.in_(filters.symbol_ids))
    if filters.timeframe is not None:
        statement = statement.where(Pattern.timeframe == filters.timeframe)
    if filters.types is not None:
        statement = statement.where(Pattern.type.in_(filters.types))
    if filters.direction is not None:
        statement = statement.where(Pattern.direction == filters.direction)
    if filters.status is not None:
        statement = statement.where(Pattern.status == filters.status)
    if filters.confirmed_since is not None:
        statement = statement.where(Pattern.confirmed_at >= filters.confirmed_since)
    return await NEWEST_CONFIRMED_FIRST.page(session, statement, request)


async def expire_unwatched(session: AsyncSession, now_ms: int, watched: Sequence[int]) -> int:
    """Expires active patterns past their expiry on symbols no cycle follows any more (a
    followed symbol's patterns expire in its cycle, after their price path is evaluated)."""
    statement = (
        update(Pattern)
        .where(Pattern.status == "active", Pattern.expires_at <= now_ms)
        .values(status="expired", expired_at=Pattern.expires_at)
    )
    if watched:
        statement = statement.where(Pattern.symbol_id.not_in(watched))
    result = await session.execute(statement)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def active_counts(session: AsyncSession) -> dict[tuple[str, str], int]:
    """Active patterns counted by (type, timeframe)."""
    statement = (
        select(Pattern.type, Pattern.timeframe, func.count())
        .where(Pattern.status == "active")
        .group_by(Pattern.type, Pattern.timeframe)
    )
    rows = await session.execute(statement)
    return {(pattern_type, timeframe): int(count) for pattern_type, timeframe, count in rows}


async def active_in(
    session: AsyncSession, symbol_ids: Sequence[int], types: Sequence[str], now_ms: int
) -> list[Pattern]:
    """Active patterns of these symbols and types at `now_ms` (confirmed, not expired)."""
    if not symbol_ids or not types:
        return []
    statement = select(Pattern).where(
        Pattern.symbol_id.in_(list(symbol_ids)),
        Pattern.status == "active",
        Pattern.type.in_(list(types)),
        Pattern.confirmed_at <= now_ms,
        Pattern.expires_at > now_ms,
    )
    return list(await session.scalars(statement))


async def by_ids_full(session: AsyncSession, pattern_ids: Sequence[int]) -> list[Pattern]:
    if not pattern_ids:
        return []
    return list(await session.scalars(select(Pattern).where(Pattern.id.in_(list(pattern_ids)))))


async def active_by_direction(
    session: AsyncSession,
    *,
    symbol_ids: Sequence[int] | None = None,
    types: Sequence[str] | None = None,
    confirmed_since: int | None = None,
) -> dict[tuple[str, str], int]:
    """Active patterns by (type, direction), narrowed to a tier's view when asked."""
    statement = select(Pattern.type, Pattern.direction, func.count()).where(
        Pattern.status == "active"
    )
    if symbol_ids is not None:
        statement = statement.where(Pattern.symbol_id.in_(list(symbol_ids)))
    if types is not None:
        statement = statement.where(Pattern.type.in_(list(types)))
    if confirmed_since is not None:
        statement = statement.where(Pattern.confirmed_at >= confirmed_since)
    statement = statement.group_by(Pattern.type, Pattern.direction)
    rows = await session.execute(statement)
    return {(pattern_type, direction): int(count) for pattern_type, direction, count in rows}
