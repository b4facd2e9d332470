"""Nothing runs twice, with real `cryptolens worker` processes on MariaDB and Redis: two
workers firing the same cron, one job id enqueued twice, a worker killed after a slot and
restarted, a job out of time; and nothing in the queue runs unless it is a JSON job this code
would enqueue."""

from __future__ import annotations

import asyncio
import itertools
import pickle
import signal
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from arq.connections import ArqRedis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.payload import dump_payload, load_payload
from tests.conftest import MYSQL_URL
from tests.fakes.exchange import FakeExchange
from tests.jobs.worker_processes import (
    WORKER_STARTUP_SECONDS,
    follow_anon,
    runs_of,
    start_serving_worker,
    start_worker,
    stop_worker,
    wait_for_run,
)

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)

# arq's keys for one job id: its payload, its kept result, its in-progress mark.
JOB_KEY, RESULT_KEY, IN_PROGRESS_KEY = "arq:job:", "arq:result:", "arq:in-progress:"
# Two slots of an every-minute cron, after the workers are up.
TWO_SLOTS_SECONDS = 150


async def _wait_until(check: Callable[[], Awaitable[bool]], within_seconds: float) -> None:
    deadline = time.monotonic() + within_seconds
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not so after {within_seconds} s")
        await asyncio.sleep(0.5)


async def _kept_result(redis: ArqRedis, job_id: str) -> dict[str, Any]:
    """arq's result of a job, once the worker has stored it."""

    async def stored() -> bool:
        return bool(await redis.exists(RESULT_KEY + job_id))

    await _wait_until(stored, 30)
    return load_payload(bytes(await redis.get(RESULT_KEY + job_id)))


async def test_two_workers_running_the_cron_run_each_minutes_scan_once(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    url = exchange_with_anon.base_url
    first, first_log = await start_serving_worker(url, "default", keys=job_keys, schedule=True)
    second, second_log = await start_serving_worker(url, "default", keys=job_keys, schedule=True)
    both_up = datetime.now(UTC)

    async def two_slots_since_both_up() -> bool:
        runs = await runs_of(session_factory, "fetch_and_scan")
        return sum(run.status == "ok" and run.started_at > both_up for run in runs) >= 2

    try:
        await _wait_until(two_slots_since_both_up, TWO_SLOTS_SECONDS)
    finally:
        statuses = [await stop_worker(first), await stop_worker(second)]
    assert statuses == [0, 0], first_log.text() + second_log.text()

    runs = await runs_of(session_factory, "fetch_and_scan")
    per_slot = Counter(run.job_id for run in runs)
    assert all(
        job_id and job_id.startswith(f"{job_keys.prefix}:cron:fetch_and_scan:")
        for job_id in per_slot
    )
    assert set(per_slot.values()) == {1}, per_slot
    assert {run.status for run in runs} == {"ok"}
    # One minute apart: the slots are the schedule's, not one per worker.
    slots = sorted(int(str(job_id).rsplit(":", 1)[1]) for job_id in per_slot)
    assert all(later - earlier == 60_000 for earlier, later in itertools.pairwise(slots))


async def test_a_job_enqueued_twice_under_one_id_runs_once(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    enqueuer = ArqEnqueuer(arq_redis, job_keys)
    given = "notify:999999"
    job_id = job_keys.job_id(given)  # arq's id: the given one under the test's prefix
    assert await enqueuer.enqueue("notify_signal", job_id=given, signal_id=999_999) == job_id
    # Queued: the same id again is refused.
    assert await enqueuer.enqueue("notify_signal", job_id=given, signal_id=999_999) is None

    worker, log = await start_serving_worker(exchange_with_anon.base_url, "high", keys=job_keys)
    try:
        run = await wait_for_run(session_factory, "notify_signal", WORKER_STARTUP_SECONDS)
        assert (await _kept_result(arq_redis, job_id))["r"] == {"status": "ok", "error": None}
        # Done, its result kept: refused again, and nothing new is queued.
        assert await enqueuer.enqueue("notify_signal", job_id=given, signal_id=999_999) is None
        assert await arq_redis.zcard(job_keys.queue("high")) == 0
    finally:
        assert await stop_worker(worker) == 0, log.text()
    assert run.status == "ok", run.error
    runs = await runs_of(session_factory, "notify_signal")
    assert [(run.job_id, run.status) for run in runs] == [(job_id, "ok")]


async def test_a_worker_killed_after_a_slot_and_restarted_does_not_run_the_slot_again(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    url = exchange_with_anon.base_url
    worker, log = await start_serving_worker(url, "default", keys=job_keys, schedule=True)
    try:
        done = await wait_for_run(session_factory, "fetch_and_scan", TWO_SLOTS_SECONDS)
    finally:
        worker.send_signal(signal.SIGKILL)
        await asyncio.to_thread(worker.wait, 30)
    assert done.status == "ok", (done.error, log.text())
    slot = str(done.job_id)
    assert slot.startswith(f"{job_keys.prefix}:cron:fetch_and_scan:")

    # The worst moment to die: after the run's commit, before arq's own bookkeeping. The slot
    # is then still queued, with no result, and its in-progress mark lapses.
    now_ms = int(time.time() * 1000)
    payload = {
        "t": 1,
        "f": f"{job_keys.prefix}:cron:fetch_and_scan",
        "a": [],
        "k": {},
        "et": now_ms,
    }
    await arq_redis.set(JOB_KEY + slot, dump_payload(payload))
    await arq_redis.zadd(job_keys.queue("default"), {slot: now_ms})
    await arq_redis.delete(RESULT_KEY + slot, IN_PROGRESS_KEY + slot)

    async def runs_of_the_slot() -> list[tuple[str, str | None]]:
        runs = await runs_of(session_factory, "fetch_and_scan")
        return [(run.status, run.error) for run in runs if run.job_id == slot]

    async def handed_out_again() -> bool:
        return len(await runs_of_the_slot()) > 1

    restarted, restarted_log = await start_serving_worker(
        url, "default", keys=job_keys, schedule=True
    )
    try:
        await _wait_until(handed_out_again, WORKER_STARTUP_SECONDS)
        await _kept_result(arq_redis, slot)
    finally:
        assert await stop_worker(restarted) == 0, restarted_log.text()
    assert await runs_of_the_slot() == [
        ("ok", None),
        ("skipped", "this slot already ran"),
    ]


async def test_a_job_out_of_time_is_stopped_once_at_its_limit_and_not_run_again(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await follow_anon(exchange_with_anon, session_factory)
    exchange_with_anon.pause_klines_after = 0  # the scan's fetch hangs
    job_id = await ArqEnqueuer(arq_redis, job_keys).enqueue(
        "scan_symbol", job_id="scan:ANON/BTC:slow", symbol="ANON/BTC"
    )
    assert job_id == job_keys.job_id("scan:ANON/BTC:slow")
    worker = start_worker(
        exchange_with_anon.base_url, keys=job_keys, settings={"job_timeout_default_seconds": "3"}
    )
    try:
        run = await wait_for_run(session_factory, "scan_symbol", WORKER_STARTUP_SECONDS)
        result = await _kept_result(arq_redis, job_id)
    finally:
        exchange_with_anon.release_klines()
        await stop_worker(worker)
    assert (run.status, run.error) == ("failed", "TimeoutError: stopped at its 3 s limit")
    assert 2500 <= (run.duration_ms or 0) < 5000
    # arq's own record of the same end; and no second try.
    assert result["s"] is False and result["r"]["error"] == "TimeoutError"
    assert len(await runs_of(session_factory, "scan_symbol")) == 1


class OpensAFile:
    """Unpickling this creates a file: a forged pickle payload's stand-in for worse."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (self.path, "w"))


async def test_a_payload_that_is_not_a_json_job_is_refused_without_running_anything(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
    tmp_path: Path,
) -> None:
    marker = tmp_path / "pwned"
    now_ms = int(time.time() * 1000)
    forged = {
        # arq's default serialization: unpickling it would create the marker file.
        "pickled": pickle.dumps(
            {"t": 1, "f": "notify_signal", "a": (), "k": {"x": OpensAFile(marker)}, "et": now_ms}
        ),
        # JSON, but not a job this code enqueues (positional arguments).
        "positional": dump_payload(
            {"t": 1, "f": "notify_signal", "a": [999_999], "k": {}, "et": now_ms}
        ),
        "garbage": b"\x00\x01 not json",
    }
    forged = {job_keys.job_id(name): raw for name, raw in forged.items()}
    for job_id, raw in forged.items():
        await arq_redis.set(JOB_KEY + job_id, raw)
        await arq_redis.zadd(job_keys.queue("high"), {job_id: now_ms})

    worker, log = await start_serving_worker(exchange_with_anon.base_url, "high", keys=job_keys)
    try:
        results = {job_id: await _kept_result(arq_redis, job_id) for job_id in forged}
    finally:
        assert await stop_worker(worker) == 0, log.text()
    assert not marker.exists()
    for job_id, result in results.items():
        assert result["s"] is False, job_id
        assert result["r"] == {
            "error": "DeserializationError",
            "message": "unable to deserialize job",
        }
    assert await arq_redis.zcard(job_keys.queue("high")) == 0
    assert await runs_of(session_factory, "notify_signal") == []
