"""The sweep resumes deliveries whose next attempt was lost with a process (a restart of the
embedded mode drops its deferred jobs; a worker can die between a commit and an enqueue or in
the middle of a send), never one that is being sent now, and gives up rows far too old."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.notifications.models import UserNotification
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import UserSpec, add_signal, add_users, deliveries


async def sweep(jobs: HeldQueue) -> dict[str, int]:
    """Runs the sweep and the attempts it enqueued, to the end."""
    already = len(jobs.started)
    outcome = await jobs.run("resume_deliveries")
    for job_id in jobs.started[already + 1 :]:
        await jobs.runner.wait_for(job_id)
    details: dict[str, int] = outcome.counters.details
    return details


async def test_lost_retries_and_delays_are_resumed_once_they_are_late(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    free, premium = await add_users(
        session_factory, [UserSpec(tier="free"), UserSpec(tier="premium")], clock.now()
    )
    signal_id = await add_signal(session_factory, clock.now())
    ntfy.script(500)  # the premium push fails once: a retry in 5 s
    await jobs.run("notify_signal", signal_id=signal_id)
    assert sorted(jobs.delays()) == [5.0, 600.0]
    jobs.held.clear()  # the process restarts: its in-memory deferred jobs are gone

    # The retry is 2 min late at 2:05; the free delay is not due before 10:00.
    clock.advance(timedelta(minutes=2))
    assert await sweep(jobs) == {"resumed": 0, "expired": 0}
    clock.advance(timedelta(seconds=5))
    assert await sweep(jobs) == {"resumed": 1, "expired": 0}
    rows = await deliveries(session_factory, signal_id)
    assert (rows[premium.id].status, rows[premium.id].attempts) == ("sent", 2)
    assert (rows[free.id].status, rows[free.id].attempts) == ("queued", 0)

    clock.advance(timedelta(minutes=10))
    assert await sweep(jobs) == {"resumed": 1, "expired": 0}
    rows = await deliveries(session_factory, signal_id)
    assert (rows[free.id].status, rows[free.id].attempts) == ("sent", 1)
    # Each phone got its push once; a later sweep finds nothing.
    assert sorted(message["topic"] for message in ntfy.published) == sorted(
        [free.ntfy_topic, premium.ntfy_topic]
    )
    assert await sweep(jobs) == {"resumed": 0, "expired": 0}


async def test_a_send_in_flight_is_left_alone_an_abandoned_one_resumed(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    users = await add_users(session_factory, [UserSpec(), UserSpec()], clock.now())
    signal_id = await add_signal(session_factory, clock.now())
    ntfy.script(500, 500)
    await jobs.run("notify_signal", signal_id=signal_id)
    jobs.held.clear()
    # Both rows look claimed by a sender; one claimed a minute ago, one 11 minutes ago.
    clock.advance(timedelta(minutes=11))
    claimed_at = {
        users[0].id: clock.now() - timedelta(minutes=1),
        users[1].id: clock.now() - timedelta(minutes=11),
    }
    async with unit_of_work(session_factory) as db:
        for user_id, at in claimed_at.items():
            await db.execute(
                update(UserNotification)
                .where(UserNotification.user_id == user_id)
                .values(claim="worker-that-died", last_attempt_at=at)
            )
    assert await sweep(jobs) == {"resumed": 1, "expired": 0}
    rows = await deliveries(session_factory, signal_id)
    assert (rows[users[0].id].status, rows[users[0].id].attempts) == ("queued", 1)
    assert (rows[users[1].id].status, rows[users[1].id].attempts) == ("sent", 2)
    assert [message["topic"] for message in ntfy.published] == [users[1].ntfy_topic]


async def test_rows_older_than_any_schedule_are_given_up(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    [user] = await add_users(session_factory, [UserSpec(tier="free")], clock.now())
    signal_id = await add_signal(session_factory, clock.now())
    await jobs.run("notify_signal", signal_id=signal_id)
    jobs.held.clear()
    # Back after a long outage: the signal is 41 minutes old (push age limit 10 + 30).
    clock.advance(timedelta(minutes=41))
    assert await sweep(jobs) == {"resumed": 0, "expired": 1}
    row = (await deliveries(session_factory, signal_id))[user.id]
    assert (row.status, row.reason, row.claim) == ("skipped", "expired", None)
    assert ntfy.published == []
