"""Counting queries over the subscriptions table, for the admin stats and the metrics.

Whether a subscription confers its plan's tier now is admin_repository's SQL form of
tier_from_subscription (one definition for the lists, the stats and the gauges)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Integer, Subquery, and_, case, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.billing.admin_repository import confers_tier, in_grace, of_tier
from cryptolens.billing.models import Subscription

PAID_TIERS: tuple[Tier, ...] = (Tier.PRO, Tier.PREMIUM)


def _plan_tier() -> ColumnElement[str]:
    """The tier a row's plan grants (`pro`, `premium`); NULL for a plan granting none."""
    return case(*((of_tier(tier), literal(tier.value)) for tier in PAID_TIERS), else_=None)


def _paid_and_conferring(now: datetime) -> ColumnElement[bool]:
    return and_(or_(*(of_tier(tier) for tier in PAID_TIERS)), confers_tier(now))


def _how_many(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0, type_=Integer)


@dataclass(frozen=True)
class PlanCounts:
    """Subscriptions of one plan tier conferring it now, and how many of those are lifetime,
    in their grace days, or active and ending within the window."""

    tier: str
    conferring: int
    lifetime: int
    in_grace: int
    expiring: int


async def count_conferring(
    db: AsyncSession, now: datetime, expiring_within: timedelta
) -> list[PlanCounts]:
    """One grouped COUNT: a row per plan tier that has any subscription conferring it now."""
    tier = _plan_tier().label("tier")
    expiring = and_(
        Subscription.status == "active",
        Subscription.expires_at >= now,
        Subscription.expires_at <= now + expiring_within,
    )
    statement = (
        select(
            tier,
            func.count(),
            _how_many(Subscription.expires_at.is_(None)),
            _how_many(in_grace(now)),
            _how_many(expiring),
        )
        .where(_paid_and_conferring(now))
        .group_by(tier)
    )
    rows = (await db.execute(statement)).all()
    return [
        PlanCounts(
            tier=str(row[0]),
            conferring=int(row[1]),
            lifetime=int(row[2]),
            in_grace=int(row[3]),
            expiring=int(row[4]),
        )
        for row in rows
    ]


def conferred_tiers(now: datetime) -> Subquery:
    """`(user_id, tier)` of every user whose subscription confers a paid tier now: a
    subquery other domains join by user id (they never see the subscriptions table)."""
    return (
        select(Subscription.user_id.label("user_id"), _plan_tier().label("tier"))
        .where(_paid_and_conferring(now))
        .subquery("conferred_tiers")
    )
