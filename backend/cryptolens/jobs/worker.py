"""The arq worker: one arq Worker per named queue in one process, so a long scan on `default`
never delays a notification on `high`. Several processes may run side by side."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from arq.connections import ArqRedis, RedisSettings, create_pool
from arq.worker import Function, Retry, Worker, func
from prometheus_client import start_http_server

from cryptolens.core.cache import RedisCache
from cryptolens.core.clock import SystemClock
from cryptolens.core.events import RedisEventBus
from cryptolens.core.metrics import JOB_QUEUE_SIZE
from cryptolens.db import create_engine, create_session_factory
from cryptolens.jobs.context import JobContext
from cryptolens.jobs.enqueue import ArqEnqueuer, queue_key
from cryptolens.jobs.execution import execute
from cryptolens.jobs.locks import RedisLocks
from cryptolens.jobs.registry import QUEUES, JobDefinition, Queue, load_jobs
from cryptolens.jobs.runtime import build_context, close_resources
from cryptolens.jobs.scheduler import run_cron_loop
from cryptolens.settings import Settings

log = logging.getLogger("cryptolens.jobs.worker")

CONTEXT_KEY = "cryptolens"
# Finished jobs keep their result this long; it also stops a cron slot being enqueued twice.
KEEP_RESULT_SECONDS = 3600
QUEUE_SIZE_INTERVAL_SECONDS = 5.0


def _arq_entry(definition: JobDefinition) -> Any:
    async def run(arq_ctx: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        ctx: JobContext = arq_ctx[CONTEXT_KEY]
        enqueue_time = arq_ctx.get("enqueue_time")
        outcome = await execute(
            ctx,
            definition.name,
            kwargs,
            job_id=arq_ctx.get("job_id"),
            enqueued_at=enqueue_time.astimezone(UTC) if enqueue_time else None,
            attempt=int(arq_ctx.get("job_try", 1)),
            from_cron=str(arq_ctx.get("job_id", "")).startswith("cron:"),
        )
        if outcome.retry_in_seconds is not None:
            raise Retry(defer=outcome.retry_in_seconds)
        return {"status": outcome.status, "error": outcome.error}

    run.__qualname__ = run.__name__ = definition.name
    return run


def arq_functions(settings: Settings, queue: Queue) -> list[Function]:
    timeouts = {
        "high": settings.job_timeout_high_seconds,
        "default": settings.job_timeout_default_seconds,
        "low": settings.job_timeout_low_seconds,
    }
    return [
        func(
            _arq_entry(definition),
            name=definition.name,
            # Our own execute() enforces the timeout; arq's is a backstop a little later.
            timeout=timeouts[queue] + 10,
            max_tries=settings.job_max_tries + 1,
        )
        for definition in load_jobs().values()
        if definition.queue == queue
    ]


def build_workers(
    settings: Settings, pool: ArqRedis, ctx: JobContext, queues: Sequence[Queue]
) -> list[Worker]:
    workers = []
    for queue in queues:
        timeout = {
            "high": settings.job_timeout_high_seconds,
            "default": settings.job_timeout_default_seconds,
            "low": settings.job_timeout_low_seconds,
        }[queue]
        workers.append(
            Worker(
                functions=arq_functions(settings, queue),
                queue_name=queue_key(queue),
                redis_pool=pool,
                ctx={CONTEXT_KEY: ctx},
                handle_signals=False,
                job_completion_wait=int(timeout) + 10,
                keep_result=KEEP_RESULT_SECONDS,
                max_jobs=20 if queue == "high" else 4,
                poll_delay=0.2,
                health_check_key=f"cryptolens:health:{queue}",
                max_tries=settings.job_max_tries + 1,
            )
        )
    return workers


async def _report_queue_sizes(pool: ArqRedis) -> None:
    while True:
        with contextlib.suppress(Exception):
            for queue in QUEUES:
                JOB_QUEUE_SIZE.labels(queue=queue).set(await pool.zcard(queue_key(queue)))
        await asyncio.sleep(QUEUE_SIZE_INTERVAL_SECONDS)


async def run_worker(settings: Settings, queues: Sequence[Queue], *, schedule: bool) -> None:
    if not settings.redis_url:
        raise RuntimeError("the worker needs CRYPTOLENS_REDIS_URL (embedded mode runs jobs inline)")
    pool = await create_pool(RedisSettings.from_dsn(settings.redis_url))
    engine = create_engine(settings.resolved_database_url, settings)
    ctx = build_context(
        settings,
        create_session_factory(engine),
        RedisCache(pool),
        SystemClock(),
        RedisLocks(pool),
        ArqEnqueuer(pool),
        RedisEventBus(pool),
    )
    workers = build_workers(settings, pool, ctx, queues)
    loop = asyncio.get_running_loop()

    def graceful_stop(signum: signal.Signals) -> None:
        log.info("worker.stopping", extra={"signal": signum.name})
        for worker in workers:
            worker.handle_sig_wait_for_completion(signum)

    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, graceful_stop, signum)

    background = [asyncio.create_task(_report_queue_sizes(pool))]
    if schedule:
        background.append(asyncio.create_task(run_cron_loop(ArqEnqueuer(pool))))
    log.info("worker.start", extra={"queues": list(queues), "started": datetime.now(UTC)})
    try:
        await asyncio.gather(*(worker.async_run() for worker in workers), return_exceptions=True)
    finally:
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        await close_resources(ctx)
        await engine.dispose()
        await pool.aclose()


def serve_worker_metrics(port: int) -> None:
    if port > 0:
        start_http_server(port)
