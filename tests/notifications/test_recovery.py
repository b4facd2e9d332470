"""The sweep resumes deliveries whose next attempt was lost with a process (a restart of the
embedded mode drops its deferred jobs; a worker can die between a commit and an enqueue or in
the middle of a send): never one whose sender still holds its lease, a dead sender's as soon
as the lease runs out (a sweep is queued for that moment); it finishes as failed a delivery
whose last attempt died, and gives up rows far too old."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.notifications.config import DELIVERY_LEASE
from cryptolens.notifications.models import UserNotification
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import UserSpec, add_signal, add_users, deliveries

NOTHING = {"resumed": 0, "expired": 0, "failed": 0}


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

    # The retry is a minute late at 1:05; the free delay is not due before 10:00.
    clock.advance(timedelta(minutes=1))
    assert await sweep(jobs) == NOTHING
    clock.advance(timedelta(seconds=5))
    assert await sweep(jobs) == {**NOTHING, "resumed": 1}
    rows = await deliveries(session_factory, signal_id)
    assert (rows[premium.id].status, rows[premium.id].attempts) == ("sent", 2)
    assert (rows[free.id].status, rows[free.id].attempts) == ("queued", 0)

    clock.advance(timedelta(minutes=10))
    assert await sweep(jobs) == {**NOTHING, "resumed": 1}
    rows = await deliveries(session_factory, signal_id)
    assert (rows[free.id].status, rows[free.id].attempts) == ("sent", 1)
    # Each phone got its push once; a later sweep finds nothing.
    assert sorted(message["topic"] for message in ntfy.published) == sorted(
        [free.ntfy_topic, premium.ntfy_topic]
    )
    assert await sweep(jobs) == NOTHING


async def hold(
    factory: async_sessionmaker[AsyncSession],
    user_id: int,
    *,
    lease_until: datetime | None,
    claimed_at: datetime,
    attempts: int = 1,
) -> None:
    """Makes the user's delivery look claimed by a sender, as of `claimed_at`."""
    async with unit_of_work(factory) as db:
        await db.execute(
            update(UserNotification)
            .where(UserNotification.user_id == user_id)
            .values(
                status="queued",
                claim="a-sender",
                lease_until=lease_until,
                last_attempt_at=claimed_at,
                attempts=attempts,
            )
        )


async def test_a_sender_holding_its_lease_is_left_alone_a_dead_ones_work_taken_over(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    live, dead, unleased = await add_users(
        session_factory, [UserSpec(), UserSpec(), UserSpec()], clock.now()
    )
    signal_id = await add_signal(session_factory, clock.now())
    ntfy.script(500, 500, 500)
    await jobs.run("notify_signal", signal_id=signal_id)
    jobs.held.clear()
    clock.advance(timedelta(minutes=1))
    now = clock.now()
    await hold(session_factory, live.id, lease_until=now + timedelta(seconds=3), claimed_at=now)
    await hold(session_factory, dead.id, lease_until=now, claimed_at=now - timedelta(seconds=20))
    # Claimed before leases existed: judged by the attempt's age (10 minutes).
    await hold(
        session_factory, unleased.id, lease_until=None, claimed_at=now - timedelta(minutes=9)
    )
    assert await sweep(jobs) == {**NOTHING, "resumed": 1}
    rows = await deliveries(session_factory, signal_id)
    assert (rows[live.id].status, rows[live.id].attempts) == ("queued", 1)
    assert (rows[dead.id].status, rows[dead.id].attempts, rows[dead.id].claim) == ("sent", 2, None)
    assert [message["topic"] for message in ntfy.published] == [dead.ntfy_topic]

    clock.advance(timedelta(minutes=1))
    assert await sweep(jobs) == {**NOTHING, "resumed": 2}
    rows = await deliveries(session_factory, signal_id)
    assert {row.status for row in rows.values()} == {"sent"}
    assert sorted(message["topic"] for message in ntfy.published) == sorted(
        user.ntfy_topic for user in (live, dead, unleased)
    )


async def test_a_delivery_whose_last_attempt_died_with_its_sender_is_failed(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    fifth, sixth = await add_users(session_factory, [UserSpec(), UserSpec()], clock.now())
    signal_id = await add_signal(session_factory, clock.now())
    ntfy.script(500, 500)
    await jobs.run("notify_signal", signal_id=signal_id)
    jobs.held.clear()
    clock.advance(timedelta(minutes=8))
    now = clock.now()
    for user, attempts in ((fifth, 5), (sixth, 6)):
        await hold(session_factory, user.id, lease_until=now, claimed_at=now, attempts=attempts)
    # The fifth attempt is tried again (the sixth and last); the sixth had none left.
    assert await sweep(jobs) == {**NOTHING, "resumed": 1, "failed": 1}
    rows = await deliveries(session_factory, signal_id)
    assert (rows[fifth.id].status, rows[fifth.id].attempts) == ("sent", 6)
    assert (rows[sixth.id].status, rows[sixth.id].reason) == ("failed", "retries_exhausted")
    assert [message["topic"] for message in ntfy.published] == [fifth.ntfy_topic]


async def test_each_lease_queues_a_sweep_for_when_it_runs_out(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    [user] = await add_users(session_factory, [UserSpec()], clock.now())
    signal_id = await add_signal(session_factory, clock.now())
    await jobs.run("notify_signal", signal_id=signal_id)
    [watchdog] = jobs.watchdogs
    waits = watchdog.due_at - clock.now().timestamp()
    assert DELIVERY_LEASE.total_seconds() < waits <= DELIVERY_LEASE.total_seconds() + 6
    # The sender recorded its push: when the lease would have run out, nothing is left.
    clock.advance(timedelta(seconds=waits))
    [outcome] = await jobs.run_watchdogs()
    assert outcome.counters.details == NOTHING
    assert (await deliveries(session_factory, signal_id))[user.id].status == "sent"


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
    assert await sweep(jobs) == {**NOTHING, "expired": 1}
    row = (await deliveries(session_factory, signal_id))[user.id]
    assert (row.status, row.reason, row.claim) == ("skipped", "expired", None)
    assert ntfy.published == []
