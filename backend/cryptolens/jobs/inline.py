"""The embedded runner: the same job functions and schedule, run inside the API process.

Only for the embedded default (no Redis: `make run` on a laptop); with Redis, arq workers run
the jobs. Each queue has its own concurrency limit so a long scan never holds up a
notification, as with separate arq workers. Job ids deduplicate as with arq: an id queued,
running or recently finished is not queued again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from cryptolens.core.shutdown import StopSignal
from cryptolens.job_context import JobArgument, JobContext
from cryptolens.jobs.enqueue import Enqueued
from cryptolens.jobs.execution import JobCall, Outcome, execute
from cryptolens.jobs.locks import MemoryLocks
from cryptolens.jobs.payload import check_arguments
from cryptolens.jobs.registry import QUEUES, Queue, get_job, job_timeout_seconds
from cryptolens.jobs.schedule import CRON_SCHEDULE

log = logging.getLogger("cryptolens.jobs.inline")

QUEUE_CONCURRENCY: dict[Queue, int] = {"high": 10, "default": 2, "low": 1}
# Outcomes of finished jobs kept for status look-ups and deduplication (arq keeps results).
FINISHED_KEPT = 1000


class InlineRunner:
    """Implements the job queue interface; `ctx.enqueuer` is the runner itself."""

    def __init__(self) -> None:
        self.ctx: JobContext | None = None
        self.locks = MemoryLocks()
        self._limits = {queue: asyncio.Semaphore(QUEUE_CONCURRENCY[queue]) for queue in QUEUES}
        self._waiting: dict[Queue, int] = dict.fromkeys(QUEUES, 0)
        self._tasks: dict[str, asyncio.Task[Outcome]] = {}
        self._calls: dict[str, JobCall] = {}  # of the jobs in _tasks
        self._finished: OrderedDict[str, Outcome] = OrderedDict()
        self._cron_task: asyncio.Task[None] | None = None
        self._accepting = True
        self._executing: set[asyncio.Future[Any]] = set()  # inside execute(), not waiting
        self._stop_watch: asyncio.Task[None] | None = None
        self._stopping: asyncio.Task[None] | None = None

    def bind(self, ctx: JobContext) -> None:
        self.ctx = ctx

    async def enqueue(
        self,
        name: str,
        *,
        job_id: str | None = None,
        defer_seconds: float | None = None,
        **arguments: JobArgument,
    ) -> str | None:
        return self._submit(name, arguments, job_id, defer_seconds, from_cron=False)

    async def enqueue_once(
        self, name: str, *, with_cron_copies: bool = True, **arguments: JobArgument
    ) -> Enqueued | None:
        """A manual run: the copy of `name` with these arguments already queued or running
        (a cron slot's too), else a new one; None once stopping. Nothing awaits between the
        look and the submit, so two clicks are one job."""
        get_job(name)
        check_arguments(arguments)
        for job_id, call in self._calls.items():
            if call.name != name or call.kwargs != arguments or self._tasks[job_id].done():
                continue
            if with_cron_copies or not call.from_cron:
                return Enqueued(job_id, deduplicated=True)
        submitted = self._submit(name, arguments, None, None, from_cron=False)
        return None if submitted is None else Enqueued(submitted, deduplicated=False)

    def _submit(
        self,
        name: str,
        arguments: dict[str, Any],
        job_id: str | None,
        defer_seconds: float | None,
        *,
        from_cron: bool,
    ) -> str | None:
        get_job(name)  # unknown names fail at the caller, as with arq
        check_arguments(arguments)
        if not self._accepting:
            return None
        job_id = job_id or uuid.uuid4().hex
        running = self._tasks.get(job_id)
        if (running is not None and not running.done()) or job_id in self._finished:
            return None
        assert self.ctx is not None, "bind() the runner to a JobContext first"
        call = JobCall(name, arguments, job_id, self.ctx.clock.now(), from_cron=from_cron)
        task = asyncio.create_task(self._run(call, defer_seconds))
        self._tasks[job_id] = task
        self._calls[job_id] = call
        task.add_done_callback(lambda _: self._forget(job_id, task))
        return job_id

    def _forget(self, job_id: str, task: asyncio.Task[Outcome]) -> None:
        if self._tasks.get(job_id) is task:
            del self._tasks[job_id]
            self._calls.pop(job_id, None)
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

    async def _run(self, call: JobCall, defer_seconds: float | None) -> Outcome:
        assert self.ctx is not None
        definition = get_job(call.name)
        queue = definition.queue
        limit = job_timeout_seconds(self.ctx.settings.jobs, definition)
        if defer_seconds:
            await asyncio.sleep(defer_seconds)
        while True:
            async with self._slot(queue):
                this_job = asyncio.current_task()
                if this_job is not None:
                    self._executing.add(this_job)
                try:
                    # The job's one time limit; execute() records the run it cuts short.
                    async with asyncio.timeout(limit):
                        outcome = await execute(self.ctx, self.locks, call)
                except TimeoutError:
                    return Outcome(status="failed", error=f"TimeoutError: stopped at {limit:g} s")
                finally:
                    self._executing.discard(this_job)
            if outcome.retry_in_seconds is None or not self._accepting:
                return outcome
            await asyncio.sleep(outcome.retry_in_seconds)
            call = JobCall(
                call.name,
                call.kwargs,
                call.job_id,
                call.enqueued_at,
                attempt=call.attempt + 1,
                from_cron=call.from_cron,
            )

    @contextlib.asynccontextmanager
    async def _slot(self, queue: Queue) -> AsyncIterator[None]:
        limit = self._limits[queue]
        self._waiting[queue] += 1
        try:
            await limit.acquire()
        finally:
            self._waiting[queue] -= 1
        try:
            yield
        finally:
            limit.release()

    def fire_due(self, moment: datetime) -> list[str]:
        """Enqueues the schedule's slots falling in the minute of `moment`; a slot's id makes
        this idempotent."""
        fired = []
        for entry in CRON_SCHEDULE:
            slot = entry.slot_at(moment)
            if slot is None:
                continue
            job_id = self._submit(entry.job_name, {}, entry.slot_id(slot), None, from_cron=True)
            if job_id is not None:
                fired.append(job_id)
        return fired

    async def _run_schedule(self) -> None:
        """Runs until cancelled, on the wall clock: the schedule is about real minutes. The
        current minute's slots fire at once, so a fresh start scans without waiting."""
        self.fire_due(datetime.now(UTC))
        while True:
            now = datetime.now(UTC)
            slot = min(entry.next_slot(now) for entry in CRON_SCHEDULE)
            await asyncio.sleep(max(0.0, (slot - now).total_seconds()))
            fired = self.fire_due(slot)
            if fired:
                log.info("cron.fired", extra={"jobs": fired})

    def start_schedule(self) -> None:
        self._cron_task = asyncio.create_task(self._run_schedule())

    def stop_when(self, stop: StopSignal) -> None:
        """Stops when the process is asked to (a signal): within the stop's deadline, and at
        once when it is forced."""
        self._stop_watch = asyncio.create_task(self._stop_on(stop))

    async def _stop_on(self, stop: StopSignal) -> None:
        await stop.wait_requested()
        stopping = asyncio.ensure_future(self.stop(stop.seconds_left()))
        forced = asyncio.ensure_future(stop.wait_forced())
        await asyncio.wait({stopping, forced}, return_when=asyncio.FIRST_COMPLETED)
        if not stopping.done():
            self._cancel(list(self._tasks.values()), "forced")
        forced.cancel()
        await stopping

    async def stop(self, timeout_seconds: float = 30.0) -> None:
        """Takes no new jobs, drops those not started (deferred, waiting for a retry or for a
        slot: a stop never waits for a timer), lets running ones finish up to the timeout and
        cancels the rest. A second call waits for the first (shielded: a caller cancelled
        while waiting does not cut the stop short)."""
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._stop(timeout_seconds))
        await asyncio.shield(self._stopping)
        if self._stop_watch is not None and self._stop_watch is not asyncio.current_task():
            self._stop_watch.cancel()  # stopped: no signal left to watch for

    async def _stop(self, timeout_seconds: float) -> None:
        self._accepting = False
        if self._cron_task is not None:
            self._cron_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._cron_task
        pending = [task for task in self._tasks.values() if not task.done()]
        self._cancel([task for task in pending if task not in self._executing], "not_started")
        running = [task for task in pending if task in self._executing]
        if running:
            _, still_running = await asyncio.wait(running, timeout=timeout_seconds)
            self._cancel(list(still_running), "still_running")
        await asyncio.gather(*pending, return_exceptions=True)

    def _cancel(self, tasks: list[asyncio.Task[Outcome]], reason: str) -> None:
        tasks = [task for task in tasks if not task.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            log.warning("inline.cancelled_on_stop", extra={"jobs": len(tasks), "reason": reason})
