"""One deferred attempt of a broadcast's delivery (a retry, or a push held for quiet hours):
claimed like a signal's, checked again (the audience and quiet hours, as they are now), sent,
recorded; the broadcast completes with its last final row."""

from __future__ import annotations

import secrets
from collections import Counter

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.notifications import repository as delivery_repository
from cryptolens.notifications.broadcasting.pushes import plan_claimed, settle
from cryptolens.notifications.delivery import (
    PushKit,
    count_outcomes,
    outcome_of,
    publish_all,
    schedule_attempts,
)
from cryptolens.notifications.lease import DeliveryLease


async def deliver_broadcast_attempt(
    session_factory: async_sessionmaker[AsyncSession],
    kit: PushKit,
    delivery_id: int,
    expected_attempts: int,
) -> str | None:
    """What happened to the attempt; None when the delivery is not a broadcast's (a signal's
    attempt is workflows.deliver_one's)."""
    now = kit.clock.now()
    async with unit_of_work(session_factory) as db:
        found = await delivery_repository.get_delivery(db, delivery_id)
    if found is None or found.broadcast_id is None:
        return None
    broadcast_id = found.broadcast_id
    lease = DeliveryLease(session_factory, kit, secrets.token_hex(16))
    lease_until = lease.until()
    async with unit_of_work(session_factory) as db:
        row = await delivery_repository.claim_attempt(
            db, delivery_id, expected_attempts, now, lease.claim, lease_until
        )
        if row is None:
            return "already_handled"  # sent, failed, skipped or another attempt took it
        plan = await plan_claimed(db, kit, broadcast_id, [row], now, lease.claim)
    await schedule_attempts(kit, plan.scheduled)
    status = "skipped" if plan.skipped else "held"
    if plan.to_send:
        async with lease:
            await lease.hold([row.id], lease_until)
            results = await publish_all(kit, plan.to_send)
            outcome = outcome_of(kit, results, kit.clock.now())
            async with unit_of_work(session_factory) as db:
                await delivery_repository.record_outcomes(db, outcome.changes, claim=lease.claim)
        await schedule_attempts(kit, outcome.scheduled)
        count_outcomes(outcome.tallies)
        [status] = [status for status, count in outcome.tallies.items() if count]
    else:
        count_outcomes(Counter({"skipped": plan.skipped}))
    async with unit_of_work(session_factory) as db:
        await settle(db, broadcast_id, kit.clock.now())
    return status
