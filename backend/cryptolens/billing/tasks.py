"""Job bodies of the billing domain."""

from __future__ import annotations

from datetime import timedelta

from cryptolens.billing import crediting
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters

# A late webhook may still pay a checkout a while after its end (crypto confirmations).
STALE_CHECKOUT_AFTER = timedelta(days=1)


async def apply_scheduled_changes(ctx: JobContext) -> JobCounters:
    """Every minute: due downgrades roll over; stale pending checkouts expire. Running it
    twice changes nothing more (it acts only on what is due and still pending)."""
    now = ctx.clock.now()
    async with unit_of_work(ctx.session_factory) as db:
        rolled_over = await crediting.roll_over_due_changes(db, now)
    async with unit_of_work(ctx.session_factory) as db:
        expired = await crediting.expire_stale_checkouts(db, now, STALE_CHECKOUT_AFTER)
    return JobCounters(details={"rolled_over": rolled_over, "checkouts_expired": expired})
