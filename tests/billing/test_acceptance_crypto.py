"""Paying by crypto end to end, through the loopback NOWPayments: an invoice for one period, its
IPNs (waiting, confirming, finished) and premium; an underpayment stays partially paid until
topped up or expired, and an expired invoice credits nothing."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from fastapi import FastAPI

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


async def payment_status(user: UserClient, payment_id: int) -> dict[str, object]:
    found: dict[str, object] = data_of(await user.http.get(f"{BILLING}/payments/{payment_id}"))
    return found


async def test_crypto_invoice_confirming_then_finished_gives_premium(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    nowpayments: FakeNowPayments,
    clock: FrozenClock,
) -> None:
    user = await make_user_client("free")
    invoice_id = await invoice_of(user, app, nowpayments)
    (payment,) = await payment_rows(app, user.user_id)
    provider = make_client()

    for status in ("waiting", "confirming"):
        progress = nowpayments.ipn(invoice_id, status, pay_amount=DUE)
        assert outcome_of(await deliver(provider, "crypto", progress)) == "applied"
        shown = await payment_status(user, payment.id)
        assert (shown["status"], shown["provider_status"], shown["final"]) == (
            "pending",
            status,
            False,
        )
        assert await tier_now(user.http) == "free"

    clock.advance(timedelta(minutes=20))  # the chain confirmed it
    finished = nowpayments.ipn(invoice_id, "finished", pay_amount=DUE, actually_paid=DUE)
    assert outcome_of(await deliver(provider, "crypto", finished)) == "applied"
    assert await tier_now(user.http) == "premium"
    shown = await payment_status(user, payment.id)
    assert (shown["status"], shown["final"]) == ("completed", True)
    (payment,) = await payment_rows(app, user.user_id)
    assert (payment.paid_amount, payment.expires_at) == (DUE, clock.now() + MONTH)
    row = await subscription_row(app, user.user_id)
    assert row is not None
    assert (row.plan, row.cycle, row.status) == ("premium", "monthly", "active")
    assert row.expires_at == clock.now() + MONTH
    # A late copy of a progress status changes nothing now.
    late = nowpayments.ipn(invoice_id, "sending", pay_amount=DUE, actually_paid=DUE)
    assert outcome_of(await deliver(provider, "crypto", late)) == "ignored"
    assert [event.outcome for event in await event_rows(app)] == [
        "applied",
        "applied",
        "applied",
        "ignored",
    ]


async def test_partially_paid_then_underpaid_finished_credits_nothing(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    nowpayments: FakeNowPayments,
) -> None:
    user = await make_user_client("free")
    invoice_id = await invoice_of(user, app, nowpayments)
    (payment,) = await payment_rows(app, user.user_id)
    provider = make_client()

    partial = nowpayments.ipn(invoice_id, "partially_paid", pay_amount=DUE, actually_paid=SHORT)
    assert outcome_of(await deliver(provider, "crypto", partial)) == "applied"
    shown = await payment_status(user, payment.id)
    assert (shown["status"], shown["provider_status"], shown["final"]) == (
        "pending",
        "partially_paid",
        False,
    )
    (payment,) = await payment_rows(app, user.user_id)
    assert payment.paid_amount == SHORT
    assert await tier_now(user.http) == "free"

    # "finished" while less than the invoice asked arrived: still an underpayment, it stays
    # partially paid (the payer may top it up) and credits nothing.
    underpaid = nowpayments.ipn(invoice_id, "finished", pay_amount=DUE, actually_paid=SHORT)
    assert outcome_of(await deliver(provider, "crypto", underpaid)) == "applied"
    shown = await payment_status(user, payment.id)
    assert (shown["status"], shown["provider_status"], shown["final"]) == (
        "pending",
        "partially_paid",
        False,
    )
    assert await tier_now(user.http) == "free"
    assert await subscription_row(app, user.user_id) is None

    # The invoice runs out without the rest: expired, never credited.
    expired = nowpayments.ipn(invoice_id, "expired", pay_amount=DUE, actually_paid=SHORT)
    assert outcome_of(await deliver(provider, "crypto", expired)) == "applied"
    shown = await payment_status(user, payment.id)
    assert (shown["status"], shown["final"]) == ("expired", True)
    assert await tier_now(user.http) == "free"
    assert await subscription_row(app, user.user_id) is None
    (payment,) = await payment_rows(app, user.user_id)
    assert (payment.completed_at, payment.expires_at, payment.paid_amount) == (None, None, SHORT)


async def test_an_underpayment_topped_up_is_credited_once(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    nowpayments: FakeNowPayments,
    clock: FrozenClock,
) -> None:
    user = await make_user_client("free")
    invoice_id = await invoice_of(user, app, nowpayments)
    provider = make_client()
    partial = nowpayments.ipn(invoice_id, "partially_paid", pay_amount=DUE, actually_paid=SHORT)
    assert outcome_of(await deliver(provider, "crypto", partial)) == "applied"
    assert await tier_now(user.http) == "free"
    topped_up = nowpayments.ipn(invoice_id, "finished", pay_amount=DUE, actually_paid=DUE)
    assert outcome_of(await deliver(provider, "crypto", topped_up)) == "applied"
    assert await tier_now(user.http) == "premium"
    (payment,) = await payment_rows(app, user.user_id)
    assert (payment.status, payment.paid_amount) == ("completed", DUE)
    assert payment.expires_at == clock.now() + MONTH


async def test_a_price_other_than_the_plans_credits_nothing(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    nowpayments: FakeNowPayments,
) -> None:
    user = await make_user_client("free")
    invoice_id = await invoice_of(user, app, nowpayments)
    cheap = nowpayments.ipn(
        invoice_id, "finished", pay_amount=DUE, actually_paid=DUE, price_amount=Decimal("10")
    )
    assert outcome_of(await deliver(make_client(), "crypto", cheap)) == "rejected"
    (payment,) = await payment_rows(app, user.user_id)
    assert payment.status == "failed"
    assert payment.failure_reason == "amount 10.00 USD does not match the price 49.00 USD"
    assert await tier_now(user.http) == "free"


async def test_an_expired_invoice_credits_nothing(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    nowpayments: FakeNowPayments,
) -> None:
    user = await make_user_client("free")
    invoice_id = await invoice_of(user, app, nowpayments)
    (payment,) = await payment_rows(app, user.user_id)
    provider = make_client()

    waiting = nowpayments.ipn(invoice_id, "waiting", pay_amount=DUE, actually_paid=Decimal(0))
    assert outcome_of(await deliver(provider, "crypto", waiting)) == "applied"
    expired = nowpayments.ipn(invoice_id, "expired", pay_amount=DUE, actually_paid=Decimal(0))
    assert outcome_of(await deliver(provider, "crypto", expired)) == "applied"
    shown = await payment_status(user, payment.id)
    assert (shown["status"], shown["final"]) == ("expired", True)
    assert await tier_now(user.http) == "free"
    assert await subscription_row(app, user.user_id) is None
    # A "finished" arriving after the expiry credits nothing either.
    late = nowpayments.ipn(invoice_id, "finished", pay_amount=DUE, actually_paid=DUE)
    assert outcome_of(await deliver(provider, "crypto", late)) == "ignored"
    assert await tier_now(user.http) == "free"
    assert [p.status for p in await payment_rows(app, user.user_id)] == ["expired"]
