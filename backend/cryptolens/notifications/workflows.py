"""A new signal reaches every entitled user once: the fan-out and the single delivery.

The fan-out walks users in id batches. For each batch it decides every user's fate (the pure
eligibility function), writes all rows in one statement (the (user, signal) unique key keeps
a re-run from adding any), claims the rows due now, commits, sends them concurrently, then
records the outcomes in one statement and schedules retries and free-tier delays as deferred
jobs after that commit. Nothing is held open across the network calls.
"""

from __future__ import annotations

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
from cryptolens.notifications.messages import signal_title
from cryptolens.notifications.recipients import load_recipients, pushes_today

log = logging.getLogger("cryptolens.notifications")

SIGNAL_GONE = "signal_gone"


@dataclass
class FanOutReport:
    users: int = 0
    queued: int = 0
    skipped: int = 0
    sent: int = 0
    failed: int = 0
    retrying: int = 0
    stale: bool = False
    missing: bool = False

    def details(self) -> dict[str, int]:
        return {
            "users": self.users,
            "queued": self.queued,
            "skipped": self.skipped,
            "sent": self.sent,
            "failed": self.failed,
            "retrying": self.retrying,
            "stale": int(self.stale),
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


async def _write_batch(
    db: AsyncSession, alert: SignalAlert, title: str, after_id: int, batch_size: int, now: datetime
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
    claimed = await repository.claim_due(
        db, alert.signal_id, list(plan.due_now), now, secrets.token_hex(16)
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
    )


async def fan_out(
    session_factory: async_sessionmaker[AsyncSession], kit: PushKit, signal_id: int
) -> FanOutReport:
    report = FanOutReport()
    now = kit.clock.now()
    async with unit_of_work(session_factory) as db:
        alert = await load_signal_alert(db, signal_id)
    if alert is None:
        report.missing = True
        return report
    if now - alert.created_at > kit.settings.max_age:
        # A catch-up, backfill or backtest made it: stored, but old news on a phone.
        log.info("notifications.stale_signal", extra={"signal_id": signal_id})
        report.stale = True
        return report
    title = signal_title(alert)
    after_id = 0
    while True:
        async with unit_of_work(session_factory) as db:
            batch = await _write_batch(db, alert, title, after_id, kit.settings.batch_size, now)
        if batch.next_after_id is None:
            break
        after_id = batch.next_after_id
        report.users += len(batch.plan.rows)
        report.skipped += sum(row["status"] == "skipped" for row in batch.plan.rows)
        report.queued += len(batch.plan.due_now) + len(batch.plan.delayed)
        outgoing = [
            Outgoing(delivery_id, attempts, signal_message(kit, alert, recipient))
            for delivery_id, attempts, recipient in batch.outgoing
        ]
        results = await publish_all(kit, outgoing)
        outcome = outcome_of(kit, results, kit.clock.now())
        async with unit_of_work(session_factory) as db:
            await repository.record_outcomes(db, outcome.changes)
        await schedule_attempts(kit, [*outcome.scheduled, *batch.delayed])
        outcome.tallies["skipped"] += sum(row["status"] == "skipped" for row in batch.plan.rows)
        count_outcomes(outcome.tallies)
        report.sent += outcome.tallies["sent"]
        report.failed += outcome.tallies["failed"]
        report.retrying += outcome.tallies["retrying"]
    log.info("notifications.fan_out", extra={"signal_id": signal_id, **report.details()})
    return report


async def deliver_one(
    session_factory: async_sessionmaker[AsyncSession],
    kit: PushKit,
    delivery_id: int,
    expected_attempts: int,
) -> str:
    """One deferred attempt (free-tier delay or retry). Eligibility is checked again now:
    quiet hours, preferences and account state may have changed. Returns what happened."""
    now = kit.clock.now()
    async with unit_of_work(session_factory) as db:
        row = await repository.claim_attempt(
            db, delivery_id, expected_attempts, now, secrets.token_hex(16)
        )
        if row is None:
            return "already_handled"  # sent, failed, skipped or another attempt took it
        alert = await load_signal_alert(db, row.signal_id)
        user = await auth_service.get_user(db, row.user_id)
        reason: str | None = SIGNAL_GONE
        recipient: Recipient | None = None
        if alert is not None and user is not None:
            [recipient] = await load_recipients(db, [user], alert.symbol, now)
            reason = decide_at_send(recipient, alert, now).reason
        if reason is not None:
            await repository.record_outcomes(
                db, [{"id": row.id, "status": "skipped", "reason": reason, "claim": None}]
            )
            count_outcomes(Counter({"skipped": 1}))
            return "skipped"
        assert alert is not None and recipient is not None
        outgoing = Outgoing(row.id, row.attempts, signal_message(kit, alert, recipient))
    results = await publish_all(kit, [outgoing])
    outcome = outcome_of(kit, results, kit.clock.now())
    async with unit_of_work(session_factory) as db:
        await repository.record_outcomes(db, outcome.changes)
    await schedule_attempts(kit, outcome.scheduled)
    count_outcomes(outcome.tallies)
    [status] = [status for status, count in outcome.tallies.items() if count]
    return status
