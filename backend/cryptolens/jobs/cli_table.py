"""`cryptolens jobs list` and `cryptolens jobs run NAME`: the admin API's jobs table and its
"run now" from a shell (jobs/control.py holds the rules of both).

`jobs run` queues the job for the workers when Redis is set (a copy already queued or running
is reported instead of a second one); in the embedded default there are no workers, so it
runs the job here, to its end, and exits 0 when it ended ok, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import SystemClock
from cryptolens.core.logging import configure_logging
from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.job_context import JobCounters
from cryptolens.jobs import control
from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.runtime import create_arq_redis, create_jobs_runtime
from cryptolens.settings import Settings, get_settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

COLUMNS = ("JOB", "SCHEDULE", "QUEUE", "ENABLED", "LAST RUN", "24H OK/FAILED", "SUCCESS", "MEAN")


def list_command(args: argparse.Namespace) -> int:
    return _run(lambda settings: _list(settings, as_json=args.json))


def run_command(args: argparse.Namespace) -> int:
    return _run(lambda settings: _run_now(settings, args.name))


def _run(main: Callable[[Settings], Coroutine[Any, Any, int]]) -> int:
    settings = get_settings()
    configure_logging(
        "WARNING" if settings.log_level.upper() == "INFO" else settings.log_level,
        settings.log_format,
    )
    try:
        return asyncio.run(main(settings))
    except (OperationalError, ProgrammingError) as error:
        print(f"database error: {error.orig}; has `cryptolens migrate` run?", file=sys.stderr)
        return EXIT_FAILED


@asynccontextmanager
async def _database(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


# -- jobs list ---------------------------------------------------------------------------------


async def _list(settings: Settings, *, as_json: bool) -> int:
    async with _database(settings) as factory, unit_of_work(factory) as session:
        rows = await control.job_table(session, SystemClock().now())
    if as_json:
        print(json.dumps([asdict(row) for row in rows], default=_json_value, indent=2))
    else:
        print(render_table(rows))
    return EXIT_OK


def _json_value(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _duration(ms: float | None) -> str:
    if ms is None:
        return "-"
    return f"{ms:.0f} ms" if ms < 10_000 else f"{ms / 1000:.1f} s"


def _cells(row: control.JobRow) -> tuple[str, ...]:
    last = row.last_run
    last_text = (
        "never"
        if last is None
        else f"{last.status} {last.started_at:%Y-%m-%d %H:%M:%S} ({_duration(last.duration_ms)})"
    )
    stats = row.last_24h
    rate = stats.success_rate
    return (
        row.name,
        row.schedule,
        row.queue,
        "yes" if row.enabled else "no",
        last_text,
        f"{stats.ok}/{stats.failed}",
        "-" if rate is None else f"{rate:.0%}",
        _duration(stats.mean_duration_ms),
    )


def render_table(rows: list[control.JobRow]) -> str:
    """The jobs table, one line a job, columns aligned (times UTC)."""
    lines = [COLUMNS, *(_cells(row) for row in rows)]
    widths = [max(len(line[column]) for line in lines) for column in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


# -- jobs run ----------------------------------------------------------------------------------


async def _run_now(settings: Settings, name: str) -> int:
    if name not in control.cron_jobs():
        known = ", ".join(control.cron_jobs())
        print(f"no cron job named {name!r}; one of: {known}", file=sys.stderr)
        return EXIT_USAGE
    if settings.redis_url:
        return await _enqueue(settings, name)
    return await _run_here(settings, name)


async def _enqueue(settings: Settings, name: str) -> int:
    assert settings.redis_url is not None
    pool = create_arq_redis(settings.redis_url)
    enqueuer = ArqEnqueuer(pool, JobKeys.of(settings.jobs))
    try:
        async with _database(settings) as factory, factory() as session:
            enqueued = await control.run_now(session, enqueuer, name)
    finally:
        await pool.aclose()
    if enqueued.deduplicated:
        print(f"{name} is already queued or running: job {enqueued.job_id}")
    else:
        print(f"queued {name}: job {enqueued.job_id}")
    return EXIT_OK


async def _run_here(settings: Settings, name: str) -> int:
    async with _database(settings) as factory:
        runtime = create_jobs_runtime(settings, factory, MemoryCache(), SystemClock(), None)
        assert runtime.runner is not None
        try:
            async with factory() as session:
                enqueued = await control.run_now(session, runtime.runner, name)
            print(f"running {name} here (no Redis): job {enqueued.job_id}", flush=True)
            outcome = await runtime.runner.wait_for(enqueued.job_id)
        finally:
            await runtime.stop()
    if outcome is None:
        print(f"{name}: no outcome", file=sys.stderr)
        return EXIT_FAILED
    counters = "" if outcome.counters is None else _counters_text(outcome.counters)
    error = f": {outcome.error}" if outcome.error else ""
    print(f"{name} {outcome.status}{error}{counters}")
    return EXIT_OK if outcome.status == "ok" else EXIT_FAILED


def _counters_text(counters: JobCounters) -> str:
    values: dict[str, int] = {
        "candles_fetched": counters.candles_fetched,
        "patterns_found": counters.patterns_found,
        "signals_created": counters.signals_created,
        "notifications_sent": counters.notifications_sent,
        **counters.details,
    }
    shown = [f"{key}={value}" for key, value in values.items() if value]
    return f" ({', '.join(shown)})" if shown else ""
