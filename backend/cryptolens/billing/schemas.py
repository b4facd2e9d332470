"""Response models of tiers, limits, plans and subscriptions."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cryptolens.billing.models import Subscription
from cryptolens.billing.plans import Plan
from cryptolens.billing.tiers import HistoryLimit, Tier, TierLimits


class HistoryLimitOut(BaseModel):
    max_age_hours: float | None = Field(description="Reaches back this many hours; null: any")
    max_items: int | None = Field(description="At most this many items; null: no count limit")

    @classmethod
    def of(cls, limit: HistoryLimit) -> HistoryLimitOut:
        hours = None if limit.max_age is None else limit.max_age.total_seconds() / 3600
        return cls(max_age_hours=hours, max_items=limit.max_items)


class LimitsOut(BaseModel):
    """What a tier allows; null means unlimited."""

    symbol_scope: Literal["fixed", "watchlist", "all"]
    fixed_symbols: list[str]
    max_watchlist: int | None
    pattern_types: list[str]
    pattern_history: HistoryLimitOut
    signal_history: HistoryLimitOut
    pushes_per_day: int | None
    push_delay_minutes: int
    portfolios: int | None
    trades_per_day: int | None
    statistics: Literal["summary", "full"]
    api_keys: bool
    webhooks: bool

    @classmethod
    def of(cls, limits: TierLimits) -> LimitsOut:
        return cls(
            symbol_scope=limits.symbol_scope,
            fixed_symbols=list(limits.fixed_symbols),
            max_watchlist=limits.max_watchlist,
            pattern_types=sorted(limits.pattern_types),
            pattern_history=HistoryLimitOut.of(limits.pattern_history),
            signal_history=HistoryLimitOut.of(limits.signal_history),
            pushes_per_day=limits.pushes_per_day,
            push_delay_minutes=int(limits.push_delay.total_seconds() // 60),
            portfolios=limits.portfolios,
            trades_per_day=limits.trades_per_day,
            statistics=limits.statistics,
            api_keys=limits.api_keys,
            webhooks=limits.webhooks,
        )


class PlanOut(BaseModel):
    code: str = Field(examples=["pro_monthly"])
    tier: Tier
    period: Literal["monthly", "yearly"]
    price_usd: Decimal = Field(examples=["19"])
    days: int
    limits: LimitsOut

    @classmethod
    def of(cls, plan: Plan, limits: TierLimits) -> PlanOut:
        return cls(
            code=plan.code,
            tier=plan.tier,
            period=plan.period,
            price_usd=plan.price_usd,
            days=plan.days,
            limits=LimitsOut.of(limits),
        )


class SubscriptionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    plan: str
    status: Literal["active", "cancelled", "expired", "suspended"]
    started_at: datetime
    expires_at: datetime | None
    grace_days: int

    @classmethod
    def of(cls, subscription: Subscription) -> SubscriptionOut:
        return cls.model_validate(subscription)
