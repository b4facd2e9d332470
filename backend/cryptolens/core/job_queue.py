"""The queue jobs are enqueued on, by name with scalar arguments: what a route and a job body
both see of it (arq, or the embedded runner: cryptolens.jobs). Here in core, below
job_context, so the request side's dependency (core/deps.py : JobQueueDep) needs no import
of job_context, which imports core."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any, Protocol

from redis.exceptions import TimeoutError as RedisTimeoutError

# Job arguments are ids and names (house rule 5): JSON scalars, never objects, so a job
# payload in Redis is data and nothing else.
JobArgument = str | int | float | bool | None


class JobQueue(Protocol):
    async def enqueue(
        self,
        name: str,
        *,
        job_id: str | None = None,
        defer_seconds: float | None = None,
        **arguments: JobArgument,
    ) -> str | None:
        """Queue a job by name; returns its id, or None when a job with that id is already
        queued, running or recently done (the id is the deduplication key)."""
        ...


# How long a request waits for Redis to take a job. Enqueueing answers in a millisecond; a hung
# Redis would otherwise hold the request for the client's whole read timeout (3 s), e.g. each
# provider webhook that queues a receipt. Past it the request sees Redis as down (a 503, or the
# caller's own fallback); a job that did reach Redis keeps its id, so a retry is no duplicate.
REQUEST_ENQUEUE_WAIT_SECONDS = 1.0


class BoundedJobQueue:
    """A request's view of the job queue: every enqueue bounded by `wait_seconds`."""

    def __init__(self, queue: JobQueue, wait_seconds: float = REQUEST_ENQUEUE_WAIT_SECONDS):
        self._queue = queue
        self._wait_seconds = wait_seconds

    async def enqueue(
        self,
        name: str,
        *,
        job_id: str | None = None,
        defer_seconds: float | None = None,
        **arguments: JobArgument,
    ) -> str | None:
        queued = self._queue.enqueue(name, job_id=job_id, defer_seconds=defer_seconds, **arguments)
        result: str | None = await self._bounded(queued, name)
        return result

    async def enqueue_once(
        self, name: str, *, with_cron_copies: bool = True, **arguments: JobArgument
    ) -> Any:
        """The admin's "run now" (jobs/enqueue.py : RunsOnce), bounded the same way, when the
        queue underneath offers it."""
        once = getattr(self._queue, "enqueue_once", None)
        if once is None:
            raise TypeError(f"{type(self._queue).__name__} cannot run a job once")
        return await self._bounded(once(name, with_cron_copies=with_cron_copies, **arguments), name)

    async def _bounded(self, call: Awaitable[Any], name: str) -> Any:
        try:
            return await asyncio.wait_for(call, self._wait_seconds)
        except TimeoutError as slow:
            raise RedisTimeoutError(
                f"the job queue took over {self._wait_seconds} s to take {name}"
            ) from slow
