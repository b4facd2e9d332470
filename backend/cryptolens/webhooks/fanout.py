"""The fan-out of one event (the `webhook_fanout` job, queued after the cycle's commit): the
body built once, one delivery per eligible endpoint (the unique key makes a second run create
none), then each delivery's first attempt queued."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import from_ms, unit_of_work
from cryptolens.webhooks import repository
from cryptolens.webhooks.delivery import ATTEMPT_JOB, attempt_job_id
from cryptolens.webhooks.eligibility import eligible_owners, subscribes
from cryptolens.webhooks.events import event_body, load_event
from cryptolens.webhooks.kit import WebhookKit
from cryptolens.webhooks.signing import new_message_id

log = logging.getLogger("cryptolens.webhooks")

FANOUT_JOB = "webhook_fanout"


@dataclass
class FanOutReport:
    stale: bool = False
    missing: bool = False
    deliveries: int = 0

    def details(self) -> dict[str, int]:
        return {"stale": int(self.stale), "missing": int(self.missing), "queued": self.deliveries}


async def fan_out(
    session_factory: async_sessionmaker[AsyncSession],
    kit: WebhookKit,
    event_type: str,
    object_id: int,
    occurred_ms: int,
    *,
    previous_status: str | None = None,
    status: str | None = None,
) -> FanOutReport:
    report = FanOutReport()
    now = kit.clock.now()
    # A catch-up or backfill made it: stored, but old news (as pushes).
    if now - from_ms(occurred_ms) > kit.max_age:
        report.stale = True
        return report
    async with unit_of_work(session_factory) as db:
        event = await load_event(
            db, event_type, object_id, now, previous_status=previous_status, status=status
        )
        if event is None:
            report.missing = True
            return report
        candidates = [
            endpoint
            for endpoint in await repository.active_endpoints(db)
            if subscribes(endpoint, event.type, event.subject)
        ]
        owners = await eligible_owners(db, [endpoint.user_id for endpoint in candidates], now)
        body = event_body(event.type, event.data, now)  # once, for every endpoint
        await repository.insert_deliveries(
            db,
            [
                {
                    "message_id": new_message_id(),
                    "endpoint_id": endpoint.id,
                    "event_key": event.key,
                    "event_type": event.type,
                    "body": body,
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                }
                for endpoint in candidates
                if endpoint.user_id in owners
            ],
        )
        # Also those a crashed earlier run made but never queued.
        untried = [delivery.id for delivery in await repository.untried_deliveries(db, event.key)]
    for delivery_id in untried:
        await kit.queue.enqueue(
            ATTEMPT_JOB,
            job_id=attempt_job_id(delivery_id, 0),
            delivery_id=delivery_id,
            expected_attempts=0,
        )
    report.deliveries = len(untried)
    log.info("webhooks.fan_out", extra={"event": event.key, **report.details()})
    return report
