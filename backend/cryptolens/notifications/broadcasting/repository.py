"""Every query of the broadcast tables, and of the delivery rows that belong to broadcasts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.paging import Keyset, Page, PageRequest
from cryptolens.db import upsert_statement
from cryptolens.notifications.models import Broadcast, BroadcastTemplate, UserNotification
from cryptolens.notifications.repository import claim_first_attempts, take_over_abandoned_of

FAILURES_KEPT = 10


def _changed(result: object) -> int:
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


# Templates

TEMPLATES_NEWEST_FIRST = Keyset(BroadcastTemplate.id)


async def add_template(db: AsyncSession, template: BroadcastTemplate) -> BroadcastTemplate:
    db.add(template)
    await db.flush()
    return template


async def get_template(db: AsyncSession, template_id: int) -> BroadcastTemplate | None:
    return await db.get(BroadcastTemplate, template_id)


async def template_named(db: AsyncSession, name: str) -> BroadcastTemplate | None:
    return await db.scalar(select(BroadcastTemplate).where(BroadcastTemplate.name == name))


async def list_templates(
    db: AsyncSession, is_active: bool | None, request: PageRequest
) -> Page[BroadcastTemplate]:
    statement = select(BroadcastTemplate)
    if is_active is not None:
        statement = statement.where(BroadcastTemplate.is_active == is_active)
    return await TEMPLATES_NEWEST_FIRST.page(db, statement, request)


async def delete_template(db: AsyncSession, template: BroadcastTemplate) -> None:
    await db.delete(template)
    await db.flush()


async def count_template_use(db: AsyncSession, template_id: int, now: datetime) -> None:
    """One more use, counted in the database (two admins at once both count)."""
    await db.execute(
        update(BroadcastTemplate)
        .where(BroadcastTemplate.id == template_id)
        .values(times_used=BroadcastTemplate.times_used + 1, last_used_at=now)
        .execution_options(synchronize_session=False)
    )


# Broadcasts

BROADCASTS_NEWEST_FIRST = Keyset(Broadcast.id)


async def add_broadcast(db: AsyncSession, broadcast: Broadcast) -> Broadcast:
    db.add(broadcast)
    await db.flush()
    return broadcast


async def get_broadcast(db: AsyncSession, broadcast_id: int) -> Broadcast | None:
    return await db.scalar(select(Broadcast).where(Broadcast.id == broadcast_id))


async def list_broadcasts(
    db: AsyncSession, status: str | None, since: datetime | None, request: PageRequest
) -> Page[Broadcast]:
    statement = select(Broadcast)
    if status is not None:
        statement = statement.where(Broadcast.status == status)
    if since is not None:
        statement = statement.where(Broadcast.created_at >= since)
    return await BROADCASTS_NEWEST_FIRST.page(db, statement, request)


async def move_status(
    db: AsyncSession, broadcast_id: int, origin: str, values: dict[str, Any]
) -> bool:
    """One conditional UPDATE: the transition happens once, whoever races for it."""
    result = await db.execute(
        update(Broadcast)
        .where(Broadcast.id == broadcast_id, Broadcast.status == origin)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return _changed(result) == 1


async def due_scheduled(db: AsyncSession, due_before: datetime) -> list[int]:
    rows = await db.scalars(
        select(Broadcast.id)
        .where(Broadcast.status == "scheduled", Broadcast.scheduled_for < due_before)
        .order_by(Broadcast.scheduled_for, Broadcast.id)
    )
    return list(rows)


async def sending(db: AsyncSession) -> list[Broadcast]:
    rows = await db.scalars(
        select(Broadcast).where(Broadcast.status == "sending").order_by(Broadcast.id)
    )
    return list(rows)


async def mark_fanned_out(db: AsyncSession, broadcast_id: int, now: datetime) -> None:
    await db.execute(
        update(Broadcast)
        .where(Broadcast.id == broadcast_id, Broadcast.fanned_out_at.is_(None))
        .values(fanned_out_at=now)
        .execution_options(synchronize_session=False)
    )


# Delivery rows of broadcasts


@dataclass(frozen=True)
class Totals:
    recipients: int
    sent: int
    failed: int
    skipped: int
    queued: int


async def totals(db: AsyncSession, broadcast_id: int) -> Totals:
    rows = await db.execute(
        select(UserNotification.status, func.count())
        .where(UserNotification.broadcast_id == broadcast_id)
        .group_by(UserNotification.status)
    )
    counts = {str(status): int(count) for status, count in rows}
    return Totals(
        recipients=sum(counts.values()),
        sent=counts.get("sent", 0),
        failed=counts.get("failed", 0),
        skipped=counts.get("skipped", 0),
        queued=counts.get("queued", 0),
    )


async def first_failures(db: AsyncSession, broadcast_id: int) -> list[dict[str, object]]:
    rows = await db.execute(
        select(UserNotification.user_id, UserNotification.reason)
        .where(UserNotification.broadcast_id == broadcast_id, UserNotification.status == "failed")
        .order_by(UserNotification.last_attempt_at, UserNotification.id)
        .limit(FAILURES_KEPT)
    )
    return [{"user_id": int(user_id), "reason": reason} for user_id, reason in rows]


async def users_with_delivery(
    db: AsyncSession, broadcast_id: int, user_ids: Sequence[int]
) -> set[int]:
    if not user_ids:
        return set()
    rows = await db.scalars(
        select(UserNotification.user_id).where(
            UserNotification.broadcast_id == broadcast_id, UserNotification.user_id.in_(user_ids)
        )
    )
    return set(rows)


async def insert_deliveries(db: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """One multi-row insert; a (user, broadcast) pair that has a row keeps it as it is."""
    if rows:
        statement = upsert_statement(
            db.get_bind().dialect.name,
            UserNotification.__table__,
            ["user_id", "broadcast_id"],
            [],
        )
        await db.execute(statement, list(rows))


async def claim_due(
    db: AsyncSession,
    broadcast_id: int,
    user_ids: Sequence[int],
    now: datetime,
    claim: str,
    lease_until: datetime,
) -> list[UserNotification]:
    """The first attempt of the broadcast's queued, due, never-tried rows of these users: a
    conditional UPDATE, so each row has one sender."""
    return await claim_first_attempts(
        db, UserNotification.broadcast_id == broadcast_id, user_ids, now, claim, lease_until
    )


async def held_untried(
    db: AsyncSession, broadcast_id: int, user_ids: Sequence[int], now: datetime
) -> list[UserNotification]:
    """The broadcast's rows of these users held for later (quiet hours), not tried yet."""
    if not user_ids:
        return []
    rows = await db.scalars(
        select(UserNotification).where(
            UserNotification.broadcast_id == broadcast_id,
            UserNotification.user_id.in_(user_ids),
            UserNotification.status == "queued",
            UserNotification.attempts == 0,
            UserNotification.send_after > now,
        )
    )
    return list(rows)


async def take_over_abandoned(
    db: AsyncSession,
    broadcast_id: int,
    now: datetime,
    unleased_before: datetime,
    max_attempts: int,
    claim: str,
    lease_until: datetime,
) -> list[UserNotification]:
    """The next attempt of the broadcast's rows whose sender died (lease run out)."""
    return await take_over_abandoned_of(
        db,
        UserNotification.broadcast_id == broadcast_id,
        now,
        unleased_before,
        max_attempts,
        claim,
        lease_until,
    )
