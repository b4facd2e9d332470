"""Deliveries whose sender or next attempt was lost are resumed, not forgotten.

A queued delivery is either held by a live sender (its claim's lease renewed,
notifications/lease.py) or has a deferred job waiting for it, except when a process died at
the wrong moment. The sweep (every minute, and queued for the moment each lease runs out)
finds those rows:

- claimed by a sender that died (the lease ran out): the signal's fan-out is queued again and
  takes them over for their next attempt, all at once and through the same send pipeline. The
  dead sender recorded every outcome before sending more, so only its last pushes in flight
  can reach a phone twice; a lost push is worse than those few. A delivery whose last allowed
  attempt died with its sender is finished as failed, as the retry schedule would have.
- unclaimed and overdue (a process died between a commit and its enqueue, or the embedded
  mode restarted with its deferred jobs in memory): the attempt is enqueued again; the row's
  claim keeps a duplicate job from sending twice.

Rows far older than any legitimate schedule are given up as `expired`.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.notifications import repository
from cryptolens.notifications.config import MAX_ATTEMPTS, UNLEASED_CLAIM_ABANDONED_AFTER
from cryptolens.notifications.delivery import (
    PushKit,
    ScheduledAttempt,
    count_outcomes,
    schedule_attempts,
)
from cryptolens.notifications.models import UserNotification

log = logging.getLogger("cryptolens.notifications")

FAN_OUT_JOB = "notify_signal"
BROADCAST_JOB = "send_broadcast"
# A deferred attempt this late was lost (the queue runs due jobs within seconds).
LOST_AFTER = timedelta(minutes=1)
# Beyond the push age limit: the free-tier delay (10 min) and the retry schedule (~8 min) fit.
GIVE_UP_MARGIN = timedelta(minutes=30)
SWEEP_LIMIT = 1000
EXPIRED = "expired"
RETRIES_EXHAUSTED = "retries_exhausted"


@dataclass
class SweepReport:
    resumed: int = 0
    expired: int = 0
    failed: int = 0

    def details(self) -> dict[str, int]:
        return {"resumed": self.resumed, "expired": self.expired, "failed": self.failed}


async def resume_stalled(
    session_factory: async_sessionmaker[AsyncSession], kit: PushKit
) -> SweepReport:
    now = kit.clock.now()
    give_up_before = now - kit.settings.max_age - GIVE_UP_MARGIN
    async with unit_of_work(session_factory) as db:
        rows = await repository.stalled_deliveries(
            db,
            now=now,
            lost_before=now - LOST_AFTER,
            unleased_before=now - UNLEASED_CLAIM_ABANDONED_AFTER,
            limit=SWEEP_LIMIT,
        )
        too_old = [row for row in rows if _age_mark(row) <= give_up_before]
        current = [row for row in rows if _age_mark(row) > give_up_before]
        exhausted = [
            row for row in current if row.claim is not None and row.attempts >= MAX_ATTEMPTS
        ]
        await repository.finish_stalled(
            db,
            [
                *(_finished(row.id, "skipped", EXPIRED) for row in too_old),
                *(_finished(row.id, "failed", RETRIES_EXHAUSTED) for row in exhausted),
            ],
        )
    abandoned = [row for row in current if row.claim is not None and row.attempts < MAX_ATTEMPTS]
    lost = [ScheduledAttempt(row.id, row.attempts, 0.0) for row in current if row.claim is None]
    # One fan-out per signal (or broadcast) takes over all its abandoned deliveries.
    for signal_id in sorted({row.signal_id for row in abandoned if row.signal_id is not None}):
        await kit.queue.enqueue(
            FAN_OUT_JOB,
            job_id=f"notify:{signal_id}:resume:{int(now.timestamp())}",
            signal_id=signal_id,
        )
    for broadcast_id in sorted({row.broadcast_id for row in abandoned if row.broadcast_id}):
        await kit.queue.enqueue(
            BROADCAST_JOB,
            job_id=f"{BROADCAST_JOB}:{broadcast_id}:resume:{int(now.timestamp())}",
            broadcast_id=broadcast_id,
        )
    await schedule_attempts(kit, lost)
    if exhausted:
        log.warning(
            "notifications.deliveries_failed",
            extra={"count": len(exhausted), "reason": RETRIES_EXHAUSTED},
        )
    count_outcomes(Counter({"skipped": len(too_old), "failed": len(exhausted)}))
    return SweepReport(
        resumed=len(abandoned) + len(lost), expired=len(too_old), failed=len(exhausted)
    )


def _age_mark(row: UserNotification) -> datetime:
    """A broadcast's push may be held for hours of quiet time: its age counts from when it
    was due, a signal's from when it was queued."""
    return row.send_after if row.broadcast_id is not None else row.created_at


def _finished(delivery_id: int, status: str, reason: str) -> dict[str, object]:
    return {
        "id": delivery_id,
        "status": status,
        "reason": reason,
        "claim": None,
        "lease_until": None,
    }
