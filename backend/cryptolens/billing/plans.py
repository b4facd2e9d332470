"""The plans a user can buy: a tier for a period at a price (prices from settings)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from cryptolens.access.tiers import Tier
from cryptolens.settings import PlanSettings

BillingPeriod = Literal["monthly", "yearly"]

PERIOD_DAYS: dict[BillingPeriod, int] = {"monthly": 30, "yearly": 365}

PLAN_CODES = ("pro_monthly", "pro_yearly", "premium_monthly", "premium_yearly")


@dataclass(frozen=True)
class Plan:
    code: str
    tier: Tier
    period: BillingPeriod
    price_usd: Decimal

    @property
    def days(self) -> int:
        return PERIOD_DAYS[self.period]


def plan_catalogue(config: PlanSettings) -> dict[str, Plan]:
    plans = (
        Plan("pro_monthly", Tier.PRO, "monthly", config.price_pro_monthly),
        Plan("pro_yearly", Tier.PRO, "yearly", config.price_pro_yearly),
        Plan("premium_monthly", Tier.PREMIUM, "monthly", config.price_premium_monthly),
        Plan("premium_yearly", Tier.PREMIUM, "yearly", config.price_premium_yearly),
    )
    return {plan.code: plan for plan in plans}


def tier_of_plan(plan_code: str) -> Tier:
    """The tier a stored plan code grants (prices do not matter here)."""
    tier_name, _, _period = plan_code.partition("_")
    return Tier(tier_name)
