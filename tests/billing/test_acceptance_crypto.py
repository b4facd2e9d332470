"""Paying by crypto end to end, through the loopback NOWPayments: an invoice for one period, its
IPNs (waiting, confirming, finished) and premium; an underpayment stays partially paid until
topped up or expired, and an expired invoice credits nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from cryptolens.billing.models import Payment
from cryptolens.core.clock import FrozenClock
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
    subscription_row,
    tier_now,
)
from tests.clients import MakeClient, MakeUserClient, UserClient
from tests.fakes.nowpayments import FakeNowPayments

__all__ = ["app", "lemonsqueezy", "nowpayments", "provider_settings"]

MONTH = timedelta(days=30)
# What the invoice asks in the coin, and a little less.
DUE = Decimal("49.120000")
SHORT = Decimal("40.5")


async def invoice_of(user: UserClient, app: FastAPI, nowpayments: FakeNowPayments) -> str:
    """A premium monthly crypto checkout: the invoice the fake created for it."""
    started = await checkout(user.http, "premium", "monthly", "crypto")
    (payment,) = await payment_rows(app, user.user_id)
    assert (payment.id, payment.provider, payment.status) == (
        started["payment_id"],
        "crypto",
        "pending",
    )
    invoice_id = payment.provider_checkout_id
    assert invoice_id is not None and invoice_id in nowpayments.invoices
    invoice = nowpayments.invoices[invoice_id]
    # One period at the plan's price, in USD, carrying our reference as the order id.
    assert invoice["order_id"] == payment.checkout_ref
    assert Decimal(str(invoice["price_amount"])) == Decimal("49")
    assert str(invoice["price_currency"]).lower() == "usd"
    assert started["checkout_url"] == invoice["invoice_url"] == payment.checkout_url
    return invoice_id


@dataclass
class Invoice:
    """A free user's premium monthly crypto invoice, and NOWPayments posting its IPNs."""

    app: FastAPI
    user: UserClient
    nowpayments: FakeNowPayments
    provider: httpx.AsyncClient
    invoice_id: str

    async def ipn(self, status: str, **fields: Any) -> str:
        """The provider posts the invoice's IPN in `status` (asking DUE): our answer's outcome."""
        delivery = self.nowpayments.ipn(self.invoice_id, status, pay_amount=DUE, **fields)
        return outcome_of(await deliver(self.provider, "crypto", delivery))

    async def payment(self) -> Payment:
        (payment,) = await payment_rows(self.app, self.user.user_id)
        return payment

    async def shown(self) -> dict[str, object]:
        """The payment as its owner polls it."""
        payment = await self.payment()
        found: dict[str, object] = data_of(
            await self.user.http.get(f"{BILLING}/payments/{payment.id}")
        )
        return found

    async def tier(self) -> str:
        return await tier_now(self.user.http)


@pytest.fixture
async def invoice(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    nowpayments: FakeNowPayments,
) -> Invoice:
    user = await make_user_client("free")
    invoice_id = await invoice_of(user, app, nowpayments)
    return Invoice(app, user, nowpayments, make_client(), invoice_id)


async def test_crypto_invoice_confirming_then_finished_gives_premium(
    invoice: Invoice, clock: FrozenClock
) -> None:
    for status in ("waiting", "confirming"):
        assert await invoice.ipn(status) == "applied"
        shown = await invoice.shown()
        assert (shown["status"], shown["provider_status"], shown["final"]) == (
            "pending",
            status,
            False,
        )
        assert await invoice.tier() == "free"

    clock.advance(timedelta(minutes=20))  # the chain confirmed it
    assert await invoice.ipn("finished", actually_paid=DUE) == "applied"
    assert await invoice.tier() == "premium"
    shown = await invoice.shown()
    assert (shown["status"], shown["final"]) == ("completed", True)
    payment = await invoice.payment()
    assert (payment.paid_amount, payment.expires_at) == (DUE, clock.now() + MONTH)
    row = await subscription_row(invoice.app, invoice.user.user_id)
    assert row is not None
    assert (row.plan, row.cycle, row.status) == ("premium", "monthly", "active")
    assert row.expires_at == clock.now() + MONTH
    # A late copy of a progress status changes nothing now.
    assert await invoice.ipn("sending", actually_paid=DUE) == "ignored"
    assert [event.outcome for event in await event_rows(invoice.app)] == [
        "applied",
        "applied",
        "applied",
        "ignored",
    ]


async def test_partially_paid_then_underpaid_finished_credits_nothing(invoice: Invoice) -> None:
    assert await invoice.ipn("partially_paid", actually_paid=SHORT) == "applied"
    shown = await invoice.shown()
    assert (shown["status"], shown["provider_status"], shown["final"]) == (
        "pending",
        "partially_paid",
        False,
    )
    assert (await invoice.payment()).paid_amount == SHORT
    assert await invoice.tier() == "free"

    # "finished" while less than the invoice asked arrived: still an underpayment, it stays
    # partially paid (the payer may top it up) and credits nothing.
    assert await invoice.ipn("finished", actually_paid=SHORT) == "applied"
    shown = await invoice.shown()
    assert (shown["status"], shown["provider_status"], shown["final"]) == (
        "pending",
        "partially_paid",
        False,
    )
    assert await invoice.tier() == "free"
    assert await subscription_row(invoice.app, invoice.user.user_id) is None

    # The invoice runs out without the rest: expired, never credited.
    assert await invoice.ipn("expired", actually_paid=SHORT) == "applied"
    shown = await invoice.shown()
    assert (shown["status"], shown["final"]) == ("expired", True)
    assert await invoice.tier() == "free"
    assert await subscription_row(invoice.app, invoice.user.user_id) is None
    payment = await invoice.payment()
    assert (payment.completed_at, payment.expires_at, payment.paid_amount) == (None, None, SHORT)


async def test_an_underpayment_topped_up_is_credited_once(
    invoice: Invoice, clock: FrozenClock
) -> None:
    assert await invoice.ipn("partially_paid", actually_paid=SHORT) == "applied"
    assert await invoice.tier() == "free"
    assert await invoice.ipn("finished", actually_paid=DUE) == "applied"
    assert await invoice.tier() == "premium"
    payment = await invoice.payment()
    assert (payment.status, payment.paid_amount) == ("completed", DUE)
    assert payment.expires_at == clock.now() + MONTH


async def test_a_price_other_than_the_plans_credits_nothing(invoice: Invoice) -> None:
    cheap = await invoice.ipn("finished", actually_paid=DUE, price_amount=Decimal("10"))
    assert cheap == "rejected"
    payment = await invoice.payment()
    assert payment.status == "failed"
    assert payment.failure_reason == "amount 10.00 USD does not match the price 49.00 USD"
    assert await invoice.tier() == "free"


async def test_an_expired_invoice_credits_nothing(invoice: Invoice) -> None:
    assert await invoice.ipn("waiting", actually_paid=Decimal(0)) == "applied"
    assert await invoice.ipn("expired", actually_paid=Decimal(0)) == "applied"
    shown = await invoice.shown()
    assert (shown["status"], shown["final"]) == ("expired", True)
    assert await invoice.tier() == "free"
    assert await subscription_row(invoice.app, invoice.user.user_id) is None
    # A "finished" arriving after the expiry credits nothing either.
    assert await invoice.ipn("finished", actually_paid=DUE) == "ignored"
    assert await invoice.tier() == "free"
    assert [p.status for p in await payment_rows(invoice.app, invoice.user.user_id)] == ["expired"]
