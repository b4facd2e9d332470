"""The arq worker: one arq Worker per named queue in one process, so a long scan on `default`
never delays a notification on `high`. Any number of processes may run side by side.

arq provides what keeps a job from running twice: `_job_id` deduplication (a kept result
holds the id an hour), one in-progress key per job, `cron(..., unique=True)` slot ids, each
job's timeout and its tries (`max_tries`, `Retry(defer=...)`). Payloads are JSON
(jobs/payload.py), never pickle.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Sequence
from datetime import UTC
from typing import Any, cast

from arq.connections import ArqRedis
from arq.cron import CronJob, cron
from arq.typing import WorkerCoroutine
from arq.worker import Function, Retry, Worker, func
from prometheus_client import start_http_server

from cryptolens.core.cache import RedisCache
from cryptolens.core.clock import SystemClock
from cryptolens.core.events import RedisEventBus
from cryptolens.core.metrics import JOB_QUEUE_SIZE
from cryptolens.db import create_engine, create_session_factory
from cryptolens.job_context import JobContext
from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.execution import JobCall, execute
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.locks import LockManager, RedisLocks
from cryptolens.jobs.payload import dump_payload, load_payload
from cryptolens.jobs.registry import (
    JOBS,
    QUEUES,
    JobDefinition,
    Queue,
    get_job,
    job_timeout_seconds,
    timeout_seconds,
)
from cryptolens.jobs.runtime import build_context, close_resources, create_arq_redis
from cryptolens.jobs.schedule import CRON_SCHEDULE, SLOT_MICROSECOND, CronEntry
from cryptolens.jobs.serving import RedisGaveUpError, RedisWatch, serve_queue
from cryptolens.settings import Settings

log = logging.getLogger("cryptolens.jobs.worker")

CONTEXT_KEY = "cryptolens"
LOCKS_KEY = "cryptolens_locks"
# A finished job keeps its result (and so its id) this long: a late enqueue of the same id,
# such as a cron slot seen by a worker whose loop was busy, does nothing.
KEEP_RESULT_SECONDS = 3600
QUEUE_SIZE_INTERVAL_SECONDS = 5.0
MAX_JOBS: dict[Queue, int] = {"high": 20, "default": 4, "low": 4}
# A stopping worker lets running jobs end this long past their limit before cancelling them.
STOP_GRACE_SECONDS = 10
# The exit status of a worker that gave up on Redis (the `worker.redis_gave_up` line says so).
EXIT_REDIS_GAVE_UP = 1


async def _run_call(arq_ctx: dict[str, Any], call: JobCall) -> dict[str, Any]:
    outcome = await execute(arq_ctx[CONTEXT_KEY], arq_ctx[LOCKS_KEY], call)
    if outcome.retry_in_seconds is not None:
        raise Retry(defer=outcome.retry_in_seconds)
    return {"status": outcome.status, "error": outcome.error}


def _call(arq_ctx: dict[str, Any], name: str, kwargs: dict[str, Any], from_cron: bool) -> JobCall:
    enqueued = arq_ctx.get("enqueue_time")
    return JobCall(
        name,
        kwargs,
        job_id=arq_ctx.get("job_id"),
        enqueued_at=enqueued.astimezone(UTC) if enqueued else None,
        attempt=int(arq_ctx.get("job_try", 1)),
        from_cron=from_cron,
    )


# arq calls these with the positional arguments of the payload, which are always none
# (jobs/payload.py refuses any): hence no *args, and the cast to arq's coroutine type.


def _job_entry(definition: JobDefinition) -> WorkerCoroutine:
    async def run(arq_ctx: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        return await _run_call(arq_ctx, _call(arq_ctx, definition.name, kwargs, False))

    run.__qualname__ = run.__name__ = definition.name
    return cast(WorkerCoroutine, run)


def _cron_entry(entry: CronEntry, name: str) -> WorkerCoroutine:
    async def run(arq_ctx: dict[str, Any]) -> dict[str, Any]:
        return await _run_call(arq_ctx, _call(arq_ctx, entry.job_name, {}, True))

    run.__qualname__ = run.__name__ = name
    return cast(WorkerCoroutine, run)


def arq_functions(settings: Settings, queue: Queue) -> list[Function]:
    jobs = settings.jobs
    return [
        func(
            _job_entry(definition),
            name=definition.name,
            timeout=job_timeout_seconds(jobs, definition),
            max_tries=jobs.max_tries,
            keep_result=KEEP_RESULT_SECONDS,
        )
        for definition in JOBS.values()
        if definition.queue == queue
    ]


def arq_cron_jobs(settings: Settings, queue: Queue) -> list[CronJob]:
    """The schedule's entries whose job runs on `queue`: arq enqueues a cron job on the
    queue of the worker that schedules it."""
    jobs = settings.jobs
    keys = JobKeys.of(jobs)
    return [
        cron(
            _cron_entry(entry, keys.cron_name(entry)),
            name=keys.cron_name(entry),
            minute=entry.minute_option,
            hour=entry.hour,
            second=0,
            microsecond=SLOT_MICROSECOND,
            unique=True,
            timeout=timeout_seconds(jobs, queue),
            max_tries=jobs.max_tries,
            keep_result=KEEP_RESULT_SECONDS,
        )
        for entry in CRON_SCHEDULE
        if get_job(entry.job_name).queue == queue
    ]


def build_worker(
    settings: Settings,
    pool: ArqRedis,
    ctx: JobContext,
    locks: LockManager,
    queue: Queue,
    *,
    schedule: bool,
) -> Worker:
    keys = JobKeys.of(settings.jobs)
    return Worker(
        functions=arq_functions(settings, queue),
        cron_jobs=arq_cron_jobs(settings, queue) if schedule else None,
        queue_name=keys.queue(queue),
        redis_pool=pool,
        ctx={CONTEXT_KEY: ctx, LOCKS_KEY: locks},
        handle_signals=False,
        job_completion_wait=int(timeout_seconds(settings.jobs, queue)) + STOP_GRACE_SECONDS,
        keep_result=KEEP_RESULT_SECONDS,
        max_jobs=MAX_JOBS[queue],
        poll_delay=0.2,
        health_check_key=keys.health(queue),
        max_tries=settings.jobs.max_tries,
        job_serializer=dump_payload,
        job_deserializer=load_payload,
        # The schedule is UTC (docs/operations.md, "Background jobs"), whatever the host's zone.
        timezone=UTC,
    )


async def _report_queue_sizes(pool: ArqRedis, keys: JobKeys) -> None:
    while True:
        with contextlib.suppress(Exception):
            for queue in QUEUES:
                JOB_QUEUE_SIZE.labels(queue=queue).set(await pool.zcard(keys.queue(queue)))
        await asyncio.sleep(QUEUE_SIZE_INTERVAL_SECONDS)


async def run_worker(settings: Settings, queues: Sequence[Queue], *, schedule: bool) -> int:
    """Serves `queues` until SIGTERM/SIGINT (running jobs finish first); returns the exit
    status. Redis outages are ridden out (jobs/serving.py); Redis away past the give-up time
    ends the process with status 1, and any other failure of a worker stops the others and
    the process, so its supervisor restarts it whole."""
    if not settings.redis_url:
        raise RuntimeError("the worker needs CRYPTOLENS_REDIS_URL (embedded mode runs jobs inline)")
    # Socket timeouts: a hung Redis is an error within seconds, never a wait for ever.
    pool = create_arq_redis(settings.redis_url)
    keys = JobKeys.of(settings.jobs)
    engine = create_engine(settings.resolved_database_url, settings)
    ctx = build_context(
        settings,
        create_session_factory(engine),
        RedisCache(pool),
        SystemClock(),
        ArqEnqueuer(pool, keys),
        RedisEventBus(pool),
    )
    locks = RedisLocks(pool, keys)
    workers = {
        queue: build_worker(settings, pool, ctx, locks, queue, schedule=schedule)
        for queue in queues
    }
    watch = RedisWatch(pool, settings.jobs.redis_give_up_seconds)

    def graceful_stop(signum: signal.Signals) -> None:
        log.info("worker.stopping", extra={"signal": signum.name})
        watch.stopping.set()
        for worker in workers.values():
            worker.handle_sig_wait_for_completion(signum)

    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, graceful_stop, signum)

    reporter = asyncio.create_task(_report_queue_sizes(pool, keys))
    log.info("worker.start", extra={"queues": list(queues), "schedule": schedule})
    gave_up = False
    try:
        async with asyncio.TaskGroup() as group:
            for queue, worker in workers.items():
                drain = timeout_seconds(settings.jobs, queue) + STOP_GRACE_SECONDS
                group.create_task(serve_queue(worker, queue, watch, drain))
    except* RedisGaveUpError:
        gave_up = True
    finally:
        reporter.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reporter
        await close_resources(ctx)
        await engine.dispose()
        await pool.aclose()
    return EXIT_REDIS_GAVE_UP if gave_up else 0


def serve_worker_metrics(port: int) -> None:
    if port > 0:
        start_http_server(port)
