"""A provider's payment webhook while Redis (the job queue) is down or hung, on a real API
process (MariaDB direct, Redis through a FaultProxy the test controls): the webhook answers 200
`applied` and never a 5xx, the payment and the subscription are stored, and so is the receipt's
outbox row (billing/mail_outbox.py), so the mail is delayed, not lost: the provider's retry is a
duplicate that queues nothing, but once Redis is back the `requeue_billing_mails` sweep, run by
a real worker, queues the receipt and it is sent exactly once (the SMTP sink shows one receipt;
a second sweep and a second copy of the job mail nothing)."""

from __future__ import annotations

import asyncio
import os
import secrets
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from arq.connections import ArqRedis
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.billing import service as billing_service
from cryptolens.billing.models import OutboxMail, Payment
from cryptolens.billing.providers.fake import fake_event
from cryptolens.core.job_queue import REQUEST_ENQUEUE_WAIT_SECONDS
from cryptolens.core.security import PasswordHasher
from cryptolens.db import unit_of_work
from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.runtime import create_arq_redis
from tests.billing.ledger_helpers import add_pending
from tests.conftest import MYSQL_URL, REDIS_URL
from tests.fakes.exchange import FakeExchange
from tests.fakes.fault_proxy import FaultProxy, Mode
from tests.fakes.smtp import SmtpSink
from tests.jobs.worker_processes import (
    delete_keys_of,
    exchange_with_anon,
    runs_of,
    start_serving_worker,
    stop_worker,
)
from tests.processes import ApiProcess, module_api

__all__ = ["exchange_with_anon"]

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)

FAKE_PROVIDER_SECRET = "mail-queue-outage-fake-provider-secret"
WEBHOOK = "/api/v1/billing/webhooks/fake"
# A hung Redis costs the enqueue REQUEST_ENQUEUE_WAIT_SECONDS (core/job_queue.py), not the
# Redis client's read timeout (3 s); the rest is the request's own work.
WEBHOOK_LIMIT_SECONDS = REQUEST_ENQUEUE_WAIT_SECONDS + 1.5
MAIL_WAIT_SECONDS = 60.0
# The API and the worker of this module share queues, job ids and locks of their own, so a
# worker of another test never takes our jobs, nor ours theirs.
KEYS = JobKeys(f"mailoutage{os.getpid()}-{secrets.token_hex(4)}")


@pytest.fixture
async def redis() -> AsyncIterator[ArqRedis]:
    """The real Redis (not through the proxy), to look at the queue and enqueue the sweep."""
    if not REDIS_URL:
        pytest.skip("CRYPTOLENS_TEST_REDIS_URL is not set")
    client = create_arq_redis(REDIS_URL)
    await delete_keys_of(client, KEYS)
    yield client
    await delete_keys_of(client, KEYS)
    await client.aclose()


@pytest.fixture(scope="module")
async def api(
    redis_proxy: FaultProxy, db_engine: AsyncEngine, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ApiProcess]:
    assert MYSQL_URL and REDIS_URL
    async with module_api(
        tmp_path_factory.mktemp("mail-queue-outage"),
        db_engine,
        database_url=MYSQL_URL,
        redis_url=redis_proxy.url_for(REDIS_URL),
        env={
            "CRYPTOLENS_BILLING_FAKE_SECRET": FAKE_PROVIDER_SECRET,
            "CRYPTOLENS_JOB_KEY_PREFIX": KEYS.prefix,
        },
    ) as process:
        yield process


async def new_payer(factory: async_sessionmaker[AsyncSession]) -> tuple[int, str]:
    email = f"payer-{os.getpid()}-{time.monotonic_ns()}@example.com"
    async with unit_of_work(factory) as db:
        user = await create_user(
            db,
            PasswordHasher(cheap=True),
            datetime.now(UTC),
            email=email,
            password="unused-Password-123",
            is_verified=True,
        )
        return user.id, email


async def pay(
    http: httpx.AsyncClient, factory: async_sessionmaker[AsyncSession], user_id: int
) -> tuple[int, httpx.Response, float, tuple[bytes, dict[str, str]]]:
    """The provider reports a pending checkout paid: (payment id, answer, seconds, request)."""
    payment = await add_pending(factory, user_id, datetime.now(UTC))
    request = fake_event(payment.checkout_ref, payment.amount, "USD", "paid", FAKE_PROVIDER_SECRET)
    started = time.perf_counter()
    answer = await http.post(WEBHOOK, content=request[0], headers=request[1])
    return payment.id, answer, time.perf_counter() - started, request


async def receipt_queued(redis: ArqRedis, payment_id: int) -> bool:
    job_id = KEYS.job_id(f"billing-mail:receipt:{payment_id}")
    return bool(await redis.exists(f"arq:job:{job_id}"))


async def outbox_row(factory: async_sessionmaker[AsyncSession], payment_id: int) -> OutboxMail:
    async with unit_of_work(factory) as db:
        row = await db.scalar(select(OutboxMail).where(OutboxMail.payment_id == payment_id))
    assert row is not None, f"no outbox row for payment {payment_id}"
    return row


async def receipts_arrive(sink: SmtpSink, address: str, count: int) -> None:
    deadline = time.monotonic() + MAIL_WAIT_SECONDS
    while len(sink.mails_to(address)) < count:
        assert time.monotonic() < deadline, f"{count} mail(s) to {address} never arrived"
        await asyncio.sleep(0.2)


async def finished_runs(factory: async_sessionmaker[AsyncSession], name: str, count: int) -> None:
    deadline = time.monotonic() + MAIL_WAIT_SECONDS
    while sum(run.finished_at is not None for run in await runs_of(factory, name)) < count:
        assert time.monotonic() < deadline, f"{count} finished {name} runs never came"
        await asyncio.sleep(0.2)


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_a_receipt_lost_by_a_queue_outage_is_sent_once_after_it(
    mode: Mode,
    redis_proxy: FaultProxy,
    api: ApiProcess,
    redis: ArqRedis,
    session_factory: async_sessionmaker[AsyncSession],
    smtp_sink: SmtpSink,
    exchange_with_anon: FakeExchange,
) -> None:
    user_id, email = await new_payer(session_factory)
    async with httpx.AsyncClient(base_url=api.base_url, timeout=60) as http:
        with redis_proxy.fault(mode):
            payment_id, answer, took, request = await pay(http, session_factory, user_id)
            print(f"{mode}: webhook answered in {took * 1000:.0f} ms")
            assert answer.status_code == 200, answer.text
            assert answer.json()["data"]["status"] == "applied"
            assert took < WEBHOOK_LIMIT_SECONDS

        async with unit_of_work(session_factory) as db:
            stored = await db.get(Payment, payment_id)
            subscription = await billing_service.current_subscription(db, user_id)
        assert stored is not None and stored.status == "completed"
        assert subscription is not None and subscription.plan == "pro"
        row = await outbox_row(session_factory, payment_id)
        assert (row.kind, row.sent_at) == ("receipt", None)

        # Back: the provider's retry is a duplicate and queues nothing by itself.
        retried = await http.post(WEBHOOK, content=request[0], headers=request[1])
        assert retried.status_code == 200 and retried.json()["data"]["status"] == "duplicate"
        assert not await receipt_queued(redis, payment_id)

        # The next payment's receipt takes the fast path again, once the API's client reconnects.
        other, other_email = await new_payer(session_factory)
        next_id, answer, _took, _request = await pay(http, session_factory, other)
        assert answer.status_code == 200, answer.text
    assert await receipt_queued(redis, next_id)
    assert "billing.mail_not_queued" in api.log_tail(200_000)

    # The sweep leaves a row to the fast path for 2 minutes: this one is made that old.
    async with unit_of_work(session_factory) as db:
        await db.execute(
            update(OutboxMail)
            .where(OutboxMail.payment_id == payment_id)
            .values(created_at=datetime.now(UTC) - timedelta(minutes=3))
        )
    worker, tail = await start_serving_worker(
        exchange_with_anon.base_url,
        "high",
        keys=KEYS,
        settings={"smtp_host": "127.0.0.1", "smtp_port": str(smtp_sink.port), "smtp_tls": "none"},
    )
    try:
        queue = ArqEnqueuer(redis, KEYS)
        assert await queue.enqueue("requeue_billing_mails") is not None
        await receipts_arrive(smtp_sink, email, 1)
        await receipts_arrive(smtp_sink, other_email, 1)
        await finished_runs(session_factory, "send_billing_mail", 2)

        # Sent exactly once: a second sweep finds nothing to queue, and a stray copy of the
        # job under another id finds the row sent.
        assert await queue.enqueue("requeue_billing_mails") is not None
        assert await queue.enqueue("send_billing_mail", payment_id=payment_id, kind="receipt")
        await finished_runs(session_factory, "requeue_billing_mails", 2)
        await finished_runs(session_factory, "send_billing_mail", 3)
    finally:
        assert await stop_worker(worker) == 0, tail.text()
    assert len(smtp_sink.mails_to(email)) == 1
    assert smtp_sink.last_mail_to(email)["Subject"].startswith("Your CryptoLens receipt")
    assert len(smtp_sink.mails_to(other_email)) == 1
    row = await outbox_row(session_factory, payment_id)
    assert row.outcome == "sent" and row.sent_at is not None and row.attempts == 1
    sweeps = await runs_of(session_factory, "requeue_billing_mails")
    print(f"{mode}: sweeps {[run.status for run in sweeps]}")
