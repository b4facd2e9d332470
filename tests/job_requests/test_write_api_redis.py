"""The write API with Redis: jobs go to arq and a worker (here, one of this process) runs them,
and the request's status follows the runs the worker recorded, under arq's ids. With Redis
down, queueing answers 503 with Retry-After and leaves no request behind."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator

import pytest
from arq.connections import ArqRedis
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import FrozenClock
from cryptolens.core.ratelimit import reset_rate_limits
from cryptolens.job_requests.models import JobRequest
from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.locks import RedisLocks
from cryptolens.jobs.runtime import build_context, close_resources, create_arq_redis
from cryptolens.jobs.worker import build_worker
from cryptolens.settings import Settings
from tests.clients import MakeUserClient
from tests.job_requests.conftest import (
    FETCH_URL,
    JOBS_URL,
    SCAN_URL,
    data_of,
    error_code,
    job_ids_of,
)
from tests.processes import free_port

pytestmark = pytest.mark.usefixtures("followed")


async def run_default_queue(
    settings: Settings, session_factory: async_sessionmaker[AsyncSession], clock: FrozenClock
) -> None:
    """Runs what the default queue holds with an arq worker, until it is empty (burst), as
    `cryptolens worker --queues default` would."""
    assert settings.redis_url is not None
    pool = create_arq_redis(settings.redis_url)
    keys = JobKeys.of(settings.jobs)
    ctx = build_context(settings, session_factory, MemoryCache(), clock, ArqEnqueuer(pool, keys))
    worker = build_worker(settings, pool, ctx, RedisLocks(pool, keys), "default", schedule=False)
    worker.burst = True
    try:
        await asyncio.wait_for(worker.main(), timeout=60)
    finally:
        await close_resources(ctx)
        await pool.aclose()


class TestWithArq:
    @pytest.fixture
    def test_settings(self, test_settings: Settings, redis_url: str) -> Settings:
        """The API enqueues onto Redis, under this test's own key prefix."""
        prefix = f"test{os.getpid()}-{secrets.token_hex(4)}"
        jobs = test_settings.jobs.model_copy(update={"key_prefix": prefix})
        return test_settings.model_copy(update={"redis_url": redis_url, "jobs": jobs})

    @pytest.fixture
    async def pool(self, test_settings: Settings) -> AsyncIterator[ArqRedis]:
        assert test_settings.redis_url is not None
        client = create_arq_redis(test_settings.redis_url)
        yield client
        prefix = test_settings.jobs.key_prefix
        ours = [key async for key in client.scan_iter(match=f"*{prefix}*", count=1000)]
        if ours:
            await client.delete(*ours)
        await client.aclose()

    async def test_a_scan_runs_on_an_arq_worker_and_its_status_follows(
        self,
        app: FastAPI,
        make_user_client: MakeUserClient,
        test_settings: Settings,
        session_factory: async_sessionmaker[AsyncSession],
        clock: FrozenClock,
        pool: ArqRedis,
    ) -> None:
        keys = JobKeys.of(test_settings.jobs)
        reset_rate_limits(app)  # the counters live in the shared Redis: user ids repeat
        trader = await make_user_client("premium")
        queued = data_of(await trader.http.post(SCAN_URL, json={"symbols": ["ETH/USDT"]}), 202)
        assert await pool.zcard(keys.queue("default")) == 1
        job_ids = await job_ids_of(session_factory, queued["id"])
        assert job_ids == [keys.job_id(f"{queued['id']}:ETH/USDT")]
        waiting = data_of(await trader.http.get(f"{JOBS_URL}/{queued['id']}"))
        assert (waiting["status"], waiting["jobs"][0]["status"]) == ("queued", "queued")

        await run_default_queue(test_settings, session_factory, clock)
        done = data_of(await trader.http.get(f"{JOBS_URL}/{queued['id']}"))
        assert done["status"] == "succeeded", done
        assert done["counters"]["candles_fetched"] > 1_400


class TestWithRedisDown:
    @pytest.fixture
    def test_settings(self, test_settings: Settings) -> Settings:
        return test_settings.model_copy(update={"redis_url": f"redis://127.0.0.1:{free_port()}/0"})

    async def test_queueing_is_a_503_with_retry_after_and_leaves_no_request(
        self,
        app: FastAPI,
        make_user_client: MakeUserClient,
        session_factory: async_sessionmaker[AsyncSession],
    ) -> None:
        trader = await make_user_client("premium")
        for response in (
            await trader.http.post(SCAN_URL, json={}),
            await trader.http.post(FETCH_URL, json={"symbol": "BTC/USDT"}),
        ):
            assert error_code(response) == (503, "service_unavailable")
            assert int(response.headers["Retry-After"]) >= 1
        async with session_factory() as session:
            assert await session.scalar(select(func.count()).select_from(JobRequest)) == 0
