"""Every query of the notifications tables. A user's own rows are read through statements
scoped to that user; delivery rows are written in batches (one statement per batch)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.paging import Keyset, Page, PageRequest
from cryptolens.db import update_rows_by_id, upsert_statement
from cryptolens.notifications.models import (
    ExpiryWarning,
    NotificationMute,
    NotificationPreference,
    UserNotification,
)

COUNTED_STATUSES = ("queued", "sent")


def _changed(result: object) -> int:
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


# Preferences


async def get_preferences(db: AsyncSession, user_id: int) -> NotificationPreference | None:
    return await db.get(NotificationPreference, user_id)


async def save_preferences(db: AsyncSession, row: NotificationPreference) -> None:
    db.add(row)
    await db.flush()


async def preferences_of(
    db: AsyncSession, user_ids: Sequence[int]
) -> dict[int, NotificationPreference]:
    if not user_ids:
        return {}
    rows = await db.scalars(
        select(NotificationPreference).where(NotificationPreference.user_id.in_(user_ids))
    )
    return {row.user_id: row for row in rows}


# Mutes


async def users_muting(
    db: AsyncSession, user_ids: Sequence[int], symbol: str, now: datetime
) -> set[int]:
    if not user_ids:
        return set()
    rows = await db.scalars(
        select(NotificationMute.user_id).where(
            NotificationMute.user_id.in_(user_ids),
            NotificationMute.symbol == symbol,
            NotificationMute.muted_until > now,
        )
    )
    return set(rows)


async def muted_symbols(db: AsyncSession, user_id: int, now: datetime) -> list[NotificationMute]:
    rows = await db.scalars(
        select(NotificationMute)
        .where(NotificationMute.user_id == user_id, NotificationMute.muted_until > now)
        .order_by(NotificationMute.symbol)
    )
    return list(rows)


async def mute_symbol(db: AsyncSession, user_id: int, symbol: str, until: datetime) -> None:
    statement = upsert_statement(
        db.get_bind().dialect.name,
        NotificationMute.__table__,
        ["user_id", "symbol"],
        ["muted_until"],
    )
    await db.execute(statement, [{"user_id": user_id, "symbol": symbol, "muted_until": until}])


# Deliveries


async def users_with_delivery(
    db: AsyncSession, signal_id: int, user_ids: Sequence[int]
) -> set[int]:
    if not user_ids:
        return set()
    rows = await db.scalars(
        select(UserNotification.user_id).where(
            UserNotification.signal_id == signal_id, UserNotification.user_id.in_(user_ids)
        )
    )
    return set(rows)


async def count_pushes_since(
    db: AsyncSession, user_ids: Sequence[int], since: datetime
) -> dict[int, int]:
    """Deliveries of signals queued or sent since `since`, per user (what the daily limit
    counts; broadcasts are outside it)."""
    if not user_ids:
        return {}
    rows = await db.execute(
        select(UserNotification.user_id, func.count())
        .where(
            UserNotification.user_id.in_(user_ids),
            UserNotification.signal_id.is_not(None),
            UserNotification.created_at >= since,
            UserNotification.status.in_(COUNTED_STATUSES),
        )
        .group_by(UserNotification.user_id)
    )
    return {int(user_id): int(count) for user_id, count in rows}


async def insert_deliveries(db: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """One multi-row insert; a (user, signal) pair that already has a row keeps it as is."""
    if not rows:
        return
    statement = upsert_statement(
        db.get_bind().dialect.name, UserNotification.__table__, ["user_id", "signal_id"], []
    )
    await db.execute(statement, list(rows))


def _abandoned(now: datetime, unleased_before: datetime) -> ColumnElement[bool]:
    """Claimed, and its sender gone: the lease ran out (or, for a claim written before leases
    existed, its attempt is older than `unleased_before`)."""
    return and_(
        UserNotification.claim.is_not(None),
        or_(
            UserNotification.lease_until <= now,
            and_(
                UserNotification.lease_until.is_(None),
                UserNotification.last_attempt_at <= unleased_before,
            ),
        ),
    )


def _claimable(now: datetime) -> ColumnElement[bool]:
    """Nobody holds it: unclaimed, or the holder's lease ran out."""
    return or_(
        UserNotification.claim.is_(None),
        UserNotification.lease_until.is_(None),
        UserNotification.lease_until <= now,
    )


async def claim_due(
    db: AsyncSession,
    signal_id: int,
    user_ids: Sequence[int],
    now: datetime,
    claim: str,
    lease_until: datetime,
) -> list[UserNotification]:
    """Takes the first attempt of the signal's queued, due, never-tried deliveries to these
    users: a conditional UPDATE, so a delivery is claimed by one sender only."""
    return await claim_first_attempts(
        db, UserNotification.signal_id == signal_id, user_ids, now, claim, lease_until
    )


async def claim_first_attempts(
    db: AsyncSession,
    of: ColumnElement[bool],
    user_ids: Sequence[int],
    now: datetime,
    claim: str,
    lease_until: datetime,
) -> list[UserNotification]:
    """The first attempt of the queued, due, never-tried deliveries `of` one signal or one
    broadcast to these users, taken with one conditional UPDATE (one sender each)."""
    if not user_ids:
        return []
    await db.execute(
        update(UserNotification)
        .where(
            of,
            UserNotification.user_id.in_(user_ids),
            UserNotification.status == "queued",
            UserNotification.attempts == 0,
            UserNotification.send_after <= now,
        )
        .values(attempts=1, claim=claim, lease_until=lease_until, last_attempt_at=now)
        .execution_options(synchronize_session=False)
    )
    rows = await db.scalars(
        select(UserNotification).where(
            of, UserNotification.user_id.in_(user_ids), UserNotification.claim == claim
        )
    )
    return list(rows)


async def claim_attempt(
    db: AsyncSession,
    delivery_id: int,
    expected_attempts: int,
    now: datetime,
    claim: str,
    lease_until: datetime,
) -> UserNotification | None:
    """The next attempt of one queued delivery, if nobody took it since it was scheduled and
    nobody holds it now."""
    changed = _changed(
        await db.execute(
            update(UserNotification)
            .where(
                UserNotification.id == delivery_id,
                UserNotification.status == "queued",
                UserNotification.attempts == expected_attempts,
                _claimable(now),
            )
            .values(
                attempts=expected_attempts + 1,
                claim=claim,
                lease_until=lease_until,
                last_attempt_at=now,
            )
            .execution_options(synchronize_session=False)
        )
    )
    if changed != 1:
        return None
    return await db.scalar(select(UserNotification).where(UserNotification.id == delivery_id))


async def take_over_abandoned(
    db: AsyncSession,
    signal_id: int,
    now: datetime,
    unleased_before: datetime,
    max_attempts: int,
    claim: str,
    lease_until: datetime,
) -> list[UserNotification]:
    """Claims the next attempt of the signal's deliveries whose sender died (lease run out)
    and that have attempts left: one conditional UPDATE, so one sender takes each over."""
    return await take_over_abandoned_of(
        db,
        UserNotification.signal_id == signal_id,
        now,
        unleased_before,
        max_attempts,
        claim,
        lease_until,
    )


async def take_over_abandoned_of(
    db: AsyncSession,
    of: ColumnElement[bool],
    now: datetime,
    unleased_before: datetime,
    max_attempts: int,
    claim: str,
    lease_until: datetime,
) -> list[UserNotification]:
    """take_over_abandoned for the deliveries `of` one signal or one broadcast."""
    await db.execute(
        update(UserNotification)
        .where(
            of,
            UserNotification.status == "queued",
            UserNotification.attempts < max_attempts,
            _abandoned(now, unleased_before),
        )
        .values(
            attempts=UserNotification.attempts + 1,
            claim=claim,
            lease_until=lease_until,
            last_attempt_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    rows = await db.scalars(
        select(UserNotification)
        .where(of, UserNotification.claim == claim)
        .order_by(UserNotification.id)
    )
    return list(rows)


RENEW_CHUNK_ROWS = 1000


async def renew_leases(
    db: AsyncSession, delivery_ids: Sequence[int], claim: str, lease_until: datetime
) -> None:
    """Extends the leases of the deliveries this claim still holds, by id (primary key order:
    no lock cycle with the outcomes written meanwhile)."""
    ids = sorted(delivery_ids)
    for start in range(0, len(ids), RENEW_CHUNK_ROWS):
        await db.execute(
            update(UserNotification)
            .where(
                UserNotification.id.in_(ids[start : start + RENEW_CHUNK_ROWS]),
                UserNotification.claim == claim,
            )
            .values(lease_until=lease_until)
            .execution_options(synchronize_session=False)
        )


async def stalled_deliveries(
    db: AsyncSession, now: datetime, lost_before: datetime, unleased_before: datetime, limit: int
) -> list[UserNotification]:
    """Queued deliveries nobody is sending: unclaimed and due before `lost_before` (their
    deferred job was lost), or claimed by a sender that died (oldest first)."""
    rows = await db.scalars(
        select(UserNotification)
        .where(
            UserNotification.status == "queued",
            or_(
                and_(UserNotification.claim.is_(None), UserNotification.send_after <= lost_before),
                _abandoned(now, unleased_before),
            ),
        )
        .order_by(UserNotification.send_after)
        .limit(limit)
    )
    return list(rows)


async def delete_deliveries_before(
    db: AsyncSession, statuses: Sequence[str], cutoff: datetime, batch: int = 5000
) -> int:
    """Deletes finished deliveries due before `cutoff`, in batches (a long single DELETE
    would hold its locks for the whole table scan on MariaDB)."""
    deleted = 0
    while True:
        ids = list(
            await db.scalars(
                select(UserNotification.id)
                .where(UserNotification.status.in_(statuses), UserNotification.send_after < cutoff)
                .limit(batch)
            )
        )
        if not ids:
            return deleted
        await db.execute(delete(UserNotification).where(UserNotification.id.in_(ids)))
        deleted += len(ids)


async def delete_mutes_before(db: AsyncSession, cutoff: datetime) -> int:
    return _changed(
        await db.execute(delete(NotificationMute).where(NotificationMute.muted_until < cutoff))
    )


async def get_delivery(db: AsyncSession, delivery_id: int) -> UserNotification | None:
    return await db.scalar(select(UserNotification).where(UserNotification.id == delivery_id))


async def record_outcomes(
    db: AsyncSession, changes: Sequence[dict[str, Any]], *, claim: str | None = None
) -> None:
    """Each dict holds `id` and the columns to set; a batch takes a few statements. With a
    `claim`, only rows that claim still holds change (a sender whose lease ran out and whose
    delivery was taken over records nothing)."""
    only_if = None if claim is None else UserNotification.claim == claim
    await update_rows_by_id(db, UserNotification.__table__, changes, only_if=only_if)


async def finish_stalled(db: AsyncSession, changes: Sequence[dict[str, Any]]) -> None:
    """The sweep's verdicts, on rows still queued."""
    await update_rows_by_id(
        db, UserNotification.__table__, changes, only_if=UserNotification.status == "queued"
    )


NEWEST_DELIVERY_FIRST = Keyset(UserNotification.id)


async def history(db: AsyncSession, user_id: int, request: PageRequest) -> Page[UserNotification]:
    statement = select(UserNotification).where(UserNotification.user_id == user_id)
    return await NEWEST_DELIVERY_FIRST.page(db, statement, request)


async def deliveries_of_signal(db: AsyncSession, signal_id: int) -> list[UserNotification]:
    rows = await db.scalars(
        select(UserNotification)
        .where(UserNotification.signal_id == signal_id)
        .order_by(UserNotification.user_id)
    )
    return list(rows)


# Subscription expiry warnings


async def expiry_warnings_of(
    db: AsyncSession, user_ids: Sequence[int], ending_after: datetime
) -> set[tuple[int, datetime, int]]:
    """(user, end date, days before) of the warnings recorded for these users about ends
    still ahead (older periods' warnings are history)."""
    if not user_ids:
        return set()
    rows = await db.execute(
        select(ExpiryWarning.user_id, ExpiryWarning.expires_at, ExpiryWarning.days_before).where(
            ExpiryWarning.user_id.in_(user_ids), ExpiryWarning.expires_at > ending_after
        )
    )
    return {(int(user_id), expires_at, int(days)) for user_id, expires_at, days in rows}


async def record_expiry_warnings(db: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Insert-or-ignore: a warning recorded by a concurrent run stays as it is."""
    if rows:
        statement = upsert_statement(
            db.get_bind().dialect.name,
            ExpiryWarning.__table__,
            ["user_id", "expires_at", "days_before"],
            [],
        )
        await db.execute(statement, list(rows))


async def queued_untried(
    db: AsyncSession, signal_id: int, user_ids: Sequence[int]
) -> list[UserNotification]:
    """The signal's queued deliveries to these users not tried yet (free-tier delayed)."""
    if not user_ids:
        return []
    rows = await db.scalars(
        select(UserNotification).where(
            UserNotification.signal_id == signal_id,
            UserNotification.user_id.in_(user_ids),
            UserNotification.status == "queued",
            UserNotification.attempts == 0,
        )
    )
    return list(rows)
