"""The admin statistics, composed from each domain's counting reads (one grouped query
each) and cached 5 minutes in the app's cache.

Tiers: a user's tier is billing's derivation (the subscription's plan while it confers it)
and admins are premium, as the access layer treats them; `users.admins` says how many of the
premium ones are admins."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import TIER_ORDER, Tier
from cryptolens.admin.stats.schemas import (
    AdminStatsOut,
    DayStatsOut,
    MoneyCountOut,
    MonthRevenueOut,
    PlanCountsOut,
    RevenueStatsOut,
    SubscriptionStatsOut,
    TierCountsOut,
    UserStatsOut,
)
from cryptolens.auth import reads as accounts
from cryptolens.billing import reads as billing
from cryptolens.core.cache import Cache
from cryptolens.db import to_ms
from cryptolens.notifications import reads as notifications
from cryptolens.patterns import reads as patterns
from cryptolens.signals import reads as signals

STATS_TTL_SECONDS = 300
STATS_KEY = "admin:stats:days={days}:months={months}"
EXPIRING_WITHIN = timedelta(days=7)


async def admin_stats(
    db: AsyncSession, cache: Cache, now: datetime, days: int, months: int
) -> AdminStatsOut:
    """The cached statistics while under 5 minutes old by the app's clock, else counted anew
    (the clock decides, not only the cache's TTL, so tests move time instead of sleeping)."""
    key = STATS_KEY.format(days=days, months=months)
    cached = await cache.get(key)
    if cached is not None:
        stats = AdminStatsOut.model_validate(cached)
        if timedelta(0) <= now - stats.generated_at < timedelta(seconds=STATS_TTL_SECONDS):
            return stats
    stats = await count_stats(db, now, days, months)
    await cache.set(key, stats.model_dump(mode="json"), STATS_TTL_SECONDS)
    return stats


async def count_stats(db: AsyncSession, now: datetime, days: int, months: int) -> AdminStatsOut:
    return AdminStatsOut(
        generated_at=now,
        days=days,
        months=months,
        users=await _user_stats(db, now),
        subscriptions=await _subscription_stats(db, now),
        revenue=await _revenue(db, _month_starts(now, months)),
        daily=await _daily(db, _day_list(now, days)),
    )


async def _user_stats(db: AsyncSession, now: datetime) -> UserStatsOut:
    total = dict.fromkeys(TIER_ORDER, 0)
    active = dict.fromkeys(TIER_ORDER, 0)
    verified = dict.fromkeys(TIER_ORDER, 0)
    admins = 0
    for group in await accounts.user_counts(db, billing.conferred_tiers(now)):
        tier = billing.account_tier(group.is_admin, group.paid_tier)
        total[tier] += group.count
        active[tier] += group.count if group.is_active else 0
        verified[tier] += group.count if group.is_verified else 0
        admins += group.count if group.is_admin else 0
    return UserStatsOut(
        total=_by_tier(total), active=_by_tier(active), verified=_by_tier(verified), admins=admins
    )


def _by_tier(counts: dict[Tier, int]) -> TierCountsOut:
    free, pro, premium = (counts[tier] for tier in TIER_ORDER)
    return TierCountsOut(all=free + pro + premium, free=free, pro=pro, premium=premium)


async def _subscription_stats(db: AsyncSession, now: datetime) -> SubscriptionStatsOut:
    counts = await billing.subscription_counts(db, now, EXPIRING_WITHIN)
    return SubscriptionStatsOut(
        conferring=PlanCountsOut(
            all=counts.total, pro=counts.by_plan["pro"], premium=counts.by_plan["premium"]
        ),
        lifetime=counts.lifetime,
        in_grace=counts.in_grace,
        expiring_within_7_days=counts.expiring,
    )


async def _revenue(db: AsyncSession, months: list[date]) -> RevenueStatsOut:
    rows = await billing.revenue_by_month(db, months)
    return RevenueStatsOut(
        currency=billing.REVENUE_CURRENCY,
        months=[
            MonthRevenueOut(
                month=row.month.strftime("%Y-%m"),
                completed=MoneyCountOut(amount=row.completed_amount, count=row.completed_count),
                refunded=MoneyCountOut(amount=row.refunded_amount, count=row.refunded_count),
            )
            for row in rows
        ],
    )


async def _daily(db: AsyncSession, days: list[date]) -> list[DayStatsOut]:
    first = datetime(days[0].year, days[0].month, days[0].day, tzinfo=UTC)
    created = await signals.signals_created_per_day(db, to_ms(first))
    confirmed = await patterns.patterns_confirmed_per_day(db, to_ms(first))
    deliveries = await notifications.deliveries_per_day(db, first)
    return [
        DayStatsOut(
            day=day,
            signals_created=created.get(day, 0),
            patterns_confirmed=confirmed.get(day, 0),
            deliveries_sent=deliveries.get(day, {}).get("sent", 0),
            deliveries_failed=deliveries.get(day, {}).get("failed", 0),
            deliveries_skipped=deliveries.get(day, {}).get("skipped", 0),
        )
        for day in days
    ]


def _day_list(now: datetime, days: int) -> list[date]:
    """The last `days` UTC days, today included, oldest first."""
    today = now.astimezone(UTC).date()
    return [today - timedelta(days=back) for back in range(days - 1, -1, -1)]


def _month_starts(now: datetime, months: int) -> list[date]:
    """The first days of the last `months` UTC months, this one included, oldest first."""
    current = now.astimezone(UTC)
    index = current.year * 12 + current.month - 1
    return [
        date((index - back) // 12, (index - back) % 12 + 1, 1) for back in range(months - 1, -1, -1)
    ]
