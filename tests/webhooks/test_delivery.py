"""Events to endpoints over real loopback HTTP: signed bodies a Standard Webhooks receiver
accepts, one delivery per (event, endpoint), retries on the schedule as deferred jobs, the
final failure, the attempt guard, the in-flight cap and the rechecks of every attempt."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth.models import User
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.settings import Settings
from cryptolens.webhooks.models import WebhookDelivery
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import UserSpec, add_users
from tests.webhooks.conftest import (
    ATTEMPT,
    add_endpoint,
    add_signal,
    attempts_of,
    deliveries_of,
    fan_out,
    settle,
)
from tests.webhooks.receiver import Receiver, verifies

SCHEDULE = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)


async def _owner(factory: async_sessionmaker[AsyncSession], clock: FrozenClock) -> int:
    [user] = await add_users(factory, [UserSpec(tier="premium")], clock.now())
    return user.id


async def test_a_new_signal_is_delivered_signed_once_even_when_fanned_out_twice(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    owner = await _owner(session_factory, clock)
    endpoint = await add_endpoint(session_factory, test_settings, owner, receiver.url, clock.now())
    signal_id = await add_signal(session_factory, clock.now())

    await fan_out(jobs, "signal.created", signal_id, clock.now())
    await settle(jobs)
    await fan_out(jobs, "signal.created", signal_id, clock.now())
    await settle(jobs)

    [delivery] = await deliveries_of(session_factory, endpoint.id)
    assert (delivery.status, delivery.attempts) == ("succeeded", 1)
    [request] = receiver.received
    assert request.message_id == delivery.message_id and delivery.message_id.startswith("msg_")
    assert verifies(endpoint.secret, request, clock.now().timestamp())
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == "CryptoLens-Webhooks/1"
    assert request.body == delivery.body.encode()
    assert b": " not in request.body  # compact
    payload = json.loads(request.body)
    assert payload["type"] == "signal.created" and payload["version"] == 1
    assert payload["timestamp"].endswith("Z") and len(payload["timestamp"]) == 24
    signal = payload["data"]["signal"]
    assert signal["id"] == signal_id and signal["symbol"] == "BTC/USDT"
    assert {"contributing_patterns", "status_history", "setup_stats"} <= set(signal)
    [attempt] = await attempts_of(session_factory, delivery.id)
    assert attempt.kind == "auto" and attempt.succeeded and attempt.status_code == 200
    assert attempt.request_headers["webhook-id"] == delivery.message_id


async def test_a_failed_attempt_is_retried_on_the_schedule_then_delivered_once(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    owner = await _owner(session_factory, clock)
    endpoint = await add_endpoint(session_factory, test_settings, owner, receiver.url, clock.now())
    signal_id = await add_signal(session_factory, clock.now())
    receiver.script(500)

    await fan_out(jobs, "signal.created", signal_id, clock.now())
    await settle(jobs)
    [delivery] = await deliveries_of(session_factory, endpoint.id)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    [delay] = jobs.delays(ATTEMPT)
    assert 4.5 <= delay <= 5.5  # 5 s +- 10 %
    assert delivery.next_attempt_at is not None

    assert await jobs.advance(timedelta(seconds=6)) == 1
    await settle(jobs)
    [delivery] = await deliveries_of(session_factory, endpoint.id)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 2, 200)
    assert not jobs.delays(ATTEMPT)
    first, second = receiver.received
    # The same webhook-id and bytes; a new timestamp and signature.
    assert first.message_id == second.message_id and first.body == second.body
    assert verifies(endpoint.secret, second, clock.now().timestamp())
    assert [a.succeeded for a in await attempts_of(session_factory, delivery.id)] == [False, True]


async def test_eight_failed_attempts_end_the_delivery_failed(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    owner = await _owner(session_factory, clock)
    endpoint = await add_endpoint(session_factory, test_settings, owner, receiver.url, clock.now())
    signal_id = await add_signal(session_factory, clock.now())
    receiver.always(503)

    await fan_out(jobs, "signal.created", signal_id, clock.now())
    await settle(jobs)
    for expected in SCHEDULE[1:]:
        [delay] = jobs.delays(ATTEMPT)
        assert expected * 0.9 <= delay <= expected * 1.1
        await jobs.advance(timedelta(seconds=delay + 1))
        await settle(jobs)

    [delivery] = await deliveries_of(session_factory, endpoint.id)
    assert (delivery.status, delivery.attempts, delivery.reason) == ("failed", 8, None)
    assert delivery.next_attempt_at is None and not jobs.held
    assert len(receiver.received) == 8
    assert len({request.message_id for request in receiver.received}) == 1


async def test_an_attempt_job_run_twice_makes_one_attempt(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    owner = await _owner(session_factory, clock)
    endpoint = await add_endpoint(session_factory, test_settings, owner, receiver.url, clock.now())
    signal_id = await add_signal(session_factory, clock.now())
    await fan_out(jobs, "signal.created", signal_id, clock.now())
    await settle(jobs)
    [delivery] = await deliveries_of(session_factory, endpoint.id)

    # A duplicate of the first attempt's job (a crash and re-enqueue): it finds it taken.
    await jobs.run(ATTEMPT, delivery_id=delivery.id, expected_attempts=0)
    await settle(jobs)
    assert len(receiver.received) == 1
    [again] = await deliveries_of(session_factory, endpoint.id)
    assert again.attempts == 1


async def test_at_most_five_attempts_in_flight_per_endpoint(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    owner = await _owner(session_factory, clock)
    endpoint = await add_endpoint(session_factory, test_settings, owner, receiver.url, clock.now())
    # Five deliveries whose attempts are under way (held by other workers).
    async with unit_of_work(session_factory) as db:
        for index in range(5):
            db.add(
                WebhookDelivery(
                    message_id=f"msg_busy{index}",
                    endpoint_id=endpoint.id,
                    event_key=f"busy:{index}",
                    event_type="signal.created",
                    body="{}",
                    status="pending",
                    attempts=1,
                    in_flight_until=clock.now() + timedelta(seconds=30),
                    created_at=clock.now(),
                )
            )
    signal_id = await add_signal(session_factory, clock.now())
    await fan_out(jobs, "signal.created", signal_id, clock.now())
    await settle(jobs)
    assert receiver.received == []
    [waiting] = jobs.delays(ATTEMPT)
    assert 0 < waiting <= 5
    # The slots free up: the held attempt goes out.
    async with unit_of_work(session_factory) as db:
        await db.execute(update(WebhookDelivery).values(in_flight_until=None))
    await jobs.advance(timedelta(seconds=5))
    await settle(jobs)
    assert len(receiver.received) == 1


async def test_each_attempt_rechecks_the_endpoint_and_its_owner(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    owner = await _owner(session_factory, clock)
    endpoint = await add_endpoint(session_factory, test_settings, owner, receiver.url, clock.now())
    receiver.always(500)
    signal_id = await add_signal(session_factory, clock.now())
    await fan_out(jobs, "signal.created", signal_id, clock.now())
    await settle(jobs)
    # The owner's email is no longer verified before the retry.
    async with unit_of_work(session_factory) as db:
        await db.execute(update(User).where(User.id == owner).values(is_verified=False))
    await jobs.advance(timedelta(seconds=6))
    await settle(jobs)
    [delivery] = await deliveries_of(session_factory, endpoint.id)
    assert (delivery.status, delivery.reason, delivery.attempts) == (
        "failed",
        "owner_ineligible",
        1,
    )
    assert len(receiver.received) == 1 and not jobs.held
