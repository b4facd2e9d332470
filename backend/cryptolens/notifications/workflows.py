"""A new signal reaches every entitled user once: the fan-out and the single delivery.

The fan-out walks users in id batches, in a task of its own that runs ahead of the sends: for
each batch it decides every user's fate (the pure eligibility function), writes all rows in
one statement (the (user, signal) unique key keeps a re-run from adding any), claims the rows
due now under a lease, and commits; free-tier delays are scheduled as deferred jobs after
that commit. The claimed rows stream into the send pipeline (notifications/sending.py), which
records each push's outcome, a few at a time, before its slot sends another. Nothing is held
open across the network calls.

A fan-out first takes over the signal's deliveries whose sender died (its lease ran out): the
sweep queues such a fan-out seconds after a crash (notifications/lease.py, recovery.py).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth import service as auth_service
from cryptolens.db import unit_of_work
from cryptolens.notifications import repository
from cryptolens.notifications.alerts import SignalAlert, load_signal_alert
from cryptolens.notifications.config import MAX_ATTEMPTS, UNLEASED_CLAIM_ABANDONED_AFTER
from cryptolens.notifications.delivery import (
    Outgoing,
    PushKit,
    ScheduledAttempt,
    count_outcomes,
    outcome_of,
    publish_all,
    schedule_attempts,
    signal_message,
)
from cryptolens.notifications.eligibility import Recipient, decide, decide_at_send
from cryptolens.notifications.lease import DeliveryLease
from cryptolens.notifications.messages import signal_title
from cryptolens.notifications.recipients import load_recipients, pushes_today
from cryptolens.notifications.sending import SendPipeline, send_as_written

log = logging.getLogger("cryptolens.notifications")

SIGNAL_GONE = "signal_gone"
# A deferred push (free-tier delay, retry) due while an admin has signal pushes switched off.
PUSHES_SWITCHED_OFF = "pushes_switched_off"


@dataclass
class FanOutReport:
    users: int = 0
    queued: int = 0
    skipped: int = 0
    sent: int = 0
    failed: int = 0
    retrying: int = 0
    resumed: int = 0  # deliveries a dead sender left, taken over
    stale: bool = False
    switched_off: bool = False  # signal pushes switched off by an admin
    missing: bool = False

    def details(self) -> dict[str, int]:
        return {
            "users": self.users,
            "queued": self.queued,
            "skipped": self.skipped,
            "sent": self.sent,
            "failed": self.failed,
            "retrying": self.retrying,
            "resumed": self.resumed,
            "stale": int(self.stale),
            "switched_off": int(self.switched_off),
        }


@dataclass
class _BatchPlan:
    rows: list[dict[str, Any]]
    due_now: dict[int, Recipient]
    delayed: dict[int, timedelta]  # user id -> delay


def _plan_batch(
    alert: SignalAlert,
    title: str,
    recipients: list[Recipient],
    counts: dict[int, int],
    now: datetime,
) -> _BatchPlan:
    plan = _BatchPlan(rows=[], due_now={}, delayed={})
    for recipient in recipients:
        decision = decide(recipient, alert, now, counts.get(recipient.user_id, 0))
        plan.rows.append(
            {
                "user_id": recipient.user_id,
                "signal_id": alert.signal_id,
                "symbol": alert.symbol,
                "title": title,
                "status": "queued" if decision.eligible else "skipped",
                "reason": decision.reason,
                "attempts": 0,
                "claim": None,
                "created_at": now,
                "send_after": now + decision.delay,
            }
        )
        if decision.eligible and decision.delay:
            plan.delayed[recipient.user_id] = decision.delay
        elif decision.eligible:
            plan.due_now[recipient.user_id] = recipient
    return plan


@dataclass
class _WrittenBatch:
    next_after_id: int | None  # None: no users left
    plan: _BatchPlan
    outgoing: list[tuple[int, int, Recipient]]  # delivery id, attempts, recipient
    delayed: list[ScheduledAttempt]
    lease_until: datetime | None = None


async def _write_batch(
    db: AsyncSession,
    alert: SignalAlert,
    title: str,
    after_id: int,
    batch_size: int,
    now: datetime,
    lease: DeliveryLease,
) -> _WrittenBatch:
    users = await auth_service.users_after(db, after_id, batch_size)
    if not users:
        return _WrittenBatch(None, _BatchPlan([], {}, {}), [], [])
    already = await repository.users_with_delivery(db, alert.signal_id, [user.id for user in users])
    fresh = [user for user in users if user.id not in already]
    recipients = await load_recipients(db, fresh, alert.symbol, now)
    counts = await pushes_today(db, recipients, now)
    plan = _plan_batch(alert, title, recipients, counts, now)
    await repository.insert_deliveries(db, plan.rows)
    lease_until = lease.until()
    claimed = await repository.claim_due(
        db, alert.signal_id, list(plan.due_now), now, lease.claim, lease_until
    )
    delayed_rows = await repository.queued_untried(db, alert.signal_id, list(plan.delayed))
    return _WrittenBatch(
        next_after_id=users[-1].id,
        plan=plan,
        outgoing=[(row.id, row.attempts, plan.due_now[row.user_id]) for row in claimed],
        delayed=[
            ScheduledAttempt(row.id, 0, plan.delayed[row.user_id].total_seconds())
            for row in delayed_rows
        ],
        lease_until=lease_until,
    )


Claimed = tuple[int, int, Recipient]  # delivery id, attempts (this one included), recipient


async def _write_all(
    session_factory: async_sessionmaker[AsyncSession],
    kit: PushKit,
    alert: SignalAlert,
    lease: DeliveryLease,
    report: FanOutReport,
    claimed: asyncio.Queue[Claimed | None],
) -> None:
    """Writes (and claims) every user's row, batch after batch, ahead of the sends: a crash
    mid fan-out leaves rows to take over rather than users without one."""
    now = kit.clock.now()
    title = signal_title(alert)
    after_id = 0
    try:
        while True:
            async with unit_of_work(session_factory) as db:
                batch = await _write_batch(
                    db, alert, title, after_id, kit.settings.batch_size, now, lease
                )
            if batch.next_after_id is None or batch.lease_until is None:
                return
            after_id = batch.next_after_id
            await lease.hold(
                [delivery_id for delivery_id, _, _ in batch.outgoing], batch.lease_until
            )
            await schedule_attempts(kit, batch.delayed)
            report.users += len(batch.plan.rows)
            report.skipped += sum(row["status"] == "skipped" for row in batch.plan.rows)
            report.queued += len(batch.plan.due_now) + len(batch.plan.delayed)
            count_outcomes(
                Counter(row["status"] for row in batch.plan.rows if row["status"] == "skipped")
            )
            for item in batch.outgoing:
                claimed.put_nowait(item)
    finally:
        claimed.put_nowait(None)


async def _take_over(
    session_factory: async_sessionmaker[AsyncSession],
    kit: PushKit,
    alert: SignalAlert,
    lease: DeliveryLease,
) -> tuple[list[Claimed], int]:
    """Claims the signal's deliveries whose sender died (their lease ran out) for their next
    attempt, checking eligibility again as any later attempt does. Returns those to send and
    how many were skipped."""
    now = kit.clock.now()
    lease_until = lease.until()
    async with unit_of_work(session_factory) as db:
        rows = await repository.take_over_abandoned(
            db,
            alert.signal_id,
            now,
            now - UNLEASED_CLAIM_ABANDONED_AFTER,
            MAX_ATTEMPTS,
            lease.claim,
            lease_until,
        )
        if not rows:
            return [], 0
        users = await auth_service.users_by_ids(db, [row.user_id for row in rows])
        recipients = {
            recipient.user_id: recipient
            for recipient in await load_recipients(db, users, alert.symbol, now)
        }
        to_send: list[Claimed] = []
        skipped: list[dict[str, Any]] = []
        for row in rows:
            recipient = recipients.get(row.user_id)
            reason = (
                SIGNAL_GONE if recipient is None else decide_at_send(recipient, alert, now).reason
            )
            if reason is None and recipient is not None:
                to_send.append((row.id, row.attempts, recipient))
            else:
                skipped.append(
                    {
                        "id": row.id,
                        "status": "skipped",
                        "reason": reason,
                        "claim": None,
                        "lease_until": None,
                    }
                )
        await repository.record_outcomes(db, skipped, claim=lease.claim)
    await lease.hold([delivery_id for delivery_id, _, _ in to_send], lease_until)
    count_outcomes(Counter({"skipped": len(skipped)}))
    log.info(
        "notifications.taken_over",
        extra={"signal_id": alert.signal_id, "resumed": len(to_send), "skipped": len(skipped)},
    )
    return to_send, len(skipped)


async def fan_out(
    session_factory: async_sessionmaker[AsyncSession], kit: PushKit, signal_id: int
) -> FanOutReport:
    """Pushes a new signal to every entitled user, and takes over the signal's deliveries a
    dead sender left (a re-run, or a resumption the sweep queued)."""
    report = FanOutReport()
    now = kit.clock.now()
    async with unit_of_work(session_factory) as db:
        alert = await load_signal_alert(db, signal_id)
    if alert is None:
        report.missing = True
        return report
    # A catch-up, backfill or backtest made it: stored, but old news on a phone. Deliveries
    # already under way are still finished.
    report.stale = now - alert.created_at > kit.settings.max_age
    if report.stale:
        log.info("notifications.stale_signal", extra={"signal_id": signal_id})
    # The admin's master switch (runtime setting notifications_enabled): no new push.
    report.switched_off = not kit.settings.enabled
    if report.switched_off:
        log.info("notifications.switched_off", extra={"signal_id": signal_id})
    lease = DeliveryLease(session_factory, kit, secrets.token_hex(16))
    async with lease, SendPipeline(session_factory, kit, lease) as pipeline:
        taken_over, skipped = await _take_over(session_factory, kit, alert, lease)
        report.resumed, report.skipped = len(taken_over), skipped
        for item in taken_over:
            await pipeline.send(_outgoing(kit, alert, item))
        if not (report.stale or report.switched_off):
            await _send_new(session_factory, kit, alert, lease, report, pipeline)
    report.sent = pipeline.tallies["sent"]
    report.failed = pipeline.tallies["failed"]
    report.retrying = pipeline.tallies["retrying"]
    log.info("notifications.fan_out", extra={"signal_id": signal_id, **report.details()})
    return report


def _outgoing(kit: PushKit, alert: SignalAlert, item: Claimed) -> Outgoing:
    delivery_id, attempts, recipient = item
    return Outgoing(delivery_id, attempts, signal_message(kit, alert, recipient))


async def _send_new(
    session_factory: async_sessionmaker[AsyncSession],
    kit: PushKit,
    alert: SignalAlert,
    lease: DeliveryLease,
    report: FanOutReport,
    pipeline: SendPipeline,
) -> None:
    """Rows are written by a task of their own while the pushes go out."""

    async def send(item: Claimed) -> None:
        await pipeline.send(_outgoing(kit, alert, item))

    await send_as_written(
        lambda claimed: _write_all(session_factory, kit, alert, lease, report, claimed), send
    )


async def deliver_one(
    session_factory: async_sessionmaker[AsyncSession],
    kit: PushKit,
    delivery_id: int,
    expected_attempts: int,
) -> str:
    """One deferred attempt (free-tier delay or retry). Eligibility is checked again now:
    quiet hours, preferences and account state may have changed. Returns what happened."""
    now = kit.clock.now()
    lease = DeliveryLease(session_factory, kit, secrets.token_hex(16))
    lease_until = lease.until()
    async with unit_of_work(session_factory) as db:
        row = await repository.claim_attempt(
            db, delivery_id, expected_attempts, now, lease.claim, lease_until
        )
        if row is None:
            return "already_handled"  # sent, failed, skipped or another attempt took it
        # A broadcast's rows never come here (tasks.deliver_notification hands them over).
        alert = None if row.signal_id is None else await load_signal_alert(db, row.signal_id)
        user = await auth_service.get_user(db, row.user_id)
        reason: str | None = SIGNAL_GONE
        recipient: Recipient | None = None
        if alert is not None and user is not None:
            [recipient] = await load_recipients(db, [user], alert.symbol, now)
            reason = decide_at_send(recipient, alert, now).reason
        if reason is None and not kit.settings.enabled:
            reason = PUSHES_SWITCHED_OFF
        if reason is not None:
            await repository.record_outcomes(
                db,
                [
                    {
                        "id": row.id,
                        "status": "skipped",
                        "reason": reason,
                        "claim": None,
                        "lease_until": None,
                    }
                ],
                claim=lease.claim,
            )
            count_outcomes(Counter({"skipped": 1}))
            return "skipped"
        assert alert is not None and recipient is not None
        outgoing = Outgoing(row.id, row.attempts, signal_message(kit, alert, recipient))
    async with lease:
        await lease.hold([row.id], lease_until)
        results = await publish_all(kit, [outgoing])
        outcome = outcome_of(kit, results, kit.clock.now())
        async with unit_of_work(session_factory) as db:
            await repository.record_outcomes(db, outcome.changes, claim=lease.claim)
    await schedule_attempts(kit, outcome.scheduled)
    count_outcomes(outcome.tallies)
    [status] = [status for status, count in outcome.tallies.items() if count]
    return status
