"""A fan-out's pushes, sent concurrently and recorded as they complete.

At most `concurrency` pushes are in flight *or sent and not yet recorded*: a push's slot is
given back only once its outcome is committed. Whatever happens to the process, at most that
many pushes went out without their row saying so, and only those can be sent again when the
deliveries are taken over (notifications/lease.py). The recorder commits whatever completed
while it wrote the previous group, so the groups grow with the pace of the sends and the
database sees a few statements per group, not per push.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Coroutine
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.notifications import repository
from cryptolens.notifications.delivery import (
    Outgoing,
    PushKit,
    count_outcomes,
    outcome_of,
    schedule_attempts,
)
from cryptolens.notifications.lease import DeliveryLease
from cryptolens.notifications.ntfy import PublishResult

log = logging.getLogger("cryptolens.notifications")

Item = TypeVar("Item")


async def send_as_written(
    write: Callable[[asyncio.Queue[Item | None]], Coroutine[Any, Any, None]],
    send: Callable[[Item], Awaitable[None]],
) -> None:
    """The rows of a fan-out are written by a task of its own (`write` puts each claimed
    item on the queue, then None) while the pushes of the items already claimed go out."""
    claimed: asyncio.Queue[Item | None] = asyncio.Queue()
    writer: asyncio.Task[None] = asyncio.create_task(write(claimed))
    try:
        while (item := await claimed.get()) is not None:
            await send(item)
        await writer  # the writer's error, if any, is the fan-out's
    finally:
        if not writer.done():
            writer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await writer


class SendPipeline:
    """`async with SendPipeline(...) as pipeline: await pipeline.send(item)`; on a clean exit
    every push sent is recorded, and `tallies` counts the outcomes."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        kit: PushKit,
        lease: DeliveryLease,
    ) -> None:
        self.tallies: Counter[str] = Counter()
        self._session_factory = session_factory
        self._kit = kit
        self._lease = lease
        self._slots = asyncio.Semaphore(kit.settings.concurrency)
        self._sending: set[asyncio.Task[None]] = set()
        self._completed: list[tuple[Outgoing, PublishResult]] = []
        self._wake = asyncio.Event()
        self._closing = False
        self._error: BaseException | None = None
        self._held_back = 0
        self._recorder: asyncio.Task[None] | None = None

    async def __aenter__(self) -> SendPipeline:
        self._recorder = asyncio.create_task(self._record_forever())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc is None:
            await self._finish()
        else:
            await self._abandon()

    async def send(self, item: Outgoing) -> None:
        """Starts the push once a slot is free."""
        await self._slots.acquire()
        if self._error is not None:
            raise self._error
        task = asyncio.create_task(self._send_one(item))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    async def _send_one(self, item: Outgoing) -> None:
        try:
            result = await self._kit.publisher.publish(item.message, self._kit.clock.now())
        except Exception:
            # Unrecorded, so still claimed: the lease hands it to another sender later.
            log.exception("notifications.send_crashed", extra={"delivery_id": item.delivery_id})
            self._slots.release()
            return
        self._completed.append((item, result))
        self._wake.set()

    async def _record_forever(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            if self._completed:
                group, self._completed = self._completed, []
                try:
                    await self._record(group)
                except Exception as error:
                    self._fail(error, len(group))
                    return
            if self._closing and not self._completed:
                return  # closing is set once every send has completed

    async def _record(self, group: list[tuple[Outgoing, PublishResult]]) -> None:
        outcome = outcome_of(self._kit, group, self._kit.clock.now(), self._held_back)
        self._held_back = outcome.held_back
        async with unit_of_work(self._session_factory) as db:
            await repository.record_outcomes(db, outcome.changes, claim=self._lease.claim)
        self._lease.release(item.delivery_id for item, _ in group)
        for _ in group:
            self._slots.release()
        count_outcomes(outcome.tallies)
        self.tallies.update(outcome.tallies)
        await schedule_attempts(self._kit, outcome.scheduled)

    def _fail(self, error: BaseException, unrecorded: int) -> None:
        """Recording failed: senders waiting for a slot are woken to stop. The unrecorded rows
        stay claimed and are taken over once the lease runs out."""
        self._error = error
        for _ in range(unrecorded + self._kit.settings.concurrency):
            self._slots.release()

    async def _finish(self) -> None:
        if self._sending:
            await asyncio.gather(*self._sending)
        self._closing = True
        self._wake.set()
        if self._recorder is not None:
            await self._recorder
        if self._error is not None:
            raise self._error

    async def _abandon(self) -> None:
        for task in [*self._sending, *([self._recorder] if self._recorder else [])]:
            task.cancel()
        for task in [*self._sending, *([self._recorder] if self._recorder else [])]:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
