"""Keeps one arq Worker serving its queue through Redis outages.

arq's `Worker.main` ends with the first Redis error it meets (a refused connection, a reset, a
read timeout on a hung server). Here that is an outage, not an end: the worker pings Redis with
backoff and, once it answers, serves again with the same Worker (its running jobs, cron
slots and counters kept). Redis away longer than `CRYPTOLENS_JOB_REDIS_GIVE_UP_SECONDS` is
given up on: a `worker.redis_gave_up` error line and RedisGaveUpError, which makes the process exit
with status 1 so its supervisor restarts it and its alerting sees it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field

from arq.connections import ArqRedis
from arq.worker import Worker
from redis.exceptions import RedisError

log = logging.getLogger("cryptolens.jobs.worker")

# Errors that say Redis went away (a refused or reset connection, a read that timed out).
REDIS_LOST = (RedisError, OSError, TimeoutError)
PING_TIMEOUT_SECONDS = 3.0
FIRST_RETRY_SECONDS = 0.5
# Capped so a worker serves again within a few seconds of Redis coming back.
MAX_RETRY_SECONDS = 4.0


class RedisGaveUpError(Exception):
    """Redis stayed unreachable past the give-up time."""


@dataclass
class RedisWatch:
    pool: ArqRedis
    give_up_seconds: float
    stopping: asyncio.Event = field(default_factory=asyncio.Event)

    async def answers(self) -> bool:
        try:
            async with asyncio.timeout(PING_TIMEOUT_SECONDS):
                await self.pool.ping()
        except REDIS_LOST:
            return False
        return True

    async def wait_until_back(self, queue: str, lost_at: float) -> bool:
        """True once Redis answers, False when the process stops meanwhile; RedisGaveUpError past
        the give-up time."""
        delay = FIRST_RETRY_SECONDS
        while not self.stopping.is_set():
            if await self.answers():
                return True
            away = time.monotonic() - lost_at
            if away >= self.give_up_seconds:
                log.error(
                    "worker.redis_gave_up",
                    extra={"queue": queue, "away_seconds": round(away, 1)},
                )
                raise RedisGaveUpError(f"Redis unreachable for {away:.0f} s")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stopping.wait(), min(delay, self.give_up_seconds))
            delay = min(delay * 2, MAX_RETRY_SECONDS)
        return False


class WorkerStoppedError(RuntimeError):
    """arq's loop ended on its own while Redis answers: nothing to wait for."""


async def serve_queue(worker: Worker, queue: str, watch: RedisWatch, drain_seconds: float) -> None:
    """Runs `worker` until the process stops, through Redis outages. Never ends silently:
    any end that is not a stop is an outage ridden out, or an error that stops the process."""
    while True:
        error = await _run_until_it_ends(worker)
        if watch.stopping.is_set() and not isinstance(error, REDIS_LOST):
            return
        if not isinstance(error, REDIS_LOST) and await watch.answers():
            log.error("worker.failed", extra={"queue": queue, "error": repr(error)})
            raise error  # a fault of ours, not an outage: the process stops
        lost_at = time.monotonic()
        if not watch.stopping.is_set():
            log.warning("worker.redis_lost", extra={"queue": queue, "error": repr(error)})
        if not await watch.wait_until_back(queue, lost_at):
            await _drain(worker, drain_seconds)
            return
        log.info(
            "worker.redis_back",
            extra={"queue": queue, "away_seconds": round(time.monotonic() - lost_at, 1)},
        )
        await _recount_job_slots(worker)


async def _run_until_it_ends(worker: Worker) -> Exception:
    """What ended arq's loop: its error, or WorkerStoppedError when it returned or was
    cancelled by arq itself (as at the end of a stop signal's wait)."""
    try:
        await worker.async_run()
    except asyncio.CancelledError:
        if _being_cancelled():
            raise  # the process is going down around us
        return WorkerStoppedError("arq's worker loop was cancelled")
    except Exception as error:
        return error
    return WorkerStoppedError("arq's worker loop returned")


def _being_cancelled() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


async def _drain(worker: Worker, drain_seconds: float) -> None:
    """A stop during an outage: running jobs get their grace, as with a stop in service."""
    running = [task for task in worker.tasks.values() if not task.done()]
    if running:
        _, late = await asyncio.wait(running, timeout=drain_seconds)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)


async def _recount_job_slots(worker: Worker) -> None:
    """arq counts the jobs it runs with a counter and a semaphore that a Redis error in the
    middle of starting a job leaves taken for good: after an outage they are set again from
    the jobs really running, so the worker keeps its full `max_jobs`."""
    await asyncio.sleep(0)  # let finished jobs' callbacks run first
    for job_id, task in list(worker.tasks.items()):
        if task.done():
            del worker.tasks[job_id]
            error = None if task.cancelled() else task.exception()
            if error is not None:
                # Its end was not recorded in Redis: arq hands it out again later, and the
                # job's own records (run history, unique keys) make that harmless.
                log.warning(
                    "worker.job_end_unrecorded", extra={"job_id": job_id, "error": repr(error)}
                )
    running = len(worker.tasks)
    worker.job_counter = running
    worker.sem = asyncio.BoundedSemaphore(worker.max_jobs + 1)
    for _ in range(running):
        await worker.sem.acquire()
