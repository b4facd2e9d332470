"""Jobs run through the embedded runner bound to the test database, with probe jobs whose
behaviour each test controls."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import FrozenClock
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.jobs.inline import InlineRunner
from cryptolens.jobs.registry import JOBS, job
from cryptolens.jobs.runtime import create_jobs_runtime
from cryptolens.settings import Settings
from tests.jobs.worker_processes import arq_redis, exchange_with_anon, job_keys

__all__ = ["arq_redis", "exchange_with_anon", "job_keys"]


@dataclass
class ProbeControl:
    """What the probe jobs do in the current test."""

    calls: list[str] = field(default_factory=list)
    release: asyncio.Event = field(default_factory=asyncio.Event)
    started: asyncio.Event = field(default_factory=asyncio.Event)
    failures_left: int = 0
    error: type[Exception] = ConnectionError


CONTROL = ProbeControl()


@job("probe_count", queue="default")
async def probe_count(ctx: JobContext, symbol: str = "BTC/USDT") -> JobCounters:
    CONTROL.calls.append(symbol)
    return JobCounters(candles_fetched=3, patterns_found=2)


@job("probe_block", queue="default")
async def probe_block(ctx: JobContext, symbol: str = "BTC/USDT") -> JobCounters:
    CONTROL.calls.append(symbol)
    CONTROL.started.set()
    await CONTROL.release.wait()
    return JobCounters()


@job("probe_block_resumed", queue="high", retry_when_busy=True)
async def probe_block_resumed(ctx: JobContext, signal_id: int = 1) -> JobCounters:
    CONTROL.calls.append(f"resumed {signal_id}")
    CONTROL.started.set()
    await CONTROL.release.wait()
    return JobCounters()


@job("probe_flaky", queue="low")
async def probe_flaky(ctx: JobContext) -> JobCounters:
    CONTROL.calls.append("flaky")
    if CONTROL.failures_left > 0:
        CONTROL.failures_left -= 1
        raise CONTROL.error("exchange unreachable")
    return JobCounters(candles_fetched=1)


@job("probe_notify", queue="high")
async def probe_notify(ctx: JobContext) -> JobCounters:
    CONTROL.calls.append("notify")
    return JobCounters(notifications_sent=1)


PROBE_JOBS = ("probe_count", "probe_block", "probe_block_resumed", "probe_flaky", "probe_notify")


@pytest.fixture
def control() -> ProbeControl:
    CONTROL.calls.clear()
    CONTROL.release = asyncio.Event()
    CONTROL.started = asyncio.Event()
    CONTROL.failures_left = 0
    CONTROL.error = ConnectionError
    assert all(name in JOBS for name in PROBE_JOBS)
    return CONTROL


@pytest.fixture
async def runner(
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> AsyncIterator[InlineRunner]:
    jobs = test_settings.jobs.model_copy(
        update={"retry_base_seconds": 0.01, "timeout_default_seconds": 5.0}
    )
    settings = test_settings.model_copy(update={"jobs": jobs})
    runtime = create_jobs_runtime(settings, session_factory, MemoryCache(), clock, None)
    assert runtime.runner is not None
    yield runtime.runner
    CONTROL.release.set()
    await runtime.runner.stop(timeout_seconds=5)
