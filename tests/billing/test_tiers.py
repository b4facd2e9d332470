"""The tier table and the tier derived from a subscription (auth-and-tiers.md), as pure rules
on the injected time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cryptolens.access.tiers import TIER_LIMITS, Tier, limits_for
from cryptolens.access.user_access import UserAccess
from cryptolens.billing.models import Subscription
from cryptolens.billing.service import tier_from_subscription
from cryptolens.core.errors import TierRequiredError

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _subscription(
    status: str, expires_in: timedelta | None, plan: str = "pro_monthly"
) -> Subscription:
    return Subscription(
        user_id=1,
        plan=plan,
        status=status,
        started_at=NOW - timedelta(days=30),
        expires_at=None if expires_in is None else NOW + expires_in,
        grace_days=3,
    )


@pytest.mark.parametrize(
    ("status", "expires_in", "tier"),
    [
        ("active", timedelta(days=10), Tier.PRO),
        ("active", None, Tier.PRO),
        # Expired, but within the 3-day grace.
        ("active", -timedelta(days=2, hours=23), Tier.PRO),
        ("active", -timedelta(days=3), Tier.FREE),
        # Cancelled keeps access until expiry, without grace.
        ("cancelled", timedelta(seconds=1), Tier.PRO),
        ("cancelled", -timedelta(seconds=1), Tier.FREE),
        ("expired", timedelta(days=10), Tier.FREE),
        # Suspended loses access at once, even with time left.
        ("suspended", timedelta(days=10), Tier.FREE),
    ],
)
def test_tier_from_subscription(status: str, expires_in: timedelta | None, tier: Tier) -> None:
    assert tier_from_subscription(_subscription(status, expires_in), NOW) == tier


def test_no_subscription_or_unknown_plan_is_free() -> None:
    assert tier_from_subscription(None, NOW) == Tier.FREE
    assert (
        tier_from_subscription(_subscription("active", None, plan="gold_monthly"), NOW) == Tier.FREE
    )
    premium = _subscription("active", None, plan="premium_yearly")
    assert tier_from_subscription(premium, NOW) == Tier.PREMIUM


def test_the_table_matches_the_spec() -> None:
    free, pro, premium = (TIER_LIMITS[tier] for tier in Tier)
    assert (free.fixed_symbols, free.pattern_types) == (("BTC/USDT",), frozenset({"fvg"}))
    assert free.pattern_history.max_age == timedelta(hours=24)
    assert (free.pushes_per_day, free.push_delay) == (1, timedelta(minutes=10))
    assert (free.portfolios, free.trades_per_day, free.statistics) == (0, 0, "summary")
    assert (pro.max_watchlist, pro.pattern_history.max_items, pro.signal_history.max_items) == (
        5,
        100,
        50,
    )
    assert (pro.pushes_per_day, pro.portfolios, pro.trades_per_day) == (20, 1, 5)
    assert not (pro.api_keys or pro.webhooks)
    assert premium.symbol_scope == "all" and premium.pattern_history.is_full
    assert premium.api_keys and premium.webhooks and premium.pushes_per_day is None


def test_access_checks_name_the_tier_needed() -> None:
    free = UserAccess(user_id=1, tier=Tier.FREE)
    assert free.allows_symbol("BTC/USDT") and not free.allows_symbol("ETH/USDT")
    with pytest.raises(TierRequiredError) as denied:
        free.require_symbol("ETH/USDT")
    assert (denied.value.message, denied.value.code, denied.value.status_code) == (
        "Requires pro tier",
        "tier_required",
        403,
    )
    with pytest.raises(TierRequiredError, match="pro"):
        free.require_pattern_type("order_block")
    free.require_pattern_type("fvg")
    assert free.visible_pattern_types(["fvg", "order_block"]) == ["fvg"]

    pro = UserAccess(user_id=2, tier=Tier.PRO, watchlist=("ETH/USDT", "SOL/USDT"))
    assert pro.visible_symbols(["BTC/USDT", "ETH/USDT", "SOL/USDT"]) == ["ETH/USDT", "SOL/USDT"]
    with pytest.raises(TierRequiredError, match="premium"):
        pro.require_symbol("XRP/USDT")
    with pytest.raises(TierRequiredError, match="premium"):
        pro.require_feature("api_keys")
    with pytest.raises(TierRequiredError, match="premium"):
        pro.require_watchlist(["A/USDT", "B/USDT", "C/USDT", "D/USDT", "E/USDT", "F/USDT"])
    pro.require_watchlist(["A/USDT", "B/USDT", "C/USDT", "D/USDT", "E/USDT"])
    # A pro user who picked nothing yet follows what free users follow.
    assert UserAccess(user_id=3, tier=Tier.PRO).followed_symbols == ("BTC/USDT",)

    premium = UserAccess(user_id=4, tier=Tier.PREMIUM)
    assert premium.followed_symbols is None
    premium.require_symbol("ANY/USDT")
    premium.require_feature("webhooks")


def test_history_limits() -> None:
    free = UserAccess(user_id=1, tier=Tier.FREE)
    assert free.history_start("patterns", NOW) == NOW - timedelta(hours=24)
    free.require_history_since("signals", NOW - timedelta(hours=23), NOW)
    with pytest.raises(TierRequiredError, match="pro"):
        free.require_history_since("signals", NOW - timedelta(days=2), NOW)
    pro = UserAccess(user_id=2, tier=Tier.PRO)
    assert pro.history_start("patterns", NOW) is None
    assert pro.pattern_history.max_items == 100 and pro.signal_history.max_items == 50
    assert limits_for(Tier.PREMIUM).signal_history.max_items is None
