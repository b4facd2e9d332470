"""Subscriptions and the tier they give, derived on every read :

- active: the plan's tier until expires_at, plus the grace days after it;
- cancelled: the plan's tier until expires_at, no grace;
- expired, suspended, none: free (suspended loses access at once);
- admins: premium, whatever their subscription.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.billing import repository
from cryptolens.billing.models import Subscription
from cryptolens.billing.plans import Plan
from cryptolens.billing.plans import tier_of_plan as tier_of_plan  # part of the interface
from cryptolens.core.errors import NotFoundError, ValidationFailedError
from cryptolens.settings import PlanSettings

# Grants made without the settings at hand (demo accounts, tests) use the configured default.
DEFAULT_GRACE_DAYS: int = PlanSettings.model_fields["subscription_grace_days"].default


def tier_from_subscription(subscription: Subscription | None, now: datetime) -> Tier:
    if subscription is None:
        return Tier.FREE
    try:
        tier = tier_of_plan(subscription.plan)
    except ValueError:
        return Tier.FREE
    expires_at = subscription.expires_at
    if subscription.status == "active":
        if expires_at is None or now < expires_at + timedelta(days=subscription.grace_days):
            return tier
    elif subscription.status == "cancelled" and (expires_at is None or now < expires_at):
        return tier
    return Tier.FREE


def clear_funding(subscription: Subscription) -> None:
    """A grant is no payment: nothing funds the period any more (a refund no longer
    suspends it, there is nothing to cancel at a provider) and a scheduled change is void."""
    subscription.cycle = None
    subscription.funded_by_payment_id = None
    subscription.scheduled_plan = None
    subscription.scheduled_cycle = None
    subscription.scheduled_payment_id = None


async def effective_tier(db: AsyncSession, user_id: int, is_admin: bool, now: datetime) -> Tier:
    if is_admin:
        return Tier.PREMIUM
    return tier_from_subscription(await repository.get_subscription(db, user_id), now)


async def current_subscription(db: AsyncSession, user_id: int) -> Subscription | None:
    return await repository.get_subscription(db, user_id)


async def grant_subscription(
    db: AsyncSession,
    user_id: int,
    plan_code: str,
    now: datetime,
    *,
    expires_at: datetime | None = None,
    grace_days: int = DEFAULT_GRACE_DAYS,
) -> Subscription:
    """Sets the user's subscription to `plan_code` from now (admin grants, demo accounts);
    `expires_at=None` never expires."""
    try:
        tier_of_plan(plan_code)
    except ValueError as exc:
        raise ValidationFailedError(f"unknown plan {plan_code!r}") from exc
    subscription = await repository.get_subscription(db, user_id)
    if subscription is None:
        subscription = Subscription(user_id=user_id)
    subscription.plan = plan_code
    subscription.status = "active"
    subscription.started_at = now
    subscription.expires_at = expires_at
    subscription.grace_days = grace_days
    subscription.cancelled_at = None
    subscription.updated_at = now
    clear_funding(subscription)
    return await repository.save_subscription(db, subscription)


async def extend_subscription(
    db: AsyncSession, user_id: int, plan: Plan, now: datetime, grace_days: int
) -> Subscription:
    """A paid period: runs from the later of now and the current expiry of the same tier."""
    subscription = await repository.get_subscription(db, user_id)
    start = now
    if (
        subscription is not None
        and subscription.status == "active"
        and subscription.expires_at is not None
        and subscription.expires_at > now
        and tier_of_plan(subscription.plan) == plan.tier
    ):
        start = subscription.expires_at
    if subscription is None:
        subscription = Subscription(user_id=user_id, started_at=now)
    elif subscription.status != "active" or tier_of_plan(subscription.plan) != plan.tier:
        subscription.started_at = now
    subscription.plan = plan.code
    subscription.status = "active"
    subscription.expires_at = start + timedelta(days=plan.days)
    subscription.grace_days = grace_days
    subscription.cancelled_at = None
    subscription.updated_at = now
    clear_funding(subscription)
    return await repository.save_subscription(db, subscription)


async def set_subscription_status(
    db: AsyncSession, user_id: int, status: str, now: datetime
) -> Subscription:
    """cancelled (keeps access until expires_at), suspended (loses it now), expired, active."""
    if status not in ("active", "cancelled", "expired", "suspended"):
        raise ValidationFailedError(f"unknown subscription status {status!r}")
    subscription = await repository.get_subscription(db, user_id)
    if subscription is None:
        raise NotFoundError("Subscription not found")
    subscription.status = status
    subscription.cancelled_at = now if status == "cancelled" else subscription.cancelled_at
    subscription.updated_at = now
    return await repository.save_subscription(db, subscription)


async def effective_tiers(
    db: AsyncSession, users: list[tuple[int, bool]], now: datetime
) -> dict[int, Tier]:
    """`effective_tier` for many (user id, is_admin) at once, with one query (fan-outs)."""
    subscriptions = await repository.subscriptions_of(db, [user_id for user_id, _ in users])
    return {
        user_id: Tier.PREMIUM
        if is_admin
        else tier_from_subscription(subscriptions.get(user_id), now)
        for user_id, is_admin in users
    }


async def subscriptions_ending_within(
    db: AsyncSession, now: datetime, within: timedelta
) -> list[Subscription]:
    """Running subscriptions whose paid time ends within `within` from now (the expiry
    warnings); admin grants without an end never appear."""
    return await repository.subscriptions_ending_between(db, now, now + within)
