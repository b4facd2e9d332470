"""Real worker processes for the jobs tests, on MariaDB and Redis: the fake exchange serving
ANON/BTC, the arq connection, and starting, following and waiting for a worker.

Each test owns its queues, locks and job ids (`job_keys`: a key prefix of its own), so test
runs sharing a Redis database, or a worker left from another test, never take its jobs; its
keys are deleted after it, and nobody else's."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Mapping
from typing import IO

import pytest
from arq.connections import ArqRedis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.runtime import create_arq_redis
from cryptolens.market import service as market
from cryptolens.market.models import Symbol
from cryptolens.market.sources.ccxt_source import CcxtSource
from cryptolens.system.models import JobRun
from tests.conftest import MYSQL_URL, REDIS_URL
from tests.data_files import candle_file
from tests.fakes.exchange import FakeExchange
from tests.fakes.exchange_data import csv_market

ANON_MINUTES = candle_file("ANON_BTC-1m.csv")
ANON_LAST_OPEN = 1_510_700_340_000  # the file's last candle
WORKER_STARTUP_SECONDS = 90

# Production's shape: MariaDB and Redis shared by separate processes.


@pytest.fixture
async def exchange_with_anon(db_engine: AsyncEngine) -> AsyncIterator[FakeExchange]:
    if not REDIS_URL:
        pytest.skip("CRYPTOLENS_TEST_REDIS_URL is not set")
    # The exchange's clock stands just after the file's last minute closed.
    exchange = FakeExchange(now_ms=ANON_LAST_OPEN + 90_000)
    exchange.add_market(csv_market("ANON", "BTC", ANON_MINUTES, tick_size="0.00000001"))
    await exchange.start()
    yield exchange
    await exchange.stop()


@pytest.fixture
def job_keys() -> JobKeys:
    """This test's own key prefix (queues, locks, health keys, job ids)."""
    return JobKeys(f"test{os.getpid()}-{secrets.token_hex(4)}")


@pytest.fixture
async def arq_redis(job_keys: JobKeys) -> AsyncIterator[ArqRedis]:
    assert REDIS_URL is not None
    pool = create_arq_redis(REDIS_URL)
    yield pool
    await delete_keys_of(pool, job_keys)
    await pool.aclose()


async def delete_keys_of(pool: ArqRedis, keys: JobKeys) -> None:
    """Every key holding the prefix: ours (queues, locks) and arq's for our job ids."""
    found = [key async for key in pool.scan_iter(match=f"*{keys.prefix}*", count=1000)]
    if found:
        await pool.delete(*found)


async def follow_anon(exchange: FakeExchange, factory: async_sessionmaker[AsyncSession]) -> Symbol:
    """Follows ANON/BTC through the real ccxt client, as adding a symbol does."""
    source = CcxtSource("binance", api_url=exchange.base_url)
    try:
        async with unit_of_work(factory) as session:
            return await market.follow_symbol(session, source, "ANON/BTC")
    finally:
        await source.close()


def start_worker(
    exchange_url: str,
    queues: str = "default",
    *,
    keys: JobKeys,
    schedule: bool = False,
    settings: Mapping[str, str] | None = None,
    redis_url: str | None = None,
    database_url: str | None = None,
) -> subprocess.Popen[bytes]:
    """`cryptolens worker` for `queues` under the test's `keys`; with `schedule`, it also runs
    those queues' cron. `settings` by field name (job_timeout_default_seconds) become
    CRYPTOLENS_ variables. `redis_url`, `database_url`: another way to the test's Redis or
    MariaDB (a fault proxy)."""
    settings = settings or {}
    assert MYSQL_URL and REDIS_URL
    env = {
        **{f"CRYPTOLENS_{name.upper()}": value for name, value in settings.items()},
        **os.environ,
        "CRYPTOLENS_ENV": "development",
        "CRYPTOLENS_DATABASE_URL": database_url or MYSQL_URL,
        "CRYPTOLENS_REDIS_URL": redis_url or REDIS_URL,
        "CRYPTOLENS_JOB_KEY_PREFIX": keys.prefix,
        "CRYPTOLENS_EXCHANGE_API_URL": exchange_url,
        "CRYPTOLENS_WORKER_METRICS_PORT": "0",
        "CRYPTOLENS_JOB_RETRY_BASE_SECONDS": "0.2",
    }
    command = [sys.executable, "-m", "cryptolens.cli", "worker", "--queues", queues]
    return subprocess.Popen(
        command if schedule else [*command, "--no-schedule"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


async def wait_for_run(
    factory: async_sessionmaker[AsyncSession],
    name: str,
    within_seconds: float,
    *,
    finished: bool = True,
) -> JobRun:
    deadline = asyncio.get_running_loop().time() + within_seconds
    while asyncio.get_running_loop().time() < deadline:
        async with factory() as session:
            statement = select(JobRun).where(JobRun.name == name)
            if finished:
                statement = statement.where(JobRun.finished_at.is_not(None))
            run = await session.scalar(statement.order_by(JobRun.id.desc()).limit(1))
        if run is not None:
            return run
        await asyncio.sleep(0.5)
    raise AssertionError(f"no finished {name} run within {within_seconds} s")


class StderrTail:
    """A worker's stderr, read as it comes: a worker running for minutes must not fill the
    pipe, and a test waits for a line (arq's start) rather than guessing a delay."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.lines: list[str] = []
        assert process.stderr is not None
        self._thread = threading.Thread(target=self._read, args=(process.stderr,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[bytes]) -> None:
        for line in stream:
            self.lines.append(line.decode("utf-8", errors="replace"))

    def text(self, last: int = 4000) -> str:
        return "".join(self.lines)[-last:]

    async def wait_for(self, text: str, within_seconds: float) -> None:
        deadline = asyncio.get_running_loop().time() + within_seconds
        while not any(text in line for line in list(self.lines)):
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"no {text!r} within {within_seconds} s:\n{self.text()}")
            await asyncio.sleep(0.2)


async def start_serving_worker(
    exchange_url: str,
    queues: str,
    *,
    keys: JobKeys,
    schedule: bool = False,
    settings: Mapping[str, str] | None = None,
    redis_url: str | None = None,
    database_url: str | None = None,
) -> tuple[subprocess.Popen[bytes], StderrTail]:
    """A worker that has started polling its queues (arq logs its start)."""
    process = start_worker(
        exchange_url,
        queues,
        keys=keys,
        schedule=schedule,
        settings=settings,
        redis_url=redis_url,
        database_url=database_url,
    )
    tail = StderrTail(process)
    await tail.wait_for("Starting worker for", WORKER_STARTUP_SECONDS)
    return process, tail


async def stop_worker(process: subprocess.Popen[bytes]) -> int:
    """SIGTERM, as a supervisor stops a worker; returns its exit status."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    return await asyncio.to_thread(process.wait, 60)


async def runs_of(factory: async_sessionmaker[AsyncSession], name: str) -> list[JobRun]:
    async with factory() as session:
        statement = select(JobRun).where(JobRun.name == name).order_by(JobRun.id)
        return list(await session.scalars(statement))
