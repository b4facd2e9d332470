"""A real `cryptolens worker` whose Redis goes through a fault proxy: it rides out a refused and
a hung Redis and serves the jobs enqueued after; when Redis stays away past its give-up time it
exits with a failure status and says why, so its supervisor restarts it and someone notices."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from arq.connections import ArqRedis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from tests.conftest import MYSQL_URL, REDIS_URL
from tests.fakes.exchange import FakeExchange
from tests.fakes.fault_proxy import FaultProxy
from tests.jobs.worker_processes import start_serving_worker, stop_worker, wait_for_run

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)


@pytest.fixture
def redis_proxy() -> Iterator[FaultProxy]:
    assert REDIS_URL is not None
    with FaultProxy.before(REDIS_URL, 6379) as proxy:
        yield proxy


async def test_a_worker_rides_out_a_refused_then_a_hung_redis_and_serves_after(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
    redis_proxy: FaultProxy,
) -> None:
    assert REDIS_URL is not None
    worker, log = await start_serving_worker(
        exchange_with_anon.base_url,
        "high",
        keys=job_keys,
        redis_url=redis_proxy.url_for(REDIS_URL),
    )
    try:
        with redis_proxy.fault("refuse"):
            await asyncio.sleep(6)
        assert worker.poll() is None, log.text()
        with redis_proxy.fault("blackhole"):
            await asyncio.sleep(15)
        assert worker.poll() is None, log.text()

        assert await ArqEnqueuer(arq_redis, job_keys).enqueue("notify_signal", signal_id=999_999)
        run = await wait_for_run(session_factory, "notify_signal", 30)
    finally:
        status = await stop_worker(worker)
    assert run.status == "ok", (run.error, log.text())
    assert status == 0, log.text()
    assert "worker.redis_lost" in log.text()
    assert "worker.redis_back" in log.text()


async def test_a_worker_without_redis_past_its_give_up_time_exits_failed_and_says_why(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    redis_proxy: FaultProxy,
) -> None:
    assert REDIS_URL is not None
    worker, log = await start_serving_worker(
        exchange_with_anon.base_url,
        "high,default",
        keys=job_keys,
        redis_url=redis_proxy.url_for(REDIS_URL),
        settings={"job_redis_give_up_seconds": "3"},
    )
    redis_proxy.set_mode("refuse")
    try:
        status = await asyncio.to_thread(worker.wait, 60)
    finally:
        await stop_worker(worker)
    assert status != 0, log.text()
    assert "worker.redis_gave_up" in log.text(), log.text()
