"""Read-only answers of the billing domain for other domains (the admin stats, the metrics):
counts of subscriptions by plan tier, which users a subscription makes pro or premium,
revenue by month, and a user's payments."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Subquery
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.billing import payments_repository, stats_repository
from cryptolens.billing.models import Payment
from cryptolens.billing.stats_repository import PAID_TIERS

REVENUE_CURRENCY = "USD"


@dataclass(frozen=True)
class SubscriptionCounts:
    """Subscriptions conferring their plan's tier now, by plan tier (`pro`, `premium`); of
    those, lifetime ones (no expires_at), those in their grace days, and active ones whose
    expires_at falls within the window asked for (the admin list's `expiring_within_days`)."""

    by_plan: dict[str, int]
    lifetime: int
    in_grace: int
    expiring: int

    @property
    def total(self) -> int:
        return sum(self.by_plan.values())


async def subscription_counts(
    db: AsyncSession, now: datetime, expiring_within: timedelta
) -> SubscriptionCounts:
    rows = await stats_repository.count_conferring(db, now, expiring_within)
    by_plan = {tier.value: 0 for tier in PAID_TIERS}
    for row in rows:
        by_plan[row.tier] = row.conferring
    return SubscriptionCounts(
        by_plan=by_plan,
        lifetime=sum(row.lifetime for row in rows),
        in_grace=sum(row.in_grace for row in rows),
        expiring=sum(row.expiring for row in rows),
    )


async def conferring_by_plan(db: AsyncSession, now: datetime) -> dict[str, int]:
    """Subscriptions conferring their plan's tier now, by plan tier (`pro`, `premium`)."""
    return (await subscription_counts(db, now, timedelta(0))).by_plan


def conferred_tiers(now: datetime) -> Subquery:
    """A subquery of `(user_id, tier)` for each user a subscription makes pro or premium now;
    users absent from it have no paid tier from billing (see account_tier)."""
    return stats_repository.conferred_tiers(now)


def account_tier(is_admin: bool, conferred: str | None) -> Tier:
    """A user's tier from conferred_tiers' answer: admins are premium whatever their
    subscription (service.effective_tier), others their subscription's tier or free."""
    if is_admin:
        return Tier.PREMIUM
    return Tier(conferred) if conferred else Tier.FREE


@dataclass(frozen=True)
class MonthRevenue:
    """One UTC month (its first day) of payments by completed_at, in USD: completed payments
    and, apart, refunds."""

    month: date
    completed_amount: Decimal
    completed_count: int
    refunded_amount: Decimal
    refunded_count: int


async def revenue_by_month(db: AsyncSession, months: list[date]) -> list[MonthRevenue]:
    """Revenue of each month given (first days), in USD: payments by the UTC month of
    completed_at (later refunds included) and, apart, refunds by the month of refunded_at."""
    sums = await payments_repository.month_sums(db, months)
    cents = Decimal("0.01")
    return [
        MonthRevenue(
            month,
            month_sums.completed_amount.quantize(cents),
            month_sums.completed_count,
            month_sums.refunded_amount.quantize(cents),
            month_sums.refunded_count,
        )
        for month, month_sums in zip(months, sums, strict=True)
    ]


@dataclass(frozen=True)
class PaymentRow:
    """One payment as other domains see it (the admin's user page)."""

    id: int
    user_id: int
    provider: str
    method: str
    kind: str
    plan: str
    cycle: str
    amount: Decimal
    currency: str
    status: str
    provider_status: str | None
    failure_reason: str | None
    provider_checkout_id: str | None
    provider_object_id: str | None
    provider_subscription_id: str | None
    created_at: datetime
    completed_at: datetime | None
    period_start: datetime | None
    expires_at: datetime | None
    refunded_at: datetime | None
    refunded_by: str | None

    @classmethod
    def of(cls, payment: Payment) -> PaymentRow:
        return cls(**{field.name: getattr(payment, field.name) for field in fields(cls)})


async def payments_of_user(db: AsyncSession, user_id: int, limit: int) -> list[PaymentRow]:
    """The user's latest payments, newest first."""
    rows = await payments_repository.latest_payments(db, user_id, limit)
    return [PaymentRow.of(row) for row in rows]


async def payment_of(db: AsyncSession, payment_id: int) -> PaymentRow | None:
    payment = await payments_repository.get_payment(db, payment_id)
    return None if payment is None else PaymentRow.of(payment)
