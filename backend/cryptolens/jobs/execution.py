"""Runs one try of a job: the admin switch, one copy at a time, the run record, metrics and
the retry decision.

Both runners (arq workers, the embedded runner) call `execute`; each enforces the job's one
time limit itself (arq's per-function timeout, the embedded runner's asyncio.timeout) by
cancelling it, and `execute` records a cancelled run before letting the cancellation through.
Only how a retry is scheduled differs between the runners.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.metrics import JOB_PROCESSING_SECONDS, JOBS_TOTAL
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.jobs.locks import LockManager
from cryptolens.jobs.registry import JobDefinition, args_key, get_job, job_timeout_seconds
from cryptolens.jobs.retries import job_retry_policy, retry_delay
from cryptolens.system import job_runs, runtime_settings
from cryptolens.system.errors.capture import capture_job_failure
from cryptolens.system.job_runs import RunStatus
from cryptolens.system.models import JobRun
from cryptolens.system.runtime import service as runtime_settings_service

log = logging.getLogger("cryptolens.jobs")

# A cancellation this close to the limit is the limit (the runner started its clock first).
TIMEOUT_SLACK_SECONDS = 1.0


@dataclass(frozen=True)
class JobCall:
    """One try of a named job, as a runner hands it over."""

    name: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    job_id: str | None = None
    enqueued_at: datetime | None = None
    attempt: int = 1  # 1 for the first try
    from_cron: bool = False

    @property
    def summary(self) -> str:
        return args_key(self.kwargs)


@dataclass(frozen=True)
class Outcome:
    status: RunStatus
    counters: JobCounters | None = None
    error: str | None = None
    retry_in_seconds: float | None = None


async def execute(ctx: JobContext, locks: LockManager, call: JobCall) -> Outcome:
    entered = time.monotonic()
    definition = get_job(call.name)
    if call.from_cron:
        reason = await _reason_to_skip_slot(ctx, call)
        if reason is not None:
            return await _skip(ctx, definition, call, reason)
    limit = job_timeout_seconds(ctx.settings.jobs, definition)
    lock_key = f"{call.name}:{call.summary}"
    # A short lock renewed while held (jobs/locks.py): a killed worker's job is free again
    # within one lifetime, and no later than arq hands the job itself out again (its limit
    # plus 10 s), so that second try is not taken for a copy.
    ttl = min(ctx.settings.jobs.lock_ttl_seconds, limit)
    async with locks.hold(lock_key, ttl_seconds=ttl) as acquired:
        if not acquired:
            if definition.retry_when_busy and call.attempt < ctx.settings.jobs.max_tries:
                # Past one lock lifetime the holder has either finished (the retry finds
                # nothing left to do) or died (its lock ran out: the retry does the work).
                return await _skip(
                    ctx, definition, call, "another run is in progress", retry_in_seconds=ttl
                )
            return await _skip(ctx, definition, call, "another run is in progress")
        async with _shared_slot(locks, definition, ttl):
            return await _run(ctx, definition, call, limit, entered)


# How often a job waiting for a shared slot looks again.
SLOT_POLL_SECONDS = 1.0


@asynccontextmanager
async def _shared_slot(
    locks: LockManager, definition: JobDefinition, ttl: float
) -> AsyncIterator[None]:
    """One of the job's slot group's slots (registry.SlotGroup), waited for; each slot is a
    lock like a job's own (renewed while held, freed within one lifetime if its worker dies)."""
    group = definition.slots
    if group is None:
        yield
        return
    while True:
        for index in range(group.size):
            async with locks.hold(f"slot:{group.name}:{index}", ttl_seconds=ttl) as acquired:
                if acquired:
                    yield
                    return
        await asyncio.sleep(SLOT_POLL_SECONDS)


async def _reason_to_skip_slot(ctx: JobContext, call: JobCall) -> str | None:
    async with unit_of_work(ctx.session_factory) as session:
        if not await runtime_settings.is_job_enabled(session, call.name):
            return "switched off by an admin"
        if call.job_id is not None and await job_runs.already_done(
            session, call.name, call.job_id, ctx.clock.now()
        ):
            return "this slot already ran"
    return None


async def _skip(
    ctx: JobContext,
    definition: JobDefinition,
    call: JobCall,
    reason: str,
    *,
    retry_in_seconds: float | None = None,
) -> Outcome:
    """Records a try that did not run: skipped, or (`retry_in_seconds`) to be tried again."""
    status: RunStatus = "skipped" if retry_in_seconds is None else "retrying"
    log.info(
        "job.skipped",
        extra={
            "job": call.name,
            "job_args": call.summary,
            "reason": reason,
            "retry_in_seconds": retry_in_seconds,
        },
    )
    # Recorded already ended, in one unit of work: nothing ran between a start and an end.
    async with unit_of_work(ctx.session_factory) as session:
        run = await _start_run(session, ctx, definition, call, status=status)
        await job_runs.finish_run(session, run.id, status=status, now=ctx.clock.now(), error=reason)
    JOBS_TOTAL.labels(job=call.name, status=status).inc()
    return Outcome(status=status, error=reason, retry_in_seconds=retry_in_seconds)


async def _run(
    ctx: JobContext, definition: JobDefinition, call: JobCall, limit: float, entered: float
) -> Outcome:
    run_id = await _record_start(ctx, definition, call)
    started = time.perf_counter()
    try:
        # A job reads the runtime settings once, at its start (admin.md "Runtime settings").
        settings = await runtime_settings_service.settings_for_job(
            ctx.session_factory, ctx.settings
        )
        counters = await definition.run(replace(ctx, settings=settings), **call.kwargs)
    except asyncio.CancelledError as cancelled:
        timed_out = time.monotonic() - entered >= limit - TIMEOUT_SLACK_SECONDS
        text = (
            f"TimeoutError: stopped at its {limit:g} s limit"
            if timed_out
            else "CancelledError: the worker stopped before the job ended"
        )
        log.warning("job.stopped", extra={"job": call.name, "attempt": call.attempt, "error": text})
        await _finish(ctx, run_id, call.name, started, "failed", error=text)
        await capture_job_failure(
            ctx.session_factory,
            ctx.clock,
            name=call.name,
            job_id=call.job_id,
            error=cancelled,
            error_type="TimeoutError" if timed_out else None,
            message=text,
        )
        raise
    except Exception as error:
        text = f"{type(error).__name__}: {error}"
        delay = retry_delay(error, call.attempt, job_retry_policy(ctx.settings.jobs))
        if delay is None:
            log.exception("job.failed", extra={"job": call.name, "attempt": call.attempt})
            await _finish(ctx, run_id, call.name, started, "failed", error=text)
            await capture_job_failure(
                ctx.session_factory, ctx.clock, name=call.name, job_id=call.job_id, error=error
            )
            return Outcome(status="failed", error=text)
        log.warning(
            "job.retrying", extra={"job": call.name, "attempt": call.attempt, "error": text}
        )
        await _finish(ctx, run_id, call.name, started, "retrying", error=text)
        return Outcome(status="retrying", error=text, retry_in_seconds=delay)
    await _finish(ctx, run_id, call.name, started, "ok", counters=counters)
    log.info("job.done", extra={"job": call.name, "job_args": call.summary, **counters.details})
    return Outcome(status="ok", counters=counters)


async def _finish(
    ctx: JobContext,
    run_id: int,
    name: str,
    started: float,
    status: RunStatus,
    *,
    counters: JobCounters | None = None,
    error: str | None = None,
) -> None:
    JOB_PROCESSING_SECONDS.labels(job=name).observe(time.perf_counter() - started)
    JOBS_TOTAL.labels(job=name, status=status).inc()
    await _record_end(ctx, run_id, status, counters=counters, error=error)


async def _start_run(
    session: AsyncSession,
    ctx: JobContext,
    definition: JobDefinition,
    call: JobCall,
    status: RunStatus = "running",
) -> JobRun:
    return await job_runs.start_run(
        session,
        name=call.name,
        queue=definition.queue,
        args_summary=call.summary,
        job_id=call.job_id,
        enqueued_at=call.enqueued_at,
        now=ctx.clock.now(),
        status=status,
    )


async def _record_start(ctx: JobContext, definition: JobDefinition, call: JobCall) -> int:
    async with unit_of_work(ctx.session_factory) as session:
        return (await _start_run(session, ctx, definition, call)).id


async def _record_end(
    ctx: JobContext,
    run_id: int,
    status: RunStatus,
    *,
    counters: JobCounters | None = None,
    error: str | None = None,
) -> None:
    async with unit_of_work(ctx.session_factory) as session:
        await job_runs.finish_run(
            session, run_id, status=status, now=ctx.clock.now(), counters=counters, error=error
        )
