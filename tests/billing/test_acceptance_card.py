"""Paying by card end to end, through the loopback LemonSqueezy: checkout, the signed order
webhook, the tier on the very next request, a renewal, cancel (no grace), the expiry webhook.
And nothing a card provider forbids is stored, and no provider secret reaches a row or a log."""

from __future__ import annotations

import json
import logging
import re
from datetime import timedelta

import pytest
from fastapi import FastAPI

from cryptolens.core.clock import FrozenClock
from cryptolens.core.iso_times import iso_ms
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
    raw_values,
    resigned,
    subscription_row,
    tier_now,
)
from tests.clients import MakeClient, MakeUserClient, UserClient
from tests.fakes.lemonsqueezy import Delivery, FakeLemonSqueezy

__all__ = ["app", "lemonsqueezy", "nowpayments", "provider_settings"]

MONTH = timedelta(days=30)


async def visit_daily(user: UserClient, clock: FrozenClock, days: int) -> None:
    """Time passes with the user coming back every day (a sliding session stays signed in)."""
    for _ in range(days):
        clock.advance(timedelta(days=1))
        assert await tier_now(user.http) == "pro"


async def paid_by_card(
    user: UserClient, lemonsqueezy: FakeLemonSqueezy, make_client: MakeClient, app: FastAPI
) -> tuple[str, str]:
    """Checkout pro monthly by card and the order webhook: (checkout id, order id)."""
    started = await checkout(user.http, "pro", "monthly", "card")
    assert started["reused"] is False
    (payment,) = await payment_rows(app, user.user_id)
    assert (payment.id, payment.status, payment.provider) == (
        started["payment_id"],
        "pending",
        "card",
    )
    # The fake recorded the checkout our API created, carrying our reference as custom data.
    assert payment.provider_checkout_id in lemonsqueezy.checkouts
    checkout_id = payment.provider_checkout_id
    assert checkout_id is not None
    recorded = lemonsqueezy.checkouts[checkout_id]
    assert recorded["custom"] == {"checkout_ref": payment.checkout_ref}
    assert (recorded["plan"], recorded["cycle"], recorded["email"]) == (
        "pro",
        "monthly",
        user.email,
    )
    assert started["checkout_url"] == payment.checkout_url

    order = lemonsqueezy.order_created(checkout_id)
    assert outcome_of(await deliver(make_client(), "card", order)) == "applied"
    return checkout_id, order.object_id


async def test_card_checkout_renewal_cancel_and_expiry(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    lemonsqueezy: FakeLemonSqueezy,
    clock: FrozenClock,
) -> None:
    user = await make_user_client("free")
    assert await tier_now(user.http) == "free"  # and remembered by the access memo
    paid_at = clock.now()

    checkout_id, order_id = await paid_by_card(user, lemonsqueezy, make_client, app)

    # The very next request sees the new tier (no sign-in again, no wait).
    assert await tier_now(user.http) == "pro"
    (payment,) = await payment_rows(app, user.user_id)
    assert (payment.status, payment.provider_object_id) == ("completed", order_id)
    assert payment.expires_at == paid_at + MONTH
    subscription = data_of(await user.http.get(f"{BILLING}/subscription"))
    assert (subscription["plan"], subscription["tier"], subscription["status"]) == (
        "pro",
        "pro",
        "active",
    )
    assert subscription["expires_at"] == iso_ms(paid_at + MONTH)

    # The provider links its recurring subscription: nothing credited.
    linked = lemonsqueezy.subscription_created(checkout_id)
    assert outcome_of(await deliver(make_client(), "card", linked)) == "applied"
    subscription_id = linked.object_id
    row = await subscription_row(app, user.user_id)
    assert row is not None and row.expires_at == paid_at + MONTH
    assert data_of(await user.http.get(f"{BILLING}/subscription"))["renews"] is True

    # The "initial" invoice of that subscription is the order already credited: ignored.
    initial = lemonsqueezy.subscription_payment_success(subscription_id, billing_reason="initial")
    assert outcome_of(await deliver(make_client(), "card", initial)) == "ignored"
    row = await subscription_row(app, user.user_id)
    assert row is not None and row.expires_at == paid_at + MONTH

    # A day before the end, the provider charges the next month: exactly 30 more days.
    await visit_daily(user, clock, days=29)
    renewal = lemonsqueezy.subscription_payment_success(subscription_id, billing_reason="renewal")
    assert outcome_of(await deliver(make_client(), "card", renewal)) == "applied"
    ends = paid_at + 2 * MONTH
    row = await subscription_row(app, user.user_id)
    assert row is not None and row.expires_at == ends
    payments = await payment_rows(app, user.user_id)
    assert [(p.kind, p.status) for p in payments] == [
        ("checkout", "completed"),
        ("renewal", "completed"),
    ]
    assert payments[1].provider_subscription_id == subscription_id
    assert (payments[1].period_start, payments[1].expires_at) == (paid_at + MONTH, ends)
    assert row.funded_by_payment_id == payments[1].id

    # Cancel: the provider's subscription is cancelled there first, access stays until the end.
    cancelled = data_of(await user.http.post(f"{BILLING}/cancel"))
    assert lemonsqueezy.cancelled == [subscription_id]
    assert (cancelled["status"], cancelled["renews"], cancelled["expires_at"]) == (
        "cancelled",
        False,
        iso_ms(ends),
    )
    assert await tier_now(user.http) == "pro"
    await visit_daily(user, clock, days=29)
    clock.set(ends - timedelta(seconds=1))
    assert await tier_now(user.http) == "pro"
    clock.set(ends)  # no grace days after a cancellation
    assert await tier_now(user.http) == "free"

    # The provider's own end of the subscription: expired, free.
    expired = lemonsqueezy.subscription_expired(subscription_id)
    assert outcome_of(await deliver(make_client(), "card", expired)) == "applied"
    after = data_of(await user.http.get(f"{BILLING}/subscription"))
    assert (after["status"], after["tier"]) == ("expired", "free")
    assert await tier_now(user.http) == "free"
    outcomes = [(event.event_type, event.outcome) for event in await event_rows(app)]
    assert outcomes == [
        ("order_created", "applied"),
        ("subscription_created", "applied"),
        ("subscription_payment_success", "ignored"),
        ("subscription_payment_success", "applied"),
        ("subscription_expired", "applied"),
    ]


# 13 to 19 digits, maybe grouped by spaces or dashes: what a card number looks like anywhere.
CARD_NUMBER = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")


def passes_luhn(candidate: str) -> bool:
    digits = [int(c) for c in candidate if c.isdigit()][::-1]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits))
    return total % 10 == 0


def card_numbers_in(value: str) -> list[str]:
    return [found for found in CARD_NUMBER.findall(value) if passes_luhn(found)]


def with_card_details(lemonsqueezy: FakeLemonSqueezy, delivery: Delivery) -> Delivery:
    """The delivery as LemonSqueezy fills it for a card payment: the card's brand and last four
    digits among the attributes (what its subscription and order objects expose)."""
    body = json.loads(delivery.body)
    body["data"]["attributes"].update(
        {"card_brand": "visa", "card_last_four": "4242", "payment_processor": "stripe"}
    )
    raw, headers = resigned(lemonsqueezy, body)
    return Delivery(body=raw, headers=headers, object_id=delivery.object_id)


async def test_no_card_data_or_provider_secret_is_stored_or_logged(
    app: FastAPI,
    provider_settings: Settings,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    lemonsqueezy: FakeLemonSqueezy,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    user = await make_user_client("free")
    await checkout(user.http, "pro", "monthly", "card")
    (payment,) = await payment_rows(app, user.user_id)
    assert payment.provider_checkout_id is not None
    order = with_card_details(
        lemonsqueezy, lemonsqueezy.order_created(payment.provider_checkout_id)
    )
    # A wrongly signed copy is refused and logged (provider and reason): never the secret.
    forged = (order.body, {**order.headers, "X-Signature": "0" * 64})
    assert (await deliver(make_client(), "card", forged)).status_code == 401
    assert outcome_of(await deliver(make_client(), "card", order)) == "applied"
    linked = with_card_details(
        lemonsqueezy, lemonsqueezy.subscription_created(payment.provider_checkout_id)
    )
    assert outcome_of(await deliver(make_client(), "card", linked)) == "applied"
    assert data_of(await user.http.post(f"{BILLING}/cancel"))["status"] == "cancelled"
    assert lemonsqueezy.cancelled == [linked.object_id]
    assert await tier_now(user.http) == "pro"

    stored = await raw_values(app, ("payments", "payment_events", "subscriptions"))
    assert "completed" in stored and payment.checkout_ref in stored, "the rows were read"
    for value in stored:
        assert card_numbers_in(value) == [], value
        lowered = value.lower()
        assert "card_brand" not in lowered and "card_last_four" not in lowered, value
        assert "visa" not in lowered and "stripe" not in lowered, value

    billing = provider_settings.billing
    secrets_in_play = {
        "card API key": billing.lemonsqueezy_api_key,
        "card webhook secret": billing.lemonsqueezy_webhook_secret,
        "crypto API key": billing.nowpayments_api_key,
        "crypto IPN secret": billing.nowpayments_ipn_secret,
    }
    logged = _logged_text(caplog.records)
    assert "billing.webhook_refused" in logged, "the logs were captured"
    for name, secret in secrets_in_play.items():
        assert secret is not None, name
        value = secret.get_secret_value()
        assert not any(value in stored_value for stored_value in stored), f"{name} stored"
        assert value not in logged, f"{name} logged"
    # Nor what the signature check compares against: the expected signature of a body.
    assert order.headers["X-Signature"] not in logged


def _logged_text(records: list[logging.LogRecord]) -> str:
    parts = []
    for record in records:
        if record.name.startswith("mail.log"):  # the SMTP sink's own server
            continue
        parts.append(record.getMessage())
        parts += [repr(value) for value in vars(record).values()]
    return "\n".join(parts)
