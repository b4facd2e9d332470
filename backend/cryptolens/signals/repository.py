"""All SQL of the signals tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, or_, select
from sqlalchemy.dialects.mysql import insert as mysql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.paging import Keyset, Page, PageRequest
from cryptolens.signals.lifecycle import OPEN_STATUSES
from cryptolens.signals.models import Signal, SignalCycle, SignalPattern
from cryptolens.signals.statistics import SignalRecord

PROGRESS_COLUMNS = (
    "status",
    "triggered_at",
    "tp1_at",
    "tp2_at",
    "tp3_at",
    "stopped_at",
    "closed_at",
    "expired_at",
    "cancelled_at",
    "outcome_r",
    "exit_price",
)


@dataclass(frozen=True)
class SignalFilters:
    symbol_ids: Sequence[int] | None = None
    direction: str | None = None
    statuses: Sequence[str] | None = None
    anchor_timeframe: str | None = None
    created_since: int | None = None


async def anchors_used(session: AsyncSession, pattern_id: int) -> bool:
    found = await session.scalar(
        select(Signal.id).where(Signal.anchor_pattern_id == pattern_id).limit(1)
    )
    return found is not None


async def add(session: AsyncSession, signal: Signal, pattern_ids: Sequence[int]) -> Signal:
    session.add(signal)
    await session.flush()
    session.add_all(
        SignalPattern(signal_id=signal.id, pattern_id=pattern_id, position=position)
        for position, pattern_id in enumerate(pattern_ids)
    )
    await session.flush()
    return signal


async def open_or_recent(
    session: AsyncSession, symbol_id: int, *, created_after: int, created_until: int
) -> list[Signal]:
    """The symbol's signals created by `created_until` that are open or were created after
    `created_after`, oldest first: what a cycle advances and what its cooldown looks at, in
    one read."""
    statement = (
        select(Signal)
        .where(
            Signal.symbol_id == symbol_id,
            Signal.created_at <= created_until,
            or_(Signal.status.in_(OPEN_STATUSES), Signal.created_at > created_after),
        )
        .order_by(Signal.created_at, Signal.id)
    )
    return list(await session.scalars(statement))


def record_of(row: Any) -> SignalRecord:
    """A signal row (or a Signal) as the statistics see it."""
    ended = row.stopped_at if row.stopped_at is not None else row.tp3_at
    ended = ended if ended is not None else row.closed_at
    return SignalRecord(row.created_at, row.triggered_at, row.tp1_at, ended, row.outcome_r)


_RECORD_COLUMNS = (
    Signal.created_at,
    Signal.triggered_at,
    Signal.tp1_at,
    Signal.stopped_at,
    Signal.tp3_at,
    Signal.closed_at,
    Signal.outcome_r,
)


async def setup_records(
    session: AsyncSession,
    *,
    created_after: int,
    created_until: int,
    symbol_id: int | None = None,
    anchor_type: str | None = None,
    anchor_timeframe: str | None = None,
) -> list[SignalRecord]:
    statement = select(*_RECORD_COLUMNS).where(
        Signal.created_at > created_after, Signal.created_at <= created_until
    )
    if symbol_id is not None:
        statement = statement.where(Signal.symbol_id == symbol_id)
    if anchor_type is not None:
        statement = statement.where(Signal.anchor_type == anchor_type)
    if anchor_timeframe is not None:
        statement = statement.where(Signal.anchor_timeframe == anchor_timeframe)
    return [record_of(row) for row in await session.execute(statement)]


async def setup_records_by_key(
    session: AsyncSession, *, created_after: int, created_until: int
) -> list[tuple[int, str, str, SignalRecord]]:
    """Every signal of the period with its setup key (symbol id, anchor type, timeframe)."""
    statement = select(
        Signal.symbol_id, Signal.anchor_type, Signal.anchor_timeframe, *_RECORD_COLUMNS
    ).where(Signal.created_at > created_after, Signal.created_at <= created_until)
    return [
        (row.symbol_id, row.anchor_type, row.anchor_timeframe, record_of(row))
        for row in await session.execute(statement)
    ]


async def get(session: AsyncSession, signal_id: int) -> Signal | None:
    return await session.get(Signal, signal_id)


async def contributing_ids(
    session: AsyncSession, signal_ids: Sequence[int]
) -> dict[int, list[int]]:
    """Signal id -> its contributing pattern ids in listing order."""
    if not signal_ids:
        return {}
    statement = (
        select(SignalPattern.signal_id, SignalPattern.pattern_id)
        .where(SignalPattern.signal_id.in_(list(signal_ids)))
        .order_by(SignalPattern.signal_id, SignalPattern.position)
    )
    found: dict[int, list[int]] = {signal_id: [] for signal_id in signal_ids}
    for signal_id, pattern_id in await session.execute(statement):
        found[signal_id].append(pattern_id)
    return found


NEWEST_FIRST = Keyset(Signal.created_at, Signal.id)


async def list_page(
    session: AsyncSession, filters: SignalFilters, request: PageRequest
) -> Page[Signal]:
    statement = select(Signal)
    if filters.symbol_ids is not None:
        statement = statement.where(Signal.symbol_id.in_(list(filters.symbol_ids)))
    if filters.direction is not None:
        statement = statement.where(Signal.direction == filters.direction)
    if filters.statuses is not None:
        statement = statement.where(Signal.status.in_(list(filters.statuses)))
    if filters.anchor_timeframe is not None:
        statement = statement.where(Signal.anchor_timeframe == filters.anchor_timeframe)
    if filters.created_since is not None:
        statement = statement.where(Signal.created_at >= filters.created_since)
    return await NEWEST_FIRST.page(session, statement, request)


async def newest_open_by_symbol(session: AsyncSession, symbol_ids: Sequence[int]) -> list[Signal]:
    """Per symbol, its newest open signal (the pattern matrix)."""
    if not symbol_ids:
        return []
    newest = (
        select(Signal.symbol_id, func.max(Signal.id).label("signal_id"))
        .where(Signal.symbol_id.in_(list(symbol_ids)), Signal.status.in_(OPEN_STATUSES))
        .group_by(Signal.symbol_id)
        .subquery()
    )
    statement = select(Signal).join(newest, Signal.id == newest.c.signal_id)
    return list(await session.scalars(statement))


async def last_cycle_at(session: AsyncSession, symbol_id: int) -> int | None:
    value = await session.scalar(
        select(SignalCycle.last_cycle_at).where(SignalCycle.symbol_id == symbol_id)
    )
    return None if value is None else int(value)


async def mark_cycle(session: AsyncSession, symbol_id: int, close: int) -> None:
    """Records a cycle at `close`, never moving the mark backwards (a re-run of an old one)."""
    table: Table = SignalCycle.__table__  # type: ignore[assignment]
    row = {"symbol_id": symbol_id, "last_cycle_at": close}
    if session.get_bind().dialect.name == "mysql":
        mysql_statement = mysql_insert(table).values(row)
        statement: Any = mysql_statement.on_duplicate_key_update(
            last_cycle_at=func.greatest(
                table.c.last_cycle_at, mysql_statement.inserted.last_cycle_at
            )
        )
    else:
        sqlite_statement = sqlite_insert(table).values(row)
        statement = sqlite_statement.on_conflict_do_update(
            index_elements=["symbol_id"],
            set_={
                "last_cycle_at": func.max(
                    table.c.last_cycle_at, sqlite_statement.excluded.last_cycle_at
                )
            },
        )
    await session.execute(statement)


async def count_created_since(
    session: AsyncSession, since_ms: int, symbol_ids: Sequence[int] | None = None
) -> int:
    statement = select(func.count()).select_from(Signal).where(Signal.created_at >= since_ms)
    if symbol_ids is not None:
        statement = statement.where(Signal.symbol_id.in_(list(symbol_ids)))
    value = await session.scalar(statement)
    return int(value or 0)
