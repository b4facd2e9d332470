"""Builds a process's job machinery: the JobContext plus, without Redis, the embedded runner."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from arq.connections import ArqRedis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.cache import Cache
from cryptolens.core.clock import Clock
from cryptolens.core.events import EventBus, MemoryEventBus, RedisEventBus
from cryptolens.jobs.context import JobContext
from cryptolens.jobs.enqueue import ArqEnqueuer, Enqueuer
from cryptolens.jobs.inline import InlineRunner
from cryptolens.jobs.locks import LockManager, MemoryLocks, RedisLocks
from cryptolens.jobs.registry import load_jobs
from cryptolens.settings import Settings

log = logging.getLogger("cryptolens.jobs")


def create_arq_redis(url: str) -> ArqRedis:
    """A lazily connecting client: the API starts, and keeps serving, with Redis down."""
    client: ArqRedis = ArqRedis.from_url(
        url, socket_connect_timeout=2, socket_timeout=5, health_check_interval=30
    )
    return client


def build_context(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    cache: Cache,
    clock: Clock,
    locks: LockManager,
    enqueuer: Enqueuer,
    events: EventBus | None = None,
) -> JobContext:
    load_jobs()
    return JobContext(
        settings=settings,
        session_factory=session_factory,
        cache=cache,
        clock=clock,
        locks=locks,
        enqueuer=enqueuer,
        data_source=settings.data_source,
        events=events or MemoryEventBus(),
    )


@dataclass
class JobsRuntime:
    ctx: JobContext
    runner: InlineRunner | None

    async def start(self, *, schedule: bool) -> None:
        if self.runner is not None and schedule:
            log.info("jobs.inline_schedule_started")
            self.runner.start_schedule()

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.stop(timeout_seconds=self.ctx.settings.job_timeout_default_seconds)
        await close_resources(self.ctx)


async def close_resources(ctx: JobContext) -> None:
    """Closes the long-lived clients jobs opened (exchange sources, HTTP pools)."""
    for resource in list(ctx.resources.values()):
        close = getattr(resource, "close", None)
        if close is not None:
            await close()
    ctx.resources.clear()


def create_jobs_runtime(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    cache: Cache,
    clock: Clock,
    redis: ArqRedis | None,
    events: EventBus | None = None,
) -> JobsRuntime:
    if redis is not None:
        ctx = build_context(
            settings,
            session_factory,
            cache,
            clock,
            RedisLocks(redis),
            ArqEnqueuer(redis),
            events or RedisEventBus(redis),
        )
        return JobsRuntime(ctx=ctx, runner=None)
    runner = InlineRunner()
    ctx = build_context(settings, session_factory, cache, clock, MemoryLocks(), runner, events)
    runner.bind(ctx)
    return JobsRuntime(ctx=ctx, runner=runner)
