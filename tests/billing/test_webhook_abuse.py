"""Provider webhooks under attack: unsigned and wrongly signed bodies, one event replayed five
times at once, a body naming another user, a huge body, an event for a checkout we never made.
Exactly one credit comes out of all of it, and only for the checkout's owner."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

from fastapi import FastAPI

from cryptolens.billing.providers.signing import sha256_hex
from cryptolens.core.clock import FrozenClock
from cryptolens.settings import Settings
from tests.billing.providers_fixtures import (
    BILLING,
    app,
    checkout,
    data_of,
    deliver,
    event_rows,
    lemonsqueezy,
    nowpayments,
    outcome_of,
    payment_rows,
    provider_settings,
    resigned,
    subscription_row,
    tier_now,
)
from tests.clients import MakeClient, MakeUserClient, UserClient
from tests.fakes.lemonsqueezy import FakeLemonSqueezy
from tests.fakes.nowpayments import FakeNowPayments

__all__ = ["app", "lemonsqueezy", "nowpayments", "provider_settings"]

MONTH = timedelta(days=30)


async def card_checkout_of(user: UserClient, app: FastAPI) -> str:
    """A pending pro monthly card checkout of `user`: its provider checkout id."""
    await checkout(user.http, "pro", "monthly", "card")
    (payment,) = await payment_rows(app, user.user_id)
    assert payment.provider_checkout_id is not None
    return payment.provider_checkout_id


def error_code(response: Any) -> str:
    code: str = response.json()["meta"]["code"]
    return code


async def test_unsigned_and_wrongly_signed_webhooks_are_401(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    lemonsqueezy: FakeLemonSqueezy,
    nowpayments: FakeNowPayments,
) -> None:
    user = await make_user_client("free")
    order = lemonsqueezy.order_created(await card_checkout_of(user, app))
    anonymous = make_client()
    unsigned = {k: v for k, v in order.headers.items() if k.lower() != "x-signature"}
    wrong = {**unsigned, "X-Signature": sha256_hex("not-the-secret", order.body)}
    other_body = {**unsigned, "X-Signature": sha256_hex(lemonsqueezy.webhook_secret, b"{}")}
    for headers in (unsigned, wrong, other_body, {**unsigned, "X-Signature": ""}):
        refused = await deliver(anonymous, "card", (order.body, headers))
        assert refused.status_code == 401, refused.text
        assert error_code(refused) == "invalid_signature"

    await checkout(user.http, "premium", "monthly", "crypto")
    invoice_id = next(iter(nowpayments.invoices))
    ipn = nowpayments.ipn(invoice_id, "finished")
    ipn_unsigned = {k: v for k, v in ipn.headers.items() if k.lower() != "x-nowpayments-sig"}
    for headers in (ipn_unsigned, {**ipn_unsigned, "x-nowpayments-sig": "ab" * 64}):
        refused = await deliver(anonymous, "crypto", (ipn.body, headers))
        assert (refused.status_code, error_code(refused)) == (401, "invalid_signature")

    # A provider that is not enabled here (fake), or none at all, is not there to be signed for.
    for name in ("fake", "paypal"):
        missing = await deliver(anonymous, name, (order.body, order.headers))
        assert (missing.status_code, error_code(missing)) == (404, "not_found")

    # Nothing was recorded, nothing credited.
    assert await event_rows(app) == []
    assert [p.status for p in await payment_rows(app, user.user_id)] == ["pending", "pending"]
    assert await tier_now(user.http) == "free"


async def test_one_event_sent_five_times_at_once_credits_once(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    lemonsqueezy: FakeLemonSqueezy,
    clock: FrozenClock,
) -> None:
    user = await make_user_client("free")
    order = lemonsqueezy.order_created(await card_checkout_of(user, app))
    # Five clients, as five provider retries would arrive: on MariaDB five connections race.
    senders = [make_client() for _ in range(5)]
    answers = await asyncio.gather(*(deliver(sender, "card", order) for sender in senders))

    assert sorted(outcome_of(answer) for answer in answers) == ["applied"] + ["duplicate"] * 4
    (payment,) = await payment_rows(app, user.user_id)
    assert payment.status == "completed"
    assert payment.expires_at == clock.now() + MONTH
    row = await subscription_row(app, user.user_id)
    assert row is not None
    assert (row.plan, row.status, row.expires_at) == ("pro", "active", clock.now() + MONTH)
    assert row.funded_by_payment_id == payment.id
    (event,) = await event_rows(app)
    assert (event.provider, event.outcome, event.payment_id) == ("card", "applied", payment.id)
    # A sixth copy later changes nothing either.
    assert outcome_of(await deliver(make_client(), "card", order)) == "duplicate"
    again = await subscription_row(app, user.user_id)
    assert again is not None and again.expires_at == clock.now() + MONTH


async def test_a_tampered_user_in_the_body_credits_only_the_checkouts_owner(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    lemonsqueezy: FakeLemonSqueezy,
    clock: FrozenClock,
) -> None:
    owner = await make_user_client("free")
    other = await make_user_client("free")
    checkout_id = await card_checkout_of(owner, app)
    # The provider's own signed event with custom data naming the other user...
    claimed = {"user_id": other.user_id, "email": other.email, "plan": "premium"}
    order = lemonsqueezy.order_created(checkout_id, extra_custom=claimed)
    # ...and the order's e-mail changed too, re-signed: a valid signature over the lies.
    body = json.loads(order.body)
    body["data"]["attributes"]["user_email"] = other.email
    body["meta"]["custom_data"]["user_id"] = other.user_id
    tampered = resigned(lemonsqueezy, body)

    assert outcome_of(await deliver(make_client(), "card", tampered)) == "applied"
    assert await tier_now(owner.http) == "pro"  # the checkout decides, and its plan
    assert await tier_now(other.http) == "free"
    assert await payment_rows(app, other.user_id) == []
    assert await subscription_row(app, other.user_id) is None
    (payment,) = await payment_rows(app, owner.user_id)
    assert (payment.status, payment.plan) == ("completed", "pro")
    row = await subscription_row(app, owner.user_id)
    assert row is not None and row.expires_at == clock.now() + MONTH


async def test_a_2_mb_body_is_refused_before_it_is_parsed(
    app: FastAPI,
    provider_settings: Settings,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    lemonsqueezy: FakeLemonSqueezy,
) -> None:
    user = await make_user_client("free")
    order = lemonsqueezy.order_created(await card_checkout_of(user, app))
    limit = provider_settings.billing.webhook_max_bytes
    anonymous = make_client()
    for size in (2_000_000, limit + 1):
        # A valid event, validly signed, padded past the limit: were it parsed, it would credit.
        body = json.loads(order.body)
        body["meta"]["padding"] = ""
        filler = size - len(json.dumps(body).encode())
        body["meta"]["padding"] = "a" * filler
        padded = resigned(lemonsqueezy, body)
        assert len(padded[0]) == size
        refused = await deliver(anonymous, "card", padded)
        assert (refused.status_code, error_code(refused)) == (413, "payload_too_large")

    # Chunked (no Content-Length): cut off at the limit, not read to its end.
    sent = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal sent
        yield order.body[:-1]
        chunk = b" " * 16_384
        while sent < 2_000_000:
            sent += len(chunk)
            yield chunk
        yield b"}"

    refused = await anonymous.post(
        f"{BILLING}/webhooks/card",
        content=endless(),
        headers={**order.headers, "Content-Type": "application/json"},
    )
    assert (refused.status_code, error_code(refused)) == (413, "payload_too_large")
    assert sent < 2_000_000

    assert await event_rows(app) == []
    assert [p.status for p in await payment_rows(app, user.user_id)] == ["pending"]
    # The same event at its real size goes through.
    assert outcome_of(await deliver(anonymous, "card", order)) == "applied"


async def test_an_event_for_an_unknown_checkout_is_recorded_and_ignored(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    lemonsqueezy: FakeLemonSqueezy,
) -> None:
    user = await make_user_client("free")
    order = lemonsqueezy.order_created(await card_checkout_of(user, app))
    body = json.loads(order.body)
    body["meta"]["custom_data"] = {"checkout_ref": secrets.token_urlsafe(24)}
    body["data"]["id"] = str(10**9 + secrets.randbelow(10**6))
    stranger = resigned(lemonsqueezy, body)

    answered = await deliver(make_client(), "card", stranger)
    assert data_of(answered) == {"status": "ignored"}  # 200: the provider stops retrying
    (event,) = await event_rows(app)
    assert (event.provider, event.event_type, event.outcome) == ("card", "order_created", "ignored")
    assert event.payment_id is None
    assert event.event_id == f"order_created:orders:{body['data']['id']}"
    assert [p.status for p in await payment_rows(app, user.user_id)] == ["pending"]
    assert await tier_now(user.http) == "free"
    # Sent again, it is a duplicate of the recorded event, still no credit.
    assert outcome_of(await deliver(make_client(), "card", stranger)) == "duplicate"
