"""Deliveries whose next attempt was lost are resumed, not forgotten.

A queued delivery always has a deferred job waiting for it, except when a process died at the
wrong moment: between the commit of a batch and the enqueue of its retries or free-tier
delays, in the middle of a send it had claimed, or, in the embedded mode, with the in-process
queue's deferred jobs still in memory. The periodic sweep finds those rows by their times and
enqueues the attempt again; the row's claim keeps a duplicate job from sending twice. A send
interrupted mid-flight may have reached the phone: resuming it favours a possible second push
over a lost one. Rows far older than any legitimate schedule are given up as `expired`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.notifications import repository
from cryptolens.notifications.delivery import (
    PushKit,
    ScheduledAttempt,
    count_outcomes,
    schedule_attempts,
)

# A deferred attempt this late was lost (the queue runs due jobs within seconds).
LOST_AFTER = timedelta(minutes=2)
# A claimed send this old belongs to a process that died (sends time out in seconds).
ABANDONED_AFTER = timedelta(minutes=10)
# Beyond the push age limit: the free-tier delay (10 min) and the retry schedule (~8 min) fit.
GIVE_UP_MARGIN = timedelta(minutes=30)
SWEEP_LIMIT = 1000
EXPIRED = "expired"


@dataclass
class SweepReport:
    resumed: int = 0
    expired: int = 0


async def resume_stalled(
    session_factory: async_sessionmaker[AsyncSession], kit: PushKit
) -> SweepReport:
    now = kit.clock.now()
    give_up_before = now - kit.settings.max_age - GIVE_UP_MARGIN
    async with unit_of_work(session_factory) as db:
        rows = await repository.stalled_deliveries(
            db,
            due_before=now - LOST_AFTER,
            claimed_before=now - ABANDONED_AFTER,
            limit=SWEEP_LIMIT,
        )
        too_old = [row for row in rows if row.created_at <= give_up_before]
        await repository.record_outcomes(
            db,
            [
                {"id": row.id, "status": "skipped", "reason": EXPIRED, "claim": None}
                for row in too_old
            ],
        )
    resumed = [
        ScheduledAttempt(row.id, row.attempts, 0.0)
        for row in rows
        if row.created_at > give_up_before
    ]
    await schedule_attempts(kit, resumed)
    count_outcomes(Counter({"skipped": len(too_old)}))
    return SweepReport(resumed=len(resumed), expired=len(too_old))
