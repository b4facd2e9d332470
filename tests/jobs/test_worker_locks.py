"""The single-copy lock between real `cryptolens worker` processes: renewed while its job runs,
however long, and free again soon after its worker is killed, so another worker scans the
symbol within a minute rather than after the job's whole time limit."""

from __future__ import annotations

import asyncio
import signal
import time

import pytest
from arq.connections import ArqRedis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from cryptolens.system.models import JobRun
from tests.conftest import MYSQL_URL
from tests.fakes.exchange import FakeExchange
from tests.jobs.worker_processes import (
    WORKER_STARTUP_SECONDS,
    follow_anon,
    start_serving_worker,
    stop_worker,
)

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)

LOCK_TTL_SECONDS = 3
TAKE_OVER_SECONDS = 60


async def _ended_run(
    factory: async_sessionmaker[AsyncSession], job_id: str, within_seconds: float
) -> JobRun:
    deadline = time.monotonic() + within_seconds
    while time.monotonic() < deadline:
        async with factory() as session:
            run = await session.scalar(
                select(JobRun).where(JobRun.job_id == job_id, JobRun.finished_at.is_not(None))
            )
        if run is not None:
            return run
        await asyncio.sleep(0.3)
    raise AssertionError(f"no end of {job_id} within {within_seconds} s")


async def test_a_killed_workers_symbol_is_scanned_by_another_worker_within_a_minute(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await follow_anon(exchange_with_anon, session_factory)
    enqueuer = ArqEnqueuer(arq_redis, job_keys)
    url = exchange_with_anon.base_url
    # The exchange holds the first scan's klines until released: it is mid-scan for as long
    # as the test needs. The job's own time limit stays the default 300 s.
    exchange_with_anon.pause_klines_after = 1
    settings = {"job_lock_ttl_seconds": str(LOCK_TTL_SECONDS)}
    first, first_log = await start_serving_worker(url, "default", keys=job_keys, settings=settings)
    second, second_log = await start_serving_worker(
        url, "default", keys=job_keys, settings=settings
    )
    try:
        scan_id = await enqueuer.enqueue("scan_symbol", symbol="ANON/BTC")
        assert scan_id is not None
        await asyncio.wait_for(exchange_with_anon.klines_paused.wait(), WORKER_STARTUP_SECONDS)

        # Three lifetimes on, the lock is still the running scan's: a copy is skipped.
        await asyncio.sleep(3 * LOCK_TTL_SECONDS)
        copy_id = await enqueuer.enqueue("scan_symbol", symbol="ANON/BTC")
        assert copy_id is not None
        copy = await _ended_run(session_factory, copy_id, 30)
        assert (copy.status, copy.error) == ("skipped", "another run is in progress")

        # The worker running the scan (arq logs its job id) dies; the other one stays.
        holds = any(scan_id in line for line in first_log.lines)
        (holder, survivor, survivor_log) = (
            (first, second, second_log) if holds else (second, first, first_log)
        )
        holder.send_signal(signal.SIGKILL)
        await asyncio.to_thread(holder.wait, 30)
        killed = time.monotonic()
        exchange_with_anon.release_klines()
        while True:
            retry_id = await enqueuer.enqueue("scan_symbol", symbol="ANON/BTC")
            assert retry_id is not None
            left = killed + TAKE_OVER_SECONDS - time.monotonic()
            run = await _ended_run(session_factory, retry_id, max(left, 1))
            if run.status != "skipped" or time.monotonic() - killed > TAKE_OVER_SECONDS:
                break
            await asyncio.sleep(1)
        taken_over = time.monotonic() - killed
        assert await stop_worker(survivor) == 0, survivor_log.text()
    finally:
        exchange_with_anon.release_klines()
        for process in (first, second):
            if process.poll() is None:
                process.kill()
    print(f"scan_symbol ran again {taken_over:.1f} s after its worker was killed")
    assert run.status == "ok", (run.error, first_log.text(), second_log.text())
    assert taken_over < TAKE_OVER_SECONDS
