"""The period rules with exact dates and amounts: extension, upgrade conversion, downgrade,
lifetime, the refund rule, cancellation without grace, and the amount check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from cryptolens.access.tiers import Tier
from cryptolens.billing.models import Subscription
from cryptolens.billing.periods import (
    DailyPrice,
    Running,
    amount_mismatch,
    change_for,
    converted_time,
    extension_end,
    grant_daily_price,
    price_of,
    refund_effect,
)
from cryptolens.billing.service import tier_from_subscription
from cryptolens.settings import PlanSettings

PLANS = PlanSettings()
PRO_MONTHLY = DailyPrice(Decimal("19.00"), 30)
PRO_YEARLY = DailyPrice(Decimal("190.00"), 365)
PREMIUM_MONTHLY = DailyPrice(Decimal("49.00"), 30)
PREMIUM_YEARLY = DailyPrice(Decimal("490.00"), 365)


def at(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def running(tier: Tier, expires_at: datetime | None, daily: DailyPrice) -> Running:
    return Running(tier_now=tier, plan_tier=tier, expires_at=expires_at, daily=daily)


def test_prices_come_from_the_settings_with_cents() -> None:
    assert price_of(PLANS, "pro", "monthly") == Decimal("19.00")
    assert str(price_of(PLANS, "premium", "yearly")) == "490.00"


def test_extension_runs_from_the_later_of_now_and_the_current_end() -> None:
    now = at(2026, 1, 10)
    assert extension_end(now, at(2026, 1, 31), "monthly") == at(2026, 3, 2)
    assert extension_end(now, at(2026, 1, 5), "monthly") == at(2026, 2, 9)
    assert extension_end(now, None, "yearly") == at(2027, 1, 10)


def test_same_tier_payment_extends_the_running_period() -> None:
    now = at(2026, 1, 10)
    change = change_for(
        running(Tier.PRO, at(2026, 1, 31), PRO_MONTHLY), Tier.PRO, "monthly", PRO_MONTHLY, now
    )
    assert (change.kind, change.period_start, change.period_end) == (
        "extend",
        at(2026, 1, 31),
        at(2026, 3, 2),
    )
    assert not change.started


def test_in_grace_days_the_extension_starts_now() -> None:
    # Ended two days ago, still pro through its grace days: the grace is not paid time.
    now = at(2026, 2, 2)
    change = change_for(
        running(Tier.PRO, at(2026, 1, 31), PRO_MONTHLY), Tier.PRO, "yearly", PRO_YEARLY, now
    )
    assert (change.kind, change.period_start, change.period_end) == ("extend", now, at(2027, 2, 2))


def test_a_first_payment_starts_now() -> None:
    now = at(2026, 1, 10, 12)
    change = change_for(None, Tier.PREMIUM, "monthly", PREMIUM_MONTHLY, now)
    assert (change.kind, change.period_start, change.period_end, change.started) == (
        "new",
        now,
        at(2026, 2, 9, 12),
        True,
    )


def test_upgrade_converts_the_unused_days_at_the_price_ratio() -> None:
    # Pro monthly $19 bought 2026-01-01, premium monthly $49 on 2026-01-16: 15 unused days
    # * 19/49 = 5.816326... days = 5 d 19:35:30.612 -> truncated 5 d 19:35:30; + 30 days.
    now = at(2026, 1, 16)
    change = change_for(
        running(Tier.PRO, at(2026, 1, 31), PRO_MONTHLY),
        Tier.PREMIUM,
        "monthly",
        PREMIUM_MONTHLY,
        now,
    )
    assert change.kind == "upgrade"
    assert change.started
    assert change.period_start == now
    assert change.period_end == at(2026, 2, 20, 19, 35, 30)


def test_upgrade_from_a_yearly_pro_to_a_monthly_premium() -> None:
    # 183 unused days * (190/365) / (49/30) = 58.3226... days = 58 d 07:44:34.08.
    now = at(2026, 7, 2)
    change = change_for(
        running(Tier.PRO, at(2027, 1, 1), PRO_YEARLY), Tier.PREMIUM, "monthly", PREMIUM_MONTHLY, now
    )
    assert change.period_end == at(2026, 9, 28, 7, 44, 34)


def test_upgrade_from_a_monthly_pro_to_a_yearly_premium() -> None:
    # 20 unused days * (19/30) / (490/365) = 9.4353... days = 9 d 10:26:56.33.
    now = at(2026, 1, 11)
    change = change_for(
        running(Tier.PRO, at(2026, 1, 31), PRO_MONTHLY), Tier.PREMIUM, "yearly", PREMIUM_YEARLY, now
    )
    assert change.period_end == at(2027, 1, 20, 10, 26, 56)


def test_upgrade_during_grace_converts_nothing() -> None:
    now = at(2026, 2, 2)
    change = change_for(
        running(Tier.PRO, at(2026, 1, 31), PRO_MONTHLY),
        Tier.PREMIUM,
        "monthly",
        PREMIUM_MONTHLY,
        now,
    )
    assert (change.kind, change.period_end) == ("upgrade", at(2026, 3, 4))


def test_an_admin_grant_is_worth_the_monthly_price() -> None:
    assert grant_daily_price(PLANS, Tier.PRO) == DailyPrice(Decimal("19.00"), 30)
    # 30 granted pro days left -> 30 * 19/49 days of premium, truncated to whole seconds.
    converted = converted_time(
        timedelta(days=30), grant_daily_price(PLANS, Tier.PRO), PREMIUM_MONTHLY
    )
    assert converted == timedelta(days=11, seconds=54661)  # 11.6326530... days


def test_conversion_truncates_to_whole_seconds() -> None:
    unused = timedelta(seconds=49, microseconds=999_999)
    assert converted_time(unused, PREMIUM_MONTHLY, PREMIUM_MONTHLY) == timedelta(seconds=49)
    assert converted_time(timedelta(seconds=-5), PRO_MONTHLY, PREMIUM_MONTHLY) == timedelta(0)


def test_downgrade_waits_for_the_end_of_the_paid_period() -> None:
    now = at(2026, 2, 10)
    change = change_for(
        running(Tier.PREMIUM, at(2026, 3, 1), PREMIUM_MONTHLY),
        Tier.PRO,
        "monthly",
        PRO_MONTHLY,
        now,
    )
    assert change.scheduled
    assert (change.period_start, change.period_end, change.started) == (
        at(2026, 3, 1),
        at(2026, 3, 31),
        False,
    )


def test_downgrade_from_a_premium_in_grace_starts_now() -> None:
    now = at(2026, 3, 2)
    change = change_for(
        running(Tier.PREMIUM, at(2026, 3, 1), PREMIUM_MONTHLY),
        Tier.PRO,
        "monthly",
        PRO_MONTHLY,
        now,
    )
    assert (change.kind, change.period_start, change.period_end) == ("new", now, at(2026, 4, 1))


def test_lifetime_of_the_same_or_higher_tier_is_left_alone() -> None:
    now = at(2026, 1, 10)
    for tier, paid in (
        (Tier.PRO, Tier.PRO),
        (Tier.PREMIUM, Tier.PRO),
        (Tier.PREMIUM, Tier.PREMIUM),
    ):
        change = change_for(running(tier, None, PRO_MONTHLY), paid, "monthly", PRO_MONTHLY, now)
        assert change.kind == "lifetime"
    # A lifetime pro buying premium: premium from now, nothing unused to convert.
    upgrade = change_for(
        running(Tier.PRO, None, PRO_MONTHLY), Tier.PREMIUM, "monthly", PREMIUM_MONTHLY, now
    )
    assert (upgrade.kind, upgrade.period_end) == ("upgrade", at(2026, 2, 9))


def test_refund_rule_three_cases() -> None:
    assert refund_effect(7, funded_by_payment_id=7, scheduled_payment_id=None) == "suspend"
    assert refund_effect(8, funded_by_payment_id=7, scheduled_payment_id=8) == "clear_schedule"
    assert refund_effect(6, funded_by_payment_id=7, scheduled_payment_id=8) == "none"
    assert refund_effect(6, funded_by_payment_id=None, scheduled_payment_id=None) == "none"


def test_cancelled_subscription_is_free_exactly_at_its_end() -> None:
    end = at(2026, 3, 1)
    cancelled = Subscription(plan="pro", status="cancelled", expires_at=end, grace_days=3)
    assert tier_from_subscription(cancelled, end - timedelta(microseconds=1)) == Tier.PRO
    assert tier_from_subscription(cancelled, end) == Tier.FREE
    active = Subscription(plan="pro", status="active", expires_at=end, grace_days=3)
    assert tier_from_subscription(active, end) == Tier.PRO  # only active keeps grace days


def test_amount_and_currency_must_equal_the_price() -> None:
    price = Decimal("19.00")
    assert amount_mismatch(Decimal("19"), "usd", price) is None
    assert (
        amount_mismatch(Decimal("10"), "USD", price)
        == "amount 10.00 USD does not match the price 19.00 USD"
    )
    assert (
        amount_mismatch(Decimal("19.00"), "EUR", price)
        == "amount 19.00 EUR does not match the price 19.00 USD"
    )
    assert amount_mismatch(None, None, price) == "no amount or currency in the event"
