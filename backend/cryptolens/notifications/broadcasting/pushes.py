"""One broadcast push: its message for one recipient, what to do with a claimed attempt
(send, skip, or hold until quiet hours end), and the broadcast's completion once every row
is final."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import service as auth_service
from cryptolens.notifications import repository as delivery_repository
from cryptolens.notifications.broadcasting import repository
from cryptolens.notifications.broadcasting.audience import exclusion, quiet_hours_end
from cryptolens.notifications.broadcasting.text import DEFAULT_NAME, cut_to_bytes, render
from cryptolens.notifications.delivery import Outgoing, PushKit, ScheduledAttempt
from cryptolens.notifications.eligibility import Recipient
from cryptolens.notifications.messages import NtfyMessage
from cryptolens.notifications.models import Broadcast, UserNotification
from cryptolens.notifications.recipients import load_recipients

BROADCAST_GONE = "broadcast_gone"
TITLE_COLUMN_CHARS = 200


def placeholder_values(
    kit: PushKit, recipient: Recipient, display_name: str | None
) -> dict[str, str]:
    return {
        "name": display_name or DEFAULT_NAME,
        "tier": recipient.tier.value,
        "app_url": kit.public_url,
    }


def stored_title(broadcast: Broadcast, values: dict[str, str]) -> str:
    """The rendered title as the user's history shows it (the column holds 200 characters)."""
    title = render(broadcast.title, values)
    return title if len(title) <= TITLE_COLUMN_CHARS else title[: TITLE_COLUMN_CHARS - 1] + "…"


def broadcast_message(
    kit: PushKit, broadcast: Broadcast, recipient: Recipient, display_name: str | None
) -> NtfyMessage:
    values = placeholder_values(kit, recipient, display_name)
    return NtfyMessage(
        topic=recipient.topic,
        title=cut_to_bytes(render(broadcast.title, values)),
        message=cut_to_bytes(render(broadcast.message, values)),
        priority=broadcast.priority,
        tags=tuple(broadcast.tags),
        click=kit.public_url,
    )


@dataclass
class AttemptPlan:
    """What a batch of claimed attempts comes to: pushes to send now, and the rows' changes
    (skipped, or held with their next attempt scheduled) to record first."""

    to_send: list[Outgoing] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    scheduled: list[ScheduledAttempt] = field(default_factory=list)
    skipped: int = 0
    held: int = 0


def plan_attempts(
    kit: PushKit,
    broadcast: Broadcast | None,
    rows: Sequence[UserNotification],
    recipients: dict[int, Recipient],
    names: dict[int, str | None],
    now: datetime,
) -> AttemptPlan:
    """Claimed attempts of rows already written: the audience is checked again (account
    state, notifications on), and quiet hours hold the push until they end."""
    plan = AttemptPlan()
    for row in rows:
        recipient = recipients.get(row.user_id)
        reason = BROADCAST_GONE if broadcast is None or recipient is None else exclusion(recipient)
        if reason is not None or broadcast is None or recipient is None:
            plan.skipped += 1
            plan.changes.append(
                {
                    "id": row.id,
                    "status": "skipped",
                    "reason": reason,
                    "claim": None,
                    "lease_until": None,
                }
            )
            continue
        until = quiet_hours_end(recipient, now)
        if until is not None:
            # Not an attempt: given back, and tried again when the quiet hours end.
            plan.held += 1
            plan.changes.append(
                {
                    "id": row.id,
                    "attempts": row.attempts - 1,
                    "send_after": until,
                    "claim": None,
                    "lease_until": None,
                }
            )
            plan.scheduled.append(
                ScheduledAttempt(row.id, row.attempts - 1, (until - now).total_seconds())
            )
            continue
        message = broadcast_message(kit, broadcast, recipient, names.get(row.user_id))
        plan.to_send.append(Outgoing(row.id, row.attempts, message))
    return plan


async def plan_claimed(
    db: AsyncSession,
    kit: PushKit,
    broadcast_id: int,
    rows: Sequence[UserNotification],
    now: datetime,
    claim: str,
) -> AttemptPlan:
    """Loads what `plan_attempts` needs and records its skips and holds (under `claim`)."""
    broadcast = await repository.get_broadcast(db, broadcast_id)
    users = await auth_service.users_by_ids(db, [row.user_id for row in rows])
    recipients = {
        recipient.user_id: recipient for recipient in await load_recipients(db, users, None, now)
    }
    names = {user.id: user.display_name for user in users}
    plan = plan_attempts(kit, broadcast, rows, recipients, names, now)
    await delivery_repository.record_outcomes(db, plan.changes, claim=claim)
    return plan


async def settle(db: AsyncSession, broadcast_id: int, now: datetime) -> bool:
    """`completed` once every member of the audience has a row and every row is final; the
    totals and the first failures are kept on the broadcast. True when it completed now."""
    broadcast = await repository.get_broadcast(db, broadcast_id)
    if broadcast is None or broadcast.status != "sending" or broadcast.fanned_out_at is None:
        return False
    totals = await repository.totals(db, broadcast_id)
    if totals.queued:
        return False
    return await repository.move_status(
        db,
        broadcast_id,
        "sending",
        {
            "status": "completed",
            "completed_at": now,
            "recipients": totals.recipients,
            "sent": totals.sent,
            "failed": totals.failed,
            "skipped": totals.skipped,
            "failure_reasons": await repository.first_failures(db, broadcast_id),
        },
    )
