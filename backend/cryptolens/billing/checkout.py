"""Starting a checkout and cancelling a subscription: the rules, without HTTP.

The route runs a checkout in three steps so that no transaction waits on the provider:
prepare_checkout (commit), the provider's create_checkout, then record_checkout (or
fail_checkout). Cancelling is two steps around the provider call the same way:
cancel_subscription_rules says what to cancel there, mark_cancelled applies it after.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.billing import payments_repository as repository
from cryptolens.billing import repository as subscriptions
from cryptolens.billing.models import Payment, Subscription
from cryptolens.billing.periods import CURRENCY, price_of
from cryptolens.billing.providers.base import CreatedCheckout, Cycle, Method, PlanName
from cryptolens.billing.service import tier_from_subscription
from cryptolens.core.errors import ConflictError, NotFoundError
from cryptolens.settings import PlanSettings


class LifetimeSubscriptionError(ConflictError):
    code = "subscription_lifetime"

    def __init__(self) -> None:
        super().__init__(
            "Your plan does not expire and cannot be combined with a paid period; "
            "contact support to change it"
        )


class ChangeScheduledError(ConflictError):
    code = "change_scheduled"

    def __init__(self) -> None:
        super().__init__("A plan change is already scheduled for the end of this period")


class NoSubscriptionError(ConflictError):
    code = "no_subscription"

    def __init__(self) -> None:
        super().__init__("nothing to cancel")


class AlreadyCancelledError(ConflictError):
    code = "already_cancelled"

    def __init__(self) -> None:
        super().__init__("The subscription is already cancelled")


@dataclass(frozen=True)
class ExistingCheckout:
    """A pending checkout of the same choice, still payable: its link is handed out again."""

    payment: Payment


@dataclass(frozen=True)
class CancelPlan:
    """What to stop at the provider before marking the subscription cancelled (no provider
    subscription: nothing; the crypto and fake providers never renew)."""

    provider: str | None
    provider_subscription_id: str | None


def _check_can_buy(subscription: Subscription | None, plan: PlanName, now: datetime) -> None:
    if subscription is None:
        return
    # A paid premium period on top of a lifetime pro would end it (the period rules know no
    # "lifetime underneath"), so a lifetime plan is only changed by an administrator.
    if subscription.status == "active" and subscription.expires_at is None:
        raise LifetimeSubscriptionError()
    if subscription.scheduled_plan is not None and tier_from_subscription(subscription, now) != (
        Tier.FREE
    ):
        raise ChangeScheduledError()


async def prepare_checkout(
    db: AsyncSession,
    user_id: int,
    plan: PlanName,
    cycle: Cycle,
    method: Method,
    provider_name: str,
    now: datetime,
    plans: PlanSettings,
    reuse: timedelta,
) -> Payment | ExistingCheckout:
    """409 `subscription_lifetime` or `change_scheduled`; else a reusable pending checkout,
    or a new pending payment (flushed) for the caller to create at the provider."""
    _check_can_buy(await subscriptions.get_subscription(db, user_id), plan, now)
    existing = await repository.reusable_checkout(
        db,
        user_id=user_id,
        plan=plan,
        cycle=cycle,
        method=method,
        provider=provider_name,
        created_since=now - reuse,
        now=now,
    )
    if existing is not None:
        return ExistingCheckout(existing)
    payment = Payment(
        user_id=user_id,
        provider=provider_name,
        method=method,
        kind="checkout",
        plan=plan,
        cycle=cycle,
        amount=price_of(plans, plan, cycle),
        currency=CURRENCY,
        status="pending",
        checkout_ref=secrets.token_urlsafe(24),
        created_at=now,
        updated_at=now,
    )
    return await repository.add_payment(db, payment)


async def _pending(db: AsyncSession, payment_id: int) -> Payment:
    payment = await repository.payment_for_update(db, payment_id)
    if payment is None:
        raise NotFoundError("Payment not found")
    return payment


async def record_checkout(
    db: AsyncSession, payment_id: int, created: CreatedCheckout, now: datetime
) -> Payment:
    """The provider's checkout id and link on our pending payment."""
    payment = await _pending(db, payment_id)
    payment.provider_checkout_id = created.provider_checkout_id
    payment.checkout_url = created.checkout_url
    payment.checkout_expires_at = created.expires_at
    payment.updated_at = now
    await db.flush()
    return payment


async def fail_checkout(
    db: AsyncSession, payment_id: int, now: datetime, reason: str = "provider unavailable"
) -> Payment:
    """The provider could not create the checkout: the payment will never be paid."""
    payment = await _pending(db, payment_id)
    if payment.status == "pending":
        payment.status = "failed"
        payment.failure_reason = reason[:200]
        payment.updated_at = now
        await db.flush()
    return payment


async def _cancellable(db: AsyncSession, user_id: int, now: datetime) -> Subscription:
    subscription = await repository.subscription_for_update(db, user_id)
    if subscription is None:
        raise NoSubscriptionError()
    if subscription.status == "cancelled" and tier_from_subscription(subscription, now) != (
        Tier.FREE
    ):
        raise AlreadyCancelledError()
    if (
        subscription.status != "active"
        or tier_from_subscription(subscription, now) == Tier.FREE
        # An admin grant or a demo account: nothing was bought, so nothing to cancel.
        or subscription.funded_by_payment_id is None
    ):
        raise NoSubscriptionError()
    return subscription


async def cancel_subscription_rules(db: AsyncSession, user_id: int, now: datetime) -> CancelPlan:
    """409 `no_subscription` or `already_cancelled`; else what to cancel at the provider."""
    subscription = await _cancellable(db, user_id, now)
    assert subscription.funded_by_payment_id is not None
    funding = await repository.get_payment(db, subscription.funded_by_payment_id)
    if funding is None or not funding.provider_subscription_id:
        return CancelPlan(None, None)
    return CancelPlan(funding.provider, funding.provider_subscription_id)


async def mark_cancelled(db: AsyncSession, user_id: int, now: datetime) -> Subscription:
    """After the provider stopped renewals: access until expires_at, no grace."""
    subscription = await _cancellable(db, user_id, now)
    subscription.status = "cancelled"
    subscription.cancelled_at = now
    subscription.updated_at = now
    await db.flush()
    return subscription
