"""Subscription expiry warnings: one push per threshold (7, 3, 1 days before the end), the
nearest one crossed, never twice; renewals warn again; pushes off, quiet hours and retryable
answers hold a warning for a later run."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.billing.models import Subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.notifications.eligibility import zone_of
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import PUBLIC_URL, UserSpec, add_users


async def warn(jobs: HeldQueue) -> dict[str, int]:
    outcome = await jobs.run("warn_expiring_subscriptions")
    details: dict[str, int] = outcome.counters.details
    return details


async def ends_in(
    factory: async_sessionmaker[AsyncSession], user_id: int, clock: FrozenClock, left: timedelta
) -> None:
    async with unit_of_work(factory) as db:
        await db.execute(
            update(Subscription)
            .where(Subscription.user_id == user_id)
            .values(expires_at=clock.now() + left)
        )


def titles(ntfy: FakeNtfy, topic: str) -> list[str]:
    return [message["title"] for message in ntfy.published if message["topic"] == topic]


async def test_each_threshold_warns_once_nearest_first(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    soon, later, far, forever = await add_users(
        session_factory,
        [
            UserSpec(tier="pro"),
            UserSpec(tier="premium"),
            UserSpec(tier="pro"),
            UserSpec(tier="pro"),
        ],
        clock.now(),
    )
    await ends_in(session_factory, soon.id, clock, timedelta(days=5, hours=1))
    await ends_in(session_factory, later.id, clock, timedelta(hours=20))
    await ends_in(session_factory, far.id, clock, timedelta(days=7, hours=1))

    assert await warn(jobs) == {"due": 2, "sent": 2, "failed": 0, "held": 0}
    assert titles(ntfy, soon.ntfy_topic) == ["Your CryptoLens Pro plan ends in 5 days"]
    assert titles(ntfy, later.ntfy_topic) == ["Your CryptoLens Premium plan ends within a day"]
    [message] = [m for m in ntfy.published if m["topic"] == soon.ntfy_topic]
    assert message["click"] == f"{PUBLIC_URL}/billing"
    # An admin grant without an end, and an end 7 days and an hour away: nothing yet.
    assert titles(ntfy, far.ntfy_topic) == titles(ntfy, forever.ntfy_topic) == []

    assert await warn(jobs) == {"due": 0, "sent": 0, "failed": 0, "held": 0}
    clock.advance(timedelta(hours=2))  # `far` crosses 7 days
    assert (await warn(jobs))["sent"] == 1
    clock.advance(timedelta(days=2))  # `soon` crosses 3 days; `later` has ended
    assert (await warn(jobs))["sent"] == 1
    assert titles(ntfy, soon.ntfy_topic)[-1] == "Your CryptoLens Pro plan ends in 3 days"
    clock.advance(timedelta(days=2))  # `soon` crosses 1 day
    await warn(jobs)
    assert len(titles(ntfy, soon.ntfy_topic)) == 3
    assert len(titles(ntfy, later.ntfy_topic)) == 1


async def test_a_renewal_warns_again_for_the_new_end(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    [user] = await add_users(session_factory, [UserSpec(tier="pro")], clock.now())
    await ends_in(session_factory, user.id, clock, timedelta(days=2))
    assert (await warn(jobs))["sent"] == 1
    await ends_in(session_factory, user.id, clock, timedelta(days=2, hours=1))  # renewed
    assert (await warn(jobs))["sent"] == 1
    assert len(titles(ntfy, user.ntfy_topic)) == 2


async def test_held_by_quiet_hours_pushes_off_and_server_errors(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    clock.set(clock.now().replace(minute=30))
    hour = clock.now().astimezone(zone_of("Asia/Tokyo")).hour
    sleeper, silent, unlucky = await add_users(
        session_factory,
        [
            UserSpec(
                tier="pro",
                timezone="Asia/Tokyo",
                preferences={"quiet_start": hour, "quiet_end": (hour + 1) % 24},
            ),
            UserSpec(tier="pro", preferences={"enabled": False}),
            UserSpec(tier="pro"),
        ],
        clock.now(),
    )
    for user in (sleeper, silent, unlucky):
        await ends_in(session_factory, user.id, clock, timedelta(days=3))
    ntfy.script(503)
    assert await warn(jobs) == {"due": 3, "sent": 0, "failed": 0, "held": 3}
    assert ntfy.published == []

    clock.advance(timedelta(hours=1))  # quiet hours over; the server answers again
    # The user with pushes off stays unwarned (and due) for as long as they keep them off.
    assert await warn(jobs) == {"due": 3, "sent": 2, "failed": 0, "held": 1}
    assert sorted(m["topic"] for m in ntfy.published) == sorted(
        [sleeper.ntfy_topic, unlucky.ntfy_topic]
    )


async def test_a_refused_warning_is_recorded_failed_not_retried(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    [user] = await add_users(session_factory, [UserSpec(tier="pro")], clock.now())
    await ends_in(session_factory, user.id, clock, timedelta(days=6))
    ntfy.script(400)
    assert await warn(jobs) == {"due": 1, "sent": 0, "failed": 1, "held": 0}
    assert await warn(jobs) == {"due": 0, "sent": 0, "failed": 0, "held": 0}
