"""The notification runtime settings take effect at the next fan-out (admin.md "Runtime
settings"): notifications_enabled false pushes nothing (the fake NTFY receives nothing, and a
delayed free-tier push due meanwhile is skipped); notify_max_age_minutes decides which
signals are fresh enough to push."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.settings import Settings
from cryptolens.system.runtime import service as runtime
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue, jobs, ntfy, test_settings
from tests.notifications.factories import UserSpec, add_signal, add_users, deliveries

__all__ = ["jobs", "ntfy", "test_settings"]


async def _store(
    factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    clock: FrozenClock,
    key: str,
    value: Any,
) -> None:
    async with unit_of_work(factory) as session:
        await runtime.change_setting(session, settings, key, value, admin_id=None, now=clock.now())


async def _reset(factory: async_sessionmaker[AsyncSession], settings: Settings, key: str) -> None:
    async with unit_of_work(factory) as session:
        await runtime.reset_setting(session, settings, key)


async def test_notifications_switched_off_push_nothing(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
) -> None:
    users = await add_users(
        session_factory, [UserSpec(tier="premium"), UserSpec(tier="free")], clock.now()
    )
    # While on: the premium user gets the push now, the free user's is held ten minutes.
    first = await add_signal(session_factory, clock.now())
    await jobs.run("notify_signal", signal_id=first)
    assert [message["topic"] for message in ntfy.published] == [users[0].ntfy_topic]
    assert jobs.delays() == [600.0]

    await _store(session_factory, test_settings, clock, "notifications_enabled", False)
    second = await add_signal(session_factory, clock.now(), symbol="ETH/USDT")
    outcome = await jobs.run("notify_signal", signal_id=second)
    assert outcome.counters.details["switched_off"] == 1
    assert await deliveries(session_factory, second) == {}
    # The free user's delayed push comes due while off: skipped, not sent.
    assert await jobs.advance(timedelta(minutes=10)) == 1
    assert len(ntfy.published) == 1
    held = (await deliveries(session_factory, first))[users[1].id]
    assert (held.status, held.reason) == ("skipped", "pushes_switched_off")

    # Switched on again: the next fan-out pushes.
    await _reset(session_factory, test_settings, "notifications_enabled")
    third = await add_signal(session_factory, clock.now(), symbol="SOL/USDT")
    await jobs.run("notify_signal", signal_id=third)
    assert [message["topic"] for message in ntfy.published][1:] == [users[0].ntfy_topic]


async def test_notify_max_age_minutes_decides_what_is_fresh(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
) -> None:
    [user] = await add_users(session_factory, [UserSpec(tier="premium")], clock.now())
    five_minutes_ago = clock.now() - timedelta(minutes=5)

    await _store(session_factory, test_settings, clock, "notify_max_age_minutes", 4)
    old = await add_signal(session_factory, five_minutes_ago)
    outcome = await jobs.run("notify_signal", signal_id=old)
    assert outcome.counters.details["stale"] == 1
    assert ntfy.published == []

    # Back to the default (10 minutes): a signal as old is pushed.
    await _reset(session_factory, test_settings, "notify_max_age_minutes")
    fresh = await add_signal(session_factory, five_minutes_ago, symbol="ETH/USDT")
    outcome = await jobs.run("notify_signal", signal_id=fresh)
    assert outcome.counters.details["stale"] == 0
    assert [message["topic"] for message in ntfy.published] == [user.ntfy_topic]
