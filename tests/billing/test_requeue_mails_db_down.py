"""The `requeue_billing_mails` sweep while MariaDB is down, run by a real worker whose database
connections go through a FaultProxy the test controls (Redis direct). Refused, or black-holed
when the worker opens its connection, the sweep fails within the connect bound; black-holed
under a pooled connection, within the job's time limit (workers keep no statement bound,
docs/operations.md). Either way it never hangs the worker, mails nothing and loses nothing (the
receipt's outbox row stays unsent, billing/mail_outbox.py); once the database is back, the next
sweep queues the receipt and it is sent exactly once (a later sweep queues nothing)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Literal

import pytest
from arq.connections import ArqRedis
from arq.jobs import Job, JobResult
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.billing.models import OutboxMail
from cryptolens.core.security import PasswordHasher
from cryptolens.db import unit_of_work
from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.payload import load_payload
from cryptolens.settings import DatabaseSettings
from tests.billing.ledger_helpers import buy
from tests.conftest import MYSQL_URL
from tests.fakes.exchange import FakeExchange
from tests.fakes.fault_proxy import FaultProxy, Mode
from tests.fakes.smtp import SmtpSink
from tests.jobs.worker_processes import (
    StderrTail,
    arq_redis,
    exchange_with_anon,
    job_keys,
    runs_of,
    start_serving_worker,
    stop_worker,
)

__all__ = ["arq_redis", "exchange_with_anon", "job_keys"]

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)

SWEEP = "requeue_billing_mails"
# The sweep's time limit on the worker (the high queue's): what bounds a job whose database
# stopped answering, since workers keep no statement bound (docs/operations.md).
JOB_LIMIT_SECONDS = 20.0
# A refused database fails a connection at once; opening one is bounded by its timeout (twice
# the API's whole wait, for a loaded CI machine).
CONNECT_BOUND_SECONDS = 2 * DatabaseSettings().request_wait_seconds
Pool = Literal["warm", "cold"]
BOUNDS: dict[tuple[Pool, Mode], float] = {
    ("warm", "refuse"): CONNECT_BOUND_SECONDS,
    # A pooled connection's ping waits on the silent server until the job's limit.
    ("warm", "blackhole"): JOB_LIMIT_SECONDS + CONNECT_BOUND_SECONDS,
    # Opening one is bounded, the handshake included (db.py : create_engine).
    ("cold", "blackhole"): CONNECT_BOUND_SECONDS,
}
WAIT_SECONDS = 90.0


@pytest.fixture
async def worker_behind_proxy(
    pool: Pool,
    database_proxy: FaultProxy,
    job_keys: JobKeys,
    smtp_sink: SmtpSink,
    exchange_with_anon: FakeExchange,
) -> AsyncIterator[StderrTail]:
    """A worker of the high queue, its MariaDB through the proxy, its mails to the sink: its
    log as it comes. A `cold` one starts while the database is black-holed: its first
    connection is opened during the outage."""
    assert MYSQL_URL
    database_proxy.set_mode("blackhole" if pool == "cold" else "pass")
    worker, tail = await start_serving_worker(
        exchange_with_anon.base_url,
        "high",
        keys=job_keys,
        database_url=database_proxy.url_for(MYSQL_URL),
        settings={
            "smtp_host": "127.0.0.1",
            "smtp_port": str(smtp_sink.port),
            "smtp_tls": "none",
            "job_timeout_high_seconds": str(JOB_LIMIT_SECONDS),
        },
    )
    try:
        yield tail
    finally:
        database_proxy.set_mode("pass")
        assert await stop_worker(worker) == 0, tail.text()


async def outcome(redis: ArqRedis, keys: JobKeys, job_id: str) -> JobResult:
    """The job's result as arq keeps it, once it has ended."""
    job = Job(job_id, redis, _queue_name=keys.queue("high"), _deserializer=load_payload)
    deadline = time.monotonic() + WAIT_SECONDS
    while (result := await job.result_info()) is None:
        assert time.monotonic() < deadline, f"{job_id} did not end within {WAIT_SECONDS} s"
        await asyncio.sleep(0.1)
    return result


async def sweep(redis: ArqRedis, keys: JobKeys) -> JobResult:
    job_id = await ArqEnqueuer(redis, keys).enqueue(SWEEP)
    assert job_id is not None
    return await outcome(redis, keys, job_id)


async def outbox_row(factory: async_sessionmaker[AsyncSession], payment_id: int) -> OutboxMail:
    async with factory() as db:
        row = await db.scalar(select(OutboxMail).where(OutboxMail.payment_id == payment_id))
    assert row is not None, f"no outbox row for payment {payment_id}"
    return row


async def paid_receipt_waiting(factory: async_sessionmaker[AsyncSession]) -> tuple[int, str]:
    """A payment whose receipt the fast path lost 3 minutes ago (its row is the sweep's):
    (payment id, the payer's address)."""
    email = f"sweep-{time.monotonic_ns()}@example.com"
    then = datetime.now(UTC) - timedelta(minutes=3)
    async with unit_of_work(factory) as db:
        user = await create_user(
            db,
            PasswordHasher(cheap=True),
            then,
            email=email,
            password="unused-Password-123",
            is_verified=True,
        )
    payment = await buy(factory, user.id, then)
    row = await outbox_row(factory, payment.id)
    assert (row.kind, row.sent_at) == ("receipt", None)
    return payment.id, email


@pytest.mark.parametrize(
    ("pool", "mode"), [("warm", "refuse"), ("warm", "blackhole"), ("cold", "blackhole")]
)
async def test_the_sweep_fails_in_bounded_time_while_the_database_is_down_then_sends_once(
    pool: Pool,
    mode: Mode,
    worker_behind_proxy: StderrTail,
    database_proxy: FaultProxy,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
    smtp_sink: SmtpSink,
) -> None:
    if pool == "warm":
        # Up: a sweep with nothing to do (the worker's pool holds connections now, as a
        # running worker's does).
        warm = await sweep(arq_redis, job_keys)
        assert warm.success, warm.result
    payment_id, email = await paid_receipt_waiting(session_factory)

    with database_proxy.fault(mode):
        failed = await sweep(arq_redis, job_keys)
        took = (failed.finish_time - failed.start_time).total_seconds()
    print(f"{pool} {mode}: the sweep failed in {took:.1f} s: {failed.result!r}")
    assert not failed.success, failed.result
    assert took < BOUNDS[pool, mode], (took, failed.result)
    # Nothing mailed, nothing lost: the row waits, untried.
    assert smtp_sink.mails_to(email) == []
    row = await outbox_row(session_factory, payment_id)
    assert (row.sent_at, row.attempts) == (None, 0)

    # Back: the next sweep queues the receipt, sent once; a second sweep queues nothing.
    deadline = time.monotonic() + WAIT_SECONDS
    while not (again := await sweep(arq_redis, job_keys)).success:
        assert time.monotonic() < deadline, again.result
    assert again.result["status"] == "ok", again.result
    deadline = time.monotonic() + WAIT_SECONDS
    while len(smtp_sink.mails_to(email)) < 1:
        assert time.monotonic() < deadline, "the receipt never arrived"
        await asyncio.sleep(0.2)
    last = await sweep(arq_redis, job_keys)
    assert last.success and last.result["status"] == "ok", last.result
    sends = [run for run in await runs_of(session_factory, "send_billing_mail") if run.finished_at]
    assert len(smtp_sink.mails_to(email)) == 1
    assert smtp_sink.last_mail_to(email)["Subject"].startswith("Your CryptoLens receipt")
    row = await outbox_row(session_factory, payment_id)
    assert row.outcome == "sent" and row.sent_at is not None and row.attempts == 1
    assert [run.status for run in sends] == ["ok"]
    # The receipt was queued by one sweep only: the last found the row sent.
    assert worker_behind_proxy.text(1_000_000).count("billing.mails_requeued") == 1
