"""A worker SIGKILLed in the middle of `apply_scheduled_changes`, with real `cryptolens worker`
processes on MariaDB and Redis: the roll-over of the due downgrades is one transaction, so the
kill applies none of it, and the next run applies every one exactly once (no period extended
twice, no change lost); a run after that changes nothing, and no mail or payment event comes
of it.

The controlled point: the test holds a row lock on one due payment, so the worker's run
stops inside its transaction (its UPDATE waits on the lock, seen in information_schema),
having already changed the rows before it; then kill -9."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from datetime import UTC, datetime

import pytest
from arq.connections import ArqRedis
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.billing.models import Payment, PaymentEvent, Subscription
from cryptolens.core.security import PasswordHasher
from cryptolens.db import unit_of_work
from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from tests.billing.ledger_helpers import buy, days
from tests.conftest import MYSQL_URL
from tests.fakes.exchange import FakeExchange
from tests.jobs.worker_processes import (
    arq_redis,
    exchange_with_anon,
    job_keys,
    start_serving_worker,
    stop_worker,
)

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)
__all__ = ["arq_redis", "exchange_with_anon", "job_keys"]

JOB = "apply_scheduled_changes"
DUE = 12
HELD = DUE // 2  # the due subscription whose payment the test locks
WAIT_SECONDS = 60
# The killed worker's single-copy lock outlives it by its lifetime: short here, so the next run
# is not skipped as "another run is in progress" (in production the next minute's run follows).
WORKER_SETTINGS = {"job_lock_ttl_seconds": "2"}

Factory = async_sessionmaker[AsyncSession]


async def due_downgrades(factory: Factory, now: datetime) -> list[tuple[int, int, datetime]]:
    """DUE accounts whose premium ended 10 days ago with a paid pro waiting to take over:
    (user id, the pro payment's id, the premium's end)."""
    start = now - days(40)
    made = []
    for _ in range(DUE):
        async with unit_of_work(factory) as db:
            user = await create_user(
                db,
                PasswordHasher(cheap=True),
                start,
                email=f"rollover-{os.getpid()}-{time.monotonic_ns()}@example.com",
                password="unused-Password-123",
                is_verified=True,
            )
        await buy(factory, user.id, start, plan="premium")
        pro = await buy(factory, user.id, start + days(1), plan="pro")
        made.append((user.id, pro.id, start + days(30)))
    return made


async def lock_waits_of_our_database(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        found = await connection.scalar(
            text(
                "SELECT COUNT(*) FROM information_schema.innodb_trx t"
                " JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id"
                " WHERE t.trx_state = 'LOCK WAIT' AND p.db = DATABASE()"
            )
        )
        return int(found or 0)


async def wait_until_blocked(engine: AsyncEngine) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while await lock_waits_of_our_database(engine) == 0:
        if time.monotonic() > deadline:
            raise AssertionError(f"the worker's run did not reach the lock in {WAIT_SECONDS} s")
        await asyncio.sleep(0.2)


async def subscriptions_of(factory: Factory, user_ids: list[int]) -> list[Subscription]:
    async with factory() as db:
        rows = await db.scalars(
            select(Subscription)
            .where(Subscription.user_id.in_(user_ids))
            .order_by(Subscription.user_id)
        )
        return list(rows)


async def wait_rolled_over(factory: Factory, user_ids: list[int], queue: ArqEnqueuer) -> None:
    """Runs the job (as its cron would, here every few seconds) until every change is in."""
    deadline = time.monotonic() + WAIT_SECONDS
    runs = 0
    while any(s.scheduled_plan is not None for s in await subscriptions_of(factory, user_ids)):
        if time.monotonic() > deadline:
            raise AssertionError(f"the due changes were not applied in {WAIT_SECONDS} s")
        if time.monotonic() > deadline - WAIT_SECONDS + 4 * runs:
            runs += 1
            await queue.enqueue(JOB, job_id=f"rollover:second:{runs}")
        await asyncio.sleep(0.5)


async def test_a_worker_killed_mid_roll_over_loses_nothing_and_applies_nothing_twice(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    db_engine: AsyncEngine,
    session_factory: Factory,
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    made = await due_downgrades(session_factory, now)
    user_ids = [user_id for user_id, _pro, _end in made]
    async with session_factory() as db:
        events_before = await db.scalar(select(func.count()).select_from(PaymentEvent))
    enqueuer = ArqEnqueuer(arq_redis, job_keys)

    worker, tail = await start_serving_worker(
        exchange_with_anon.base_url, "high", keys=job_keys, settings=WORKER_SETTINGS
    )
    try:
        async with db_engine.connect() as holder:
            transaction = await holder.begin()
            held_payment = made[HELD][1]
            await holder.execute(
                select(Payment.id).where(Payment.id == held_payment).with_for_update()
            )
            await enqueuer.enqueue(JOB, job_id="rollover:first")
            await wait_until_blocked(db_engine)
            worker.send_signal(signal.SIGKILL)
            await asyncio.to_thread(worker.wait, 30)
            await transaction.rollback()
        # The kill ended the worker's transaction: nothing of it was kept.
        pending = await subscriptions_of(session_factory, user_ids)
        assert [s.plan for s in pending] == ["premium"] * DUE
        assert all(s.scheduled_plan == "pro" for s in pending)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(30)

    worker, tail = await start_serving_worker(
        exchange_with_anon.base_url, "high", keys=job_keys, settings=WORKER_SETTINGS
    )
    try:
        await wait_rolled_over(session_factory, user_ids, enqueuer)
        await enqueuer.enqueue(JOB, job_id="rollover:third")  # changes nothing more
        await asyncio.sleep(3)
    finally:
        assert await stop_worker(worker) == 0, tail.text()

    for (user_id, pro_id, premium_end), subscription in zip(
        made, await subscriptions_of(session_factory, user_ids), strict=True
    ):
        assert subscription.user_id == user_id
        assert (subscription.plan, subscription.cycle, subscription.status) == (
            "pro",
            "monthly",
            "active",
        )
        # Once: the pro's month follows the premium's end, not a second month after it.
        assert (subscription.started_at, subscription.expires_at) == (
            premium_end,
            premium_end + days(30),
        )
        assert subscription.funded_by_payment_id == pro_id
        async with session_factory() as db:
            pro = await db.get(Payment, pro_id)
        assert pro is not None
        assert (pro.period_start, pro.expires_at) == (premium_end, premium_end + days(30))
    async with session_factory() as db:
        events_after = await db.scalar(select(func.count()).select_from(PaymentEvent))
    assert events_after == events_before  # a roll-over records no provider event
    mails = [key async for key in arq_redis.scan_iter(match=f"*{job_keys.prefix}:billing-mail*")]
    assert mails == []
