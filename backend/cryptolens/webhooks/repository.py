"""Every query of the webhook tables. A user's endpoints are read through statements scoped to
that user; a delivery is reached through its endpoint."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.paging import Keyset, Page, PageRequest
from cryptolens.db import upsert_statement
from cryptolens.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint


def _changed(result: object) -> int:
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


# Endpoints


async def endpoints_of(db: AsyncSession, user_id: int) -> list[WebhookEndpoint]:
    rows = await db.scalars(
        select(WebhookEndpoint)
        .where(WebhookEndpoint.user_id == user_id)
        .order_by(WebhookEndpoint.id)
    )
    return list(rows)


async def count_endpoints(db: AsyncSession, user_id: int) -> int:
    count = await db.scalar(
        select(func.count()).select_from(WebhookEndpoint).where(WebhookEndpoint.user_id == user_id)
    )
    return int(count or 0)


async def owned_endpoint(
    db: AsyncSession, user_id: int, endpoint_id: int, *, for_update: bool = False
) -> WebhookEndpoint | None:
    statement = select(WebhookEndpoint).where(
        WebhookEndpoint.id == endpoint_id, WebhookEndpoint.user_id == user_id
    )
    if for_update:
        statement = statement.with_for_update()
    return await db.scalar(statement)


async def get_endpoint(
    db: AsyncSession, endpoint_id: int, *, for_update: bool = False
) -> WebhookEndpoint | None:
    statement = select(WebhookEndpoint).where(WebhookEndpoint.id == endpoint_id)
    if for_update:
        statement = statement.with_for_update()
    return await db.scalar(statement)


async def active_endpoints(db: AsyncSession) -> list[WebhookEndpoint]:
    rows = await db.scalars(
        select(WebhookEndpoint)
        .where(WebhookEndpoint.status == "active")
        .order_by(WebhookEndpoint.id)
    )
    return list(rows)


async def add(db: AsyncSession, row: object) -> None:
    db.add(row)
    await db.flush()


async def delete_endpoint(db: AsyncSession, endpoint: WebhookEndpoint) -> None:
    """The endpoint, its deliveries and their attempts (explicitly: SQLite may run without
    foreign key enforcement)."""
    delivery_ids = select(WebhookDelivery.id).where(WebhookDelivery.endpoint_id == endpoint.id)
    await db.execute(delete(WebhookAttempt).where(WebhookAttempt.delivery_id.in_(delivery_ids)))
    await db.execute(delete(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint.id))
    await db.delete(endpoint)
    await db.flush()


# Deliveries


async def insert_deliveries(db: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """One multi-row insert; an (endpoint, event) pair that already has a delivery keeps it."""
    if not rows:
        return
    statement = upsert_statement(
        db.get_bind().dialect.name,
        WebhookDelivery.__table__,
        ["endpoint_id", "event_key"],
        [],
    )
    await db.execute(statement, list(rows))


async def untried_deliveries(db: AsyncSession, event_key: str) -> list[WebhookDelivery]:
    rows = await db.scalars(
        select(WebhookDelivery)
        .where(
            WebhookDelivery.event_key == event_key,
            WebhookDelivery.status == "pending",
            WebhookDelivery.attempts == 0,
        )
        .order_by(WebhookDelivery.id)
    )
    return list(rows)


async def get_delivery(db: AsyncSession, delivery_id: int) -> WebhookDelivery | None:
    return await db.scalar(select(WebhookDelivery).where(WebhookDelivery.id == delivery_id))


async def delivery_of_endpoint(
    db: AsyncSession, endpoint_id: int, message_id: str
) -> WebhookDelivery | None:
    return await db.scalar(
        select(WebhookDelivery).where(
            WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.message_id == message_id
        )
    )


async def in_flight_count(db: AsyncSession, endpoint_id: int, now: datetime) -> int:
    count = await db.scalar(
        select(func.count())
        .select_from(WebhookDelivery)
        .where(
            WebhookDelivery.endpoint_id == endpoint_id,
            WebhookDelivery.status == "pending",
            WebhookDelivery.in_flight_until > now,
        )
    )
    return int(count or 0)


async def claim_attempt(
    db: AsyncSession, delivery_id: int, expected_attempts: int, now: datetime, until: datetime
) -> bool:
    """Takes the next attempt of a pending delivery if nobody took it since it was scheduled:
    one conditional UPDATE, so a job run twice makes one attempt."""
    changed = _changed(
        await db.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.id == delivery_id,
                WebhookDelivery.status == "pending",
                WebhookDelivery.attempts == expected_attempts,
            )
            # Past `until` the attempt is presumed lost with its worker: the sweep resumes it.
            .values(attempts=expected_attempts + 1, in_flight_until=until, next_attempt_at=until)
            .execution_options(synchronize_session=False)
        )
    )
    return changed == 1


async def fail_pending_of(db: AsyncSession, endpoint_id: int, reason: str, now: datetime) -> int:
    return _changed(
        await db.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.status == "pending")
            .values(
                status="failed",
                reason=reason,
                next_attempt_at=None,
                in_flight_until=None,
                finished_at=now,
            )
            .execution_options(synchronize_session=False)
        )
    )


@dataclass(frozen=True)
class DeliveryFilters:
    status: str | None = None
    type: str | None = None
    since: datetime | None = None
    until: datetime | None = None


NEWEST_DELIVERY_FIRST = Keyset(WebhookDelivery.id)


async def deliveries_page(
    db: AsyncSession, endpoint_id: int, filters: DeliveryFilters, request: PageRequest
) -> Page[WebhookDelivery]:
    statement = select(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint_id)
    if filters.status is not None:
        statement = statement.where(WebhookDelivery.status == filters.status)
    if filters.type is not None:
        statement = statement.where(WebhookDelivery.event_type == filters.type)
    if filters.since is not None:
        statement = statement.where(WebhookDelivery.created_at >= filters.since)
    if filters.until is not None:
        statement = statement.where(WebhookDelivery.created_at < filters.until)
    return await NEWEST_DELIVERY_FIRST.page(db, statement, request)


# Attempts


async def attempts_of(db: AsyncSession, delivery_id: int) -> list[WebhookAttempt]:
    rows = await db.scalars(
        select(WebhookAttempt)
        .where(WebhookAttempt.delivery_id == delivery_id)
        .order_by(WebhookAttempt.id)
    )
    return list(rows)


# Retention


async def delete_finished_before(db: AsyncSession, cutoff: datetime, batch: int = 2000) -> int:
    """Deletes finished deliveries (and their attempts) created before `cutoff`, in batches."""
    deleted = 0
    while True:
        ids = list(
            await db.scalars(
                select(WebhookDelivery.id)
                .where(WebhookDelivery.created_at < cutoff, WebhookDelivery.status != "pending")
                .limit(batch)
            )
        )
        if not ids:
            return deleted
        await db.execute(delete(WebhookAttempt).where(WebhookAttempt.delivery_id.in_(ids)))
        await db.execute(delete(WebhookDelivery).where(WebhookDelivery.id.in_(ids)))
        deleted += len(ids)


async def overdue_deliveries(
    db: AsyncSession, due_before: datetime, limit: int
) -> list[WebhookDelivery]:
    """Pending deliveries whose next attempt (or in-flight attempt's end) is older than
    `due_before`: nobody took them."""
    rows = await db.scalars(
        select(WebhookDelivery)
        .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at < due_before)
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(limit)
    )
    return list(rows)


async def subscribed_event_types(db: AsyncSession) -> set[str]:
    """The event types at least one active endpoint subscribes to."""
    rows = await db.scalars(
        select(WebhookEndpoint.events).where(WebhookEndpoint.status == "active").distinct()
    )
    return {event for events in rows for event in events}
