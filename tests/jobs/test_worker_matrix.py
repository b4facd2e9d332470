"""An API process's cached matrix follows a scan made by a separate worker: the worker
forgets the symbol's cached row in the shared Redis cache, the next read shows the patterns."""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime

import pytest
from arq.connections import ArqRedis
from fastapi import FastAPI
from prometheus_client import REGISTRY
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from cryptolens.settings import Settings
from tests.clients import MakeUserClient
from tests.conftest import MYSQL_URL, REDIS_URL
from tests.fakes.exchange import FakeExchange
from tests.jobs.worker_processes import (
    ANON_LAST_OPEN,
    WORKER_STARTUP_SECONDS,
    follow_anon,
    start_worker,
    wait_for_run,
)

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)


@pytest.fixture
def clock() -> FrozenClock:
    # The API reads the matrix as of the end of the series the worker scans.
    return FrozenClock(datetime.fromtimestamp((ANON_LAST_OPEN + 90_000) / 1000, UTC))


@pytest.fixture
async def fresh_cache(arq_redis: ArqRedis) -> None:
    """No matrix cached by an earlier run on this Redis database (the cache is not per test)."""
    stale = [key async for key in arq_redis.scan_iter(match="cryptolens:cache:*", count=1000)]
    if stale:
        await arq_redis.delete(*stale)


@pytest.fixture
def test_settings(test_settings: Settings) -> Settings:
    """The API shares the worker's Redis: cache, queues and events."""
    return test_settings.model_copy(update={"redis_url": REDIS_URL})


def _cache_hits() -> float:
    return REGISTRY.get_sample_value("cryptolens_cache_hits_total") or 0.0


def _filled_cells(matrix: dict[str, object]) -> int:
    rows = matrix["data"]
    assert isinstance(rows, list)
    return sum(cell["pattern_id"] is not None for row in rows for cell in row["cells"])


async def test_the_matrix_follows_a_scan_made_by_another_process(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
    app: FastAPI,
    make_user_client: MakeUserClient,
    fresh_cache: None,
) -> None:
    await follow_anon(exchange_with_anon, session_factory)
    trader = (await make_user_client("premium")).http

    before = (await trader.get("/api/v1/matrix")).json()
    assert [row["symbol"] for row in before["data"]] == ["ANON/BTC"]
    assert _filled_cells(before) == 0
    hits = _cache_hits()
    assert (await trader.get("/api/v1/matrix")).json()["data"] == before["data"]
    assert _cache_hits() == hits + 1  # the second read came from the shared cache

    assert await ArqEnqueuer(arq_redis, job_keys).enqueue("scan_symbol", symbol="ANON/BTC")
    worker = start_worker(exchange_with_anon.base_url, keys=job_keys)
    try:
        run = await wait_for_run(session_factory, "scan_symbol", WORKER_STARTUP_SECONDS)
    finally:
        worker.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.to_thread(worker.communicate, timeout=60)
    assert run.status == "ok", (run.error, stderr.decode()[-2000:])
    assert run.patterns_found > 0

    # Well within the 60 s the cached matrix would otherwise live.
    after = (await trader.get("/api/v1/matrix")).json()
    assert _filled_cells(after) > 0
