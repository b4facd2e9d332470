"""Run now with Redis (admin.md, "Jobs"): the API queues onto arq, and a job clicked twice, at
once or one after the other, while queued (or while its cron slot waits) is one job and one
run, on the real Redis and an arq worker of this process."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator

import pytest
from arq.connections import ArqRedis
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import FrozenClock
from cryptolens.jobs.enqueue import ArqEnqueuer, manual_job_id
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.locks import RedisLocks
from cryptolens.jobs.runtime import build_context, create_arq_redis
from cryptolens.jobs.schedule import CRON_SCHEDULE
from cryptolens.jobs.worker import build_worker
from cryptolens.settings import Settings
from cryptolens.system.models import JobRun
from tests.clients import MakeUserClient

JOBS_URL = f"{ADMIN_PREFIX}/jobs"


@pytest.fixture
def test_settings(test_settings: Settings, redis_url: str) -> Settings:
    """The API enqueues onto Redis, under this test's own key prefix."""
    prefix = f"test{os.getpid()}-{secrets.token_hex(4)}"
    jobs = test_settings.jobs.model_copy(update={"key_prefix": prefix})
    return test_settings.model_copy(update={"redis_url": redis_url, "jobs": jobs})


@pytest.fixture
def keys(test_settings: Settings) -> JobKeys:
    return JobKeys.of(test_settings.jobs)


@pytest.fixture
async def pool(test_settings: Settings, keys: JobKeys) -> AsyncIterator[ArqRedis]:
    assert test_settings.redis_url is not None
    client = create_arq_redis(test_settings.redis_url)
    yield client
    ours = [key async for key in client.scan_iter(match=f"*{keys.prefix}*", count=1000)]
    if ours:
        await client.delete(*ours)
    await client.aclose()


async def drain_low_queue(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    """Runs what the low queue holds with an arq worker (burst: it stops once the queue is
    empty), as `cryptolens worker --queues low` would."""
    assert settings.redis_url is not None
    worker_pool = create_arq_redis(settings.redis_url)
    keys = JobKeys.of(settings.jobs)
    ctx = build_context(
        settings, session_factory, MemoryCache(), clock, ArqEnqueuer(worker_pool, keys)
    )
    worker = build_worker(
        settings, worker_pool, ctx, RedisLocks(worker_pool, keys), "low", schedule=True
    )
    # It runs the cron entries' jobs it finds queued, but never fires a slot itself.
    worker.cron_jobs = []
    worker.burst = True
    try:
        await asyncio.wait_for(worker.main(), timeout=60)
    finally:
        await worker_pool.aclose()


async def runs_named(factory: async_sessionmaker[AsyncSession], name: str) -> list[JobRun]:
    async with factory() as session:
        return list(
            await session.scalars(select(JobRun).where(JobRun.name == name).order_by(JobRun.id))
        )


async def test_a_job_clicked_twice_while_queued_is_one_arq_job_and_one_run(
    app: FastAPI,
    make_user_client: MakeUserClient,
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    keys: JobKeys,
    pool: ArqRedis,
) -> None:
    admin = await make_user_client(admin=True)
    first = await admin.http.post(f"{JOBS_URL}/refresh_stats/run")
    second, third = await asyncio.gather(
        admin.http.post(f"{JOBS_URL}/refresh_stats/run"),
        admin.http.post(f"{JOBS_URL}/refresh_stats/run"),
    )
    assert [r.status_code for r in (first, second, third)] == [202, 202, 202], first.text
    job_id = first.json()["data"]["job_id"]
    assert job_id == keys.job_id(manual_job_id("refresh_stats", {}))
    assert first.json()["meta"]["deduplicated"] is False
    for response in (second, third):
        assert response.json()["data"]["job_id"] == job_id
        assert response.json()["meta"]["deduplicated"] is True
    assert await pool.zcard(keys.queue("low")) == 1

    await drain_low_queue(test_settings, session_factory, clock)
    runs = await runs_named(session_factory, "refresh_stats")
    assert [(run.job_id, run.status) for run in runs] == [(job_id, "ok")]

    # Ended (arq keeps its result an hour): the next click is a new run.
    again = await admin.http.post(f"{JOBS_URL}/refresh_stats/run")
    assert again.status_code == 202, again.text
    assert again.json()["meta"]["deduplicated"] is False
    await drain_low_queue(test_settings, session_factory, clock)
    assert [run.status for run in await runs_named(session_factory, "refresh_stats")] == [
        "ok",
        "ok",
    ]


async def test_a_click_while_a_cron_slot_is_queued_returns_the_slots_id(
    app: FastAPI,
    make_user_client: MakeUserClient,
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    keys: JobKeys,
    pool: ArqRedis,
) -> None:
    entry = next(entry for entry in CRON_SCHEDULE if entry.job_name == "expire_and_cleanup")
    slot_id = keys.slot_id(entry, entry.next_slot(clock.now()))
    # What arq's cron enqueues for the slot.
    queued = await pool.enqueue_job(
        keys.cron_name(entry), _job_id=slot_id, _queue_name=keys.queue("low")
    )
    assert queued is not None
    admin = await make_user_client(admin=True)
    clicked = await admin.http.post(f"{JOBS_URL}/expire_and_cleanup/run")
    assert clicked.status_code == 202, clicked.text
    assert clicked.json()["data"]["job_id"] == slot_id
    assert clicked.json()["meta"]["deduplicated"] is True

    await drain_low_queue(test_settings, session_factory, clock)
    runs = await runs_named(session_factory, "expire_and_cleanup")
    assert [(run.job_id, run.status) for run in runs] == [(slot_id, "ok")]


async def test_copies_with_other_arguments_are_other_jobs(keys: JobKeys, pool: ArqRedis) -> None:
    enqueuer = ArqEnqueuer(pool, keys)
    first = await enqueuer.enqueue_once("notify_signal", signal_id=1)
    same = await enqueuer.enqueue_once("notify_signal", signal_id=1)
    other = await enqueuer.enqueue_once("notify_signal", signal_id=2)
    assert (first.deduplicated, same.deduplicated, other.deduplicated) == (False, True, False)
    assert same.job_id == first.job_id != other.job_id
    # A copy queued by the code (not a click) counts too.
    plain = await enqueuer.enqueue("notify_signal", signal_id=3)
    assert plain is not None
    found = await enqueuer.enqueue_once("notify_signal", signal_id=3)
    assert (found.job_id, found.deduplicated) == (plain, True)
    assert await pool.zcard(keys.queue("high")) == 3


async def test_a_switched_off_jobs_queued_cron_slot_does_not_answer_a_click(
    app: FastAPI,
    make_user_client: MakeUserClient,
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    keys: JobKeys,
    pool: ArqRedis,
) -> None:
    admin = await make_user_client(admin=True)
    off = await admin.http.patch(f"{JOBS_URL}/expire_and_cleanup", json={"enabled": False})
    assert off.status_code == 200, off.text
    entry = next(entry for entry in CRON_SCHEDULE if entry.job_name == "expire_and_cleanup")
    slot_id = keys.slot_id(entry, entry.next_slot(clock.now()))
    assert await pool.enqueue_job(
        keys.cron_name(entry), _job_id=slot_id, _queue_name=keys.queue("low")
    )
    clicked = await admin.http.post(f"{JOBS_URL}/expire_and_cleanup/run")
    assert clicked.status_code == 202, clicked.text
    assert clicked.json()["meta"]["deduplicated"] is False
    job_id = clicked.json()["data"]["job_id"]
    assert job_id != slot_id

    await drain_low_queue(test_settings, session_factory, clock)
    runs = await runs_named(session_factory, "expire_and_cleanup")
    assert sorted((run.job_id, run.status) for run in runs) == sorted(
        [(slot_id, "skipped"), (job_id, "ok")]
    )
