"""Runs one job: admin switch, single-copy lock, timeout, run record, metrics, retry decision.

Both runners (arq worker and the embedded one) call `execute`; only how a retry is scheduled
differs between them.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptolens.core.metrics import JOB_PROCESSING_SECONDS, JOBS_TOTAL
from cryptolens.db import unit_of_work
from cryptolens.jobs.context import JobContext
from cryptolens.jobs.errors import is_transient
from cryptolens.jobs.registry import args_key, get_job, queue_timeout_seconds
from cryptolens.system import job_runs, runtime_settings
from cryptolens.system.job_runs import JobCounters, RunStatus

log = logging.getLogger("cryptolens.jobs")

RETRY_CAP_SECONDS = 300.0


@dataclass(frozen=True)
class Outcome:
    status: RunStatus
    counters: JobCounters | None = None
    error: str | None = None
    retry_in_seconds: float | None = None


def retry_delay(ctx: JobContext, attempt: int) -> float:
    """Exponential backoff with full jitter: base * 2^(attempt-1), capped."""
    ceiling = min(
        RETRY_CAP_SECONDS, float(ctx.settings.job_retry_base_seconds) * 2.0 ** (attempt - 1)
    )
    return ceiling / 2 + random.uniform(0, ceiling / 2)  # noqa: S311 - jitter, not security


async def _record_start(
    ctx: JobContext,
    name: str,
    queue: str,
    summary: str,
    job_id: str | None,
    enqueued_at: datetime | None,
    status: RunStatus = "running",
) -> int:
    async with unit_of_work(ctx.session_factory) as session:
        run = await job_runs.start_run(
            session,
            name=name,
            queue=queue,
            args_summary=summary,
            job_id=job_id,
            enqueued_at=enqueued_at,
            now=ctx.clock.now(),
            status=status,
        )
        return run.id


async def _record_end(
    ctx: JobContext,
    run_id: int,
    status: RunStatus,
    counters: JobCounters | None = None,
    error: str | None = None,
) -> None:
    async with unit_of_work(ctx.session_factory) as session:
        await job_runs.finish_run(
            session, run_id, status=status, now=ctx.clock.now(), counters=counters, error=error
        )


async def _switched_off(ctx: JobContext, name: str) -> bool:
    async with unit_of_work(ctx.session_factory) as session:
        return not await runtime_settings.is_job_enabled(session, name)


async def execute(
    ctx: JobContext,
    name: str,
    kwargs: dict[str, Any],
    *,
    job_id: str | None = None,
    enqueued_at: datetime | None = None,
    attempt: int = 1,
    from_cron: bool = False,
) -> Outcome:
    definition = get_job(name)
    summary = args_key(kwargs)
    if from_cron and await _switched_off(ctx, name):
        run_id = await _record_start(ctx, name, definition.queue, summary, job_id, enqueued_at)
        await _record_end(ctx, run_id, "skipped", error="switched off by an admin")
        JOBS_TOTAL.labels(job=name, status="skipped").inc()
        return Outcome(status="skipped", error="switched off by an admin")

    timeout = queue_timeout_seconds(ctx, definition.queue)
    async with ctx.locks.hold(f"{name}:{summary}", ttl_seconds=timeout + 5) as acquired:
        if not acquired:
            log.info("job.skipped_running", extra={"job": name, "job_args": summary})
            run_id = await _record_start(ctx, name, definition.queue, summary, job_id, enqueued_at)
            await _record_end(ctx, run_id, "skipped", error="another run is in progress")
            JOBS_TOTAL.labels(job=name, status="skipped").inc()
            return Outcome(status="skipped", error="another run is in progress")
        return await _run_locked(
            ctx, definition.name, kwargs, summary, job_id, enqueued_at, attempt
        )


async def _run_locked(
    ctx: JobContext,
    name: str,
    kwargs: dict[str, Any],
    summary: str,
    job_id: str | None,
    enqueued_at: datetime | None,
    attempt: int,
) -> Outcome:
    definition = get_job(name)
    run_id = await _record_start(ctx, name, definition.queue, summary, job_id, enqueued_at)
    started = time.perf_counter()
    try:
        async with asyncio.timeout(queue_timeout_seconds(ctx, definition.queue)):
            counters = await definition.run(ctx, **kwargs)
    except Exception as error:
        elapsed = time.perf_counter() - started
        JOB_PROCESSING_SECONDS.labels(job=name).observe(elapsed)
        text = f"{type(error).__name__}: {error}"
        if is_transient(error) and attempt < ctx.settings.job_max_tries:
            delay = retry_delay(ctx, attempt)
            log.warning("job.retrying", extra={"job": name, "attempt": attempt, "error": text})
            await _record_end(ctx, run_id, "retrying", error=text)
            JOBS_TOTAL.labels(job=name, status="retrying").inc()
            return Outcome(status="retrying", error=text, retry_in_seconds=delay)
        log.exception("job.failed", extra={"job": name, "attempt": attempt})
        await _record_end(ctx, run_id, "failed", error=text)
        JOBS_TOTAL.labels(job=name, status="failed").inc()
        return Outcome(status="failed", error=text)
    JOB_PROCESSING_SECONDS.labels(job=name).observe(time.perf_counter() - started)
    await _record_end(ctx, run_id, "ok", counters=counters)
    JOBS_TOTAL.labels(job=name, status="ok").inc()
    log.info("job.done", extra={"job": name, "job_args": summary, **counters.details})
    return Outcome(status="ok", counters=counters)
