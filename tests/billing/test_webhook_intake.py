"""POST /billing/webhooks/{provider}: no session and no CSRF; an unknown or disabled provider is
404; the body is refused (413) past settings.billing.webhook_max_bytes before it is read; the
signature is checked before anything is parsed (401, logged without body or secret); a signed
body that is no event is 400; an event applies once and a replay answers `duplicate`."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI

from tests.auth.helpers import error_of
from tests.billing.providers_fixtures import (
    app,
    checkout,
    deliver,
    event_rows,
    lemonsqueezy,
    mail_settings,
    nowpayments,
    outcome_of,
    provider_settings,
    smtp_server,
    smtp_sink,
    tier_now,
)
from tests.clients import MakeClient, MakeUserClient
from tests.fakes.lemonsqueezy import FakeLemonSqueezy

__all__ = [
    "app",
    "lemonsqueezy",
    "mail_settings",
    "nowpayments",
    "provider_settings",
    "smtp_server",
    "smtp_sink",
]

WEBHOOKS = "/api/v1/billing/webhooks"
LIMIT = 65_536  # settings.billing.webhook_max_bytes by default


async def test_unknown_and_disabled_providers_are_404(make_client: MakeClient) -> None:
    client = make_client()
    for provider in ("stripe", "fake"):  # fake is not enabled in this app
        response = await client.post(f"{WEBHOOKS}/{provider}", content=b"{}")
        assert error_of(response)[::2] == (404, "not_found"), provider


async def test_an_event_applies_once_without_session_or_csrf(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    lemonsqueezy: FakeLemonSqueezy,
) -> None:
    user = await make_user_client("free")
    await checkout(user.http, "pro", "monthly", "card")
    [checkout_id] = lemonsqueezy.checkouts
    delivery = lemonsqueezy.order_created(checkout_id)
    provider = make_client()  # no cookie, no CSRF token: the signature alone
    first = await deliver(provider, "card", delivery)
    assert first.json()["data"] == {"status": "applied"}
    assert await tier_now(user.http) == "pro"
    assert outcome_of(await deliver(provider, "card", delivery)) == "duplicate"
    assert [(e.event_type, e.outcome) for e in await event_rows(app)] == [
        ("order_created", "applied")
    ]


async def test_an_unknown_checkout_is_recorded_and_ignored(
    app: FastAPI, make_user_client: MakeUserClient, lemonsqueezy: FakeLemonSqueezy
) -> None:
    user = await make_user_client("free")
    await checkout(user.http, "pro", "monthly", "card")
    [checkout_id] = lemonsqueezy.checkouts
    lemonsqueezy.checkouts[checkout_id]["custom"] = {"checkout_ref": "not-ours"}
    delivery = lemonsqueezy.order_created(checkout_id)
    assert outcome_of(await deliver(user.http, "card", delivery)) == "ignored"
    assert await tier_now(user.http) == "free"


async def test_signatures_are_checked_and_the_refusal_logged_without_body(
    make_client: MakeClient,
    make_user_client: MakeUserClient,
    lemonsqueezy: FakeLemonSqueezy,
    caplog: pytest.LogCaptureFixture,
) -> None:
    user = await make_user_client("free")
    await checkout(user.http, "pro", "monthly", "card")
    [checkout_id] = lemonsqueezy.checkouts
    delivery = lemonsqueezy.order_created(checkout_id)
    client = make_client()
    caplog.set_level(logging.INFO, logger="cryptolens")

    unsigned = await client.post(
        f"{WEBHOOKS}/card", content=delivery.body, headers={"Content-Type": "application/json"}
    )
    assert error_of(unsigned)[::2] == (401, "invalid_signature")
    wrong = {**delivery.headers, "X-Signature": "0" * 64}
    assert error_of(await client.post(f"{WEBHOOKS}/card", content=delivery.body, headers=wrong))[
        ::2
    ] == (401, "invalid_signature")
    assert await tier_now(user.http) == "free"

    refusals = [r for r in caplog.records if r.getMessage() == "billing.webhook_refused"]
    assert len(refusals) == 2
    assert {getattr(r, "provider", None) for r in refusals} == {"card"}
    logged = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert user.email not in logged  # the body names the payer
    assert lemonsqueezy.webhook_secret not in logged
    assert delivery.body.decode()[:40] not in logged


async def test_a_signed_body_that_is_no_event_is_400(
    make_client: MakeClient, lemonsqueezy: FakeLemonSqueezy
) -> None:
    client = make_client()
    for body in (b"not json", b"[]", b'{"meta": {}}'):
        headers = lemonsqueezy.sign(body, "order_created")
        response = await client.post(f"{WEBHOOKS}/card", content=body, headers=headers)
        assert error_of(response)[::2] == (400, "malformed_event"), body


class _Body:
    """A request body that counts what the server pulled from it."""

    def __init__(self, chunk_size: int, chunks: int) -> None:
        self.chunk = b"x" * chunk_size
        self.chunks = chunks
        self.pulled = 0

    async def stream(self) -> AsyncIterator[bytes]:
        for _ in range(self.chunks):
            self.pulled += 1
            yield self.chunk


async def test_a_declared_oversize_body_is_refused_unread(make_client: MakeClient) -> None:
    client = make_client()
    for declared in (2 * 1024 * 1024, LIMIT + 1):
        body = _Body(8192, declared // 8192 + 1)
        response = await client.post(
            f"{WEBHOOKS}/card",
            content=body.stream(),
            headers={"Content-Length": str(declared), "Content-Type": "application/json"},
        )
        assert error_of(response)[::2] == (413, "payload_too_large"), declared
        assert body.pulled == 0, "the body was read before the refusal"


async def test_a_chunked_oversize_body_is_cut_off_at_the_limit(make_client: MakeClient) -> None:
    body = _Body(8192, 1000)  # 8 MB if read to the end
    response = await make_client().post(
        f"{WEBHOOKS}/card", content=body.stream(), headers={"Content-Type": "application/json"}
    )
    assert error_of(response)[::2] == (413, "payload_too_large")
    assert body.pulled <= LIMIT // 8192 + 2
