"""POST /billing/checkout through the loopback providers: CSRF, session only, a verified email,
422 for a bad choice, 201 for a new checkout and 200 for the pending one reused within the
hour, a new one after it, a provider that cannot be reached (503 with Retry-After and the
payment failed) and the rules' 409s."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI

from cryptolens.billing.service import grant_subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.resources import app_resources
from tests.auth.helpers import error_of
from tests.billing.ledger_helpers import add_pending
from tests.billing.providers_fixtures import (
    app,
    checkout,
    lemonsqueezy,
    mail_settings,
    nowpayments,
    payment_rows,
    provider_settings,
    smtp_server,
    smtp_sink,
)
from tests.clients import MakeClient, MakeUserClient
from tests.fakes.lemonsqueezy import FakeLemonSqueezy
from tests.fakes.nowpayments import FakeNowPayments

__all__ = [
    "app",
    "lemonsqueezy",
    "mail_settings",
    "nowpayments",
    "provider_settings",
    "smtp_server",
    "smtp_sink",
]

CHECKOUT = "/api/v1/billing/checkout"
PRO_MONTHLY = {"plan": "pro", "cycle": "monthly", "method": "card"}


async def test_a_card_checkout_is_created_at_the_provider(
    app: FastAPI, make_user_client: MakeUserClient, lemonsqueezy: FakeLemonSqueezy
) -> None:
    user = await make_user_client("free")
    started = await checkout(user.http, "pro", "monthly", "card")
    assert started["reused"] is False
    assert started["checkout_url"].startswith(f"{lemonsqueezy.base_url}/checkout/custom/")
    [sent] = lemonsqueezy.checkouts.values()
    assert (sent["plan"], sent["cycle"], sent["email"]) == ("pro", "monthly", user.email)
    [payment] = await payment_rows(app, user.user_id)
    # Only our reference goes out as custom data: the ledger trusts nothing else.
    assert sent["custom"] == {"checkout_ref": payment.checkout_ref}
    assert sent["redirect_url"].endswith(f"/billing/return/{payment.id}")
    assert (payment.id, payment.status, payment.provider) == (
        started["payment_id"],
        "pending",
        "card",
    )


async def test_a_crypto_checkout_is_an_invoice(
    make_user_client: MakeUserClient, nowpayments: FakeNowPayments
) -> None:
    user = await make_user_client("free")
    started = await checkout(user.http, "premium", "yearly", "crypto")
    assert started["checkout_url"].startswith(nowpayments.base_url)
    [invoice] = nowpayments.invoices.values()
    assert str(invoice["price_amount"]) in ("490", "490.0", "490.00")


async def test_the_same_choice_within_the_hour_is_reused_then_renewed(
    app: FastAPI, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client("free")
    first = await checkout(user.http, "pro", "monthly", "card")
    clock.advance(timedelta(minutes=59))
    again = await checkout(user.http, "pro", "monthly", "card", status=200)
    assert again == {**first, "reused": True}
    other_cycle = await checkout(user.http, "pro", "yearly", "card")
    assert other_cycle["payment_id"] != first["payment_id"]

    clock.advance(timedelta(minutes=2))  # 61 minutes after the first
    later = await checkout(user.http, "pro", "monthly", "card")
    assert later["reused"] is False
    assert later["payment_id"] not in (first["payment_id"], other_cycle["payment_id"])
    assert len(await payment_rows(app, user.user_id)) == 3


async def test_a_provider_down_fails_the_payment_with_503(
    app: FastAPI, make_user_client: MakeUserClient, lemonsqueezy: FakeLemonSqueezy
) -> None:
    user = await make_user_client("free")
    lemonsqueezy.fail_next = 100
    response = await user.http.post(CHECKOUT, json=PRO_MONTHLY)
    assert error_of(response)[::2] == (503, "provider_unavailable")
    assert int(response.headers["Retry-After"]) > 0
    [payment] = await payment_rows(app, user.user_id)
    assert (payment.status, payment.failure_reason) == ("failed", "provider unavailable")
    # A failed checkout is never handed out again.
    lemonsqueezy.fail_next = 0
    started = await checkout(user.http, "pro", "monthly", "card")
    assert started["payment_id"] != payment.id


async def test_a_closed_port_is_a_provider_down(
    app: FastAPI,
    make_user_client: MakeUserClient,
    lemonsqueezy: FakeLemonSqueezy,
    nowpayments: FakeNowPayments,
) -> None:
    await nowpayments.__aexit__(None, None, None)  # its port now refuses connections
    user = await make_user_client("free")
    refused = await user.http.post(CHECKOUT, json={**PRO_MONTHLY, "method": "crypto"})
    assert error_of(refused)[::2] == (503, "provider_unavailable")
    assert "Retry-After" in refused.headers
    [payment] = await payment_rows(app, user.user_id)
    assert payment.status == "failed"


async def test_without_csrf_nothing_is_created(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client("free")
    del user.http.headers["X-CSRF-Token"]
    response = await user.http.post(CHECKOUT, json=PRO_MONTHLY)
    assert error_of(response)[::2] == (403, "csrf_failed")
    assert await payment_rows(app, user.user_id) == []


async def test_an_api_key_is_refused(
    make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    owner = await make_user_client("premium")
    created = await owner.http.post(
        "/api/v1/api-keys", json={"name": "billing", "scopes": ["read:signals"]}
    )
    assert created.status_code == 201, created.text
    client = make_client()
    client.headers["X-API-Key"] = created.json()["data"]["key"]
    response = await client.post(CHECKOUT, json=PRO_MONTHLY)
    assert error_of(response)[::2] == (403, "session_required")


async def test_an_unverified_email_is_refused(make_user_client: MakeUserClient) -> None:
    user = await make_user_client("free", verified=False)
    response = await user.http.post(CHECKOUT, json=PRO_MONTHLY)
    assert error_of(response)[::2] == (403, "verification_required")


async def test_anonymous_is_401(make_client: MakeClient) -> None:
    response = await make_client().post(CHECKOUT, json=PRO_MONTHLY)
    assert response.status_code in (401, 403)


@pytest.mark.parametrize(
    "body",
    [
        {"plan": "lifetime", "cycle": "monthly", "method": "card"},
        {"plan": "pro", "cycle": "weekly", "method": "card"},
        {"plan": "pro", "cycle": "monthly", "method": "paypal"},
        {"plan": "pro", "cycle": "monthly"},
        {**PRO_MONTHLY, "user_id": 1},
    ],
)
async def test_a_bad_choice_is_422(
    app: FastAPI, make_user_client: MakeUserClient, body: dict[str, object]
) -> None:
    user = await make_user_client("free")
    response: httpx.Response = await user.http.post(CHECKOUT, json=body)
    assert error_of(response)[::2] == (422, "validation_error")
    assert await payment_rows(app, user.user_id) == []


async def test_the_rules_409_pass_through(
    app: FastAPI, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client("free")
    async with unit_of_work(app_resources(app).session_factory) as db:
        await grant_subscription(db, user.user_id, "premium", clock.now(), expires_at=None)
    response = await user.http.post(CHECKOUT, json=PRO_MONTHLY)
    assert error_of(response)[::2] == (409, "subscription_lifetime")
    assert await payment_rows(app, user.user_id) == []


async def test_the_fake_checkout_is_404_while_the_fake_is_disabled(
    app: FastAPI, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client("free")
    # A fake payment left from when the fake was enabled: still nobody can pay it here.
    pending = await add_pending(app_resources(app).session_factory, user.user_id, clock.now())
    url = f"/api/v1/billing/fake-checkout/{pending.id}"
    assert error_of(await user.http.get(url))[::2] == (404, "not_found")
    paid = await user.http.post(url, json={"outcome": "paid"})
    assert error_of(paid)[::2] == (404, "not_found")
    [payment] = await payment_rows(app, user.user_id)
    assert payment.status == "pending"
