"""The billing mails' outbox (billing/mail_outbox.py), on both databases: every mail the ledger
decides is a `billing_mails` row written in the event's own transaction (a replay adds none);
`send_billing_mail` marks it once sent (to the loopback SMTP sink) and a second copy mails
nothing; the `requeue_billing_mails` sweep queues again only what is unsent, past the fast
path's 2 minutes and under 3 days old, and purges sent rows past their 90 days."""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.auth.models import User
from cryptolens.billing import ledger
from cryptolens.billing.models import OutboxMail, Payment
from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import FrozenClock
from cryptolens.core.security import PasswordHasher
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext
from cryptolens.jobs.billing_mails import requeue_billing_mails, send_billing_mail
from cryptolens.jobs.runtime import build_context
from cryptolens.resources import app_resources
from cryptolens.settings import MailSettings, Settings
from tests.auth.helpers import mail_arrives
from tests.billing.ledger_helpers import add_pending, apply, event_for
from tests.billing.providers_fixtures import checkout, data_of
from tests.clients import MakeUserClient
from tests.fakes.smtp import SmtpSink

Factory = async_sessionmaker[AsyncSession]


@dataclass
class RecordingQueue:
    """The queue the sweep sees: records what it asks for (the mails are sent by the test)."""

    queued: list[tuple[str, str | None, dict[str, Any]]] = field(default_factory=list)

    async def enqueue(
        self,
        name: str,
        *,
        job_id: str | None = None,
        defer_seconds: float | None = None,
        **arguments: Any,
    ) -> str | None:
        self.queued.append((name, job_id, arguments))
        return job_id

    async def queue_sizes(self) -> dict[str, int]:
        return {}

    async def enqueue_once(self, name: str, **arguments: Any) -> None:
        raise AssertionError("the sweep never asks for a manual run")


@pytest.fixture
def queue() -> RecordingQueue:
    return RecordingQueue()


@pytest.fixture
def ctx(
    test_settings: Settings,
    session_factory: Factory,
    clock: FrozenClock,
    mail_settings: MailSettings,
    queue: RecordingQueue,
) -> JobContext:
    settings = test_settings.model_copy(update={"mail": mail_settings})
    return build_context(settings, session_factory, MemoryCache(), clock, queue)  # type: ignore[arg-type]


async def new_payer(factory: Factory, now: datetime) -> tuple[int, str]:
    email = f"payer-{os.getpid()}-{time.monotonic_ns()}@example.com"
    async with unit_of_work(factory) as db:
        user = await create_user(
            db,
            PasswordHasher(cheap=True),
            now,
            email=email,
            password="unused-Password-123",
            is_verified=True,
        )
        return user.id, email


async def outbox(factory: Factory) -> list[OutboxMail]:
    async with unit_of_work(factory) as db:
        return list(await db.scalars(select(OutboxMail).order_by(OutboxMail.id)))


async def marked(factory: Factory, count: int, within_seconds: float = 10.0) -> list[OutboxMail]:
    """The outbox once `count` rows have their outcome: the job marks a row after the SMTP
    server took the mail, so a mail in the sink may briefly have an unmarked row."""
    deadline = asyncio.get_running_loop().time() + within_seconds
    while True:
        rows = await outbox(factory)
        done = [row for row in rows if row.outcome is not None]
        if len(done) >= count or asyncio.get_running_loop().time() > deadline:
            return rows
        await asyncio.sleep(0.05)


async def paid_at(factory: Factory, now: datetime) -> tuple[Payment, str]:
    """A payer's checkout paid at `now`: its receipt's row is created then."""
    user_id, email = await new_payer(factory, now)
    payment = await add_pending(factory, user_id, now)
    applied = await apply(factory, event_for(payment, "paid"), now)
    assert applied.mails == (ledger.BillingMail("receipt", payment.id),)
    return payment, email


async def test_every_decided_mail_is_a_row_and_a_replay_adds_none(
    session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    paid, _email = await paid_at(session_factory, now)
    user_id, _ = await new_payer(session_factory, now)
    failing = await add_pending(session_factory, user_id, now)
    await apply(session_factory, event_for(failing, "failed", reason="card declined"), now)
    expiring = await add_pending(session_factory, user_id, now)
    await apply(session_factory, event_for(expiring, "expired"), now)  # decides no mail

    # A replay of the paid event is refused before anything is written.
    replay = event_for(paid, "paid", event_id="evt-replayed")
    await apply(session_factory, replay, now)
    with pytest.raises(ledger.DuplicateEvent):
        await apply(session_factory, replay, now)

    rows = await outbox(session_factory)
    assert [(row.payment_id, row.kind) for row in rows] == [
        (paid.id, "receipt"),
        (failing.id, "failure"),
    ]
    assert all(row.sent_at is None and row.attempts == 0 for row in rows)
    assert all(row.created_at == now for row in rows)


async def test_the_job_marks_the_row_sent_and_a_second_copy_mails_nothing(
    session_factory: Factory, clock: FrozenClock, ctx: JobContext, smtp_sink: SmtpSink
) -> None:
    payment, email = await paid_at(session_factory, clock.now())
    clock.advance(timedelta(seconds=5))

    first = await send_billing_mail(ctx, payment.id, "receipt")
    assert first.details == {"mails": 1}
    assert len(smtp_sink.mails_to(email)) == 1
    [row] = await outbox(session_factory)
    assert (row.sent_at, row.outcome, row.attempts) == (clock.now(), "sent", 1)

    again = await send_billing_mail(ctx, payment.id, "receipt")
    assert again.details == {"already_sent": 1}
    assert len(smtp_sink.mails_to(email)) == 1
    [row] = await outbox(session_factory)
    assert row.attempts == 1


async def test_a_gone_account_is_marked_skipped(
    session_factory: Factory, clock: FrozenClock, ctx: JobContext, smtp_sink: SmtpSink
) -> None:
    payment, email = await paid_at(session_factory, clock.now())
    async with unit_of_work(session_factory) as db:
        await db.execute(update(User).where(User.id == payment.user_id).values(is_active=False))
    assert (await send_billing_mail(ctx, payment.id, "receipt")).details == {"skipped": 1}
    [row] = await outbox(session_factory)
    assert row.outcome == "skipped" and row.sent_at is not None
    assert smtp_sink.mails_to(email) == []


async def test_the_sweep_requeues_only_old_unsent_rows(
    session_factory: Factory, clock: FrozenClock, ctx: JobContext, queue: RecordingQueue
) -> None:
    now = clock.now()
    lost, _ = await paid_at(session_factory, now - timedelta(minutes=3))
    fresh, _ = await paid_at(session_factory, now - timedelta(minutes=1))
    given_up, _ = await paid_at(session_factory, now - timedelta(days=3, minutes=1))
    sent, _ = await paid_at(session_factory, now - timedelta(minutes=10))
    purged, _ = await paid_at(session_factory, now - timedelta(days=100))
    async with unit_of_work(session_factory) as db:
        for payment_id, sent_at in ((sent.id, now), (purged.id, now - timedelta(days=91))):
            await db.execute(
                update(OutboxMail)
                .where(OutboxMail.payment_id == payment_id)
                .values(sent_at=sent_at, outcome="sent")
            )

    counters = await requeue_billing_mails(ctx)

    assert queue.queued == [
        (
            "send_billing_mail",
            f"billing-mail:receipt:{lost.id}",
            {"payment_id": lost.id, "kind": "receipt"},
        )
    ]
    assert counters.details == {"requeued": 1, "unsent": 1, "purged": 1}
    left = {row.payment_id for row in await outbox(session_factory)}
    assert left == {lost.id, fresh.id, given_up.id, sent.id}


async def test_cancelling_stores_its_mail_with_the_cancel(
    app: FastAPI, make_user_client: MakeUserClient, smtp_sink: SmtpSink
) -> None:
    user = await make_user_client("free")
    payment_id: int = (await checkout(user.http, "pro", "monthly", "card"))["payment_id"]
    data_of(
        await user.http.post(
            f"/api/v1/billing/fake-checkout/{payment_id}", json={"outcome": "paid"}
        )
    )
    await mail_arrives(smtp_sink, user.email, 1)
    data_of(await user.http.post("/api/v1/billing/cancel"))
    await mail_arrives(smtp_sink, user.email, 2)
    factory = app_resources(app).session_factory
    rows = await marked(factory, count=2)
    assert [(row.payment_id, row.kind, row.outcome) for row in rows] == [
        (payment_id, "receipt", "sent"),
        (payment_id, "cancellation", "sent"),
    ]
