"""The ledger: what each kind of verified provider event does to our payments and the user's
subscription, each event recorded once, and only our own references trusted."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from decimal import Decimal

import pytest

from cryptolens.access.tiers import Tier
from cryptolens.billing import ledger
from cryptolens.billing.service import grant_subscription, tier_from_subscription
from cryptolens.db import unit_of_work
from tests.billing.ledger_helpers import PLANS, Buyer, buyer, days, event_for, renewal_of

__all__ = ["buyer"]


async def test_paid_checkout_credits_one_period_and_asks_for_a_receipt(buyer: Buyer) -> None:
    now = buyer.now
    payment = await buyer.pending()

    applied = await buyer.apply(event_for(payment, "paid"), now)

    assert applied == ledger.Applied(
        "applied",
        payment.id,
        buyer.user_id,
        (ledger.BillingMail("receipt", payment.id),),
        applied.detail,
    )
    row = await buyer.payment(payment.id)
    assert (row.status, row.completed_at, row.period_start, row.expires_at) == (
        "completed",
        now,
        now,
        now + days(30),
    )
    subscription = await buyer.subscription()
    assert subscription is not None
    assert (subscription.plan, subscription.cycle, subscription.status) == (
        "pro",
        "monthly",
        "active",
    )
    assert subscription.expires_at == now + days(30)
    assert subscription.funded_by_payment_id == payment.id
    [recorded] = await buyer.events()
    assert (recorded.outcome, recorded.payment_id) == ("applied", payment.id)


@pytest.mark.parametrize(
    ("amount", "currency", "reason"),
    [
        (Decimal("10"), "USD", "amount 10.00 USD does not match the price 19.00 USD"),
        (Decimal("19.00"), "EUR", "amount 19.00 EUR does not match the price 19.00 USD"),
    ],
)
async def test_wrong_amount_or_currency_fails_the_payment_without_credit(
    buyer: Buyer, amount: Decimal, currency: str, reason: str
) -> None:
    now = buyer.now
    payment = await buyer.pending()

    event = event_for(payment, "paid", amount=amount, currency=currency)
    applied = await buyer.apply(event, now)

    assert (applied.outcome, applied.detail) == ("rejected", reason)
    assert applied.mails == (ledger.BillingMail("failure", payment.id),)
    row = await buyer.payment(payment.id)
    assert (row.status, row.failure_reason, row.expires_at) == ("failed", reason, None)
    assert await buyer.subscription() is None
    [recorded] = await buyer.events()
    assert recorded.outcome == "rejected"


async def test_crypto_paid_without_an_arrived_amount_is_rejected(buyer: Buyer) -> None:
    now = buyer.now
    payment = await buyer.pending(provider="crypto")

    applied = await buyer.apply(event_for(payment, "paid", paid_amount=None), now)

    assert applied.outcome == "rejected"
    assert await buyer.subscription() is None


async def test_a_completed_payment_paid_again_is_ignored(buyer: Buyer) -> None:
    now = buyer.now
    payment = await buyer.buy()

    again = await buyer.apply(event_for(payment, "paid"), now + days(1))

    assert (again.outcome, again.detail, again.mails) == (
        "ignored",
        "payment already completed",
        (),
    )
    subscription = await buyer.subscription()
    assert subscription is not None and subscription.expires_at == now + days(30)


async def test_unknown_checkout_is_recorded_and_ignored(buyer: Buyer) -> None:
    now = buyer.now
    payment = await buyer.pending()
    event = event_for(payment, "paid", checkout_ref="not-ours", provider_checkout_id="co_none")

    applied = await buyer.apply(event, now)

    assert (applied.outcome, applied.payment_id, applied.detail) == (
        "ignored",
        None,
        "unknown checkout",
    )
    [recorded] = await buyer.events()
    assert (recorded.outcome, recorded.payment_id, recorded.detail) == (
        "ignored",
        None,
        "unknown checkout",
    )
    assert (await buyer.payment(payment.id)).status == "pending"


async def test_another_providers_event_naming_our_checkout_is_foreign(buyer: Buyer) -> None:
    now = buyer.now
    card_payment = await buyer.pending(provider="card")

    event = event_for(card_payment, "paid", provider="crypto", paid_amount=Decimal("19"))
    applied = await buyer.apply(event, now)

    assert (applied.outcome, applied.detail) == ("ignored", "foreign checkout")
    assert (await buyer.payment(card_payment.id)).status == "pending"
    assert await buyer.subscription() is None


async def test_the_same_event_twice_raises_duplicate_and_credits_once(buyer: Buyer) -> None:
    now = buyer.now
    payment = await buyer.pending()
    event = event_for(payment, "paid")

    assert (await buyer.apply(event, now)).outcome == "applied"
    with pytest.raises(ledger.DuplicateEvent):
        async with unit_of_work(buyer.factory) as db:
            await ledger.apply_event(db, event, now + timedelta(seconds=1), PLANS)

    assert len(await buyer.events()) == 1
    subscription = await buyer.subscription()
    assert subscription is not None and subscription.expires_at == now + days(30)


async def test_renewal_adds_a_renewal_payment_and_exactly_one_period(buyer: Buyer) -> None:
    now = buyer.now
    checkout = await buyer.card_subscription("sub_1")

    renewal_time = now + days(30)
    renewed = renewal_of(checkout, "sub_1", "inv_2", "19.00")
    applied = await buyer.apply(renewed, renewal_time)

    assert applied.outcome == "applied"
    first, renewal = await buyer.payments()
    assert first.id == checkout.id
    assert applied.mails == (ledger.BillingMail("receipt", renewal.id),)
    assert (renewal.kind, renewal.status, renewal.provider_object_id, renewal.amount) == (
        "renewal",
        "completed",
        "inv_2",
        Decimal("19.00"),
    )
    assert renewal.checkout_ref != checkout.checkout_ref
    subscription = await buyer.subscription()
    assert subscription is not None
    assert subscription.expires_at == now + days(60)
    assert subscription.funded_by_payment_id == renewal.id

    # The same invoice under another event id: recorded once already.
    again = renewal_of(checkout, "sub_1", "inv_2", "19.00")
    assert (await buyer.apply(again, renewal_time)).outcome == "ignored"
    assert len(await buyer.payments()) == 2


async def test_renewal_with_a_wrong_amount_is_rejected(buyer: Buyer) -> None:
    now = buyer.now
    checkout = await buyer.card_subscription("sub_9")
    renewed = renewal_of(checkout, "sub_9", "inv_9", "1.00")

    applied = await buyer.apply(renewed, now + days(30))

    assert applied.outcome == "rejected"
    _first, renewal = await buyer.payments()
    assert (renewal.status, renewal.failure_reason) == (
        "failed",
        "amount 1.00 USD does not match the price 19.00 USD",
    )
    subscription = await buyer.subscription()
    assert subscription is not None and subscription.expires_at == now + days(30)


async def test_progress_and_partial_payment_keep_the_payment_pending(buyer: Buyer) -> None:
    now = buyer.now
    payment = await buyer.pending(provider="crypto")

    progress = event_for(payment, "progress", provider_status="confirming")
    assert (await buyer.apply(progress, now)).outcome == "applied"
    assert (await buyer.payment(payment.id)).provider_status == "confirming"

    partial = event_for(
        payment, "partially_paid", paid_amount=Decimal("7.5"), paid_currency="usdttrc20"
    )
    assert (await buyer.apply(partial, now)).outcome == "applied"
    row = await buyer.payment(payment.id)
    assert (row.status, row.provider_status, row.paid_amount) == (
        "pending",
        "partially_paid",
        Decimal("7.5"),
    )
    assert await buyer.subscription() is None


async def test_failed_mails_a_notice_and_expired_does_not(buyer: Buyer) -> None:
    now = buyer.now
    failing = await buyer.pending(provider="crypto")
    expiring = await buyer.pending(provider="crypto")

    failed = await buyer.apply(event_for(failing, "failed", reason="declined"), now)
    expired = await buyer.apply(event_for(expiring, "expired"), now)

    assert failed.mails == (ledger.BillingMail("failure", failing.id),)
    assert expired.mails == ()
    assert (await buyer.payment(failing.id)).failure_reason == "declined"
    assert (await buyer.payment(expiring.id)).status == "expired"
    # A late payment of an expired checkout credits nothing.
    late = await buyer.apply(event_for(expiring, "paid"), now)
    assert late.outcome == "ignored"
    assert await buyer.subscription() is None


async def test_refund_of_the_funding_payment_suspends_at_once(buyer: Buyer) -> None:
    now = buyer.now
    payment = await buyer.buy(provider="card")

    refunded = event_for(
        payment, "refunded", checkout_ref=None, provider_object_id=payment.provider_object_id
    )
    applied = await buyer.apply(refunded, now + days(3))

    assert applied.outcome == "applied"
    row = await buyer.payment(payment.id)
    assert (row.status, row.refunded_at, row.refunded_by) == (
        "refunded",
        now + days(3),
        "provider",
    )
    subscription = await buyer.subscription()
    assert subscription is not None and subscription.status == "suspended"
    assert tier_from_subscription(subscription, now + days(3)) == Tier.FREE


async def test_refund_of_an_older_payment_changes_nothing_and_twice_is_refused(
    buyer: Buyer,
) -> None:
    now = buyer.now
    older = await buyer.buy()
    await buyer.buy(at=now + days(1))

    async with unit_of_work(buyer.factory) as db:
        await ledger.refund_payment(db, older.id, now + days(2), by="admin")
    subscription = await buyer.subscription()
    assert subscription is not None
    assert (subscription.status, subscription.expires_at) == ("active", now + days(60))

    with pytest.raises(ledger.PaymentNotRefundableError):
        async with unit_of_work(buyer.factory) as db:
            await ledger.refund_payment(db, older.id, now + days(2), by="admin")


async def test_upgrade_through_the_ledger_converts_the_unused_days(buyer: Buyer) -> None:
    now = buyer.now
    await buyer.buy()
    upgrade_time = now + days(15)

    premium = await buyer.buy(at=upgrade_time, plan="premium")

    # 15 unused pro days * 19/49 = 5 d 19:35:30 (truncated), then 30 premium days.
    expected = upgrade_time + timedelta(days=35, hours=19, minutes=35, seconds=30)
    subscription = await buyer.subscription()
    assert subscription is not None
    assert (subscription.plan, subscription.started_at, subscription.expires_at) == (
        "premium",
        upgrade_time,
        expected,
    )
    assert (premium.period_start, premium.expires_at) == (upgrade_time, expected)


async def test_downgrade_is_scheduled_and_its_refund_clears_the_schedule(buyer: Buyer) -> None:
    now = buyer.now
    premium = await buyer.buy(plan="premium")

    pro = await buyer.buy(at=now + days(10), plan="pro", cycle="yearly")

    assert (pro.period_start, pro.expires_at) == (now + days(30), now + days(395))
    subscription = await buyer.subscription()
    assert subscription is not None
    assert (subscription.plan, subscription.funded_by_payment_id) == ("premium", premium.id)
    assert (subscription.scheduled_plan, subscription.scheduled_cycle) == ("pro", "yearly")
    assert subscription.scheduled_payment_id == pro.id

    async with unit_of_work(buyer.factory) as db:
        await ledger.refund_payment(db, pro.id, now + days(11), by="admin")
    subscription = await buyer.subscription()
    assert subscription is not None
    assert (subscription.scheduled_plan, subscription.scheduled_payment_id) == (None, None)
    assert (subscription.status, subscription.plan) == ("active", "premium")


async def test_provider_cancellation_keeps_access_until_the_end_then_expiry_frees(
    buyer: Buyer,
) -> None:
    now = buyer.now
    checkout = await buyer.card_subscription("sub_c")

    cancelled = event_for(
        checkout, "subscription_cancelled", checkout_ref=None, provider_subscription_id="sub_c"
    )
    applied = await buyer.apply(cancelled, now + days(5))

    assert applied.mails == (ledger.BillingMail("cancellation", checkout.id),)
    subscription = await buyer.subscription()
    assert subscription is not None
    assert (subscription.status, subscription.cancelled_at) == ("cancelled", now + days(5))
    assert tier_from_subscription(subscription, now + days(30) - timedelta(seconds=1)) == Tier.PRO
    assert tier_from_subscription(subscription, now + days(30)) == Tier.FREE

    expired = event_for(
        checkout, "subscription_expired", checkout_ref=None, provider_subscription_id="sub_c"
    )
    assert (await buyer.apply(expired, now + days(30))).outcome == "applied"
    subscription = await buyer.subscription()
    assert subscription is not None and subscription.status == "expired"


async def test_expiry_of_a_provider_subscription_that_no_longer_funds_is_ignored(
    buyer: Buyer,
) -> None:
    now = buyer.now
    checkout = await buyer.card_subscription("sub_old")
    # Then premium paid by crypto: that payment funds the current period now.
    crypto = await buyer.buy(at=now + days(2), provider="crypto", plan="premium")

    expired = event_for(
        checkout, "subscription_expired", checkout_ref=None, provider_subscription_id="sub_old"
    )
    applied = await buyer.apply(expired, now + days(3))

    assert applied.outcome == "ignored"
    subscription = await buyer.subscription()
    assert subscription is not None
    assert (subscription.status, subscription.funded_by_payment_id) == ("active", crypto.id)


async def test_an_event_type_not_used_is_recorded_and_ignored(buyer: Buyer) -> None:
    now = buyer.now
    payment = await buyer.pending(provider="card")

    applied = await buyer.apply(event_for(payment, "ignored"), now)

    assert applied.outcome == "ignored"
    assert [row.outcome for row in await buyer.events()] == ["ignored"]
    assert (await buyer.payment(payment.id)).status == "pending"


async def test_a_payment_reaching_a_lifetime_subscription_leaves_it_alone(buyer: Buyer) -> None:
    now = buyer.now
    async with unit_of_work(buyer.factory) as db:
        await grant_subscription(db, buyer.user_id, "premium", now, expires_at=None)
    payment = await buyer.pending()  # checkout refuses it (409)

    applied = await buyer.apply(event_for(payment, "paid"), now)

    assert applied.outcome == "applied"
    assert applied.detail == "lifetime subscription unchanged: refund it"
    subscription = await buyer.subscription()
    assert subscription is not None
    assert (subscription.plan, subscription.expires_at) == ("premium", None)
    assert subscription.funded_by_payment_id is None
    assert (await buyer.payment(payment.id)).status == "completed"


async def test_a_second_downgrade_that_got_past_checkout_is_kept_for_a_refund(buyer: Buyer) -> None:
    now = buyer.now
    await buyer.buy(plan="premium")
    first = await buyer.buy(plan="pro")
    second = await buyer.pending(cycle="yearly")

    applied = await buyer.apply(event_for(second, "paid"), now)

    assert applied.detail == "a change is already scheduled: refund it"
    subscription = await buyer.subscription()
    assert subscription is not None
    assert (subscription.scheduled_payment_id, subscription.scheduled_cycle) == (
        first.id,
        "monthly",
    )


async def test_two_paid_events_of_one_checkout_at_once_credit_once(buyer: Buyer) -> None:
    now = buyer.now
    payment = await buyer.pending()

    # Different event ids (both recorded); the payment's lock orders them.
    outcomes = await asyncio.gather(
        buyer.apply(event_for(payment, "paid"), now),
        buyer.apply(event_for(payment, "paid"), now),
    )

    assert sorted(applied.outcome for applied in outcomes) == ["applied", "ignored"]
    subscription = await buyer.subscription()
    assert subscription is not None and subscription.expires_at == now + days(30)
    assert len(await buyer.events()) == 2
