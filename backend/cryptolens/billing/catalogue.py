"""The plans on offer as the billing page shows them: each tier's prices (from settings), what
it allows in words, and its limits, all read from the one tier table (access.tiers)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from cryptolens.access.schemas import LimitsOut
from cryptolens.access.tiers import TIER_ORDER, HistoryLimit, Tier, TierLimits, limits_for
from cryptolens.billing.plans import PERIOD_DAYS, plan_catalogue
from cryptolens.billing.schemas import PlanOut, PriceOut
from cryptolens.settings import PlanSettings

CENT = Decimal("0.01")


def money(amount: Decimal) -> str:
    """`19` -> "19.00" (half up, as a receipt would round)."""
    return str(amount.quantize(CENT, rounding=ROUND_HALF_UP))


def _history(limit: HistoryLimit) -> str:
    if limit.is_full:
        return "full history"
    if limit.max_items is not None:
        return f"the last {limit.max_items}"
    assert limit.max_age is not None
    return f"the last {int(limit.max_age.total_seconds() // 3600)} h"


def feature_lines(limits: TierLimits) -> list[str]:
    """What a tier allows, in words. Only features that exist: portfolios and trades are in
    the table for later and are not sold until they are built."""
    if limits.symbol_scope == "all":
        symbols = "All symbols"
    elif limits.symbol_scope == "watchlist":
        symbols = f"Up to {limits.max_watchlist} symbols of your choice"
    else:
        symbols = f"{', '.join(limits.fixed_symbols)} only"
    per_day = limits.pushes_per_day
    pushes = (
        "Unlimited push notifications"
        if per_day is None
        else f"{per_day} push notification{'' if per_day == 1 else 's'} a day"
    )
    delay = int(limits.push_delay.total_seconds() // 60)
    lines = [
        symbols,
        "All pattern types (FVG, order blocks, liquidity sweeps)"
        if len(limits.pattern_types) >= 3
        else f"{', '.join(sorted(limits.pattern_types)).upper()} patterns only",
        f"Patterns: {_history(limits.pattern_history)}; signals: {_history(limits.signal_history)}",
        pushes + (f", delayed {delay} min" if delay else ""),
        "Full statistics and hit rates" if limits.statistics == "full" else "Summary statistics",
    ]
    if limits.api_keys:
        lines.append("REST API keys")
    if limits.webhooks:
        lines.append("Webhooks for patterns and signals")
    return lines


def _prices(tier: Tier, config: PlanSettings) -> list[PriceOut]:
    plans = [plan for plan in plan_catalogue(config).values() if plan.tier == tier]
    monthly = next((plan.price_usd for plan in plans if plan.period == "monthly"), None)
    prices = []
    for plan in sorted(plans, key=lambda plan: plan.days):
        months = Decimal(12) if plan.period == "yearly" else Decimal(1)
        saving = None
        if plan.period == "yearly" and monthly:
            ratio = (1 - plan.price_usd / (monthly * 12)) * 100
            saving = int(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        prices.append(
            PriceOut(
                cycle=plan.period,
                amount=money(plan.price_usd),
                currency="USD",
                days=PERIOD_DAYS[plan.period],
                monthly_equivalent=money(plan.price_usd / months),
                saving_pct=saving,
            )
        )
    return prices


def plans_on_offer(config: PlanSettings) -> list[PlanOut]:
    return [
        PlanOut(
            plan=tier,
            prices=_prices(tier, config),
            features=feature_lines(limits_for(tier)),
            limits=LimitsOut.of(limits_for(tier)),
        )
        for tier in TIER_ORDER
    ]
