"""The date and amount rules of paid periods, pure (no I/O): which change a payment makes to
the current subscription, the new period's bounds, the upgrade conversion and the refund rule.

- extension (same tier): new end = max(now, current end) + cycle days;
- upgrade (pro running, premium paid): at once; the unused paid time (grace days excluded)
  becomes premium time at the ratio of the daily prices, truncated to whole seconds;
- downgrade (premium running with time left, pro paid): starts at the current end;
- a refund of the funding payment suspends, of the scheduled one clears the schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from cryptolens.access.tiers import Tier
from cryptolens.billing.providers.base import Cycle, PlanName
from cryptolens.settings import PlanSettings

CYCLE_DAYS: dict[str, int] = {"monthly": 30, "yearly": 365}
CURRENCY = "USD"

ChangeKind = Literal["new", "extend", "upgrade", "downgrade", "lifetime"]
RefundEffect = Literal["suspend", "clear_schedule", "none"]


def cycle_days(cycle: str) -> int:
    return CYCLE_DAYS[cycle]


def price_of(plans: PlanSettings, plan: PlanName | str, cycle: Cycle | str) -> Decimal:
    """The plan's price for the cycle, in USD, with cents."""
    price: Decimal = getattr(plans, f"price_{plan}_{cycle}")
    return price.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class DailyPrice:
    """What one day of a tier cost: the price of a cycle over its days."""

    price: Decimal
    days: int

    def ratio_to(self, other: DailyPrice) -> Fraction:
        return (Fraction(self.price) / self.days) / (Fraction(other.price) / other.days)


def grant_daily_price(plans: PlanSettings, tier: Tier) -> DailyPrice:
    """An admin grant has no payment: its days are worth the monthly price over 30 days."""
    return DailyPrice(price_of(plans, tier.value, "monthly"), CYCLE_DAYS["monthly"])


@dataclass(frozen=True)
class Running:
    """The current subscription as the rules see it."""

    tier_now: Tier  # the tier it confers now (tier_from_subscription)
    plan_tier: Tier  # the tier of its plan
    expires_at: datetime | None  # None with a tier now: lifetime
    daily: DailyPrice  # what its funded days cost (the upgrade conversion)


@dataclass(frozen=True)
class Change:
    """What a completed payment does: the period it funds and the subscription's new end.

    `started` tells whether the subscription's started_at moves to now (a new tier);
    a downgrade changes nothing now (`scheduled`), a lifetime subscription nothing at all."""

    kind: ChangeKind
    period_start: datetime
    period_end: datetime
    started: bool

    @property
    def scheduled(self) -> bool:
        return self.kind == "downgrade"


def classify(running: Running | None, paid: Tier, now: datetime) -> ChangeKind:
    if running is None or running.tier_now == Tier.FREE:
        return "new"
    if running.expires_at is None:
        return "lifetime" if running.tier_now.at_least(paid) else "upgrade"
    if running.tier_now == paid:
        return "extend"
    if paid.at_least(running.tier_now):
        return "upgrade"
    # A premium in its grace days has nothing left to wait for: the pro period starts now.
    return "downgrade" if running.expires_at > now else "new"


def extension_end(now: datetime, current_end: datetime | None, cycle: str) -> datetime:
    """The later of now and the current end (same tier, not lifetime), plus the cycle."""
    start = now if current_end is None else max(now, current_end)
    return start + timedelta(days=cycle_days(cycle))


def converted_time(unused: timedelta, old: DailyPrice, new: DailyPrice) -> timedelta:
    """Unused paid time of the old tier as time of the new one, truncated to whole seconds."""
    if unused <= timedelta(0):
        return timedelta(0)
    microseconds = unused // timedelta(microseconds=1)
    seconds = Fraction(microseconds, 1_000_000) * old.ratio_to(new)
    return timedelta(seconds=int(seconds))  # int() truncates a positive Fraction


def upgrade_end(
    now: datetime, old_end: datetime | None, old: DailyPrice, new: DailyPrice, cycle: str
) -> datetime:
    """now + the converted unused time (grace days do not count) + the new cycle."""
    unused = timedelta(0) if old_end is None else max(timedelta(0), old_end - now)
    return now + converted_time(unused, old, new) + timedelta(days=cycle_days(cycle))


def change_for(
    running: Running | None, paid: Tier, cycle: str, new_daily: DailyPrice, now: datetime
) -> Change:
    kind = classify(running, paid, now)
    days = timedelta(days=cycle_days(cycle))
    if running is None or kind == "new":
        return Change("new", now, now + days, started=True)
    if kind == "lifetime":
        return Change(kind, now, now + days, started=False)
    if kind == "extend":
        start = now if running.expires_at is None else max(now, running.expires_at)
        return Change(kind, start, start + days, started=False)
    if kind == "upgrade":
        end = upgrade_end(now, running.expires_at, running.daily, new_daily, cycle)
        return Change(kind, now, end, started=True)
    assert running.expires_at is not None  # a downgrade waits for a known end
    return Change(kind, running.expires_at, running.expires_at + days, started=False)


def refund_effect(
    payment_id: int, funded_by_payment_id: int | None, scheduled_payment_id: int | None
) -> RefundEffect:
    if funded_by_payment_id == payment_id:
        return "suspend"
    if scheduled_payment_id == payment_id:
        return "clear_schedule"
    return "none"


def amount_mismatch(
    amount: Decimal | None, currency: str | None, price: Decimal, price_currency: str = CURRENCY
) -> str | None:
    """Why a charged amount does not pay the price (None: it does)."""
    if amount is None or currency is None:
        return "no amount or currency in the event"
    if amount != price or currency.upper() != price_currency:
        return (
            f"amount {amount:.2f} {currency.upper()[:10]} does not match "
            f"the price {price:.2f} {price_currency}"
        )
    return None
