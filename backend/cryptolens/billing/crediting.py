"""A completed payment's effect on the subscription (credit) and a refund's (refund), with
the period rules of billing/periods.py. The caller holds the payment's lock; the subscription
is locked here, after it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.billing import admin_repository
from cryptolens.billing import payments_repository as repository
from cryptolens.billing.models import Payment, Subscription
from cryptolens.billing.periods import (
    DailyPrice,
    RefundEffect,
    Running,
    change_for,
    cycle_days,
    grant_daily_price,
    refund_effect,
)
from cryptolens.billing.plans import tier_of_plan
from cryptolens.billing.service import tier_from_subscription
from cryptolens.settings import PlanSettings


async def _running(
    db: AsyncSession, subscription: Subscription | None, now: datetime, plans: PlanSettings
) -> Running | None:
    tier_now = tier_from_subscription(subscription, now)
    if subscription is None or tier_now == Tier.FREE:
        return None
    daily = grant_daily_price(plans, tier_now)
    if subscription.funded_by_payment_id is not None:
        funding = await repository.get_payment(db, subscription.funded_by_payment_id)
        if funding is not None:
            daily = DailyPrice(funding.amount, cycle_days(funding.cycle))
    return Running(tier_now, tier_of_plan(subscription.plan), subscription.expires_at, daily)


async def _follow(db: AsyncSession, subscription: Subscription, now: datetime) -> None:
    """A scheduled change starts when the current period ends, wherever that end moved."""
    if subscription.scheduled_payment_id is None or subscription.expires_at is None:
        return
    scheduled = await repository.get_payment(db, subscription.scheduled_payment_id)
    if scheduled is not None and scheduled.status == "completed":
        scheduled.period_start = subscription.expires_at
        scheduled.expires_at = subscription.expires_at + timedelta(days=cycle_days(scheduled.cycle))
        scheduled.updated_at = now


async def credit(db: AsyncSession, payment: Payment, now: datetime, plans: PlanSettings) -> str:
    """Completes the payment and applies its period; returns what it did."""
    subscription = await repository.subscription_for_update(db, payment.user_id)
    running = await _running(db, subscription, now, plans)
    new_daily = DailyPrice(payment.amount, cycle_days(payment.cycle))
    change = change_for(running, Tier(payment.plan), payment.cycle, new_daily, now)
    payment.status = "completed"
    payment.completed_at = now
    payment.updated_at = now
    payment.failure_reason = None
    # Checkout refuses both (409); a payment that got through anyway is kept for a refund.
    if change.kind == "lifetime":
        return "lifetime subscription unchanged: refund it"
    if change.scheduled and subscription is not None and subscription.scheduled_plan is not None:
        return "a change is already scheduled: refund it"
    payment.period_start = change.period_start
    payment.expires_at = change.period_end
    if change.scheduled:
        assert subscription is not None  # a downgrade has a running premium
        subscription.scheduled_plan = payment.plan
        subscription.scheduled_cycle = payment.cycle
        subscription.scheduled_payment_id = payment.id
        subscription.updated_at = now
        return f"downgrade scheduled at {change.period_start.isoformat()}"
    created = subscription is None
    if subscription is None:
        subscription = Subscription(user_id=payment.user_id, started_at=now)
    if change.started:
        subscription.started_at = now
    subscription.plan = payment.plan
    subscription.cycle = payment.cycle
    subscription.status = "active"
    subscription.expires_at = change.period_end
    subscription.grace_days = plans.subscription_grace_days
    subscription.cancelled_at = None
    subscription.funded_by_payment_id = payment.id
    subscription.updated_at = now
    if created:
        await admin_repository.add_subscription(db, subscription)
    else:
        await _follow(db, subscription, now)
    await db.flush()
    return f"{change.kind} until {change.period_end.isoformat()}"


async def refund(
    db: AsyncSession, payment: Payment, now: datetime, by: Literal["provider", "admin"]
) -> RefundEffect:
    """Marks the (locked, completed) payment refunded and applies the refund rule."""
    payment.status = "refunded"
    payment.refunded_at = now
    payment.refunded_by = by
    payment.updated_at = now
    subscription = await repository.subscription_for_update(db, payment.user_id)
    if subscription is None:
        await db.flush()
        return "none"
    effect = refund_effect(
        payment.id, subscription.funded_by_payment_id, subscription.scheduled_payment_id
    )
    if effect == "suspend":
        subscription.status = "suspended"
    elif effect == "clear_schedule":
        subscription.scheduled_plan = None
        subscription.scheduled_cycle = None
        subscription.scheduled_payment_id = None
    if effect != "none":
        subscription.updated_at = now
    await db.flush()
    return effect


async def roll_over_due_changes(db: AsyncSession, now: datetime) -> int:
    """Scheduled downgrades whose start has come: the paid plan takes over from the old end
    for its cycle's days (its payment then funds the period). Returns how many."""
    due = await repository.due_schedules_for_update(db, now)
    for subscription in due:
        assert subscription.expires_at is not None and subscription.scheduled_cycle is not None
        start = subscription.expires_at
        end = start + timedelta(days=cycle_days(subscription.scheduled_cycle))
        if subscription.scheduled_payment_id is not None:
            scheduled = await repository.get_payment(db, subscription.scheduled_payment_id)
            if scheduled is not None:
                scheduled.period_start, scheduled.expires_at = start, end
                scheduled.updated_at = now
        subscription.plan = subscription.scheduled_plan or subscription.plan
        subscription.cycle = subscription.scheduled_cycle
        subscription.funded_by_payment_id = subscription.scheduled_payment_id
        subscription.started_at = start
        subscription.expires_at = end
        # Paid for: a refund-suspended or provider-expired premium does not take it away;
        # a cancelled one stays cancelled (access to the new end, no renewal).
        if subscription.status in ("suspended", "expired"):
            subscription.status = "active"
        subscription.scheduled_plan = None
        subscription.scheduled_cycle = None
        subscription.scheduled_payment_id = None
        subscription.updated_at = now
    await db.flush()
    return len(due)


async def expire_stale_checkouts(db: AsyncSession, now: datetime, after: timedelta) -> int:
    """Pending checkouts unpaid `after` past their end (or their creation, without one)."""
    return await repository.expire_stale_checkouts(db, now - after, now)
