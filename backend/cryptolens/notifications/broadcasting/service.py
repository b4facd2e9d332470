"""What the admin API asks of broadcasts: templates, the audience's counts, creating,
cancelling and reading broadcasts. Sending is the jobs' (fanout.py, scheduling.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.errors import ConflictError, NotFoundError, ValidationFailedError
from cryptolens.core.iso_times import iso_ms
from cryptolens.core.paging import Page, PageRequest
from cryptolens.notifications.broadcasting import repository
from cryptolens.notifications.broadcasting.audience import (
    ALL_TIERS,
    AudienceCounts,
    count_audience,
)
from cryptolens.notifications.broadcasting.fanout import BROADCAST_JOB
from cryptolens.notifications.broadcasting.templates import (
    NameTakenError,
    create_template,
    delete_template,
    get_template,
    list_templates,
    template_fields,
    update_template,
)
from cryptolens.notifications.broadcasting.text import (
    UnknownPlaceholderError,
    check_placeholders,
)
from cryptolens.notifications.models import Broadcast

__all__ = [
    "BROADCAST_JOB",
    "AudienceCounts",
    "BroadcastView",
    "InvalidTransitionError",
    "NameTakenError",
    "UnknownPlaceholderError",
    "audience",
    "broadcast_fields",
    "cancel_broadcast",
    "create_broadcast",
    "create_template",
    "delete_template",
    "get_broadcast",
    "get_template",
    "list_broadcasts",
    "list_templates",
    "template_fields",
    "update_template",
]

EARLIEST_SCHEDULE = timedelta(minutes=1)
LATEST_SCHEDULE = timedelta(days=90)
DEFAULT_PRIORITY = 3


class InvalidTransitionError(ConflictError):
    code = "invalid_transition"


@dataclass(frozen=True)
class BroadcastView:
    """A broadcast with its totals: kept on it once completed, counted from its rows
    before."""

    broadcast: Broadcast
    recipients: int
    sent: int
    failed: int
    skipped: int
    queued: int


async def audience(db: AsyncSession, tiers: Sequence[str] | None, now: datetime) -> AudienceCounts:
    return await count_audience(db, list(tiers or ALL_TIERS), now)


def broadcast_fields(broadcast: Broadcast) -> dict[str, object]:
    """What the audit log records of a broadcast."""
    return {
        "title": broadcast.title,
        "priority": broadcast.priority,
        "tiers": broadcast.tiers,
        "status": broadcast.status,
        "template_id": broadcast.template_id,
        "scheduled_for": None
        if broadcast.scheduled_for is None
        else iso_ms(broadcast.scheduled_for),
    }


def _check_schedule(scheduled_for: datetime, now: datetime) -> None:
    if not now + EARLIEST_SCHEDULE <= scheduled_for <= now + LATEST_SCHEDULE:
        raise ValidationFailedError("scheduled_for: must be 1 minute to 90 days ahead")


async def create_broadcast(
    db: AsyncSession,
    *,
    created_by: int | None,
    template_id: int | None,
    title: str | None,
    message: str | None,
    priority: int | None,
    tags: Sequence[str] | None,
    tiers: Sequence[str] | None,
    scheduled_for: datetime | None,
    now: datetime,
) -> Broadcast:
    """`sending` at once, or `scheduled` for its minute. A template gives what the body
    leaves out; without one, title and message are required."""
    if scheduled_for is not None:
        _check_schedule(scheduled_for, now)
    if template_id is not None:
        template = await repository.get_template(db, template_id)
        if template is None:
            raise ValidationFailedError("template_id: no such template")
        if not template.is_active:
            raise ValidationFailedError("template_id: the template is not active")
        title = template.title if title is None else title
        message = template.message if message is None else message
        priority = template.priority if priority is None else priority
        tags = template.tags if tags is None else tags
    if title is None:
        raise ValidationFailedError("title: required without a template")
    if message is None:
        raise ValidationFailedError("message: required without a template")
    check_placeholders("title", title)
    check_placeholders("message", message)
    broadcast = Broadcast(
        template_id=template_id,
        title=title,
        message=message,
        priority=DEFAULT_PRIORITY if priority is None else priority,
        tags=list(tags or []),
        tiers=[tier for tier in ALL_TIERS if tier in set(tiers or ALL_TIERS)],
        status="sending" if scheduled_for is None else "scheduled",
        scheduled_for=scheduled_for,
        created_by=created_by,
        created_at=now,
        started_at=now if scheduled_for is None else None,
        recipients=0,
        sent=0,
        failed=0,
        skipped=0,
        failure_reasons=[],
    )
    await repository.add_broadcast(db, broadcast)
    if template_id is not None:
        await repository.count_template_use(db, template_id, now)
    return broadcast


async def _found(db: AsyncSession, broadcast_id: int) -> Broadcast:
    broadcast = await repository.get_broadcast(db, broadcast_id)
    if broadcast is None:
        raise NotFoundError("Broadcast not found")
    return broadcast


async def _view(db: AsyncSession, broadcast: Broadcast) -> BroadcastView:
    if broadcast.status in ("completed", "scheduled", "cancelled"):
        return BroadcastView(
            broadcast,
            broadcast.recipients,
            broadcast.sent,
            broadcast.failed,
            broadcast.skipped,
            0,
        )
    totals = await repository.totals(db, broadcast.id)
    return BroadcastView(
        broadcast, totals.recipients, totals.sent, totals.failed, totals.skipped, totals.queued
    )


async def get_broadcast(db: AsyncSession, broadcast_id: int) -> BroadcastView:
    return await _view(db, await _found(db, broadcast_id))


async def list_broadcasts(
    db: AsyncSession, status: str | None, since: datetime | None, request: PageRequest
) -> Page[BroadcastView]:
    page = await repository.list_broadcasts(db, status, since, request)
    views = [await _view(db, broadcast) for broadcast in page.items]
    by_id = {view.broadcast.id: view for view in views}
    return page.map(lambda broadcast: by_id[broadcast.id])


async def cancel_broadcast(db: AsyncSession, broadcast_id: int, now: datetime) -> Broadcast:
    """Only while scheduled: the minute's job moves it to sending with a conditional
    UPDATE too, so exactly one of the two wins."""
    broadcast = await _found(db, broadcast_id)
    moved = await repository.move_status(
        db, broadcast_id, "scheduled", {"status": "cancelled", "cancelled_at": now}
    )
    if not moved:
        raise InvalidTransitionError(f"a {broadcast.status} broadcast cannot be cancelled")
    await db.refresh(broadcast)
    return broadcast
