"""What NTFY's answers do to a delivery: retries on the spec's schedule as deferred jobs,
immediate failure on other 4xx, timeouts, a 429 wave slowing the fan-out, the token."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.notifications.metrics import NOTIFICATIONS_SENT
from cryptolens.settings import Settings
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import UserSpec, add_signal, add_users, deliveries


def sent_total(status: str) -> float:
    value: float = NOTIFICATIONS_SENT.labels(status=status)._value.get()
    return value


async def one_user_signal(
    factory: async_sessionmaker[AsyncSession], clock: FrozenClock
) -> tuple[int, int]:
    [user] = await add_users(factory, [UserSpec()], clock.now())
    return user.id, await add_signal(factory, clock.now())


async def test_a_server_error_is_retried_later_then_delivered(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    user_id, signal_id = await one_user_signal(session_factory, clock)
    ntfy.script(500)
    sent_before = sent_total("sent")
    await jobs.run("notify_signal", signal_id=signal_id)
    row = (await deliveries(session_factory, signal_id))[user_id]
    assert (row.status, row.attempts, row.http_status) == ("queued", 1, 500)
    assert jobs.delays() == [5.0]

    # Not yet due: nothing runs. Then the retry goes out and succeeds.
    assert await jobs.advance(timedelta(seconds=4)) == 0
    assert await jobs.advance(timedelta(seconds=1)) == 1
    row = (await deliveries(session_factory, signal_id))[user_id]
    assert (row.status, row.attempts, row.http_status) == ("sent", 2, 200)
    assert [request.status for request in ntfy.requests] == [500, 200]
    assert len(ntfy.published) == 1 and jobs.held == []
    assert sent_total("sent") == sent_before + 1


async def test_a_client_error_fails_at_once(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    user_id, signal_id = await one_user_signal(session_factory, clock)
    ntfy.script(400)
    await jobs.run("notify_signal", signal_id=signal_id)
    row = (await deliveries(session_factory, signal_id))[user_id]
    assert (row.status, row.reason, row.attempts) == ("failed", "http_400", 1)
    assert row.ntfy_response is not None and "40001" in row.ntfy_response
    assert jobs.held == [] and len(ntfy.requests) == 1


async def test_retries_follow_the_schedule_then_fail(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    user_id, signal_id = await one_user_signal(session_factory, clock)
    ntfy.script(503, 500, 502, 500, 500, 500)
    await jobs.run("notify_signal", signal_id=signal_id)
    waits: list[float] = []
    while jobs.held:
        [wait] = jobs.delays()
        waits.append(wait)
        await jobs.advance(timedelta(seconds=wait))
    assert waits == [5.0, 15.0, 45.0, 120.0, 300.0]
    row = (await deliveries(session_factory, signal_id))[user_id]
    assert (row.status, row.reason, row.attempts) == ("failed", "retries_exhausted", 6)
    assert len(ntfy.requests) == 6 and ntfy.published == []


async def test_a_duplicate_retry_job_sends_nothing_more(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    user_id, signal_id = await one_user_signal(session_factory, clock)
    ntfy.script(500)
    await jobs.run("notify_signal", signal_id=signal_id)
    [held] = jobs.held
    await jobs.advance(timedelta(seconds=5))
    # The same attempt delivered twice by the queue: the row's claim refuses the second.
    await jobs.run("deliver_notification", **held.kwargs)
    assert len(ntfy.published) == 1
    assert (await deliveries(session_factory, signal_id))[user_id].attempts == 2


async def test_a_slow_server_times_out_and_is_retried(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    assert jobs.runner.ctx is not None
    pushes = test_settings.notifications.model_copy(update={"timeout_seconds": 0.5})
    jobs.runner.ctx.settings = test_settings.model_copy(update={"notifications": pushes})
    user_id, signal_id = await one_user_signal(session_factory, clock)
    ntfy.slow(1.5)  # the client gives up after 0.5 s
    await jobs.run("notify_signal", signal_id=signal_id)
    row = (await deliveries(session_factory, signal_id))[user_id]
    assert (row.status, row.attempts) == ("queued", 1)
    assert row.ntfy_response is not None and row.ntfy_response.startswith("timeout")
    await jobs.advance(timedelta(seconds=5))
    row = (await deliveries(session_factory, signal_id))[user_id]
    assert (row.status, row.attempts) == ("sent", 2)


async def test_a_429_wave_holds_back_the_rest_of_the_fan_out(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    users = await add_users(session_factory, [UserSpec()] * 150, clock.now())
    signal_id = await add_signal(session_factory, clock.now())
    ntfy.script(429, 429)
    await jobs.run("notify_signal", signal_id=signal_id)
    # At most the pushes already in flight (concurrency 32) reached the server.
    assert len(ntfy.requests) <= 40
    held_back = [
        row for row in (await deliveries(session_factory, signal_id)).values() if row.attempts == 0
    ]
    assert len(held_back) >= 100
    # They resume gradually after the pause, not all at the same moment.
    delays = jobs.delays()
    assert delays[0] >= 5.0 and delays[-1] - delays[0] >= 2.0
    await jobs.drain()
    rows = await deliveries(session_factory, signal_id)
    assert Counter(row.status for row in rows.values()) == {"sent": 150}
    assert Counter(m["topic"] for m in ntfy.published) == {u.ntfy_topic: 1 for u in users}
    assert sum(request.status == 429 for request in ntfy.requests) == 2


async def test_the_access_token_is_sent_when_set(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    assert jobs.runner.ctx is not None
    pushes = test_settings.notifications.model_copy(update={"ntfy_token": SecretStr("tk_secret")})
    jobs.runner.ctx.settings = test_settings.model_copy(update={"notifications": pushes})
    ntfy.required_token = "tk_secret"
    user_id, signal_id = await one_user_signal(session_factory, clock)
    await jobs.run("notify_signal", signal_id=signal_id)
    assert [request.authorization for request in ntfy.requests] == ["Bearer tk_secret"]
    assert (await deliveries(session_factory, signal_id))[user_id].status == "sent"
