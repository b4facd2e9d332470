"""The crypto provider (NOWPayments-style) against the loopback FakeNowPayments, over real HTTP:
invoices, failures as ProviderUnavailable, and IPNs verified over their sorted-keys JSON and
read as NOWPayments sends them."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from pydantic import SecretStr

from cryptolens.billing.providers.base import MalformedEvent, ProviderUnavailable, SignatureError
from cryptolens.billing.providers.crypto import CryptoProvider
from cryptolens.settings import BillingSettings
from tests.billing.provider_helpers import checkout_request, closed_port_url
from tests.fakes.nowpayments import FakeNowPayments, sign_ipn

REF = "ref-7-abcdefghijklmnopqrstuvwx"


@pytest.fixture
async def nowpayments() -> AsyncIterator[FakeNowPayments]:
    async with FakeNowPayments() as fake:
        yield fake


def crypto_settings(nowpayments: FakeNowPayments, **changes: object) -> BillingSettings:
    billing: BillingSettings = nowpayments.settings_overrides()["billing"]
    return billing.model_copy(update=changes)


@pytest.fixture
async def crypto(nowpayments: FakeNowPayments) -> AsyncIterator[CryptoProvider]:
    provider = CryptoProvider(crypto_settings(nowpayments))
    yield provider
    await provider.aclose()


async def new_invoice(crypto: CryptoProvider) -> str:
    return (await crypto.create_checkout(checkout_request())).provider_checkout_id


# -- invoices over HTTP -----------------------------------------------------------------------


async def test_create_checkout_posts_an_invoice_for_one_period(
    crypto: CryptoProvider, nowpayments: FakeNowPayments
) -> None:
    created = await crypto.create_checkout(checkout_request("premium", "yearly", "490.00"))

    sent = nowpayments.requests[-1]
    assert (sent.method, sent.path, sent.status) == ("POST", "/v1/invoice", 200)
    assert sent.api_key == nowpayments.api_key
    assert sent.body == {
        "price_amount": 490.0,
        "price_currency": "usd",
        "order_id": REF,
        "order_description": "CryptoLens premium yearly",
        "ipn_callback_url": "http://127.0.0.1:8000/api/v1/billing/webhooks/card",
        "success_url": "http://127.0.0.1:8000/billing/return",
        "cancel_url": "http://127.0.0.1:8000/billing/return",
    }
    assert created.provider_checkout_id in nowpayments.invoices
    assert created.checkout_url == f"{nowpayments.base_url}/?iid={created.provider_checkout_id}"
    assert created.expires_at is None  # NOWPayments gives invoices no end of their own


async def test_a_configured_coin_is_asked_for(nowpayments: FakeNowPayments) -> None:
    provider = CryptoProvider(crypto_settings(nowpayments, nowpayments_pay_currency="usdttrc20"))
    try:
        await provider.create_checkout(checkout_request())
    finally:
        await provider.aclose()
    assert nowpayments.requests[-1].body is not None
    assert nowpayments.requests[-1].body["pay_currency"] == "usdttrc20"


async def test_a_500_is_provider_unavailable_and_the_next_call_works(
    crypto: CryptoProvider, nowpayments: FakeNowPayments
) -> None:
    nowpayments.fail_next = 1
    with pytest.raises(ProviderUnavailable, match="HTTP 500"):
        await crypto.create_checkout(checkout_request())
    assert await new_invoice(crypto)


async def test_a_refused_key_is_provider_unavailable_without_the_key(
    nowpayments: FakeNowPayments,
) -> None:
    provider = CryptoProvider(
        crypto_settings(nowpayments, nowpayments_api_key=SecretStr("np_wrong_key"))
    )
    try:
        with pytest.raises(ProviderUnavailable, match="HTTP 401") as raised:
            await provider.create_checkout(checkout_request())
    finally:
        await provider.aclose()
    assert "np_wrong_key" not in str(raised.value)


async def test_a_slow_provider_times_out_as_provider_unavailable(
    nowpayments: FakeNowPayments,
) -> None:
    provider = CryptoProvider(crypto_settings(nowpayments, provider_timeout_seconds=0.2))
    nowpayments.delay_s = 2.0
    started = time.monotonic()
    try:
        with pytest.raises(ProviderUnavailable, match="Timeout"):
            await provider.create_checkout(checkout_request())
    finally:
        await provider.aclose()
    assert time.monotonic() - started < 1.5


async def test_a_refused_connection_is_provider_unavailable(nowpayments: FakeNowPayments) -> None:
    provider = CryptoProvider(crypto_settings(nowpayments, nowpayments_api_url=closed_port_url()))
    try:
        with pytest.raises(ProviderUnavailable, match="ConnectError"):
            await provider.create_checkout(checkout_request())
    finally:
        await provider.aclose()


async def test_an_answer_without_an_invoice_url_is_provider_unavailable(
    crypto: CryptoProvider, nowpayments: FakeNowPayments
) -> None:
    nowpayments.invoice_overrides = {"invoice_url": None}
    with pytest.raises(ProviderUnavailable, match="unexpected answer"):
        await crypto.create_checkout(checkout_request())


async def test_there_is_nothing_to_cancel(
    crypto: CryptoProvider, nowpayments: FakeNowPayments
) -> None:
    await crypto.cancel_subscription("123")
    assert nowpayments.requests == []


# -- IPN: signature ---------------------------------------------------------------------------


async def test_an_ipn_signed_by_the_provider_verifies(
    crypto: CryptoProvider, nowpayments: FakeNowPayments
) -> None:
    delivery = nowpayments.ipn(await new_invoice(crypto), "finished")
    # Sent as NOWPayments sends it: not the canonical form the signature covers.
    assert b", " in delivery.body
    crypto.verify(delivery.body, delivery.headers)
    crypto.verify(delivery.body, {"X-NOWPAYMENTS-SIG": delivery.headers["x-nowpayments-sig"]})


async def test_a_changed_ipn_is_refused(
    crypto: CryptoProvider, nowpayments: FakeNowPayments
) -> None:
    delivery = nowpayments.ipn(await new_invoice(crypto), "partially_paid")
    payload = json.loads(delivery.body)
    payload["payment_status"] = "finished"
    with pytest.raises(SignatureError, match="wrong"):
        crypto.verify(json.dumps(payload).encode(), delivery.headers)
    with pytest.raises(SignatureError, match="no signature"):
        crypto.verify(delivery.body, {"Content-Type": "application/json"})
    other_secret = sign_ipn("another secret", json.loads(delivery.body))
    with pytest.raises(SignatureError, match="wrong"):
        crypto.verify(delivery.body, {"x-nowpayments-sig": other_secret})


async def test_a_body_that_is_no_json_object_is_refused_before_any_use(
    crypto: CryptoProvider,
) -> None:
    for body in (b"not json", b"[1,2]", b'"text"', b"\xff\xfe"):
        with pytest.raises(SignatureError):
            crypto.verify(body, {"x-nowpayments-sig": "a" * 128})


def test_without_a_secret_every_ipn_is_refused() -> None:
    body = b'{"payment_id": 1}'
    with pytest.raises(SignatureError, match="no IPN secret"):
        CryptoProvider(BillingSettings()).verify(body, {"x-nowpayments-sig": "a" * 128})


# -- IPN: reading -----------------------------------------------------------------------------


async def test_finished_with_everything_paid_is_paid(
    crypto: CryptoProvider, nowpayments: FakeNowPayments
) -> None:
    invoice_id = await new_invoice(crypto)
    delivery = nowpayments.ipn(invoice_id, "finished")
    event = crypto.parse(delivery.body)
    assert event.provider == "crypto"
    assert (event.kind, event.event_type, event.provider_status) == ("paid", "finished", "finished")
    assert event.event_id == f"{delivery.object_id}:finished:19.0"
    assert event.checkout_ref == REF
    assert event.provider_checkout_id == invoice_id
    assert event.provider_object_id == delivery.object_id
    assert (event.amount, event.currency) == (Decimal("19.0"), "USD")
    assert (event.paid_amount, event.paid_currency) == (Decimal("19.0"), "USDTTRC20")
    assert event.reason is None


async def test_finished_but_underpaid_is_partially_paid(
    crypto: CryptoProvider, nowpayments: FakeNowPayments
) -> None:
    delivery = nowpayments.ipn(
        await new_invoice(crypto), "finished", pay_amount=19.0, actually_paid=18.99
    )
    event = crypto.parse(delivery.body)
    assert (event.kind, event.reason) == ("partially_paid", "underpaid")
    assert event.paid_amount == Decimal("18.99")


async def test_overpaid_is_paid_and_amounts_are_decimal_exact(
    crypto: CryptoProvider, nowpayments: FakeNowPayments
) -> None:
    delivery = nowpayments.ipn(
        await new_invoice(crypto), "finished", pay_amount=0.1, actually_paid=0.30000000000000004
    )
    event = crypto.parse(delivery.body)
    assert event.kind == "paid"
    assert event.paid_amount == Decimal("0.30000000000000004")


async def test_each_status_maps_to_its_kind(
    crypto: CryptoProvider, nowpayments: FakeNowPayments
) -> None:
    invoice_id = await new_invoice(crypto)
    expected = {
        "waiting": ("progress", None),
        "confirming": ("progress", None),
        "confirmed": ("progress", None),
        "sending": ("progress", None),
        "partially_paid": ("partially_paid", None),
        "failed": ("failed", "failed"),
        "expired": ("expired", "expired"),
        "refunded": ("refunded", None),
        "wrong_asset_confirmed": ("ignored", None),
    }
    seen = set()
    for status, (kind, reason) in expected.items():
        event = crypto.parse(nowpayments.ipn(invoice_id, status).body)
        assert (event.kind, event.reason, event.provider_status) == (kind, reason, status)
        seen.add(event.event_id)
    assert len(seen) == len(expected)  # one event per status


async def test_the_same_status_and_amount_is_the_same_event(
    crypto: CryptoProvider, nowpayments: FakeNowPayments
) -> None:
    invoice_id = await new_invoice(crypto)
    first = crypto.parse(nowpayments.ipn(invoice_id, "partially_paid", actually_paid=5).body)
    again = crypto.parse(nowpayments.ipn(invoice_id, "partially_paid", actually_paid=5).body)
    topped_up = crypto.parse(nowpayments.ipn(invoice_id, "partially_paid", actually_paid=9).body)
    assert first.event_id == again.event_id  # a resent IPN is a replay
    assert topped_up.event_id != first.event_id


@pytest.mark.parametrize(
    "payload",
    [
        {"payment_status": "finished"},  # no payment id
        {"payment_id": 1},  # no status
        {"payment_id": 1, "payment_status": "finished", "actually_paid": 19},  # no pay_amount
        {"payment_id": 1, "payment_status": "finished", "pay_amount": 19},  # nothing paid
        {"payment_id": 1, "payment_status": "finished", "pay_amount": 19, "actually_paid": 19},
        {"payment_id": 1, "payment_status": "waiting", "actually_paid": "lots"},
        {"payment_id": 1, "payment_status": "waiting", "actually_paid": True},
        {"payment_id": {"x": 1}, "payment_status": "waiting"},
    ],
)
def test_unreadable_ipns_are_malformed(payload: dict[str, object]) -> None:
    with pytest.raises(MalformedEvent):
        CryptoProvider(BillingSettings()).parse(json.dumps(payload).encode())


def test_non_finite_amounts_are_malformed() -> None:
    body = b'{"payment_id": 1, "payment_status": "waiting", "actually_paid": NaN}'
    with pytest.raises(MalformedEvent):
        CryptoProvider(BillingSettings()).parse(body)


# -- nothing secret in the logs ---------------------------------------------------------------


async def test_keys_secrets_and_bodies_are_never_logged(
    nowpayments: FakeNowPayments, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    provider = CryptoProvider(crypto_settings(nowpayments))
    try:
        invoice_id = await new_invoice(provider)
        nowpayments.fail_next = 1
        with pytest.raises(ProviderUnavailable):
            await provider.create_checkout(checkout_request())
        delivery = nowpayments.ipn(invoice_id, "finished")
        with pytest.raises(SignatureError):
            provider.verify(delivery.body, {"x-nowpayments-sig": "0" * 128})
    finally:
        await provider.aclose()
    assert {"billing.provider_refused"} <= {record.msg for record in caplog.records}
    logged = caplog.text + "".join(str(record.__dict__) for record in caplog.records)
    for secret in (nowpayments.api_key, nowpayments.ipn_secret, REF, delivery.object_id):
        assert secret not in logged
