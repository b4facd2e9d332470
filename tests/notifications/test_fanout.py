"""The fan-out of a signal to 1,000 users of mixed tiers and preferences, the free tier's
delay, re-runs, and freshness."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.notifications.eligibility import zone_of
from cryptolens.notifications.models import UserNotification
from cryptolens.settings import Settings
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import PUBLIC_URL, UserSpec, add_signal, add_users, deliveries

TITLE = "LONG BTC/USDT · FVG 4h · 3 TF"


def mixed_specs(count: int, tokyo_hour: int) -> tuple[list[UserSpec], list[str | None]]:
    """Ten kinds of user in turn, with the reason each should be skipped (None: pushed;
    "delayed": pushed 10 minutes late)."""
    quiet_now = {"quiet_start": tokyo_hour, "quiet_end": (tokyo_hour + 1) % 24}
    kinds: list[tuple[UserSpec, str | None]] = [
        (UserSpec(tier="free"), "delayed"),
        (UserSpec(tier="pro"), None),
        (UserSpec(tier="premium", timezone="Europe/Berlin"), None),
        (UserSpec(preferences={"directions": "short"}), "direction_filtered"),
        (UserSpec(preferences={"min_confluence": 4}), "confluence_below_minimum"),
        (UserSpec(tier="pro", watchlist=("ETH/USDT",)), "symbol_not_in_tier"),
        (UserSpec(is_active=False), "inactive"),
        (UserSpec(is_verified=False), "unverified"),
        (UserSpec(timezone="Asia/Tokyo", preferences=quiet_now), "quiet_hours"),
        (UserSpec(tier="pro", preferences={"enabled": False}), "notifications_off"),
    ]
    chosen = [kinds[index % len(kinds)] for index in range(count)]
    return [spec for spec, _ in chosen], [reason for _, reason in chosen]


async def test_one_signal_reaches_each_entitled_user_once(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    tokyo_hour = clock.now().astimezone(zone_of("Asia/Tokyo")).hour
    specs, expected = mixed_specs(1000, tokyo_hour)
    users = await add_users(session_factory, specs, clock.now())
    signal_id = await add_signal(session_factory, clock.now())

    await jobs.run("notify_signal", signal_id=signal_id)

    rows = await deliveries(session_factory, signal_id)
    assert len(rows) == 1000
    paired = list(zip(users, expected, strict=True))
    pushed_now = {user.ntfy_topic for user, reason in paired if reason is None}
    assert Counter(message["topic"] for message in ntfy.published) == dict.fromkeys(pushed_now, 1)
    for message in ntfy.published:
        assert message["title"] == TITLE
        assert message["click"] == f"{PUBLIC_URL}/signals/{signal_id}"
        assert message["tags"] == ["chart_with_upwards_trend", "btc"]
        assert "Entry: 64,000.00" in message["message"]
        assert "Setup hit rate: 62%" in message["message"]
        assert message["actions"][1]["url"].startswith(f"{PUBLIC_URL}/api/v1/notifications/mute?")
    for user, reason in zip(users, expected, strict=True):
        row = rows[user.id]
        if reason is None:
            assert (row.status, row.attempts, row.reason) == ("sent", 1, None)
            assert row.sent_at == clock.now() and row.ntfy_message_id
        elif reason == "delayed":
            assert (row.status, row.attempts) == ("queued", 0)
            assert row.send_after == clock.now() + timedelta(minutes=10)
        else:
            assert (row.status, row.reason) == ("skipped", reason), user.id
    # Free users: one deferred delivery each, ten minutes out.
    assert jobs.delays() == [600.0] * 100

    # A second run (a retried or duplicated job) adds no row and sends nothing.
    await jobs.run("notify_signal", signal_id=signal_id)
    assert len(ntfy.published) == len(pushed_now)
    assert len(jobs.held) == 100
    assert len(await deliveries(session_factory, signal_id)) == 1000

    # Ten minutes later the free users get theirs.
    assert await jobs.advance(timedelta(minutes=10)) == 100
    free_topics = {user.ntfy_topic for user, reason in paired if reason == "delayed"}
    assert {m["topic"] for m in ntfy.published} == pushed_now | free_topics
    assert len(ntfy.published) == len(pushed_now) + len(free_topics)
    rows = await deliveries(session_factory, signal_id)
    assert Counter(row.status for row in rows.values()) == {"sent": 300, "skipped": 700}


async def test_a_delayed_push_falling_in_quiet_hours_is_skipped(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    # Quiet from the next hour in Tokyo; the free delay lands in it only if the hour turns
    # within ten minutes, so put the clock five minutes before the hour.
    clock.set(clock.now().replace(minute=55, second=0))
    hour = (clock.now().astimezone(zone_of("Asia/Tokyo")).hour + 1) % 24
    [sleeper] = await add_users(
        session_factory,
        [
            UserSpec(
                tier="free",
                timezone="Asia/Tokyo",
                preferences={"quiet_start": hour, "quiet_end": (hour + 8) % 24},
            )
        ],
        clock.now(),
    )
    signal_id = await add_signal(session_factory, clock.now())
    await jobs.run("notify_signal", signal_id=signal_id)
    assert (await deliveries(session_factory, signal_id))[sleeper.id].status == "queued"

    await jobs.advance(timedelta(minutes=10))
    row = (await deliveries(session_factory, signal_id))[sleeper.id]
    assert (row.status, row.reason) == ("skipped", "quiet_hours")
    assert ntfy.published == []


async def test_an_old_signal_is_not_pushed(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    await add_users(session_factory, [UserSpec()], clock.now())
    fresh_enough = await add_signal(session_factory, clock.now() - timedelta(minutes=9))
    stale = await add_signal(session_factory, clock.now() - timedelta(minutes=11))
    await jobs.run("notify_signal", signal_id=stale)
    assert ntfy.published == [] and await deliveries(session_factory, stale) == {}
    await jobs.run("notify_signal", signal_id=fresh_enough)
    assert len(ntfy.published) == 1


async def test_daily_limits_count_the_users_own_day(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    # 20:00 in New York (UTC-5 in January) is 01:00 UTC the next day.
    clock.set(clock.now().replace(year=2025, month=1, day=16, hour=1, minute=0))
    limited, free = await add_users(
        session_factory,
        [
            UserSpec(timezone="America/New_York", preferences={"daily_limit": 2}),
            UserSpec(tier="free", timezone="America/New_York"),
        ],
        clock.now(),
    )
    reasons: list[tuple[str | None, str | None]] = []
    for _ in range(3):
        signal_id = await add_signal(session_factory, clock.now())
        await jobs.run("notify_signal", signal_id=signal_id)
        rows = await deliveries(session_factory, signal_id)
        reasons.append((rows[limited.id].reason, rows[free.id].reason))
        clock.advance(timedelta(minutes=30))
    assert reasons == [(None, None), (None, "tier_daily_cap"), ("daily_limit", "tier_daily_cap")]

    # Past midnight in New York (05:00 UTC) the count starts again.
    clock.set(clock.now().replace(hour=5, minute=1))
    jobs.held.clear()
    signal_id = await add_signal(session_factory, clock.now())
    await jobs.run("notify_signal", signal_id=signal_id)
    rows = await deliveries(session_factory, signal_id)
    assert (rows[limited.id].status, rows[free.id].status) == ("sent", "queued")


async def test_outcomes_are_recorded_as_the_pushes_complete(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    """At any moment at most `concurrency` pushes have reached NTFY without their row saying
    so: those are all a crash could send twice (tests/notifications/test_fanout_crash.py)."""
    users = await add_users(session_factory, [UserSpec()] * 300, clock.now())
    signal_id = await add_signal(session_factory, clock.now())
    ntfy.delay_s = 0.01
    fan_out = asyncio.create_task(jobs.run("notify_signal", signal_id=signal_id))
    widest_gap = 0
    while not fan_out.done():
        reached = len(ntfy.arrivals)
        async with session_factory() as db:
            recorded = await db.scalar(
                select(func.count()).where(
                    UserNotification.signal_id == signal_id, UserNotification.status == "sent"
                )
            )
        widest_gap = max(widest_gap, reached - (recorded or 0))
        await asyncio.sleep(0.005)
    await fan_out
    assert len(ntfy.published) == len(users)
    assert widest_gap <= test_settings.notifications.concurrency
