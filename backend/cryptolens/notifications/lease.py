"""Leases on claimed deliveries: a claim holds a delivery only while its sender lives.

Claiming a delivery sets its `lease_until` (DELIVERY_LEASE ahead); while the sender works it
renews the leases of the deliveries it still holds every LEASE_RENEWAL, and recording an
outcome clears the claim. A sender that dies stops renewing, and the sweep hands what it held
to another sender once the lease has run out (notifications/recovery.py).

So that this happens seconds after a crash rather than at the next cron slot, every lease
comes with a sweep enqueued, deferred, for the moment it runs out: it waits in the queue
(Redis), which outlives the process. One such sweep per WATCH_STEP_SECONDS at most (its job id
names the moment); a sweep that finds every lease renewed does nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Iterable
from datetime import datetime
from types import TracebackType

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.notifications import repository
from cryptolens.notifications.config import DELIVERY_LEASE, LEASE_RENEWAL
from cryptolens.notifications.delivery import PushKit

log = logging.getLogger("cryptolens.notifications")

SWEEP_JOB = "resume_deliveries"
WATCH_STEP_SECONDS = 5
# The sweep runs this long after the lease's end: a renewal committed at the last moment is
# seen, and a lease that ran out is not missed by a clock a little behind.
WATCH_MARGIN_SECONDS = 1


class DeliveryLease:
    """The deliveries one sender (a fan-out or one attempt) holds under its `claim`.

    `async with lease:` renews them in the background until the block ends."""

    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], kit: PushKit, claim: str
    ) -> None:
        self.claim = claim
        self._session_factory = session_factory
        self._kit = kit
        self._held: set[int] = set()
        self._watched_at: int | None = None
        self._renewer: asyncio.Task[None] | None = None

    def until(self) -> datetime:
        """The end of a lease granted or renewed now."""
        return self._kit.clock.now() + DELIVERY_LEASE

    async def hold(self, delivery_ids: Iterable[int], until: datetime) -> None:
        """Deliveries just claimed with a lease to `until`."""
        before = len(self._held)
        self._held.update(delivery_ids)
        if len(self._held) > before:
            await self._watch(until)

    def release(self, delivery_ids: Iterable[int]) -> None:
        """Deliveries whose outcome is recorded (the claim is cleared with it)."""
        self._held.difference_update(delivery_ids)

    async def __aenter__(self) -> DeliveryLease:
        self._renewer = asyncio.create_task(self._renew_forever())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._renewer is not None:
            self._renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._renewer

    async def _renew_forever(self) -> None:
        while True:
            await asyncio.sleep(LEASE_RENEWAL.total_seconds())
            if not self._held:
                continue
            try:
                await self.renew()
            except Exception as error:  # the next renewal may succeed; else the lease runs out
                log.warning(
                    "notifications.lease_not_renewed",
                    extra={"held": len(self._held), "error": type(error).__name__},
                )

    async def renew(self) -> None:
        until = self.until()
        async with unit_of_work(self._session_factory) as db:
            await repository.renew_leases(db, list(self._held), self.claim, until)
        await self._watch(until)

    async def _watch(self, until: datetime) -> None:
        """A sweep queued for when the lease to `until` runs out (one per step)."""
        due = math.ceil(until.timestamp() / WATCH_STEP_SECONDS) * WATCH_STEP_SECONDS
        due += WATCH_MARGIN_SECONDS
        if due == self._watched_at:
            return
        self._watched_at = due
        try:
            await self._kit.queue.enqueue(
                SWEEP_JOB,
                job_id=f"{SWEEP_JOB}:at:{due}",
                defer_seconds=max(0.0, due - self._kit.clock.now().timestamp()),
            )
        except Exception as error:  # the queue is down: the cron sweep still runs every minute
            log.warning("notifications.sweep_not_queued", extra={"error": type(error).__name__})
