"""A real `cryptolens worker` process, on MariaDB and Redis: a scan enqueued from here is
fetched (real ccxt against the fake exchange), cycled and stored by the worker."""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime

import pytest
from arq.connections import ArqRedis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from cryptolens.market.models import Candle
from cryptolens.patterns.models import Pattern
from cryptolens.system.models import JobRun
from tests.conftest import MYSQL_URL
from tests.fakes.exchange import FakeExchange
from tests.jobs.worker_processes import (
    WORKER_STARTUP_SECONDS,
    follow_anon,
    start_worker,
    wait_for_run,
)

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)


async def test_a_separate_worker_fetches_scans_and_stores(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    followed = await follow_anon(exchange_with_anon, session_factory)
    job_id = await ArqEnqueuer(arq_redis, job_keys).enqueue("scan_symbol", symbol="ANON/BTC")
    assert job_id is not None

    worker = start_worker(exchange_with_anon.base_url, keys=job_keys)
    try:
        run = await wait_for_run(session_factory, "scan_symbol", WORKER_STARTUP_SECONDS)
    finally:
        worker.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.to_thread(worker.communicate, timeout=60)
    assert worker.returncode == 0, stderr.decode()[-2000:]
    assert run.status == "ok", run.error
    assert run.candles_fetched > 10_000

    async with session_factory() as session:
        minutes = await session.scalar(
            select(func.count())
            .select_from(Candle)
            .where(Candle.symbol_id == followed.id, Candle.timeframe == "1m")
        )
        patterns = await session.scalar(
            select(func.count()).select_from(Pattern).where(Pattern.symbol_id == followed.id)
        )
    assert minutes == 13_681
    assert patterns and patterns > 0


async def _counts(factory: async_sessionmaker[AsyncSession], symbol_id: int) -> tuple[int, ...]:
    async with factory() as session:
        counts = []
        for timeframe in ("1m", "5m", "1h"):
            counts.append(
                await session.scalar(
                    select(func.count())
                    .select_from(Candle)
                    .where(Candle.symbol_id == symbol_id, Candle.timeframe == timeframe)
                )
                or 0
            )
        counts.append(
            await session.scalar(
                select(func.count()).select_from(Pattern).where(Pattern.symbol_id == symbol_id)
            )
            or 0
        )
    return tuple(counts)


async def test_a_worker_killed_mid_scan_leaves_no_duplicates_when_another_takes_over(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    followed = await follow_anon(exchange_with_anon, session_factory)
    assert await ArqEnqueuer(arq_redis, job_keys).enqueue("scan_symbol", symbol="ANON/BTC")
    # A short timeout makes arq hand the orphaned job to another worker soon after the kill
    # (at the limit plus 10 s); long enough for the whole scan on a busy machine. The killed
    # run's lock lapses before (its lifetime is at most the limit).
    short = {"job_timeout_default_seconds": "30"}

    first = start_worker(exchange_with_anon.base_url, keys=job_keys, settings=short)
    try:
        await wait_for_run(session_factory, "scan_symbol", WORKER_STARTUP_SECONDS, finished=False)
    finally:
        first.send_signal(signal.SIGKILL)
        await asyncio.to_thread(first.communicate, timeout=30)

    second = start_worker(exchange_with_anon.base_url, keys=job_keys, settings=short)
    try:
        run = await wait_for_run(session_factory, "scan_symbol", 120)
    finally:
        second.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.to_thread(second.communicate, timeout=60)
    assert run.status == "ok", (run.error, stderr.decode()[-2000:])
    taken_over = await _counts(session_factory, followed.id)
    assert taken_over[0] == 13_681

    # The same scan run again from scratch by a healthy worker changes nothing.
    assert await ArqEnqueuer(arq_redis, job_keys).enqueue("scan_symbol", symbol="ANON/BTC")
    third = start_worker(exchange_with_anon.base_url, keys=job_keys)
    try:
        deadline = asyncio.get_running_loop().time() + WORKER_STARTUP_SECONDS
        while asyncio.get_running_loop().time() < deadline:
            async with session_factory() as session:
                done = await session.scalar(
                    select(func.count())
                    .select_from(JobRun)
                    .where(JobRun.name == "scan_symbol", JobRun.status == "ok")
                )
            if (done or 0) >= 2:
                break
            await asyncio.sleep(0.5)
    finally:
        third.send_signal(signal.SIGTERM)
        await asyncio.to_thread(third.communicate, timeout=60)
    assert await _counts(session_factory, followed.id) == taken_over


async def test_a_notification_starts_within_a_second_while_default_is_busy(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await follow_anon(exchange_with_anon, session_factory)
    enqueuer = ArqEnqueuer(arq_redis, job_keys)
    # The exchange holds the scan's klines (default queue) until the test releases them: the
    # scan is busy for as long as the test needs, not for as long as it happens to take.
    exchange_with_anon.pause_klines_after = 1
    assert await enqueuer.enqueue("scan_symbol", symbol="ANON/BTC")
    worker = start_worker(exchange_with_anon.base_url, queues="high,default", keys=job_keys)
    try:
        await asyncio.wait_for(exchange_with_anon.klines_paused.wait(), WORKER_STARTUP_SECONDS)
        enqueued = datetime.now(UTC)
        assert await enqueuer.enqueue("notify_signal", signal_id=999_999)
        notify = await wait_for_run(session_factory, "notify_signal", 10, finished=False)
        exchange_with_anon.release_klines()
        scan = await wait_for_run(session_factory, "scan_symbol", 60)
    finally:
        exchange_with_anon.release_klines()
        worker.send_signal(signal.SIGTERM)
        await asyncio.to_thread(worker.communicate, timeout=60)
    # The scan ended only after the release, so it was running when the notification started.
    assert scan.finished_at is not None and scan.finished_at > notify.started_at
    waited = (notify.started_at - enqueued).total_seconds()
    print(f"notify_signal started {waited:.3f} s after enqueue while the scan was running")
    assert waited < 1.0
