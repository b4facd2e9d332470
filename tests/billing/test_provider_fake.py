"""The fake provider (checkouts completed on our own page, signed like a real provider) and the
registry choosing which provider serves a payment method."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from cryptolens.billing.providers.base import MalformedEvent, SignatureError
from cryptolens.billing.providers.card import CardProvider
from cryptolens.billing.providers.crypto import CryptoProvider
from cryptolens.billing.providers.fake import FakeProvider, fake_event, fake_secret
from cryptolens.billing.providers.registry import (
    PaymentMethodUnavailable,
    build_providers,
    close_providers,
    provider_for_method,
)
from cryptolens.core.clock import FrozenClock
from cryptolens.settings import BillingSettings, Settings
from tests.billing.provider_helpers import checkout_request
from tests.conftest import make_settings
from tests.fakes.lemonsqueezy import FakeLemonSqueezy
from tests.fakes.nowpayments import FakeNowPayments

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
REF = "ref-7-abcdefghijklmnopqrstuvwx"
SECRET = "fake-secret-for-tests"


@pytest.fixture
def fake() -> FakeProvider:
    return FakeProvider(BillingSettings(), SECRET, FrozenClock(NOW))


# -- the fake provider ------------------------------------------------------------------------


async def test_checkout_opens_our_own_page(fake: FakeProvider) -> None:
    created = await fake.create_checkout(checkout_request(payment_id=42))
    assert created.checkout_url == "/billing/fake-checkout/42"
    assert created.provider_checkout_id == REF
    assert created.expires_at == NOW + timedelta(hours=2)


async def test_there_is_nothing_to_cancel(fake: FakeProvider) -> None:
    await fake.cancel_subscription("anything")


def test_a_paid_event_round_trips(fake: FakeProvider) -> None:
    body, headers = fake_event(REF, Decimal("19.00"), "USD", "paid", SECRET)
    assert headers["X-Signature"] == hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    fake.verify(body, headers)
    event = fake.parse(body)
    assert event.provider == "fake"
    assert (event.kind, event.event_type, event.provider_status) == ("paid", "paid", "paid")
    assert event.event_id == f"paid:{REF}"
    assert event.checkout_ref == REF
    assert (event.amount, event.currency) == (Decimal("19.00"), "USD")
    assert event.reason is None


def test_a_failed_event_carries_a_reason(fake: FakeProvider) -> None:
    body, headers = fake.sign(REF, Decimal("49.00"), "USD", "failed")
    fake.verify(body, headers)
    event = fake.parse(body)
    assert (event.kind, event.event_id) == ("failed", f"failed:{REF}")
    assert event.reason == "declined on the fake checkout page"


def test_paying_twice_is_the_same_event_unless_told_otherwise() -> None:
    first, _ = fake_event(REF, Decimal("19.00"), "USD", "paid", SECRET)
    again, _ = fake_event(REF, Decimal("19.00"), "USD", "paid", SECRET)
    other, _ = fake_event(REF, Decimal("19.00"), "USD", "paid", SECRET, event_id="attempt-2")
    assert first == again
    assert json.loads(other)["event_id"] == "attempt-2"


def test_a_wrong_secret_or_a_changed_body_is_refused(fake: FakeProvider) -> None:
    body, headers = fake_event(REF, Decimal("19.00"), "USD", "paid", "another secret")
    with pytest.raises(SignatureError, match="wrong"):
        fake.verify(body, headers)
    body, headers = fake_event(REF, Decimal("19.00"), "USD", "paid", SECRET)
    with pytest.raises(SignatureError, match="wrong"):
        fake.verify(body.replace(b"19.00", b"1.00"), headers)
    with pytest.raises(SignatureError, match="no signature"):
        fake.verify(body, {})
    with pytest.raises(SignatureError, match="no webhook secret"):
        FakeProvider(BillingSettings(), "").verify(body, headers)


@pytest.mark.parametrize(
    "payload",
    [
        {"event_id": "1"},
        {"event": "paid"},
        {"event": "paid", "event_id": "1", "checkout_ref": REF, "currency": "USD"},
        {"event": "paid", "event_id": "1", "checkout_ref": REF, "amount": "19.00"},
        {"event": "paid", "event_id": "x" * 191, "amount": "19", "currency": "USD"},
    ],
)
def test_unreadable_events_are_malformed(fake: FakeProvider, payload: dict[str, object]) -> None:
    with pytest.raises(MalformedEvent):
        fake.parse(json.dumps(payload).encode())


def test_unknown_events_are_ignored(fake: FakeProvider) -> None:
    event = fake.parse(b'{"event": "refund_requested", "event_id": "r1"}')
    assert (event.kind, event.event_id) == ("ignored", "r1")


def test_the_secret_is_the_configured_one(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path, billing=BillingSettings(fake_webhook_secret=SecretStr("configured"))
    )
    assert fake_secret(settings) == "configured"


def test_else_it_is_derived_from_the_secret_key_and_is_not_the_key(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, secret_key=SecretStr("k" * 40))
    expected = hmac.new(b"k" * 40, b"billing-fake", hashlib.sha256).hexdigest()
    assert fake_secret(settings) == expected
    assert fake_secret(make_settings(tmp_path, secret_key=SecretStr("k" * 40))) == expected
    assert "k" * 40 not in fake_secret(settings)


# -- the registry -----------------------------------------------------------------------------


def _settings(tmp_path: Path, billing: BillingSettings) -> Settings:
    return make_settings(tmp_path, billing=billing)


async def test_the_default_is_the_fake_alone_serving_both_methods(tmp_path: Path) -> None:
    providers = build_providers(make_settings(tmp_path))
    assert list(providers) == ["fake"]
    assert provider_for_method(providers, "card") is providers["fake"]
    assert provider_for_method(providers, "crypto") is providers["fake"]
    await close_providers(providers)


@pytest.fixture
async def both() -> AsyncIterator[tuple[FakeLemonSqueezy, FakeNowPayments]]:
    async with FakeLemonSqueezy() as lemon, FakeNowPayments() as nowpayments:
        yield lemon, nowpayments


async def test_each_method_prefers_its_own_provider(
    tmp_path: Path, both: tuple[FakeLemonSqueezy, FakeNowPayments]
) -> None:
    lemon, nowpayments = both
    settings = make_settings(tmp_path, **lemon.settings_overrides(nowpayments, providers=("fake",)))
    providers = build_providers(settings)
    try:
        assert set(providers) == {"card", "crypto", "fake"}
        assert isinstance(provider_for_method(providers, "card"), CardProvider)
        assert isinstance(provider_for_method(providers, "crypto"), CryptoProvider)
    finally:
        await close_providers(providers)


async def test_a_missing_method_falls_back_to_the_fake_or_is_unavailable(
    tmp_path: Path, both: tuple[FakeLemonSqueezy, FakeNowPayments]
) -> None:
    lemon, nowpayments = both
    card_only = build_providers(make_settings(tmp_path, **lemon.settings_overrides()))
    with pytest.raises(PaymentMethodUnavailable) as raised:
        provider_for_method(card_only, "crypto")
    assert raised.value.method == "crypto"
    await close_providers(card_only)

    with_fake = build_providers(
        make_settings(tmp_path, **nowpayments.settings_overrides(providers=("fake",)))
    )
    assert provider_for_method(with_fake, "card") is with_fake["fake"]
    assert isinstance(provider_for_method(with_fake, "crypto"), CryptoProvider)
    await close_providers(with_fake)

    nothing = build_providers(_settings(tmp_path, BillingSettings(providers=())))
    for method in ("card", "crypto", "cheque"):
        with pytest.raises(PaymentMethodUnavailable):
            provider_for_method(nothing, method)


async def test_a_shared_client_is_used_and_left_open(
    tmp_path: Path, both: tuple[FakeLemonSqueezy, FakeNowPayments]
) -> None:
    lemon, nowpayments = both
    settings = make_settings(tmp_path, **lemon.settings_overrides(nowpayments))
    async with httpx.AsyncClient() as shared:
        providers = build_providers(settings, shared, FrozenClock(NOW))
        created = await providers["card"].create_checkout(checkout_request())
        invoice = await providers["crypto"].create_checkout(checkout_request())
        await close_providers(providers)
        assert not shared.is_closed  # the caller owns it
        assert created.expires_at == NOW + timedelta(hours=2)
        assert invoice.provider_checkout_id in nowpayments.invoices
