"""Sending claimed deliveries and writing what happened, in batches.

Outcomes: sent; failed at once (4xx other than 429); retried later as a deferred job on the
spec's schedule (429, 5xx, timeouts), failed after the last step; held back while the
throttle is closed (not counted as an attempt), resumed gradually.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from cryptolens.core.clock import Clock
from cryptolens.job_context import JobQueue
from cryptolens.notifications.alerts import SignalAlert
from cryptolens.notifications.config import (
    MAX_ATTEMPTS,
    MUTE_LINK_VALIDITY,
    RETRY_SCHEDULE_SECONDS,
    THROTTLED_PUSHES_PER_SECOND,
)
from cryptolens.notifications.eligibility import Recipient, push_priority
from cryptolens.notifications.messages import NtfyMessage, build_signal_push
from cryptolens.notifications.metrics import NOTIFICATIONS_SENT
from cryptolens.notifications.muting import MuteLinks
from cryptolens.notifications.ntfy import NtfyPublisher, PublishResult
from cryptolens.settings import NotificationSettings

log = logging.getLogger("cryptolens.notifications")

DELIVER_JOB = "deliver_notification"


@dataclass
class PushKit:
    """What sending needs, built once per job from its context."""

    settings: NotificationSettings
    public_url: str  # the app's, without a trailing slash: the base of every link
    publisher: NtfyPublisher
    mute_links: MuteLinks
    queue: JobQueue
    clock: Clock


@dataclass(frozen=True)
class Outgoing:
    delivery_id: int
    attempts: int  # including this one
    message: NtfyMessage


@dataclass(frozen=True)
class ScheduledAttempt:
    delivery_id: int
    expected_attempts: int
    defer_seconds: float


@dataclass
class BatchOutcome:
    changes: list[dict[str, Any]] = field(default_factory=list)
    scheduled: list[ScheduledAttempt] = field(default_factory=list)
    tallies: Counter[str] = field(default_factory=Counter)
    held_back: int = 0  # pushes the throttle held back, these included


def signal_message(kit: PushKit, alert: SignalAlert, recipient: Recipient) -> NtfyMessage:
    now = kit.clock.now()
    return build_signal_push(
        alert,
        topic=recipient.topic,
        timezone=recipient.timezone,
        priority=push_priority(recipient.preferences, alert.confluence),
        public_url=kit.public_url,
        mute_token=kit.mute_links.token(recipient.user_id, alert.symbol, now + MUTE_LINK_VALIDITY),
    )


async def publish_all(
    kit: PushKit, outgoing: Sequence[Outgoing]
) -> list[tuple[Outgoing, PublishResult]]:
    """Concurrently; the publisher bounds how many are in flight."""
    now = kit.clock.now()
    results = await asyncio.gather(*(kit.publisher.publish(item.message, now) for item in outgoing))
    return list(zip(outgoing, results, strict=True))


def retry_delay(attempts: int) -> float | None:
    """Seconds before the next attempt after `attempts` failed ones; None: give up."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return float(RETRY_SCHEDULE_SECONDS[attempts - 1])


def outcome_of(
    kit: PushKit,
    results: Sequence[tuple[Outgoing, PublishResult]],
    now: datetime,
    held_back: int = 0,
) -> BatchOutcome:
    """What to record and schedule. `held_back`: pushes already held back by the throttle in
    this fan-out (the next ones resume after them, spread out)."""
    outcome = BatchOutcome()
    for item, result in results:
        change: dict[str, Any] = {"id": item.delivery_id, "claim": None, "lease_until": None}
        if result.http_status is not None:
            change["http_status"] = result.http_status
            change["ntfy_response"] = result.response
        if result.status == "sent":
            change.update(status="sent", sent_at=now, ntfy_message_id=result.message_id)
        elif result.status == "failed":
            change.update(status="failed", reason=f"http_{result.http_status}")
            _log_failure(item, result, change["reason"])
        elif result.status == "throttled":
            # Never sent: the attempt is given back, and the pushes resume spread out.
            pause = kit.publisher.throttle.remaining(now).total_seconds()
            delay = pause + held_back / THROTTLED_PUSHES_PER_SECOND
            held_back += 1
            change.update(attempts=item.attempts - 1, send_after=now + timedelta(seconds=delay))
            outcome.scheduled.append(ScheduledAttempt(item.delivery_id, item.attempts - 1, delay))
        else:
            delay_or_none = retry_delay(item.attempts)
            if delay_or_none is None:
                change.update(status="failed", reason="retries_exhausted")
                _log_failure(item, result, change["reason"])
            else:
                change["send_after"] = now + timedelta(seconds=delay_or_none)
                change.setdefault("ntfy_response", result.response)
                outcome.scheduled.append(
                    ScheduledAttempt(item.delivery_id, item.attempts, delay_or_none)
                )
        outcome.tallies[change.get("status", "retrying")] += 1
        outcome.changes.append(change)
    outcome.held_back = held_back
    return outcome


async def schedule_attempts(kit: PushKit, scheduled: Sequence[ScheduledAttempt]) -> None:
    """Enqueued after the commit that recorded them. The job id is unique per scheduling:
    whether an attempt runs is decided by the row's claim, not by the queue."""
    for attempt in scheduled:
        await kit.queue.enqueue(
            DELIVER_JOB,
            job_id=f"deliver:{attempt.delivery_id}:{attempt.expected_attempts}:"
            f"{secrets.token_hex(4)}",
            defer_seconds=attempt.defer_seconds,
            delivery_id=attempt.delivery_id,
            expected_attempts=attempt.expected_attempts,
        )


def _log_failure(item: Outgoing, result: PublishResult, reason: str) -> None:
    log.warning(
        "notifications.delivery_failed",
        extra={
            "delivery_id": item.delivery_id,
            "attempts": item.attempts,
            "reason": reason,
            "http_status": result.http_status,
            "detail": (result.response or "")[:200],
        },
    )


def count_outcomes(tallies: Counter[str]) -> None:
    for status, count in tallies.items():
        if count:
            NOTIFICATIONS_SENT.labels(status=status).inc(count)
