"""The admin's subscription actions (admin.md, Subscriptions), one subscription per user:

| action     | from                 | effect                                                      |
| grant      | none, any            | plan set, active; expires_at = max(now, expires_at if it     |
|            |                      | confers a tier now) + days, or null (lifetime)               |
| cancel     | active               | cancelled, access until expires_at (lifetime: until now)     |
| suspend    | active, cancelled    | suspended, free at once                                      |
| reactivate | suspended, cancelled | active if expires_at is null or expires_at + grace > now     |

Other origins: 409 `invalid_transition`. The admin routes and the `cryptolens users` commands
check that the user exists (accounts domain) before calling these."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.billing import admin_repository, repository
from cryptolens.billing.admin_repository import NEWEST_KEY_SIZE, SOONEST_KEY_SIZE
from cryptolens.billing.admin_repository import SubscriptionFilters as SubscriptionFilters
from cryptolens.billing.models import Subscription as Subscription  # the rows it hands out
from cryptolens.billing.plans import tier_of_plan
from cryptolens.billing.service import clear_funding, tier_from_subscription
from cryptolens.core.errors import ConflictError
from cryptolens.core.paging import Page, PageRequest

log = logging.getLogger("cryptolens.billing")

GRANTABLE_TIERS = (Tier.PRO, Tier.PREMIUM)
# The subscription's fields an admin action reports in the audit log.
_AUDITED_FIELDS = ("plan", "status", "started_at", "expires_at", "cancelled_at")


class InvalidTransitionError(ConflictError):
    code = "invalid_transition"


class SubscriptionLifetimeError(ConflictError):
    code = "subscription_lifetime"

    def __init__(self) -> None:
        super().__init__("The subscription is a lifetime one: grant a plan for life, or cancel it")


class SubscriptionExpiredError(ConflictError):
    code = "subscription_expired"

    def __init__(self) -> None:
        super().__init__("The subscription ended more than its grace days ago: grant a plan")


@dataclass(frozen=True)
class SubscriptionChange:
    subscription: Subscription
    before: dict[str, Any] | None  # None: there was no subscription
    after: dict[str, Any]


def subscription_fields(subscription: Subscription | None) -> dict[str, Any] | None:
    if subscription is None:
        return None
    return {name: getattr(subscription, name) for name in _AUDITED_FIELDS}


def tier_of(subscription: Subscription) -> Tier:
    """The tier of the subscription's plan (whether or not it confers it now)."""
    try:
        return tier_of_plan(subscription.plan)
    except ValueError:
        return Tier.FREE


def _confers_a_tier(subscription: Subscription | None, now: datetime) -> bool:
    return tier_from_subscription(subscription, now) != Tier.FREE


def _is_lifetime(subscription: Subscription | None) -> bool:
    return subscription is not None and subscription.expires_at is None


async def grant(
    db: AsyncSession,
    user_id: int,
    tier: Tier,
    now: datetime,
    *,
    days: int | None,
    grace_days: int,
) -> SubscriptionChange:
    """`days` extend from the later of now and the current end (when the subscription gives
    a tier now); `days=None` grants the plan for life. Days on a lifetime subscription: 409
    `subscription_lifetime` (cancel it first)."""
    if tier not in GRANTABLE_TIERS:
        raise ValueError(f"cannot grant {tier}")
    current = await admin_repository.subscription_for_update(db, user_id)
    before = subscription_fields(current)
    if days is not None and _is_lifetime(current):
        raise SubscriptionLifetimeError()
    running = _confers_a_tier(current, now)
    if days is None:
        expires_at = None
    else:
        start = now
        if running and current is not None and current.expires_at is not None:
            start = max(now, current.expires_at)
        expires_at = start + timedelta(days=days)
    subscription = current or Subscription(user_id=user_id)
    if current is None or not running or tier_of(current) != tier:
        subscription.started_at = now
    subscription.plan = tier.value
    subscription.status = "active"
    subscription.expires_at = expires_at
    subscription.grace_days = grace_days
    subscription.cancelled_at = None
    subscription.updated_at = now
    clear_funding(subscription)
    if current is None:
        await admin_repository.add_subscription(db, subscription)
    else:
        await repository.save_subscription(db, subscription)
    log.info("billing.admin_granted", extra={"user_id": user_id, "plan": tier.value})
    return _changed(subscription, before)


async def cancel(db: AsyncSession, user_id: int, now: datetime) -> SubscriptionChange:
    """active -> cancelled: the tier stays until expires_at (no grace); a lifetime one ends
    now."""
    subscription, before = await _from(db, user_id, ("active",), "cancel")
    subscription.status = "cancelled"
    subscription.cancelled_at = now
    if subscription.expires_at is None:
        subscription.expires_at = now
    return await _saved(db, subscription, before, now)


async def suspend(db: AsyncSession, user_id: int, now: datetime) -> SubscriptionChange:
    """active or cancelled -> suspended: free at once."""
    subscription, before = await _from(db, user_id, ("active", "cancelled"), "suspend")
    subscription.status = "suspended"
    return await _saved(db, subscription, before, now)


async def reactivate(db: AsyncSession, user_id: int, now: datetime) -> SubscriptionChange:
    """suspended or cancelled -> active, unless it ended more than its grace days ago (409
    `subscription_expired`)."""
    subscription, before = await _from(db, user_id, ("suspended", "cancelled"), "reactivate")
    expires_at = subscription.expires_at
    if expires_at is not None and expires_at + timedelta(days=subscription.grace_days) <= now:
        raise SubscriptionExpiredError()
    subscription.status = "active"
    subscription.cancelled_at = None
    return await _saved(db, subscription, before, now)


async def _from(
    db: AsyncSession, user_id: int, origins: tuple[str, ...], action: str
) -> tuple[Subscription, dict[str, Any] | None]:
    subscription = await admin_repository.subscription_for_update(db, user_id)
    if subscription is None or subscription.status not in origins:
        state = "no subscription" if subscription is None else f"a {subscription.status} one"
        raise InvalidTransitionError(f"cannot {action} {state} (only from {' or '.join(origins)})")
    return subscription, subscription_fields(subscription)


async def _saved(
    db: AsyncSession, subscription: Subscription, before: dict[str, Any] | None, now: datetime
) -> SubscriptionChange:
    subscription.updated_at = now
    await repository.save_subscription(db, subscription)
    log.info(
        "billing.admin_status",
        extra={"user_id": subscription.user_id, "status": subscription.status},
    )
    return _changed(subscription, before)


def _changed(subscription: Subscription, before: dict[str, Any] | None) -> SubscriptionChange:
    after = subscription_fields(subscription)
    assert after is not None
    return SubscriptionChange(subscription=subscription, before=before, after=after)


# Reads


async def list_subscriptions(
    db: AsyncSession, filters: SubscriptionFilters, cursor: str | None, limit: int
) -> Page[Subscription]:
    """Newest first; with `expiring_within`, soonest expiry first."""
    size = NEWEST_KEY_SIZE if filters.expiring_within is None else SOONEST_KEY_SIZE
    request = PageRequest.from_cursor(cursor, key_size=size, limit=limit)
    return await admin_repository.subscriptions_page(db, filters, request)


async def subscriptions_of_users(db: AsyncSession, user_ids: list[int]) -> dict[int, Subscription]:
    return await repository.subscriptions_of(db, user_ids)


def users_of_tier(tier: Tier, now: datetime) -> tuple[Select[int], bool, bool]:
    """How the accounts domain finds the users of `tier` at `now`: (a statement selecting user
    ids, whether the users are among them, whether admins count), since admins are premium
    whatever their subscription: premium = admins or premium subscribers; pro = pro
    subscribers but admins; free = neither admins nor any subscriber of a tier."""
    if tier == Tier.FREE:
        return admin_repository.subscribers(GRANTABLE_TIERS, now), False, False
    return admin_repository.subscribers((tier,), now), True, tier == Tier.PREMIUM
