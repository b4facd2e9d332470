"""The ledger: what each kind of verified provider event does to our payments and the user's
subscription, each event recorded once, and only our own references trusted."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from decimal import Decimal

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.access.tiers import Tier
from cryptolens.billing import ledger
from cryptolens.billing.service import grant_subscription, tier_from_subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from tests.admin.user_factories import add_account
from tests.billing.ledger_helpers import (
    PLANS,
    add_pending,
    apply,
    buy,
    days,
    event_for,
    events_recorded,
    payment_row,
    payments_of,
    subscription_row,
)

Factory = async_sessionmaker[AsyncSession]


async def test_paid_checkout_credits_one_period_and_asks_for_a_receipt(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    payment = await add_pending(session_factory, user.id, now)

    applied = await apply(session_factory, event_for(payment, "paid"), now)

    assert applied == ledger.Applied(
        "applied",
        payment.id,
        user.id,
        (ledger.BillingMail("receipt", payment.id),),
        applied.detail,
    )
    row = await payment_row(session_factory, payment.id)
    assert (row.status, row.completed_at, row.period_start, row.expires_at) == (
        "completed",
        now,
        now,
        now + days(30),
    )
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert (subscription.plan, subscription.cycle, subscription.status) == (
        "pro",
        "monthly",
        "active",
    )
    assert subscription.expires_at == now + days(30)
    assert subscription.funded_by_payment_id == payment.id
    [recorded] = await events_recorded(session_factory)
    assert (recorded.outcome, recorded.payment_id) == ("applied", payment.id)


@pytest.mark.parametrize(
    ("amount", "currency", "reason"),
    [
        (Decimal("10"), "USD", "amount 10.00 USD does not match the price 19.00 USD"),
        (Decimal("19.00"), "EUR", "amount 19.00 EUR does not match the price 19.00 USD"),
    ],
)
async def test_wrong_amount_or_currency_fails_the_payment_without_credit(
    app: FastAPI,
    session_factory: Factory,
    clock: FrozenClock,
    amount: Decimal,
    currency: str,
    reason: str,
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    payment = await add_pending(session_factory, user.id, now)

    event = event_for(payment, "paid", amount=amount, currency=currency)
    applied = await apply(session_factory, event, now)

    assert (applied.outcome, applied.detail) == ("rejected", reason)
    assert applied.mails == (ledger.BillingMail("failure", payment.id),)
    row = await payment_row(session_factory, payment.id)
    assert (row.status, row.failure_reason, row.expires_at) == ("failed", reason, None)
    assert await subscription_row(session_factory, user.id) is None
    [recorded] = await events_recorded(session_factory)
    assert recorded.outcome == "rejected"


async def test_crypto_paid_without_an_arrived_amount_is_rejected(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    payment = await add_pending(session_factory, user.id, now, provider="crypto")

    applied = await apply(session_factory, event_for(payment, "paid", paid_amount=None), now)

    assert applied.outcome == "rejected"
    assert await subscription_row(session_factory, user.id) is None


async def test_a_completed_payment_paid_again_is_ignored(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    payment = await buy(session_factory, user.id, now)

    again = await apply(session_factory, event_for(payment, "paid"), now + days(1))

    assert (again.outcome, again.detail, again.mails) == (
        "ignored",
        "payment already completed",
        (),
    )
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None and subscription.expires_at == now + days(30)


async def test_unknown_checkout_is_recorded_and_ignored(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    payment = await add_pending(session_factory, user.id, now)
    event = event_for(payment, "paid", checkout_ref="not-ours", provider_checkout_id="co_none")

    applied = await apply(session_factory, event, now)

    assert (applied.outcome, applied.payment_id, applied.detail) == (
        "ignored",
        None,
        "unknown checkout",
    )
    [recorded] = await events_recorded(session_factory)
    assert (recorded.outcome, recorded.payment_id, recorded.detail) == (
        "ignored",
        None,
        "unknown checkout",
    )
    assert (await payment_row(session_factory, payment.id)).status == "pending"


async def test_another_providers_event_naming_our_checkout_is_foreign(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    card_payment = await add_pending(session_factory, user.id, now, provider="card")

    event = event_for(card_payment, "paid", provider="crypto", paid_amount=Decimal("19"))
    applied = await apply(session_factory, event, now)

    assert (applied.outcome, applied.detail) == ("ignored", "foreign checkout")
    assert (await payment_row(session_factory, card_payment.id)).status == "pending"
    assert await subscription_row(session_factory, user.id) is None


async def test_the_same_event_twice_raises_duplicate_and_credits_once(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    payment = await add_pending(session_factory, user.id, now)
    event = event_for(payment, "paid")

    assert (await apply(session_factory, event, now)).outcome == "applied"
    with pytest.raises(ledger.DuplicateEvent):
        async with unit_of_work(session_factory) as db:
            await ledger.apply_event(db, event, now + timedelta(seconds=1), PLANS)

    assert len(await events_recorded(session_factory)) == 1
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None and subscription.expires_at == now + days(30)


async def test_renewal_adds_a_renewal_payment_and_exactly_one_period(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    checkout = await buy(session_factory, user.id, now, provider="card")
    linked = event_for(checkout, "subscription_linked", provider_subscription_id="sub_1")
    assert (await apply(session_factory, linked, now)).outcome == "applied"

    renewal_time = now + days(30)
    renewed = event_for(
        checkout,
        "renewed",
        checkout_ref=None,
        provider_subscription_id="sub_1",
        provider_object_id="inv_2",
        amount=Decimal("19.00"),
        currency="USD",
    )
    applied = await apply(session_factory, renewed, renewal_time)

    assert applied.outcome == "applied"
    first, renewal = await payments_of(session_factory, user.id)
    assert first.id == checkout.id
    assert applied.mails == (ledger.BillingMail("receipt", renewal.id),)
    assert (renewal.kind, renewal.status, renewal.provider_object_id, renewal.amount) == (
        "renewal",
        "completed",
        "inv_2",
        Decimal("19.00"),
    )
    assert renewal.checkout_ref != checkout.checkout_ref
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert subscription.expires_at == now + days(60)
    assert subscription.funded_by_payment_id == renewal.id

    # The same invoice under another event id: recorded once already.
    again = event_for(
        checkout,
        "renewed",
        checkout_ref=None,
        provider_subscription_id="sub_1",
        provider_object_id="inv_2",
        amount=Decimal("19.00"),
        currency="USD",
    )
    assert (await apply(session_factory, again, renewal_time)).outcome == "ignored"
    assert len(await payments_of(session_factory, user.id)) == 2


async def test_renewal_with_a_wrong_amount_is_rejected(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    checkout = await buy(session_factory, user.id, now, provider="card")
    await apply(
        session_factory,
        event_for(checkout, "subscription_linked", provider_subscription_id="sub_9"),
        now,
    )
    renewed = event_for(
        checkout,
        "renewed",
        checkout_ref=None,
        provider_subscription_id="sub_9",
        provider_object_id="inv_9",
        amount=Decimal("1.00"),
        currency="USD",
    )

    applied = await apply(session_factory, renewed, now + days(30))

    assert applied.outcome == "rejected"
    _first, renewal = await payments_of(session_factory, user.id)
    assert (renewal.status, renewal.failure_reason) == (
        "failed",
        "amount 1.00 USD does not match the price 19.00 USD",
    )
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None and subscription.expires_at == now + days(30)


async def test_progress_and_partial_payment_keep_the_payment_pending(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    payment = await add_pending(session_factory, user.id, now, provider="crypto")

    progress = event_for(payment, "progress", provider_status="confirming")
    assert (await apply(session_factory, progress, now)).outcome == "applied"
    assert (await payment_row(session_factory, payment.id)).provider_status == "confirming"

    partial = event_for(
        payment, "partially_paid", paid_amount=Decimal("7.5"), paid_currency="usdttrc20"
    )
    assert (await apply(session_factory, partial, now)).outcome == "applied"
    row = await payment_row(session_factory, payment.id)
    assert (row.status, row.provider_status, row.paid_amount) == (
        "pending",
        "partially_paid",
        Decimal("7.5"),
    )
    assert await subscription_row(session_factory, user.id) is None


async def test_failed_mails_a_notice_and_expired_does_not(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    failing = await add_pending(session_factory, user.id, now, provider="crypto")
    expiring = await add_pending(session_factory, user.id, now, provider="crypto")

    failed = await apply(session_factory, event_for(failing, "failed", reason="declined"), now)
    expired = await apply(session_factory, event_for(expiring, "expired"), now)

    assert failed.mails == (ledger.BillingMail("failure", failing.id),)
    assert expired.mails == ()
    assert (await payment_row(session_factory, failing.id)).failure_reason == "declined"
    assert (await payment_row(session_factory, expiring.id)).status == "expired"
    # A late payment of an expired checkout credits nothing.
    late = await apply(session_factory, event_for(expiring, "paid"), now)
    assert late.outcome == "ignored"
    assert await subscription_row(session_factory, user.id) is None


async def test_refund_of_the_funding_payment_suspends_at_once(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    payment = await buy(session_factory, user.id, now, provider="card")

    refunded = event_for(
        payment, "refunded", checkout_ref=None, provider_object_id=payment.provider_object_id
    )
    applied = await apply(session_factory, refunded, now + days(3))

    assert applied.outcome == "applied"
    row = await payment_row(session_factory, payment.id)
    assert (row.status, row.refunded_at, row.refunded_by) == (
        "refunded",
        now + days(3),
        "provider",
    )
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None and subscription.status == "suspended"
    assert tier_from_subscription(subscription, now + days(3)) == Tier.FREE


async def test_refund_of_an_older_payment_changes_nothing_and_twice_is_refused(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    older = await buy(session_factory, user.id, now)
    await buy(session_factory, user.id, now + days(1))

    async with unit_of_work(session_factory) as db:
        await ledger.refund_payment(db, older.id, now + days(2), by="admin")
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert (subscription.status, subscription.expires_at) == ("active", now + days(60))

    with pytest.raises(ledger.PaymentNotRefundableError):
        async with unit_of_work(session_factory) as db:
            await ledger.refund_payment(db, older.id, now + days(2), by="admin")


async def test_upgrade_through_the_ledger_converts_the_unused_days(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    await buy(session_factory, user.id, now)
    upgrade_time = now + days(15)

    premium = await buy(session_factory, user.id, upgrade_time, plan="premium")

    # 15 unused pro days * 19/49 = 5 d 19:35:30 (truncated), then 30 premium days.
    expected = upgrade_time + timedelta(days=35, hours=19, minutes=35, seconds=30)
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert (subscription.plan, subscription.started_at, subscription.expires_at) == (
        "premium",
        upgrade_time,
        expected,
    )
    assert (premium.period_start, premium.expires_at) == (upgrade_time, expected)


async def test_downgrade_is_scheduled_and_its_refund_clears_the_schedule(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    premium = await buy(session_factory, user.id, now, plan="premium")

    pro = await buy(session_factory, user.id, now + days(10), plan="pro", cycle="yearly")

    assert (pro.period_start, pro.expires_at) == (now + days(30), now + days(395))
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert (subscription.plan, subscription.funded_by_payment_id) == ("premium", premium.id)
    assert (subscription.scheduled_plan, subscription.scheduled_cycle) == ("pro", "yearly")
    assert subscription.scheduled_payment_id == pro.id

    async with unit_of_work(session_factory) as db:
        await ledger.refund_payment(db, pro.id, now + days(11), by="admin")
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert (subscription.scheduled_plan, subscription.scheduled_payment_id) == (None, None)
    assert (subscription.status, subscription.plan) == ("active", "premium")


async def test_provider_cancellation_keeps_access_until_the_end_then_expiry_frees(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    checkout = await buy(session_factory, user.id, now, provider="card")
    await apply(
        session_factory,
        event_for(checkout, "subscription_linked", provider_subscription_id="sub_c"),
        now,
    )

    cancelled = event_for(
        checkout, "subscription_cancelled", checkout_ref=None, provider_subscription_id="sub_c"
    )
    applied = await apply(session_factory, cancelled, now + days(5))

    assert applied.mails == (ledger.BillingMail("cancellation", checkout.id),)
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert (subscription.status, subscription.cancelled_at) == ("cancelled", now + days(5))
    assert tier_from_subscription(subscription, now + days(30) - timedelta(seconds=1)) == Tier.PRO
    assert tier_from_subscription(subscription, now + days(30)) == Tier.FREE

    expired = event_for(
        checkout, "subscription_expired", checkout_ref=None, provider_subscription_id="sub_c"
    )
    assert (await apply(session_factory, expired, now + days(30))).outcome == "applied"
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None and subscription.status == "expired"


async def test_expiry_of_a_provider_subscription_that_no_longer_funds_is_ignored(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    checkout = await buy(session_factory, user.id, now, provider="card")
    await apply(
        session_factory,
        event_for(checkout, "subscription_linked", provider_subscription_id="sub_old"),
        now,
    )
    # Then premium paid by crypto: that payment funds the current period now.
    crypto = await buy(session_factory, user.id, now + days(2), provider="crypto", plan="premium")

    expired = event_for(
        checkout, "subscription_expired", checkout_ref=None, provider_subscription_id="sub_old"
    )
    applied = await apply(session_factory, expired, now + days(3))

    assert applied.outcome == "ignored"
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert (subscription.status, subscription.funded_by_payment_id) == ("active", crypto.id)


async def test_an_event_type_not_used_is_recorded_and_ignored(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    payment = await add_pending(session_factory, user.id, now, provider="card")

    applied = await apply(session_factory, event_for(payment, "ignored"), now)

    assert applied.outcome == "ignored"
    assert [row.outcome for row in await events_recorded(session_factory)] == ["ignored"]
    assert (await payment_row(session_factory, payment.id)).status == "pending"


async def test_a_payment_reaching_a_lifetime_subscription_leaves_it_alone(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    async with unit_of_work(session_factory) as db:
        await grant_subscription(db, user.id, "premium", now, expires_at=None)
    payment = await add_pending(session_factory, user.id, now)  # checkout refuses it (409)

    applied = await apply(session_factory, event_for(payment, "paid"), now)

    assert applied.outcome == "applied"
    assert applied.detail == "lifetime subscription unchanged: refund it"
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert (subscription.plan, subscription.expires_at) == ("premium", None)
    assert subscription.funded_by_payment_id is None
    assert (await payment_row(session_factory, payment.id)).status == "completed"


async def test_a_second_downgrade_that_got_past_checkout_is_kept_for_a_refund(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    await buy(session_factory, user.id, now, plan="premium")
    first = await buy(session_factory, user.id, now, plan="pro")
    second = await add_pending(session_factory, user.id, now, cycle="yearly")

    applied = await apply(session_factory, event_for(second, "paid"), now)

    assert applied.detail == "a change is already scheduled: refund it"
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert (subscription.scheduled_payment_id, subscription.scheduled_cycle) == (
        first.id,
        "monthly",
    )


async def test_two_paid_events_of_one_checkout_at_once_credit_once(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    payment = await add_pending(session_factory, user.id, now)

    # Different event ids (both recorded); the payment's lock orders them.
    outcomes = await asyncio.gather(
        apply(session_factory, event_for(payment, "paid"), now),
        apply(session_factory, event_for(payment, "paid"), now),
    )

    assert sorted(applied.outcome for applied in outcomes) == ["applied", "ignored"]
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None and subscription.expires_at == now + days(30)
    assert len(await events_recorded(session_factory)) == 2
