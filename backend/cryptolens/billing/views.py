"""What a user sees of their own billing: their payments (owner-scoped: another user's is not
found) and their subscription with what it will do next."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.billing import payments_repository, service
from cryptolens.billing.catalogue import money
from cryptolens.billing.models import Payment
from cryptolens.billing.schemas import (
    BillingSubscriptionOut,
    FakeCheckoutOut,
    PaymentOut,
    ScheduledChangeOut,
)
from cryptolens.core.errors import NotFoundError
from cryptolens.core.paging import Page, PageQuery, PageRequest

# No provider event changes these any more (a return page stops polling); a refund of a
# completed payment comes much later, if ever.
FINAL_STATUSES = frozenset({"completed", "failed", "expired", "refunded"})


def payment_out(payment: Payment) -> PaymentOut:
    return PaymentOut.model_validate(
        {
            "id": payment.id,
            "provider": payment.provider,
            "method": payment.method,
            "kind": payment.kind,
            "plan": payment.plan,
            "cycle": payment.cycle,
            "amount": money(payment.amount),
            "currency": payment.currency,
            "status": payment.status,
            "provider_status": payment.provider_status,
            "failure_reason": payment.failure_reason,
            "checkout_url": payment.checkout_url if payment.status == "pending" else None,
            "created_at": payment.created_at,
            "completed_at": payment.completed_at,
            "period_start": payment.period_start,
            "expires_at": payment.expires_at,
            "refunded_at": payment.refunded_at,
            "final": payment.status in FINAL_STATUSES,
        }
    )


def fake_checkout_out(payment: Payment) -> FakeCheckoutOut:
    return FakeCheckoutOut.model_validate(
        {
            "payment_id": payment.id,
            "plan": payment.plan,
            "cycle": payment.cycle,
            "amount": money(payment.amount),
            "currency": payment.currency,
            "status": payment.status,
            "final": payment.status in FINAL_STATUSES,
        }
    )


async def owned_payment(db: AsyncSession, user_id: int, payment_id: int) -> Payment:
    payment = await payments_repository.payment_of_user(db, user_id, payment_id)
    if payment is None:
        raise NotFoundError("Payment not found")
    return payment


async def payment_history(db: AsyncSession, user_id: int, page: PageQuery) -> Page[PaymentOut]:
    request = PageRequest.from_cursor(
        page.cursor, key_size=payments_repository.NEWEST_KEY_SIZE, limit=page.limit
    )
    rows = await payments_repository.payments_page(db, user_id, request)
    return rows.map(payment_out)


def _tier_of(plan: str) -> Tier | None:
    try:
        return service.tier_of_plan(plan)
    except ValueError:
        return None


async def subscription_view(
    db: AsyncSession, user_id: int, is_admin: bool, now: datetime
) -> BillingSubscriptionOut:
    tier = await service.effective_tier(db, user_id, is_admin, now)
    subscription = await service.current_subscription(db, user_id)
    if subscription is None:
        return BillingSubscriptionOut(
            plan=None,
            tier=tier,
            status=None,
            cycle=None,
            expires_at=None,
            cancelled_at=None,
            renews=False,
            scheduled=None,
            can_cancel=False,
        )
    funding = (
        None
        if subscription.funded_by_payment_id is None
        else await payments_repository.get_payment(db, subscription.funded_by_payment_id)
    )
    conferring = service.tier_from_subscription(subscription, now) != Tier.FREE
    active = subscription.status == "active" and conferring
    scheduled = None
    if subscription.scheduled_plan and subscription.expires_at is not None:
        scheduled = ScheduledChangeOut.model_validate(
            {
                "plan": _tier_of(subscription.scheduled_plan),
                "cycle": subscription.scheduled_cycle,
                "starts_at": subscription.expires_at,
            }
        )
    return BillingSubscriptionOut.model_validate(
        {
            "plan": _tier_of(subscription.plan),
            "tier": tier,
            "status": subscription.status,
            "cycle": subscription.cycle,
            "expires_at": subscription.expires_at,
            "cancelled_at": subscription.cancelled_at,
            "renews": active
            and funding is not None
            and funding.provider == "card"
            and bool(funding.provider_subscription_id),
            "scheduled": scheduled,
            "can_cancel": active and funding is not None,
        }
    )
