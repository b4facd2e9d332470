"""Webhook tests: the app (mail to the SMTP sink, pushes to the fake NTFY) whose jobs run on
its embedded runner with deferred ones held until the test moves the clock, a loopback
receiver, and rows written straight through the models (endpoints of users who never sign
in)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.core.security import SecretBox
from cryptolens.db import to_ms, unit_of_work
from cryptolens.resources import app_resources
from cryptolens.settings import Settings
from cryptolens.signals.models import Signal
from cryptolens.webhooks.kit import install_sender
from cryptolens.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from cryptolens.webhooks.resolver import StaticResolver
from cryptolens.webhooks.signing import new_secret
from cryptolens.webhooks.transport import WebhookSender
from tests.notifications.conftest import (
    HeldQueue,
    app,
    mail_settings,
    ntfy,
    smtp_server,
    smtp_sink,
    test_settings,
)
from tests.notifications.factories import UserSpec, add_users
from tests.notifications.factories import add_signal as add_bare_signal
from tests.webhooks.receiver import Receiver

__all__ = ["app", "mail_settings", "ntfy", "smtp_server", "smtp_sink", "test_settings"]

ATTEMPT = "webhook_attempt"


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    server = Receiver()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def jobs(app: FastAPI, clock: FrozenClock) -> HeldQueue:
    """The app's own job runtime (routes and jobs share it), deferred jobs held."""
    runtime = app_resources(app).jobs
    assert runtime.runner is not None
    queue = HeldQueue(runtime.runner, clock)
    runtime.ctx.enqueuer = queue
    return queue


@pytest.fixture
def resolver(app: FastAPI, test_settings: Settings) -> StaticResolver:
    """Names resolve through this table (a rebinding test changes it between lookups)."""
    table = StaticResolver({"localhost": ["127.0.0.1"]})
    sender = WebhookSender(
        production=False,
        resolver=table,
        timeout_seconds=test_settings.webhooks.attempt_timeout_seconds,
    )
    install_sender(app_resources(app).shared_clients, sender)
    return table


@dataclass
class EndpointRow:
    id: int
    user_id: int
    secret: str


async def add_endpoint(
    factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    user_id: int,
    url: str,
    now: datetime,
    **fields: Any,
) -> EndpointRow:
    secret = new_secret()
    values: dict[str, Any] = {
        "events": ["signal.created", "signal.updated"],
        "symbols": [],
        "direction": "both",
        "min_confluence": 1,
        "status": "active",
        **fields,
    }
    async with unit_of_work(factory) as db:
        row = WebhookEndpoint(
            user_id=user_id,
            url=url,
            description="",
            payload_version=1,
            secret=SecretBox.for_settings(settings).encrypt(secret),
            failure_streak=0,
            created_at=now,
            updated_at=now,
            **values,
        )
        db.add(row)
        await db.flush()
        return EndpointRow(row.id, user_id, secret)


async def deliveries_of(
    factory: async_sessionmaker[AsyncSession], endpoint_id: int
) -> list[WebhookDelivery]:
    async with factory() as db:
        rows = await db.scalars(
            select(WebhookDelivery)
            .where(WebhookDelivery.endpoint_id == endpoint_id)
            .order_by(WebhookDelivery.id)
        )
        return list(rows)


async def attempts_of(
    factory: async_sessionmaker[AsyncSession], delivery_id: int
) -> list[WebhookAttempt]:
    async with factory() as db:
        rows = await db.scalars(
            select(WebhookAttempt)
            .where(WebhookAttempt.delivery_id == delivery_id)
            .order_by(WebhookAttempt.id)
        )
        return list(rows)


async def endpoint_row(
    factory: async_sessionmaker[AsyncSession], endpoint_id: int
) -> WebhookEndpoint | None:
    async with factory() as db:
        return await db.get(WebhookEndpoint, endpoint_id)


async def fan_out(
    jobs: HeldQueue, event_type: str, object_id: int, at: datetime, **extra: Any
) -> None:
    await jobs.run(
        "webhook_fanout", event_type=event_type, object_id=object_id, occurred_ms=to_ms(at), **extra
    )


async def settle(jobs: HeldQueue) -> None:
    """Waits for every job started so far (and those they start at once) to finish."""
    seen: set[str] = set()
    while True:
        waiting = [job_id for job_id in jobs.started if job_id not in seen]
        if not waiting:
            return
        for job_id in waiting:
            seen.add(job_id)
            outcome = await jobs.runner.wait_for(job_id)
            assert outcome is None or outcome.status == "ok", outcome


FULL_SETUP_STATS = [
    {
        "window_days": 30,
        "count": 8,
        "triggered": 6,
        "wins": 4,
        "decided": 6,
        "win_rate": 0.667,
        "resolved": 5,
        "avg_r": 0.8,
    }
]


async def add_signal(
    factory: async_sessionmaker[AsyncSession], created_at: datetime, **fields: Any
) -> int:
    """A stored signal (tests/notifications' factory) whose record serialises like a real one."""
    signal_id = await add_bare_signal(factory, created_at, **fields)
    async with unit_of_work(factory) as db:
        await db.execute(
            update(Signal).where(Signal.id == signal_id).values(setup_stats=FULL_SETUP_STATS)
        )
    return signal_id


@dataclass
class Subscribed:
    """A premium owner's endpoint at the loopback receiver, and a stored signal to send it."""

    factory: async_sessionmaker[AsyncSession]
    clock: FrozenClock
    jobs: HeldQueue
    receiver: Receiver
    owner_id: int
    endpoint: EndpointRow
    signal_id: int

    async def send_signal(self) -> None:
        """The signal's `signal.created` fan-out, and every job it starts, run to the end."""
        await fan_out(self.jobs, "signal.created", self.signal_id, self.clock.now())
        await settle(self.jobs)

    async def deliveries(self) -> list[WebhookDelivery]:
        return await deliveries_of(self.factory, self.endpoint.id)


@pytest.fixture
async def subscribed(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> Subscribed:
    now = clock.now()
    [owner] = await add_users(session_factory, [UserSpec(tier="premium")], now)
    endpoint = await add_endpoint(session_factory, test_settings, owner.id, receiver.url, now)
    signal_id = await add_signal(session_factory, now)
    return Subscribed(session_factory, clock, jobs, receiver, owner.id, endpoint, signal_id)
