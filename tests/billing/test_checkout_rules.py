"""Checkout preparation (reuse, lifetime, scheduled change) and the cancellation rules, through
billing/checkout.py on both databases."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.access.tiers import Tier
from cryptolens.billing import checkout
from cryptolens.billing.admin import service as billing_admin
from cryptolens.billing.models import Payment
from cryptolens.billing.providers.base import CreatedCheckout, Cycle, Method, PlanName
from cryptolens.billing.service import grant_subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from tests.admin.user_factories import add_account
from tests.billing.ledger_helpers import (
    PLANS,
    apply,
    buy,
    days,
    event_for,
    payment_row,
    subscription_row,
)

Factory = async_sessionmaker[AsyncSession]
REUSE = timedelta(minutes=60)


async def _prepare(
    factory: Factory,
    user_id: int,
    clock: FrozenClock,
    plan: PlanName = "pro",
    cycle: Cycle = "monthly",
    method: Method = "card",
) -> Payment | checkout.ExistingCheckout:
    async with unit_of_work(factory) as db:
        return await checkout.prepare_checkout(
            db, user_id, plan, cycle, method, "fake", clock.now(), PLANS, REUSE
        )


async def _new(factory: Factory, user_id: int, clock: FrozenClock, **choice: str) -> Payment:
    prepared = await _prepare(factory, user_id, clock, **choice)  # type: ignore[arg-type]
    assert isinstance(prepared, Payment)
    async with unit_of_work(factory) as db:
        created = CreatedCheckout(f"co_{prepared.id}", f"https://pay.example/{prepared.id}")
        return await checkout.record_checkout(db, prepared.id, created, clock.now())


async def test_a_new_checkout_is_pending_at_the_plans_price(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    user = await add_account(app, clock.now())

    prepared = await _prepare(session_factory, user.id, clock, "premium", "yearly", "crypto")

    assert isinstance(prepared, Payment)
    row = await payment_row(session_factory, prepared.id)
    assert (row.status, row.kind, row.plan, row.cycle, row.method, row.provider) == (
        "pending",
        "checkout",
        "premium",
        "yearly",
        "crypto",
        "fake",
    )
    assert (row.amount, row.currency) == (Decimal("490.00"), "USD")
    assert len(row.checkout_ref) >= 32 and row.checkout_url is None


async def test_a_pending_checkout_of_the_same_choice_is_reused_within_the_hour(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    user = await add_account(app, clock.now())
    first = await _new(session_factory, user.id, clock)
    clock.advance(timedelta(minutes=59))

    again = await _prepare(session_factory, user.id, clock)
    other_cycle = await _prepare(session_factory, user.id, clock, cycle="yearly")
    other_method = await _prepare(session_factory, user.id, clock, method="crypto")

    assert isinstance(again, checkout.ExistingCheckout) and again.payment.id == first.id
    assert isinstance(other_cycle, Payment) and isinstance(other_method, Payment)
    clock.advance(timedelta(minutes=2))
    assert isinstance(await _prepare(session_factory, user.id, clock), Payment)


async def test_a_checkout_past_its_payable_time_or_failed_is_not_reused(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    user = await add_account(app, clock.now())
    prepared = await _prepare(session_factory, user.id, clock)
    assert isinstance(prepared, Payment)
    async with unit_of_work(session_factory) as db:
        created = CreatedCheckout("co_x", "https://pay.example/x", clock.now() + days(0))
        await checkout.record_checkout(db, prepared.id, created, clock.now())
    assert isinstance(await _prepare(session_factory, user.id, clock), Payment)

    failing = await _prepare(session_factory, user.id, clock, plan="premium")
    assert isinstance(failing, Payment)
    async with unit_of_work(session_factory) as db:
        await checkout.fail_checkout(db, failing.id, clock.now())
    row = await payment_row(session_factory, failing.id)
    assert (row.status, row.failure_reason) == ("failed", "provider unavailable")
    assert isinstance(await _prepare(session_factory, user.id, clock, plan="premium"), Payment)


async def test_a_lifetime_subscription_refuses_every_checkout(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    user = await add_account(app, clock.now())
    async with unit_of_work(session_factory) as db:
        await grant_subscription(db, user.id, "pro", clock.now(), expires_at=None)

    # Premium too: a paid period on top would end the lifetime pro (an administrator's change).
    for plan in ("pro", "premium"):
        with pytest.raises(checkout.LifetimeSubscriptionError) as refused:
            await _prepare(session_factory, user.id, clock, plan=plan)
        assert refused.value.code == "subscription_lifetime"


async def test_no_checkout_while_a_change_is_scheduled(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    await buy(session_factory, user.id, now, plan="premium")
    await buy(session_factory, user.id, now, plan="pro")  # a downgrade at the premium's end

    for plan in ("pro", "premium"):
        with pytest.raises(checkout.ChangeScheduledError) as refused:
            await _prepare(session_factory, user.id, clock, plan=plan)
        assert (refused.value.status_code, refused.value.code) == (409, "change_scheduled")


async def test_cancel_a_card_subscription_names_it_at_the_provider(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    payment = await buy(session_factory, user.id, now, provider="card")
    linked = event_for(payment, "subscription_linked", provider_subscription_id="sub_42")
    await apply(session_factory, linked, now)

    async with unit_of_work(session_factory) as db:
        plan = await checkout.cancel_subscription_rules(db, user.id, now + days(1))
    assert plan == checkout.CancelPlan("card", "sub_42")

    async with unit_of_work(session_factory) as db:
        await checkout.mark_cancelled(db, user.id, now + days(1))
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert (subscription.status, subscription.cancelled_at) == ("cancelled", now + days(1))
    assert subscription.expires_at == now + days(30)

    with pytest.raises(checkout.AlreadyCancelledError):
        async with unit_of_work(session_factory) as db:
            await checkout.cancel_subscription_rules(db, user.id, now + days(2))


async def test_cancel_without_a_provider_subscription_has_nothing_to_stop_there(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    await buy(session_factory, user.id, now, provider="crypto")

    async with unit_of_work(session_factory) as db:
        plan = await checkout.cancel_subscription_rules(db, user.id, now)
    assert plan == checkout.CancelPlan(None, None)


async def test_nothing_to_cancel_for_free_users_and_admin_grants(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    free = await add_account(app, now)
    granted = await add_account(app, now)
    paid_then_granted = await add_account(app, now)
    async with unit_of_work(session_factory) as db:
        await billing_admin.grant(db, granted.id, Tier.PRO, now, days=30, grace_days=3)
    await buy(session_factory, paid_then_granted.id, now, plan="premium")
    await buy(session_factory, paid_then_granted.id, now, plan="pro")  # scheduled
    async with unit_of_work(session_factory) as db:
        await billing_admin.grant(
            db, paid_then_granted.id, Tier.PREMIUM, now, days=10, grace_days=3
        )

    # An admin grant clears what funded the period and any scheduled change.
    subscription = await subscription_row(session_factory, paid_then_granted.id)
    assert subscription is not None
    assert (subscription.funded_by_payment_id, subscription.cycle) == (None, None)
    assert (subscription.scheduled_plan, subscription.scheduled_payment_id) == (None, None)
    for user in (free, granted, paid_then_granted):
        with pytest.raises(checkout.NoSubscriptionError) as refused:
            async with unit_of_work(session_factory) as db:
                await checkout.cancel_subscription_rules(db, user.id, now)
        assert refused.value.code == "no_subscription"
        assert refused.value.message == "Conflict: nothing to cancel"
