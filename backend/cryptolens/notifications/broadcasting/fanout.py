"""A broadcast reaches each member of its audience once: the fan-out job (`send_broadcast`).

Like a signal's fan-out (notifications/workflows.py): users are walked in id batches by a
writer task that runs ahead of the sends; for each batch it decides the audience (at send
time), writes one row per member (the (user, broadcast) unique key keeps a re-run from adding
any), claims the rows due now under a lease and commits; rows held for quiet hours get a
deferred attempt after that commit. The claimed rows stream into the send pipeline, with the
retry schedule of notifications.md. A re-run first takes over rows a dead sender left; once
every member has a row the broadcast is marked fanned out, and it completes when every row
is final (here, or after the last retry or held push).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth import service as auth_service
from cryptolens.db import unit_of_work
from cryptolens.notifications.broadcasting import repository
from cryptolens.notifications.broadcasting.audience import exclusion, quiet_hours_end
from cryptolens.notifications.broadcasting.pushes import (
    broadcast_message,
    placeholder_values,
    plan_claimed,
    settle,
    stored_title,
)
from cryptolens.notifications.config import MAX_ATTEMPTS, UNLEASED_CLAIM_ABANDONED_AFTER
from cryptolens.notifications.delivery import (
    Outgoing,
    PushKit,
    ScheduledAttempt,
    schedule_attempts,
)
from cryptolens.notifications.lease import DeliveryLease
from cryptolens.notifications.models import Broadcast
from cryptolens.notifications.recipients import load_recipients
from cryptolens.notifications.sending import SendPipeline, send_as_written

log = logging.getLogger("cryptolens.notifications")

BROADCAST_JOB = "send_broadcast"


@dataclass
class BroadcastReport:
    recipients: int = 0  # rows written by this run
    held: int = 0
    sent: int = 0
    failed: int = 0
    retrying: int = 0
    skipped: int = 0
    resumed: int = 0
    completed: bool = False

    def details(self) -> dict[str, int]:
        return {
            "recipients": self.recipients,
            "held": self.held,
            "sent": self.sent,
            "failed": self.failed,
            "retrying": self.retrying,
            "skipped": self.skipped,
            "resumed": self.resumed,
            "completed": int(self.completed),
        }


@dataclass
class _Batch:
    next_after_id: int | None  # None: no users left
    outgoing: list[Outgoing]
    held: list[ScheduledAttempt]
    written: int = 0
    lease_until: datetime | None = None


async def _write_batch(
    db: AsyncSession,
    kit: PushKit,
    broadcast: Broadcast,
    after_id: int,
    now: datetime,
    lease: DeliveryLease,
) -> _Batch:
    users = await auth_service.users_after(db, after_id, kit.settings.batch_size)
    if not users:
        return _Batch(None, [], [])
    already = await repository.users_with_delivery(db, broadcast.id, [user.id for user in users])
    fresh = [user for user in users if user.id not in already]
    names = {user.id: user.display_name for user in users}
    tiers = set(broadcast.tiers)
    rows: list[dict[str, Any]] = []
    due_now, held = {}, {}
    for recipient in await load_recipients(db, fresh, None, now):
        if recipient.tier.value not in tiers or exclusion(recipient) is not None:
            continue  # not in the audience: no row
        until = quiet_hours_end(recipient, now)
        values = placeholder_values(kit, recipient, names[recipient.user_id])
        rows.append(
            {
                "user_id": recipient.user_id,
                "signal_id": None,
                "broadcast_id": broadcast.id,
                "symbol": "",
                "title": stored_title(broadcast, values),
                "status": "queued",
                "reason": None,
                "attempts": 0,
                "claim": None,
                "created_at": now,
                "send_after": until or now,
            }
        )
        if until is None:
            due_now[recipient.user_id] = recipient
        else:
            held[recipient.user_id] = until
    await repository.insert_deliveries(db, rows)
    lease_until = lease.until()
    claimed = await repository.claim_due(
        db, broadcast.id, list(due_now), now, lease.claim, lease_until
    )
    held_rows = await repository.held_untried(db, broadcast.id, list(held), now)
    return _Batch(
        next_after_id=users[-1].id,
        outgoing=[
            Outgoing(
                row.id,
                row.attempts,
                broadcast_message(kit, broadcast, due_now[row.user_id], names[row.user_id]),
            )
            for row in claimed
        ],
        held=[
            ScheduledAttempt(row.id, 0, (held[row.user_id] - now).total_seconds())
            for row in held_rows
        ],
        written=len(rows),
        lease_until=lease_until,
    )


async def _write_all(
    session_factory: async_sessionmaker[AsyncSession],
    kit: PushKit,
    broadcast: Broadcast,
    lease: DeliveryLease,
    report: BroadcastReport,
    claimed: asyncio.Queue[Outgoing | None],
) -> None:
    now = kit.clock.now()
    after_id = 0
    try:
        while True:
            async with unit_of_work(session_factory) as db:
                batch = await _write_batch(db, kit, broadcast, after_id, now, lease)
            if batch.next_after_id is None or batch.lease_until is None:
                async with unit_of_work(session_factory) as db:
                    await repository.mark_fanned_out(db, broadcast.id, kit.clock.now())
                return
            after_id = batch.next_after_id
            await lease.hold([item.delivery_id for item in batch.outgoing], batch.lease_until)
            await schedule_attempts(kit, batch.held)
            report.recipients += batch.written
            report.held += len(batch.held)
            for item in batch.outgoing:
                claimed.put_nowait(item)
    finally:
        claimed.put_nowait(None)


async def _send_new(
    session_factory: async_sessionmaker[AsyncSession],
    kit: PushKit,
    broadcast: Broadcast,
    lease: DeliveryLease,
    report: BroadcastReport,
    pipeline: SendPipeline,
) -> None:
    await send_as_written(
        lambda claimed: _write_all(session_factory, kit, broadcast, lease, report, claimed),
        pipeline.send,
    )


async def _take_over(
    session_factory: async_sessionmaker[AsyncSession],
    kit: PushKit,
    broadcast_id: int,
    lease: DeliveryLease,
    report: BroadcastReport,
) -> list[Outgoing]:
    """Rows whose sender died (lease run out), claimed for their next attempt."""
    now = kit.clock.now()
    lease_until = lease.until()
    async with unit_of_work(session_factory) as db:
        rows = await repository.take_over_abandoned(
            db,
            broadcast_id,
            now,
            now - UNLEASED_CLAIM_ABANDONED_AFTER,
            MAX_ATTEMPTS,
            lease.claim,
            lease_until,
        )
        if not rows:
            return []
        plan = await plan_claimed(db, kit, broadcast_id, rows, now, lease.claim)
    await lease.hold([item.delivery_id for item in plan.to_send], lease_until)
    await schedule_attempts(kit, plan.scheduled)
    report.resumed, report.skipped, report.held = len(plan.to_send), plan.skipped, plan.held
    return plan.to_send


async def send_broadcast(
    session_factory: async_sessionmaker[AsyncSession], kit: PushKit, broadcast_id: int
) -> BroadcastReport:
    """Pushes a `sending` broadcast to its audience (anything else is left alone: a
    scheduled one waits for its minute, a cancelled one never goes out)."""
    report = BroadcastReport()
    async with unit_of_work(session_factory) as db:
        broadcast = await repository.get_broadcast(db, broadcast_id)
    if broadcast is None or broadcast.status != "sending":
        return report
    lease = DeliveryLease(session_factory, kit, secrets.token_hex(16))
    async with lease, SendPipeline(session_factory, kit, lease) as pipeline:
        for item in await _take_over(session_factory, kit, broadcast_id, lease, report):
            await pipeline.send(item)
        if broadcast.fanned_out_at is None:
            await _send_new(session_factory, kit, broadcast, lease, report, pipeline)
    report.sent = pipeline.tallies["sent"]
    report.failed = pipeline.tallies["failed"]
    report.retrying = pipeline.tallies["retrying"]
    async with unit_of_work(session_factory) as db:
        report.completed = await settle(db, broadcast_id, kit.clock.now())
    log.info("notifications.broadcast", extra={"broadcast_id": broadcast_id, **report.details()})
    return report
