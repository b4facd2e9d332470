"""Admin broadcasts: one message to all users, a tier, or verified users (the admin API
comes later; these are its service functions).

`create_broadcast` records it (the caller commits, then enqueues `send_broadcast` deferred to
`send_at`); the job claims it once, walks users in batches, pushes to those in the audience
who are active, verified and have notifications on, and keeps the tallies on the row.
Placeholders in the title and text: {name} (display name or email), {tier}.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.access.tiers import Tier
from cryptolens.auth import service as auth_service
from cryptolens.core.errors import NotFoundError, ValidationFailedError
from cryptolens.db import unit_of_work
from cryptolens.notifications import repository
from cryptolens.notifications.delivery import Outgoing, PushKit, publish_all
from cryptolens.notifications.eligibility import Recipient
from cryptolens.notifications.messages import NtfyMessage
from cryptolens.notifications.models import Broadcast
from cryptolens.notifications.recipients import load_recipients

Audience = Literal["all", "verified", "free", "pro", "premium"]
AUDIENCES: tuple[str, ...] = ("all", "verified", "free", "pro", "premium")
PLACEHOLDERS = frozenset({"name", "tier"})
BROADCAST_JOB = "send_broadcast"


@dataclass
class BroadcastTally:
    recipients: int = 0
    delivered: int = 0
    failed: int = 0

    def details(self) -> dict[str, int]:
        return {"recipients": self.recipients, "delivered": self.delivered, "failed": self.failed}


def _check_template(text: str) -> None:
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise ValidationFailedError(f"template: {exc}") from None
    unknown = fields - PLACEHOLDERS
    if unknown:
        raise ValidationFailedError(f"template: unknown placeholders {sorted(unknown)}")


async def create_broadcast(
    db: AsyncSession,
    *,
    audience: str,
    title: str,
    message: str,
    now: datetime,
    priority: int = 3,
    created_by: int | None = None,
    send_at: datetime | None = None,
) -> Broadcast:
    if audience not in AUDIENCES:
        raise ValidationFailedError(f"audience must be one of {', '.join(AUDIENCES)}")
    if not 1 <= priority <= 5:
        raise ValidationFailedError("priority must be 1 to 5")
    _check_template(title)
    _check_template(message)
    return await repository.add_broadcast(
        db,
        Broadcast(
            audience=audience,
            title=title,
            message=message,
            priority=priority,
            created_by=created_by,
            created_at=now,
            send_at=send_at or now,
            status="scheduled",
            recipients=0,
            delivered=0,
            failed=0,
        ),
    )


async def get_broadcast(db: AsyncSession, broadcast_id: int) -> Broadcast:
    found = await repository.get_broadcast(db, broadcast_id)
    if found is None:
        raise NotFoundError("Broadcast not found")
    return found


def in_audience(audience: str, recipient: Recipient) -> bool:
    if not (recipient.is_active and recipient.is_verified and recipient.preferences.enabled):
        return False
    if audience in ("all", "verified"):
        return True
    return recipient.tier == Tier(audience)


def _message(broadcast: Broadcast, user: auth_service.User, recipient: Recipient) -> NtfyMessage:
    values = {"name": user.display_name or user.email, "tier": recipient.tier.value}
    return NtfyMessage(
        topic=recipient.topic,
        title=broadcast.title.format_map(values),
        message=broadcast.message.format_map(values),
        priority=broadcast.priority,
        tags=("loudspeaker",),
    )


async def send_broadcast(
    session_factory: async_sessionmaker[AsyncSession], kit: PushKit, broadcast_id: int
) -> BroadcastTally:
    tally = BroadcastTally()
    async with unit_of_work(session_factory) as db:
        if not await repository.claim_broadcast(db, broadcast_id, kit.clock.now()):
            return tally  # sent already, being sent, or not due
        broadcast = await get_broadcast(db, broadcast_id)
    after_id = 0
    while True:
        now = kit.clock.now()
        async with unit_of_work(session_factory) as db:
            users = await auth_service.users_after(db, after_id, kit.settings.batch_size)
            recipients = await load_recipients(db, users, None, now)
        if not users:
            break
        after_id = users[-1].id
        by_id = {user.id: user for user in users}
        outgoing = [
            Outgoing(0, 1, _message(broadcast, by_id[recipient.user_id], recipient))
            for recipient in recipients
            if in_audience(broadcast.audience, recipient)
        ]
        # Broadcasts are best effort: one attempt each, failures counted, not retried.
        results = await publish_all(kit, outgoing)
        tally.recipients += len(outgoing)
        tally.delivered += sum(result.status == "sent" for _, result in results)
    tally.failed = tally.recipients - tally.delivered
    async with unit_of_work(session_factory) as db:
        row = await get_broadcast(db, broadcast_id)
        row.recipients, row.delivered, row.failed = tally.recipients, tally.delivered, tally.failed
        row.status = "done"
        row.finished_at = kit.clock.now()
    return tally
