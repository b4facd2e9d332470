"""The eligibility rules, as a pure function of a user, a signal and the moment."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cryptolens.access.tiers import Tier
from cryptolens.access.user_access import UserAccess
from cryptolens.notifications import eligibility as rules
from cryptolens.notifications.alerts import SignalAlert
from cryptolens.notifications.eligibility import (
    Preferences,
    Recipient,
    decide,
    decide_at_send,
    in_quiet_hours,
    local_day_start,
    push_priority,
)
from cryptolens.signals.reads import setup_proof

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)

ALERT = SignalAlert(
    signal_id=1,
    symbol="ETH/USDT",
    direction="long",
    entry=3000.0,
    stop_loss=2950.0,
    take_profit_1=3050.0,
    take_profit_2=3100.0,
    take_profit_3=3150.0,
    risk_reward=2.0,
    confluence=3,
    timeframes=("4h", "15m", "1m"),
    anchor_type="order_block",
    anchor_timeframe="4h",
    strength=2.1,
    setup_hit_rate=None,
    setup_proof=setup_proof(None),  # no statistics: unproven
    created_at=NOW,
)


def recipient(tier: Tier = Tier.PREMIUM, **changes: object) -> Recipient:
    watchlist = changes.pop("watchlist", ())
    base = Recipient(
        user_id=7,
        topic="cl_x",
        timezone="UTC",
        is_active=True,
        is_verified=True,
        access=UserAccess(user_id=7, tier=tier, watchlist=watchlist),  # type: ignore[arg-type]
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def prefs(**changes: object) -> Preferences:
    return replace(Preferences(), **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"is_active": False}, rules.INACTIVE),
        ({"is_verified": False}, rules.UNVERIFIED),
        ({"preferences": prefs(enabled=False)}, rules.DISABLED),
        ({"preferences": prefs(directions="short")}, rules.DIRECTION_FILTERED),
        ({"preferences": prefs(min_confluence=4)}, rules.CONFLUENCE_TOO_LOW),
        ({"preferences": prefs(pattern_types=frozenset({"fvg"}))}, rules.PATTERN_FILTERED),
        ({"preferences": prefs(symbols=frozenset({"BTC/USDT"}))}, rules.SYMBOL_FILTERED),
        ({"muted_symbols": frozenset({"ETH/USDT"})}, rules.MUTED),
        ({"preferences": prefs(only_proven_setups=True)}, rules.SETUP_UNPROVEN),
    ],
)
def test_each_filter_names_its_reason(changes: dict[str, Any], reason: str) -> None:
    assert decide(recipient(**changes), ALERT, NOW, 0).reason == reason


def test_a_proven_setup_passes_the_proven_only_preference() -> None:
    proven = replace(
        ALERT, setup_proof=setup_proof([{"window_days": 90, "resolved": 30, "avg_r": 0.2}])
    )
    picky = recipient(preferences=prefs(only_proven_setups=True))
    assert decide(picky, proven, NOW, 0).eligible
    assert decide_at_send(picky, ALERT, NOW).reason == rules.SETUP_UNPROVEN


def test_a_premium_user_with_defaults_gets_it_at_once() -> None:
    decision = decide(recipient(), ALERT, NOW, 10_000)
    assert decision.eligible and decision.delay == timedelta(0)


def test_tier_decides_symbols_and_pattern_types() -> None:
    assert decide(recipient(Tier.FREE), ALERT, NOW, 0).reason == rules.SYMBOL_NOT_IN_TIER
    btc_ob = replace(ALERT, symbol="BTC/USDT")
    assert decide(recipient(Tier.FREE), btc_ob, NOW, 0).reason == rules.PATTERN_NOT_IN_TIER
    btc_fvg = replace(btc_ob, anchor_type="fvg")
    free = decide(recipient(Tier.FREE), btc_fvg, NOW, 0)
    assert free.eligible and free.delay == timedelta(minutes=10)
    # A pro user follows their watchlist.
    assert decide(recipient(Tier.PRO, watchlist=("ETH/USDT",)), ALERT, NOW, 0).eligible
    assert decide(recipient(Tier.PRO, watchlist=("SOL/USDT",)), ALERT, NOW, 0).reason == (
        rules.SYMBOL_NOT_IN_TIER
    )


def test_daily_limits_own_and_tier_cap() -> None:
    pro = recipient(Tier.PRO, watchlist=("ETH/USDT",))
    assert decide(pro, ALERT, NOW, 19).eligible
    assert decide(pro, ALERT, NOW, 20).reason == rules.TIER_CAP
    capped = replace(pro, preferences=prefs(daily_limit=5))
    assert decide(capped, ALERT, NOW, 4).eligible
    assert decide(capped, ALERT, NOW, 5).reason == rules.DAILY_LIMIT
    free = recipient(Tier.FREE)
    btc_fvg = replace(ALERT, symbol="BTC/USDT", anchor_type="fvg")
    assert decide(free, btc_fvg, NOW, 1).reason == rules.TIER_CAP
    # Premium: the user's own limit only.
    assert decide(recipient(preferences=prefs(daily_limit=3)), ALERT, NOW, 3).reason == (
        rules.DAILY_LIMIT
    )


def test_quiet_hours_span_midnight_in_the_users_timezone() -> None:
    # Berlin is UTC+1 in winter: 22:00 local is 21:00 UTC, 07:00 local is 06:00 UTC.
    zone = "Europe/Berlin"

    def at(hour: int, minute: int = 0) -> datetime:
        return datetime(2025, 1, 15, hour, minute, tzinfo=UTC)

    assert not in_quiet_hours(22, 7, zone, at(20, 59))
    assert in_quiet_hours(22, 7, zone, at(21, 0))
    assert in_quiet_hours(22, 7, zone, at(23, 30))
    assert in_quiet_hours(22, 7, zone, at(5, 59))
    assert not in_quiet_hours(22, 7, zone, at(6, 0))
    # Same day span, and start == end meaning none.
    assert in_quiet_hours(9, 17, "UTC", at(9)) and not in_quiet_hours(9, 17, "UTC", at(17))
    assert not in_quiet_hours(5, 5, zone, at(4))
    sleeper = recipient(timezone=zone, preferences=prefs(quiet_start=22, quiet_end=7))
    assert decide(sleeper, ALERT, at(23), 0).reason == rules.QUIET_HOURS
    assert decide_at_send(sleeper, ALERT, at(23)).reason == rules.QUIET_HOURS
    assert decide(sleeper, ALERT, at(12), 0).eligible


def test_the_day_starts_at_local_midnight() -> None:
    # 23:30 UTC on the 14th is 08:30 on the 15th in Tokyo, whose day began at 15:00 UTC.
    moment = datetime(2025, 1, 14, 23, 30, tzinfo=UTC)
    assert local_day_start("Asia/Tokyo", moment) == datetime(2025, 1, 14, 15, 0, tzinfo=UTC)
    assert local_day_start("America/New_York", moment) == datetime(2025, 1, 14, 5, 0, tzinfo=UTC)
    assert local_day_start("Not/AZone", moment) == datetime(2025, 1, 14, 0, 0, tzinfo=UTC)


def test_priority_rises_with_confluence_and_is_capped() -> None:
    assert push_priority(prefs(priority=3), 3) == 3
    assert push_priority(prefs(priority=3), 4) == 4
    assert push_priority(prefs(priority=5), 6) == 5
