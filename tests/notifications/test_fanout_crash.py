"""A worker killed in the middle of sending (issue 13, failure 5), with real worker processes on
MariaDB and Redis and a fake NTFY that answers each push after a delay, as a distant server does.

A send's outcome is recorded before that delivery can be claimed again, so the kill repeats at
most the pushes in flight (the concurrency setting); what the dead worker held is taken over
as soon as its lease runs out, so every user has the push within a minute of the restart. A
delivery whose fifth attempt died with the worker is resumed, not left `queued`.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import pytest
from arq.connections import ArqRedis
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from cryptolens.notifications.models import UserNotification
from tests.conftest import MYSQL_URL
from tests.fakes.ntfy import FakeNtfy
from tests.jobs.worker_processes import (
    WORKER_STARTUP_SECONDS,
    StderrTail,
    arq_redis,
    job_keys,
    start_worker,
)
from tests.notifications.factories import UserSpec, add_signal, add_users, deliveries

__all__ = ["arq_redis", "job_keys"]

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)

USERS = 1454  # the reporter's fan-out
CONCURRENCY = 16  # the setting's default: pushes in flight at once
PUSH_DELAY_SECONDS = 0.05  # 16 in flight: ~320 pushes/s, the fan-out takes ~5 s
KILL_AFTER_PUSHES = 300
RESUMED_WITHIN_SECONDS = 60.0
NO_EXCHANGE = "http://127.0.0.1:9"  # the high queue never calls the exchange


@pytest.fixture
async def slow_ntfy() -> AsyncIterator[FakeNtfy]:
    fake = FakeNtfy(delay_s=PUSH_DELAY_SECONDS)
    await fake.start()
    yield fake
    await fake.stop()


def start_high_worker(ntfy: FakeNtfy, keys: JobKeys) -> tuple[subprocess.Popen[bytes], StderrTail]:
    """A worker of the high queue running its cron (the delivery sweep), pushing to the fake."""
    process = start_worker(
        NO_EXCHANGE,
        "high",
        keys=keys,
        schedule=True,
        settings={"ntfy_url": ntfy.base_url, "ntfy_concurrency": str(CONCURRENCY)},
    )
    return process, StderrTail(process)


async def kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    await asyncio.to_thread(process.wait, 30)


async def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    await asyncio.to_thread(process.wait, 60)


async def serving(log: StderrTail) -> float:
    """When the worker started taking jobs: the restart, as far as the queue can tell (a
    machine under load may take many seconds merely to import and connect)."""
    await log.wait_for("Starting worker for", WORKER_STARTUP_SECONDS)
    return time.time()


async def wait_until(condition: Callable[[], bool], within_seconds: float) -> bool:
    deadline = time.monotonic() + within_seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def wait_for_statuses(
    factory: async_sessionmaker[AsyncSession], signal_id: int, expected: dict[str, int]
) -> Counter[str]:
    """The signal's delivery statuses once they are `expected` (or after 10 s)."""
    deadline = time.monotonic() + 10
    while True:
        rows = await deliveries(factory, signal_id)
        statuses = Counter(row.status for row in rows.values() if row.claim is None)
        if statuses == expected or time.monotonic() > deadline:
            return statuses
        await asyncio.sleep(0.2)


async def test_a_worker_killed_mid_fan_out_repeats_only_the_pushes_in_flight(
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    slow_ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    now = datetime.now(UTC)
    users = await add_users(session_factory, [UserSpec(tier="premium")] * USERS, now)
    signal_id = await add_signal(session_factory, now)
    assert await ArqEnqueuer(arq_redis, job_keys).enqueue("notify_signal", signal_id=signal_id)

    first, first_log = start_high_worker(slow_ntfy, job_keys)
    try:
        reached = await wait_until(
            lambda: len(slow_ntfy.arrivals) >= KILL_AFTER_PUSHES, WORKER_STARTUP_SECONDS
        )
        assert reached, first_log.text()
    finally:
        await kill(first)
    at_kill = len(slow_ntfy.arrivals)
    assert at_kill < USERS, "the fan-out finished before the kill: nothing was tested"

    spawned_at = time.time()
    second, second_log = start_high_worker(slow_ntfy, job_keys)
    topics = {user.ntfy_topic for user in users}
    try:
        restarted_at = await serving(second_log)
        await wait_until(
            lambda: {topic for _, topic in slow_ntfy.arrivals} >= topics,
            RESUMED_WITHIN_SECONDS + 10,
        )
        statuses = await wait_for_statuses(session_factory, signal_id, {"sent": USERS})
    finally:
        await stop(second)

    first_push: dict[str, float] = {}
    for at, topic in slow_ntfy.arrivals:
        first_push.setdefault(topic, at)
    missing = topics - first_push.keys()
    late = [topic for topic, at in first_push.items() if at > restarted_at + 60]
    twice = [
        topic for topic, count in Counter(t for _, t in slow_ntfy.arrivals).items() if count > 1
    ]
    print(
        f"killed after {at_kill} pushes; the new worker served {restarted_at - spawned_at:.1f} s "
        f"after its start; then {len(missing)} users without the push, {len(late)} late, "
        f"{len(twice)} pushed twice; last push {max(first_push.values()) - restarted_at:.1f} s "
        "after the restart"
    )
    assert not missing, second_log.text()
    assert not late, "".join(line for line in second_log.lines if "httpx" not in line)[-6000:]
    assert len(twice) <= CONCURRENCY
    assert statuses == {"sent": USERS}


async def test_a_delivery_whose_fifth_attempt_died_with_the_worker_is_resumed(
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    ntfy = FakeNtfy()
    await ntfy.start()
    try:
        await _fifth_attempt_dies_then_resumes(ntfy, arq_redis, job_keys, session_factory)
    finally:
        await ntfy.stop()


async def _fifth_attempt_dies_then_resumes(
    ntfy: FakeNtfy,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    now = datetime.now(UTC)
    [user] = await add_users(session_factory, [UserSpec(tier="premium")], now)
    # Four attempts failed with 5xx over ~3 minutes; the signal is past the push age by now,
    # which stops a fresh fan-out but not the retries of one already under way.
    signal_id = await add_signal(session_factory, now - timedelta(minutes=12))
    async with session_factory() as db:
        await db.execute(
            insert(UserNotification).values(
                user_id=user.id,
                signal_id=signal_id,
                symbol="BTC/USDT",
                title="LONG BTC/USDT · FVG 4h · 3 TF",
                status="queued",
                attempts=4,
                created_at=now - timedelta(minutes=12),
                send_after=now,
                last_attempt_at=now - timedelta(minutes=2),
                http_status=503,
            )
        )
        await db.commit()
        delivery_id = await db.scalar(
            select(UserNotification.id).where(UserNotification.user_id == user.id)
        )
    assert delivery_id is not None
    ntfy.slow(120.0, times=1)  # the fifth attempt hangs; the worker dies waiting for it
    assert await ArqEnqueuer(arq_redis, job_keys).enqueue(
        "deliver_notification", delivery_id=delivery_id, expected_attempts=4
    )
    first, first_log = start_high_worker(ntfy, job_keys)
    try:
        assert await wait_until(lambda: len(ntfy.arrivals) >= 1, WORKER_STARTUP_SECONDS), (
            first_log.text()
        )
    finally:
        await kill(first)
    row = (await deliveries(session_factory, signal_id))[user.id]
    assert (row.status, row.attempts) == ("queued", 5)

    second, second_log = start_high_worker(ntfy, job_keys)
    try:
        restarted_at = await serving(second_log)
        resumed = await wait_until(lambda: len(ntfy.arrivals) >= 2, RESUMED_WITHIN_SECONDS)
        statuses = await wait_for_statuses(session_factory, signal_id, {"sent": 1})
    finally:
        await stop(second)
    assert resumed, second_log.text()
    print(f"resumed {ntfy.arrivals[1][0] - restarted_at:.1f} s after the restart")
    assert statuses == {"sent": 1}
    row = (await deliveries(session_factory, signal_id))[user.id]
    assert (row.attempts, row.claim) == (6, None)
