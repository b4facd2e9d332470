"""Endpoint life: secret rotation (both signatures for 24 h, then the new one; two secrets at
most), auto-disable after 10 failed attempts over at least 24 h with the owner's email and
push, re-enabling, and the URL rules at creation (production) and at every attempt
(rebinding)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.core.security import SecretBox
from cryptolens.resources import app_resources
from cryptolens.settings import Settings
from cryptolens.webhooks import service
from cryptolens.webhooks.kit import WebhookKit
from cryptolens.webhooks.resolver import StaticResolver
from cryptolens.webhooks.schemas import WebhookEndpointIn
from cryptolens.webhooks.transport import WebhookSender
from cryptolens.webhooks.urls import UrlNotAllowedError
from tests.auth.helpers import mail_arrives
from tests.clients import MakeUserClient
from tests.fakes.ntfy import FakeNtfy
from tests.fakes.smtp import SmtpSink
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import UserSpec, add_users
from tests.webhooks.conftest import (
    ATTEMPT,
    add_endpoint,
    add_signal,
    deliveries_of,
    endpoint_row,
    fan_out,
    settle,
)
from tests.webhooks.receiver import Receiver, expected_signature, verifies

API = "/api/v1/webhooks"


def _signed_by(secret: str, request: object) -> str:
    from tests.webhooks.receiver import Request

    assert isinstance(request, Request)
    return "v1," + expected_signature(
        secret, request.message_id, request.headers["webhook-timestamp"], request.body
    )


async def test_rotation_signs_with_both_secrets_for_a_day_then_with_the_new_one(
    make_user_client: MakeUserClient, clock: FrozenClock, jobs: HeldQueue, receiver: Receiver
) -> None:
    owner = await make_user_client("premium")
    created = await owner.http.post(API, json={"url": receiver.url})
    assert created.status_code == 201, created.text
    endpoint_id, first = created.json()["data"]["id"], created.json()["data"]["secret"]

    rotated = await owner.http.post(f"{API}/{endpoint_id}/rotate-secret")
    assert rotated.status_code == 200, rotated.text
    second = rotated.json()["data"]["secret"]
    assert second != first and second.startswith("whsec_")
    assert (await owner.http.post(f"{API}/{endpoint_id}/test")).json()["data"]["attempt"][
        "succeeded"
    ]
    request = receiver.received[-1]
    # New first, then the previous one; a receiver holding either secret accepts it.
    assert request.signatures() == [_signed_by(second, request), _signed_by(first, request)]
    now = clock.now().timestamp()
    assert verifies(first, request, now) and verifies(second, request, now)

    # Rotating again within the day drops the oldest: two secrets at most.
    third = (await owner.http.post(f"{API}/{endpoint_id}/rotate-secret")).json()["data"]["secret"]
    await owner.http.post(f"{API}/{endpoint_id}/test")
    request = receiver.received[-1]
    assert request.signatures() == [_signed_by(third, request), _signed_by(second, request)]
    assert not verifies(first, request, clock.now().timestamp())

    clock.advance(timedelta(hours=24, seconds=1))
    await owner.http.post(f"{API}/{endpoint_id}/test")
    request = receiver.received[-1]
    assert request.signatures() == [_signed_by(third, request)]
    assert not verifies(second, request, clock.now().timestamp())
    assert verifies(third, request, clock.now().timestamp())


async def test_ten_failures_within_a_day_do_not_disable(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    [user] = await add_users(session_factory, [UserSpec(tier="premium")], clock.now())
    endpoint = await add_endpoint(
        session_factory, test_settings, user.id, receiver.url, clock.now()
    )
    receiver.always(500)
    for _ in range(11):
        await fan_out(
            jobs, "signal.created", await add_signal(session_factory, clock.now()), clock.now()
        )
    await settle(jobs)
    row = await endpoint_row(session_factory, endpoint.id)
    assert row is not None and (row.status, row.failure_streak) == ("active", 11)
    # A success resets the streak.
    receiver.always(None)
    await fan_out(
        jobs, "signal.created", await add_signal(session_factory, clock.now()), clock.now()
    )
    await settle(jobs)
    row = await endpoint_row(session_factory, endpoint.id)
    assert row is not None and (row.failure_streak, row.streak_started_at) == (0, None)


async def test_ten_failures_over_a_day_auto_disable_and_tell_the_owner(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
    smtp_sink: SmtpSink,
    ntfy: FakeNtfy,
) -> None:
    [user] = await add_users(session_factory, [UserSpec(tier="premium")], clock.now())
    endpoint = await add_endpoint(
        session_factory, test_settings, user.id, receiver.url, clock.now()
    )
    receiver.always(500)
    first = await add_signal(session_factory, clock.now())
    await fan_out(jobs, "signal.created", first, clock.now())
    await settle(jobs)
    while jobs.held:  # 8 attempts over about 27.6 h
        [delay] = jobs.delays(ATTEMPT)
        await jobs.advance(timedelta(seconds=delay + 1))
        await settle(jobs)
    row = await endpoint_row(session_factory, endpoint.id)
    assert row is not None and (row.status, row.failure_streak) == ("active", 8)

    # Two more events: the 9th failure leaves a retry pending, the 10th disables.
    second = await add_signal(session_factory, clock.now())
    await fan_out(jobs, "signal.created", second, clock.now())
    await settle(jobs)
    third = await add_signal(session_factory, clock.now())
    await fan_out(jobs, "signal.created", third, clock.now())
    await settle(jobs)

    row = await endpoint_row(session_factory, endpoint.id)
    assert row is not None and (row.status, row.failure_streak) == ("auto_disabled", 10)
    assert row.disabled_at == clock.now() and "10 consecutive" in (row.disabled_reason or "")
    statuses = [(d.status, d.reason) for d in await deliveries_of(session_factory, endpoint.id)]
    assert statuses == [
        ("failed", None),
        ("failed", "endpoint_disabled"),
        ("failed", "endpoint_disabled"),
    ]
    # The held retry of the second finds it ended; no new deliveries are made.
    await jobs.advance(timedelta(seconds=10))
    await settle(jobs)
    await fan_out(
        jobs, "signal.created", await add_signal(session_factory, clock.now()), clock.now()
    )
    await settle(jobs)
    assert len(await deliveries_of(session_factory, endpoint.id)) == 3
    assert len(receiver.received) == 10

    await mail_arrives(smtp_sink, user.email, 1)
    mail = smtp_sink.last_mail_to(user.email)
    text = mail.get_content()
    assert "127.0.0.1" in mail["Subject"] and "10 consecutive" in text and "HTTP 500" in text
    assert "/hook" not in text  # the host only
    [push] = ntfy.to_topic(user.ntfy_topic)
    assert "127.0.0.1" in push["title"] and "HTTP 500" in push["message"]


async def test_re_enabling_resets_the_count(
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    from sqlalchemy import update

    from cryptolens.db import unit_of_work
    from cryptolens.webhooks.models import WebhookEndpoint

    owner = await make_user_client("premium")
    endpoint_id = (await owner.http.post(API, json={"url": receiver.url})).json()["data"]["id"]
    async with unit_of_work(session_factory) as db:
        await db.execute(
            update(WebhookEndpoint)
            .where(WebhookEndpoint.id == endpoint_id)
            .values(
                status="auto_disabled",
                failure_streak=12,
                streak_started_at=clock.now() - timedelta(days=2),
                disabled_reason="12 consecutive failed attempts",
                disabled_at=clock.now(),
            )
        )
    enabled = await owner.http.patch(f"{API}/{endpoint_id}", json={"enabled": True})
    assert enabled.status_code == 200, enabled.text
    data = enabled.json()["data"]
    assert (data["status"], data["failure_streak"], data["disabled_reason"]) == ("active", 0, None)
    disabled = await owner.http.patch(f"{API}/{endpoint_id}", json={"enabled": False})
    assert disabled.json()["data"]["status"] == "disabled"


async def test_a_name_resolving_to_loopback_is_refused_in_production(
    app: FastAPI,
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
) -> None:
    [user] = await add_users(session_factory, [UserSpec(tier="premium")], clock.now())
    table = StaticResolver(
        {
            "hooks.example.com": ["127.0.0.1"],
            "public.example.com": ["93.184.216.34"],
            "localhost": ["127.0.0.1"],
        }
    )

    def kit(production: bool) -> WebhookKit:
        return WebhookKit(
            settings=test_settings.webhooks,
            production=production,
            sender=WebhookSender(production=production, resolver=table),
            box=SecretBox.for_settings(test_settings),
            clock=clock,
            queue=jobs,
            max_age=test_settings.notifications.max_age,
        )

    async with session_factory() as db:
        for url in ("https://hooks.example.com/in", "https://127.0.0.1/in", "http://localhost/in"):
            with pytest.raises(UrlNotAllowedError):
                await service.create_endpoint(db, kit(True), user.id, WebhookEndpointIn(url=url))
        created = await service.create_endpoint(
            db, kit(True), user.id, WebhookEndpointIn(url="https://public.example.com/in")
        )
        assert created.secret.startswith("whsec_")
        # Development and test: loopback is allowed.
        await service.create_endpoint(
            db, kit(False), user.id, WebhookEndpointIn(url="http://localhost/in")
        )
        await db.rollback()
    assert app_resources(app) is not None


async def test_a_host_rebinding_to_a_private_address_is_blocked_at_the_attempt(
    make_user_client: MakeUserClient, resolver: StaticResolver, jobs: HeldQueue
) -> None:
    owner = await make_user_client("premium")
    resolver.set("hooks.example.com", ["93.184.216.34"])
    created = await owner.http.post(API, json={"url": "https://hooks.example.com/in"})
    assert created.status_code == 201, created.text
    endpoint_id = created.json()["data"]["id"]
    resolver.set("hooks.example.com", ["10.0.0.7"])
    tested = await owner.http.post(f"{API}/{endpoint_id}/test")
    assert tested.status_code == 200, tested.text
    attempt = tested.json()["data"]["attempt"]
    assert (attempt["succeeded"], attempt["error"], attempt["status_code"]) == (
        False,
        "blocked_address",
        None,
    )
    # Refused at update too.
    moved = await owner.http.patch(
        f"{API}/{endpoint_id}", json={"url": "https://hooks.example.com/x"}
    )
    assert moved.status_code == 422 and moved.json()["meta"]["code"] == "url_not_allowed"
