"""Fires the cron schedule at each UTC minute boundary, through whichever enqueuer is in use."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime

from cryptolens.jobs.enqueue import Enqueuer
from cryptolens.jobs.schedule import due_entries

log = logging.getLogger("cryptolens.jobs.scheduler")


async def fire_due(enqueuer: Enqueuer, moment: datetime) -> list[str]:
    """Enqueue the entries due at `moment` (a minute); the slot id makes this idempotent."""
    minute = moment.astimezone(UTC).replace(second=0, microsecond=0)
    fired = []
    for entry in due_entries(minute):
        job_id = await enqueuer.enqueue(entry.job_name, job_id=entry.slot_id(minute))
        if job_id is not None:
            fired.append(job_id)
    return fired


def seconds_to_next_minute(now: float) -> float:
    return 60.0 - (now % 60.0)


async def run_cron_loop(enqueuer: Enqueuer, *, fire_at_start: bool = False) -> None:
    """Runs until cancelled. Uses the wall clock: the schedule is about real minutes."""
    if fire_at_start:
        await fire_due(enqueuer, datetime.now(UTC))
    while True:
        # A little past the boundary, so the minute that just closed is complete.
        await asyncio.sleep(seconds_to_next_minute(time.time()) + 0.5)
        try:
            fired = await fire_due(enqueuer, datetime.now(UTC))
        except Exception:  # a Redis blip must not end the schedule
            log.exception("cron.fire_failed")
            continue
        if fired:
            log.info("cron.fired", extra={"jobs": fired})
