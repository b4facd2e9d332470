"""The sweep of deliveries nobody is attempting (the `webhook_resume` job, every minute): a
deferred retry lost with its queue (the embedded runner drops deferred jobs when it stops), a
first attempt queued by a fan-out that died before enqueueing, or an attempt whose worker
died mid-request (its in-flight time ran out). Each gets its next attempt queued again; the
attempt guard makes a copy that was not lost after all do nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.webhooks import repository
from cryptolens.webhooks.delivery import ATTEMPT_JOB
from cryptolens.webhooks.kit import WebhookKit

# A due attempt not taken within this is presumed lost (a queue backlog is shorter).
LOST_AFTER = timedelta(minutes=2)
SWEEP_LIMIT = 500


@dataclass
class ResumeReport:
    resumed: int = 0

    def details(self) -> dict[str, int]:
        return {"resumed": self.resumed}


async def resume_lost(
    session_factory: async_sessionmaker[AsyncSession], kit: WebhookKit
) -> ResumeReport:
    now = kit.clock.now()
    async with unit_of_work(session_factory) as db:
        lost = await repository.overdue_deliveries(db, now - LOST_AFTER, SWEEP_LIMIT)
        found = [(delivery.id, delivery.attempts) for delivery in lost]
    for delivery_id, attempts in found:
        await kit.queue.enqueue(ATTEMPT_JOB, delivery_id=delivery_id, expected_attempts=attempts)
    return ResumeReport(resumed=len(found))
