"""The admin statistics as the admin API shows them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field

from cryptolens.core.iso_times import IsoInstant


class TierCountsOut(BaseModel):
    all: int = Field(description="Every tier together")
    free: int
    pro: int
    premium: int = Field(description="Admins included (admins are premium)")


class UserStatsOut(BaseModel):
    total: TierCountsOut = Field(description="Every user, by tier now")
    active: TierCountsOut = Field(description="Users not deactivated, by tier now")
    verified: TierCountsOut = Field(description="Users with a verified email, by tier now")
    admins: int = Field(description="Admins (all of them counted under premium)")


class PlanCountsOut(BaseModel):
    all: int
    pro: int
    premium: int


class SubscriptionStatsOut(BaseModel):
    conferring: PlanCountsOut = Field(
        description="Subscriptions conferring their plan's tier now, by plan"
    )
    lifetime: int = Field(description="Of those, lifetime ones (no expires_at)")
    in_grace: int = Field(description="Of those, active ones past expires_at, in the grace days")
    expiring_within_7_days: int = Field(
        description="Active ones whose expires_at is within the next 7 days"
    )


class MoneyCountOut(BaseModel):
    amount: Decimal = Field(description="Sum in USD")
    count: int


class MonthRevenueOut(BaseModel):
    month: str = Field(description="UTC month of completed_at, `YYYY-MM`", examples=["2026-12"])
    completed: MoneyCountOut = Field(
        description="Payments completed in the month (later refunds included)"
    )
    refunded: MoneyCountOut = Field(
        description="Refunds, apart: payments refunded in the month (UTC month of refunded_at)"
    )


class RevenueStatsOut(BaseModel):
    currency: str = Field(examples=["USD"])
    months: list[MonthRevenueOut] = Field(description="Oldest month first, the current last")


class DayStatsOut(BaseModel):
    day: date = Field(description="The UTC day")
    signals_created: int
    patterns_confirmed: int
    deliveries_sent: int = Field(description="Signal pushes created that day, now sent")
    deliveries_failed: int
    deliveries_skipped: int


class AdminStatsOut(BaseModel):
    generated_at: IsoInstant = Field(description="When these numbers were counted (cached 5 min)")
    days: int
    months: int
    users: UserStatsOut
    subscriptions: SubscriptionStatsOut
    revenue: RevenueStatsOut
    daily: list[DayStatsOut] = Field(description="Oldest day first, today (UTC) last")
