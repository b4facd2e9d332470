"""Every query of the error tracking tables.

Capturing is written as single statements that read and change a row at once (insert-or-ignore,
`count = count + 1`, a status changed only where it still is what it was), so concurrent
captures of one failure never lose a count, on MariaDB as on SQLite.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, delete, func, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.paging import Page, PageRequest, keyset_page
from cryptolens.db import upsert_statement
from cryptolens.system.errors.models import ErrorDailyCount, ErrorGroup, ErrorOccurrence
from cryptolens.system.errors.schemas import ErrorFilters

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


# --- Capturing ------------------------------------------------------------------------------


async def insert_group_if_new(session: AsyncSession, values: dict[str, Any]) -> None:
    statement = upsert_statement(_dialect(session), ErrorGroup.__table__, ["fingerprint"], [])
    await session.execute(statement.values(**values))


async def regress_if_resolved(session: AsyncSession, fingerprint: str, now: datetime) -> bool:
    """A resolved group seen again is new again; True if this one was."""
    result = await session.execute(
        update(ErrorGroup)
        .where(ErrorGroup.fingerprint == fingerprint, ErrorGroup.status == "resolved")
        .values(status="new", regressed_at=now, status_changed_at=now, status_changed_by=None)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


async def group_state(session: AsyncSession, fingerprint: str) -> tuple[int, str] | None:
    row = (
        await session.execute(
            select(ErrorGroup.id, ErrorGroup.status).where(ErrorGroup.fingerprint == fingerprint)
        )
    ).one_or_none()
    return None if row is None else (int(row.id), str(row.status))


async def count_occurrence(
    session: AsyncSession, group_id: int, now: datetime, latest: dict[str, str] | None
) -> None:
    """One more occurrence; `latest` (message, traceback) replaces the group's when given."""
    values: dict[str, Any] = {
        "occurrence_count": ErrorGroup.occurrence_count + 1,
        # Clocks of several processes: last_seen never moves back.
        "last_seen": _later_of(ErrorGroup.last_seen, now),
    }
    if latest is not None:
        values.update(latest)
    await session.execute(
        update(ErrorGroup)
        .where(ErrorGroup.id == group_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


def _later_of(column: Any, moment: datetime) -> Any:
    bound = literal(moment, ErrorGroup.__table__.c.last_seen.type)
    return case((column < bound, bound), else_=column)


async def count_day(session: AsyncSession, group_id: int, day: date) -> None:
    table = ErrorDailyCount.__table__
    insert = upsert_statement(_dialect(session), table, ["group_id", "day"], [])
    await session.execute(insert.values(group_id=group_id, day=day, occurrences=0))
    await session.execute(
        update(ErrorDailyCount)
        .where(ErrorDailyCount.group_id == group_id, ErrorDailyCount.day == day)
        .values(occurrences=ErrorDailyCount.occurrences + 1)
        .execution_options(synchronize_session=False)
    )


async def add_occurrence(session: AsyncSession, occurrence: ErrorOccurrence) -> None:
    session.add(occurrence)
    await session.flush()


async def keep_latest_occurrences(session: AsyncSession, group_id: int, kept: int) -> None:
    """Deletes the group's occurrences older than its `kept` newest."""
    oldest_kept = await session.scalar(
        select(ErrorOccurrence.id)
        .where(ErrorOccurrence.group_id == group_id)
        .order_by(ErrorOccurrence.id.desc())
        .offset(kept - 1)
        .limit(1)
    )
    if oldest_kept is None:
        return
    await session.execute(
        delete(ErrorOccurrence)
        .where(ErrorOccurrence.group_id == group_id, ErrorOccurrence.id < oldest_kept)
        .execution_options(synchronize_session=False)
    )


# --- Reading --------------------------------------------------------------------------------


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def _key(group: ErrorGroup) -> tuple[int, ...]:
    return (_micros(group.last_seen), group.id)


async def list_page(
    session: AsyncSession, filters: ErrorFilters, request: PageRequest
) -> Page[ErrorGroup]:
    """Groups seen last first (last_seen, then id, descending)."""
    if request.limit == 0:
        return Page([])
    statement = select(ErrorGroup)
    if filters.status is not None:
        statement = statement.where(ErrorGroup.status == filters.status)
    if filters.source is not None:
        statement = statement.where(ErrorGroup.source == filters.source)
    if filters.q:
        statement = statement.where(
            or_(
                ErrorGroup.error_type.icontains(filters.q, autoescape=True),
                ErrorGroup.message.icontains(filters.q, autoescape=True),
            )
        )
    if filters.since is not None:
        statement = statement.where(ErrorGroup.last_seen >= filters.since)
    if request.after is not None:
        seen = _EPOCH + request.after[0] * _MICROSECOND
        statement = statement.where(
            or_(
                ErrorGroup.last_seen < seen,
                and_(ErrorGroup.last_seen == seen, ErrorGroup.id < request.after[1]),
            )
        )
    statement = statement.order_by(ErrorGroup.last_seen.desc(), ErrorGroup.id.desc())
    rows = (await session.scalars(statement.limit(request.fetch_limit))).all()
    return keyset_page(rows, request, _key)


async def get(session: AsyncSession, group_id: int) -> ErrorGroup | None:
    return await session.get(ErrorGroup, group_id)


async def get_for_update(session: AsyncSession, group_id: int) -> ErrorGroup | None:
    return await session.scalar(
        select(ErrorGroup).where(ErrorGroup.id == group_id).with_for_update()
    )


async def occurrences_of(session: AsyncSession, group_id: int) -> list[ErrorOccurrence]:
    rows = await session.scalars(
        select(ErrorOccurrence)
        .where(ErrorOccurrence.group_id == group_id)
        .order_by(ErrorOccurrence.id.desc())
    )
    return list(rows.all())


async def daily_counts_of(
    session: AsyncSession, group_id: int, since: date
) -> list[ErrorDailyCount]:
    rows = await session.scalars(
        select(ErrorDailyCount)
        .where(ErrorDailyCount.group_id == group_id, ErrorDailyCount.day >= since)
        .order_by(ErrorDailyCount.day)
    )
    return list(rows.all())


async def occurrences_per_day(session: AsyncSession, since: date) -> dict[date, int]:
    rows = await session.execute(
        select(ErrorDailyCount.day, func.sum(ErrorDailyCount.occurrences))
        .where(ErrorDailyCount.day >= since)
        .group_by(ErrorDailyCount.day)
    )
    return {row[0]: int(row[1] or 0) for row in rows.all()}


async def first_seen_since(session: AsyncSession, since: datetime) -> Sequence[datetime]:
    """first_seen of the groups first seen at or after `since` (counted per day by the caller:
    a date of a datetime column is not portable SQL)."""
    rows = await session.scalars(
        select(ErrorGroup.first_seen).where(ErrorGroup.first_seen >= since)
    )
    return rows.all()


async def groups_by_status(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(
        select(ErrorGroup.status, func.count()).group_by(ErrorGroup.status)
    )
    return {str(row[0]): int(row[1]) for row in rows.all()}


async def top_groups(
    session: AsyncSession, since: date, limit: int
) -> list[tuple[ErrorGroup, int]]:
    """The groups with the most occurrences since `since`, most first."""
    total = func.sum(ErrorDailyCount.occurrences).label("total")
    counted = (
        select(ErrorDailyCount.group_id, total)
        .where(ErrorDailyCount.day >= since)
        .group_by(ErrorDailyCount.group_id)
        .subquery()
    )
    rows = await session.execute(
        select(ErrorGroup, counted.c.total)
        .join(counted, counted.c.group_id == ErrorGroup.id)
        .order_by(counted.c.total.desc(), ErrorGroup.id.desc())
        .limit(limit)
    )
    return [(row[0], int(row[1] or 0)) for row in rows.all()]


# --- Retention ------------------------------------------------------------------------------


async def delete_resolved_unseen_since(session: AsyncSession, cutoff: datetime) -> int:
    ids = list(
        (
            await session.scalars(
                select(ErrorGroup.id).where(
                    ErrorGroup.status == "resolved", ErrorGroup.last_seen < cutoff
                )
            )
        ).all()
    )
    if not ids:
        return 0
    for table in (ErrorOccurrence, ErrorDailyCount):
        await session.execute(
            delete(table)
            .where(table.group_id.in_(ids))
            .execution_options(synchronize_session=False)
        )
    await session.execute(
        delete(ErrorGroup)
        .where(ErrorGroup.id.in_(ids))
        .execution_options(synchronize_session=False)
    )
    return len(ids)
