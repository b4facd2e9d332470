"""The embedded runner: the same job functions and schedule, run inside the API process.

Used when no Redis is configured (`make run` on a laptop). Each queue has its own concurrency
limit so a long scan never holds up a notification, as with separate arq workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import OrderedDict
from datetime import datetime
from typing import Any

from cryptolens.jobs.context import JobContext
from cryptolens.jobs.execution import Outcome, execute
from cryptolens.jobs.registry import QUEUES, Queue, get_job
from cryptolens.jobs.scheduler import run_cron_loop

log = logging.getLogger("cryptolens.jobs.inline")

QUEUE_CONCURRENCY: dict[Queue, int] = {"high": 10, "default": 2, "low": 1}
# Outcomes of finished jobs kept for status look-ups (like arq's kept results).
FINISHED_KEPT = 1000


class InlineRunner:
    """Implements the Enqueuer interface; `ctx.enqueuer` is the runner itself."""

    def __init__(self) -> None:
        self.ctx: JobContext | None = None
        self._limits = {queue: asyncio.Semaphore(QUEUE_CONCURRENCY[queue]) for queue in QUEUES}
        self._waiting: dict[Queue, int] = dict.fromkeys(QUEUES, 0)
        self._tasks: dict[str, asyncio.Task[Outcome]] = {}
        self._finished: OrderedDict[str, Outcome] = OrderedDict()
        self._cron_task: asyncio.Task[None] | None = None
        self._accepting = True

    def bind(self, ctx: JobContext) -> None:
        self.ctx = ctx

    async def enqueue(
        self,
        name: str,
        *,
        job_id: str | None = None,
        defer_seconds: float | None = None,
        **kwargs: Any,
    ) -> str | None:
        get_job(name)  # unknown names fail at the caller, as with arq
        if not self._accepting:
            return None
        job_id = job_id or uuid.uuid4().hex
        running = self._tasks.get(job_id)
        if running is not None and not running.done():
            return None
        assert self.ctx is not None, "bind() the runner to a JobContext first"
        enqueued_at = self.ctx.clock.now()
        task = asyncio.create_task(self._run(name, kwargs, job_id, defer_seconds, enqueued_at))
        self._tasks[job_id] = task
        task.add_done_callback(lambda _: self._forget(job_id, task))
        return job_id

    def _forget(self, job_id: str, task: asyncio.Task[Outcome]) -> None:
        if self._tasks.get(job_id) is task:
            del self._tasks[job_id]
        if not task.cancelled() and task.exception() is None:
            self._finished[job_id] = task.result()
            while len(self._finished) > FINISHED_KEPT:
                self._finished.popitem(last=False)

    async def queue_sizes(self) -> dict[str, int]:
        return {queue: count for queue, count in self._waiting.items()}

    async def wait_for(self, job_id: str) -> Outcome | None:
        """The outcome of a queued, running or recently finished job; None if unknown."""
        task = self._tasks.get(job_id)
        if task is not None:
            return await task
        return self._finished.get(job_id)

    async def _run(
        self,
        name: str,
        kwargs: dict[str, Any],
        job_id: str,
        defer_seconds: float | None,
        enqueued_at: datetime,
    ) -> Outcome:
        assert self.ctx is not None
        queue = get_job(name).queue
        if defer_seconds:
            await asyncio.sleep(defer_seconds)
        attempt = 1
        while True:
            limit = self._limits[queue]
            self._waiting[queue] += 1
            try:
                await limit.acquire()
            finally:
                self._waiting[queue] -= 1
            try:
                outcome = await execute(
                    self.ctx,
                    name,
                    kwargs,
                    job_id=job_id,
                    enqueued_at=enqueued_at,
                    attempt=attempt,
                    from_cron=job_id.startswith("cron:"),
                )
            finally:
                limit.release()
            if outcome.retry_in_seconds is None or not self._accepting:
                return outcome
            await asyncio.sleep(outcome.retry_in_seconds)
            attempt += 1

    def start_schedule(self, *, fire_at_start: bool = True) -> None:
        self._cron_task = asyncio.create_task(run_cron_loop(self, fire_at_start=fire_at_start))

    async def stop(self, timeout_seconds: float = 30.0) -> None:
        """Takes no new jobs, lets running ones finish up to the timeout, cancels the rest."""
        self._accepting = False
        if self._cron_task is not None:
            self._cron_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._cron_task
        pending = [task for task in self._tasks.values() if not task.done()]
        if not pending:
            return
        _, still_running = await asyncio.wait(pending, timeout=timeout_seconds)
        for task in still_running:
            task.cancel()
        if still_running:
            log.warning("inline.cancelled_on_stop", extra={"jobs": len(still_running)})
            await asyncio.gather(*still_running, return_exceptions=True)
