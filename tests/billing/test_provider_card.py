"""The card provider (LemonSqueezy-style) against the loopback FakeLemonSqueezy, over real HTTP:
checkout creation, cancellation, failures as ProviderUnavailable, and webhooks verified and read
as LemonSqueezy sends them."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from pydantic import SecretStr

from cryptolens.billing.providers.base import MalformedEvent, ProviderUnavailable, SignatureError
from cryptolens.billing.providers.card import CardProvider
from cryptolens.core.clock import FrozenClock
from cryptolens.settings import BillingSettings
from tests.billing.provider_helpers import checkout_request, closed_port_url
from tests.fakes.lemonsqueezy import FakeLemonSqueezy

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
async def lemon() -> AsyncIterator[FakeLemonSqueezy]:
    async with FakeLemonSqueezy() as fake:
        yield fake


def card_settings(lemon: FakeLemonSqueezy, **changes: object) -> BillingSettings:
    billing: BillingSettings = lemon.settings_overrides()["billing"]
    return billing.model_copy(update=changes)


@pytest.fixture
async def card(lemon: FakeLemonSqueezy) -> AsyncIterator[CardProvider]:
    provider = CardProvider(card_settings(lemon), clock=FrozenClock(NOW))
    yield provider
    await provider.aclose()


async def new_checkout(card: CardProvider) -> str:
    created = await card.create_checkout(checkout_request())
    return created.provider_checkout_id


# -- checkout and cancellation over HTTP ------------------------------------------------------


async def test_create_checkout_posts_a_json_api_checkout(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    created = await card.create_checkout(checkout_request("premium", "yearly", "490.00"))

    sent = lemon.requests[-1]
    assert (sent.method, sent.path, sent.status) == ("POST", "/v1/checkouts", 201)
    assert sent.authorization == f"Bearer {lemon.api_key}"
    assert sent.accept == sent.content_type == "application/vnd.api+json"
    assert sent.body is not None
    data = sent.body["data"]
    assert data["relationships"]["store"]["data"] == {"type": "stores", "id": lemon.store_id}
    variant = lemon.variants[("premium", "yearly")]
    assert data["relationships"]["variant"]["data"] == {"type": "variants", "id": variant}
    # Only our reference travels as custom data: no user id, plan or price the ledger could trust.
    assert data["attributes"]["checkout_data"] == {
        "email": "payer@example.com",
        "custom": {"checkout_ref": "ref-7-abcdefghijklmnopqrstuvwx"},
    }
    assert data["attributes"]["product_options"] == {
        "redirect_url": "http://127.0.0.1:8000/billing/return"
    }
    # Open for the reuse window (60 min) plus an hour.
    assert data["attributes"]["expires_at"] == "2026-03-01T14:00:00Z"

    recorded = lemon.checkouts[created.provider_checkout_id]
    assert (recorded["plan"], recorded["cycle"]) == ("premium", "yearly")
    assert created.checkout_url.startswith(f"{lemon.base_url}/checkout/custom/")
    assert created.expires_at == NOW + timedelta(hours=2)


async def test_a_500_is_provider_unavailable_and_the_next_call_works(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    lemon.fail_next = 1
    with pytest.raises(ProviderUnavailable, match="HTTP 500"):
        await card.create_checkout(checkout_request())
    assert (await card.create_checkout(checkout_request())).provider_checkout_id


async def test_a_refused_key_is_provider_unavailable_without_the_key(
    lemon: FakeLemonSqueezy,
) -> None:
    provider = CardProvider(card_settings(lemon, lemonsqueezy_api_key=SecretStr("ls_wrong_key")))
    try:
        with pytest.raises(ProviderUnavailable) as raised:
            await provider.create_checkout(checkout_request())
    finally:
        await provider.aclose()
    assert lemon.requests[-1].status == 401
    assert "ls_wrong_key" not in str(raised.value)
    assert lemon.api_key not in str(raised.value)


async def test_a_slow_provider_times_out_as_provider_unavailable(lemon: FakeLemonSqueezy) -> None:
    provider = CardProvider(card_settings(lemon, provider_timeout_seconds=0.2))
    lemon.delay_s = 2.0
    started = time.monotonic()
    try:
        with pytest.raises(ProviderUnavailable, match="Timeout"):
            await provider.create_checkout(checkout_request())
    finally:
        await provider.aclose()
    assert time.monotonic() - started < 1.5


async def test_a_refused_connection_is_provider_unavailable(lemon: FakeLemonSqueezy) -> None:
    provider = CardProvider(card_settings(lemon, lemonsqueezy_api_url=closed_port_url()))
    try:
        with pytest.raises(ProviderUnavailable, match="ConnectError"):
            await provider.create_checkout(checkout_request())
        with pytest.raises(ProviderUnavailable):
            await provider.cancel_subscription("1")
    finally:
        await provider.aclose()


async def test_cancel_subscription_deletes_it_at_the_provider(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    checkout_id = await new_checkout(card)
    subscription_id = lemon.subscription_created(checkout_id).object_id

    await card.cancel_subscription(subscription_id)

    assert lemon.cancelled == [subscription_id]
    sent = lemon.requests[-1]
    assert (sent.method, sent.path, sent.status) == (
        "DELETE",
        f"/v1/subscriptions/{subscription_id}",
        200,
    )
    assert sent.authorization == f"Bearer {lemon.api_key}"


async def test_cancelling_an_unknown_subscription_is_provider_unavailable(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    with pytest.raises(ProviderUnavailable, match="HTTP 404"):
        await card.cancel_subscription("999/../1")
    # The id is one path segment, whatever it holds.
    assert lemon.requests[-1].path == "/v1/subscriptions/999%2F..%2F1"
    assert lemon.cancelled == []


# -- webhooks: signature ----------------------------------------------------------------------


async def test_a_delivery_signed_by_the_provider_verifies(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    delivery = lemon.order_created(await new_checkout(card))
    card.verify(delivery.body, delivery.headers)
    lowered = {name.lower(): value for name, value in delivery.headers.items()}
    card.verify(delivery.body, lowered)


async def test_a_changed_body_or_signature_is_refused(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    delivery = lemon.order_created(await new_checkout(card))
    tampered = delivery.body.replace(b'"total": 1900', b'"total": 1')
    assert tampered != delivery.body
    with pytest.raises(SignatureError, match="wrong"):
        card.verify(tampered, delivery.headers)
    with pytest.raises(SignatureError, match="wrong"):
        card.verify(delivery.body, {**delivery.headers, "X-Signature": "0" * 64})
    headers = {k: v for k, v in delivery.headers.items() if k != "X-Signature"}
    with pytest.raises(SignatureError, match="no signature"):
        card.verify(delivery.body, headers)


async def test_without_a_secret_every_delivery_is_refused(lemon: FakeLemonSqueezy) -> None:
    provider = CardProvider(card_settings(lemon, lemonsqueezy_webhook_secret=None))
    delivery = lemon.sign(b"{}", "order_created")
    with pytest.raises(SignatureError, match="no webhook secret"):
        provider.verify(b"{}", delivery)
    await provider.aclose()


# -- webhooks: reading ------------------------------------------------------------------------


async def test_order_created_paid_is_paid_with_the_amount_in_dollars(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    delivery = lemon.order_created(await new_checkout(card))
    event = card.parse(delivery.body)
    assert event.provider == "card"
    assert event.kind == "paid"
    assert event.event_type == "order_created"
    assert event.event_id == f"order_created:orders:{delivery.object_id}"
    assert event.checkout_ref == "ref-7-abcdefghijklmnopqrstuvwx"
    assert event.provider_object_id == delivery.object_id
    assert (event.amount, event.currency) == (Decimal("19.00"), "USD")
    assert event.provider_status == "paid"


async def test_the_amount_and_currency_are_reported_as_charged(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    checkout_id = await new_checkout(card)
    event = card.parse(lemon.order_created(checkout_id, total_cents=1005, currency="eur").body)
    # The ledger compares them with the price; here they are only read faithfully.
    assert (event.kind, event.amount, event.currency) == ("paid", Decimal("10.05"), "EUR")


async def test_an_order_not_yet_paid_is_progress(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    event = card.parse(lemon.order_created(await new_checkout(card), status="pending").body)
    assert (event.kind, event.provider_status, event.amount) == ("progress", "pending", None)


async def test_custom_data_is_read_from_the_root_meta_only(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    checkout_id = await new_checkout(card)
    payload = json.loads(lemon.order_created(checkout_id).body)
    # Where the original looked: the inner data.meta. It is not LemonSqueezy's place.
    payload["data"]["meta"] = {"custom_data": payload["meta"].pop("custom_data")}
    event = card.parse(json.dumps(payload).encode())
    assert event.kind == "paid"
    assert event.checkout_ref is None


async def test_claims_in_custom_data_besides_the_reference_are_not_read(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    checkout_id = await new_checkout(card)
    delivery = lemon.order_created(
        checkout_id, extra_custom={"user_id": 1, "plan": "premium", "checkout_ref_2": "x"}
    )
    event = card.parse(delivery.body)
    assert event.checkout_ref == "ref-7-abcdefghijklmnopqrstuvwx"
    assert event.amount == Decimal("19.00")  # the pro price charged, whatever "plan" says


async def test_subscription_created_links_without_credit(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    delivery = lemon.subscription_created(await new_checkout(card))
    event = card.parse(delivery.body)
    assert event.kind == "subscription_linked"
    assert event.event_id == f"subscription_created:subscriptions:{delivery.object_id}"
    assert event.provider_subscription_id == delivery.object_id
    assert event.checkout_ref == "ref-7-abcdefghijklmnopqrstuvwx"
    assert event.amount is None


async def test_the_initial_invoice_is_ignored_and_a_renewal_is_renewed(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    subscription_id = lemon.subscription_created(await new_checkout(card)).object_id

    initial = card.parse(
        lemon.subscription_payment_success(subscription_id, billing_reason="initial").body
    )
    # order_created credited the first charge already (the original credited both).
    assert initial.kind == "ignored"

    delivery = lemon.subscription_payment_success(subscription_id)
    renewal = card.parse(delivery.body)
    assert renewal.kind == "renewed"
    assert renewal.event_id == (
        f"subscription_payment_success:subscription-invoices:{delivery.object_id}"
    )
    assert renewal.provider_subscription_id == subscription_id
    assert renewal.provider_object_id == delivery.object_id
    assert (renewal.amount, renewal.currency) == (Decimal("19.00"), "USD")


async def test_subscription_cancelled_and_expired(
    card: CardProvider, lemon: FakeLemonSqueezy
) -> None:
    subscription_id = lemon.subscription_created(await new_checkout(card)).object_id
    cancelled = card.parse(lemon.subscription_cancelled(subscription_id).body)
    expired = card.parse(lemon.subscription_expired(subscription_id).body)
    assert (cancelled.kind, cancelled.provider_subscription_id) == (
        "subscription_cancelled",
        subscription_id,
    )
    assert (expired.kind, expired.provider_subscription_id) == (
        "subscription_expired",
        subscription_id,
    )
    assert cancelled.event_id != expired.event_id


async def test_order_refunded_names_the_order(card: CardProvider, lemon: FakeLemonSqueezy) -> None:
    order_id = lemon.order_created(await new_checkout(card)).object_id
    event = card.parse(lemon.order_refunded(order_id).body)
    assert event.kind == "refunded"
    assert event.provider_object_id == order_id
    assert event.event_id == f"order_refunded:orders:{order_id}"


def test_a_renewal_refund_is_found_by_its_invoice_not_the_checkout() -> None:
    body = _body(
        "subscription_payment_refunded",
        "subscription-invoices",
        "880",
        {"subscription_id": 55, "status": "refunded", "total": 1900, "currency": "USD"},
    )
    event = CardProvider(BillingSettings()).parse(body)
    assert event.kind == "refunded"
    assert (event.checkout_ref, event.provider_object_id) == (None, "880")
    assert event.provider_subscription_id is None


def test_other_events_are_ignored() -> None:
    for name in ("subscription_updated", "subscription_resumed", "license_key_created"):
        event = CardProvider(BillingSettings()).parse(_body(name, "subscriptions", "3", {}))
        assert event.kind == "ignored"
        assert event.event_id == f"{name}:subscriptions:3"


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b'{"data": {"type": "orders", "id": "1"}}',
        b'{"meta": {"event_name": "order_created"}, "data": {"type": "orders"}}',
        b'{"meta": {"event_name": "order_created"}, "data": [1]}',
    ],
)
def test_unreadable_bodies_are_malformed(body: bytes) -> None:
    with pytest.raises(MalformedEvent):
        CardProvider(BillingSettings()).parse(body)


def test_a_paid_order_without_a_total_or_currency_is_malformed() -> None:
    provider = CardProvider(BillingSettings())
    incomplete: list[dict[str, object]] = [
        {"status": "paid", "currency": "USD"},
        {"status": "paid", "total": 1900},
    ]
    for attributes in incomplete:
        with pytest.raises(MalformedEvent):
            provider.parse(_body("order_created", "orders", "1", attributes))
    with pytest.raises(MalformedEvent):
        provider.parse(
            _body(
                "order_created",
                "orders",
                "1",
                {"status": "paid", "total": "19x", "currency": "USD"},
            )
        )


def test_ids_beyond_their_column_are_malformed() -> None:
    with pytest.raises(MalformedEvent):
        CardProvider(BillingSettings()).parse(_body("order_created", "orders", "9" * 129, {}))


# -- nothing secret in the logs ---------------------------------------------------------------


async def test_keys_secrets_and_bodies_are_never_logged(
    lemon: FakeLemonSqueezy, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    provider = CardProvider(card_settings(lemon))
    try:
        checkout_id = await new_checkout(provider)
        lemon.fail_next = 1
        with pytest.raises(ProviderUnavailable):
            await provider.create_checkout(checkout_request())
        delivery = lemon.order_created(checkout_id)
        with pytest.raises(SignatureError):
            provider.verify(delivery.body, {**delivery.headers, "X-Signature": "bad"})
    finally:
        await provider.aclose()
    assert {"billing.provider_refused"} <= {record.msg for record in caplog.records}
    logged = caplog.text + "".join(str(record.__dict__) for record in caplog.records)
    for secret in (lemon.api_key, lemon.webhook_secret, "ref-7-abcdefghijklmnopqrstuvwx"):
        assert secret not in logged  # keys, secrets, bodies
    assert "payer@example.com" not in logged


def _body(event_name: str, data_type: str, data_id: str, attributes: dict[str, object]) -> bytes:
    payload = {
        "meta": {"event_name": event_name, "custom_data": {"checkout_ref": "ref-x"}},
        "data": {"type": data_type, "id": data_id, "attributes": attributes},
    }
    return json.dumps(payload).encode()
