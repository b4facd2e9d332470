"""Retention: skipped deliveries (one per user and signal) are purged after a week, the
user's sent and failed history after 90 days, lapsed mutes at once; queued rows stay."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.notifications import repository
from cryptolens.notifications.models import NotificationMute
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import UserSpec, add_signal, add_users, deliveries


async def cleanup(jobs: HeldQueue) -> int:
    outcome = await jobs.run("expire_and_cleanup")
    deleted: int = outcome.counters.details["deliveries_deleted"]
    return deleted


async def test_skipped_rows_go_after_a_week_the_history_after_ninety_days(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    users = await add_users(
        session_factory,
        [UserSpec(), UserSpec(preferences={"enabled": False}), UserSpec(tier="free")],
        clock.now(),
    )
    signal_id = await add_signal(session_factory, clock.now())
    await jobs.run("notify_signal", signal_id=signal_id)
    jobs.held.clear()  # the free user's delivery stays queued (the sweep's business)
    statuses = {
        user_id: row.status
        for user_id, row in (await deliveries(session_factory, signal_id)).items()
    }
    assert Counter(statuses.values()) == {"sent": 1, "skipped": 1, "queued": 1}
    async with unit_of_work(session_factory) as db:
        await repository.mute_symbol(db, users[0].id, "BTC/USDT", clock.now() + timedelta(days=1))

    clock.advance(timedelta(days=6, hours=23))
    assert await cleanup(jobs) == 0
    clock.advance(timedelta(hours=2))
    assert await cleanup(jobs) == 1
    left = await deliveries(session_factory, signal_id)
    assert sorted(row.status for row in left.values()) == ["queued", "sent"]
    async with session_factory() as db:
        assert await db.scalar(select(func.count()).select_from(NotificationMute)) == 0

    clock.advance(timedelta(days=83))
    assert await cleanup(jobs) == 1
    left = await deliveries(session_factory, signal_id)
    assert [row.status for row in left.values()] == ["queued"]
