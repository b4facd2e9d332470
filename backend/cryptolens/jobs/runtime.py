"""Builds a process's job machinery: the JobContext, the locks and, without Redis, the embedded
runner. With Redis the process only enqueues; arq workers (`cryptolens worker`) run the jobs."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from arq.connections import ArqRedis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.cache import Cache
from cryptolens.core.clock import Clock
from cryptolens.core.events import EventBus, MemoryEventBus, RedisEventBus
from cryptolens.job_context import JobContext
from cryptolens.jobs.enqueue import ArqEnqueuer, Enqueuer
from cryptolens.jobs.inline import InlineRunner
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.payload import dump_payload, load_payload
from cryptolens.jobs.registry import QUEUES, timeout_seconds
from cryptolens.settings import Settings

log = logging.getLogger("cryptolens.jobs")


def use_json_payloads(client: ArqRedis) -> ArqRedis:
    client.job_serializer = dump_payload
    client.job_deserializer = load_payload
    return client


def create_arq_redis(url: str) -> ArqRedis:
    """A lazily connecting client that enqueues JSON payloads: the API starts, and keeps
    serving, with Redis down."""
    client: ArqRedis = ArqRedis.from_url(
        url, socket_connect_timeout=2, socket_timeout=5, health_check_interval=30
    )
    return use_json_payloads(client)


def build_context(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    cache: Cache,
    clock: Clock,
    enqueuer: Enqueuer,
    events: EventBus | None = None,
) -> JobContext:
    return JobContext(
        settings=settings,
        session_factory=session_factory,
        cache=cache,
        clock=clock,
        enqueuer=enqueuer,
        data_source=settings.market.data_source,
        events=events or MemoryEventBus(),
    )


@dataclass
class JobsRuntime:
    ctx: JobContext
    runner: InlineRunner | None  # None: arq workers run the jobs

    async def start(self, *, schedule: bool) -> None:
        if self.runner is not None and schedule:
            log.info("jobs.inline_schedule_started")
            self.runner.start_schedule()

    async def stop(self) -> None:
        if self.runner is not None:
            longest = max(timeout_seconds(self.ctx.settings.jobs, queue) for queue in QUEUES)
            await self.runner.stop(timeout_seconds=longest)
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
            ArqEnqueuer(redis, JobKeys.of(settings.jobs)),
            events or RedisEventBus(redis),
        )
        return JobsRuntime(ctx=ctx, runner=None)
    runner = InlineRunner()
    ctx = build_context(settings, session_factory, cache, clock, runner, events)
    runner.bind(ctx)
    return JobsRuntime(ctx=ctx, runner=runner)
