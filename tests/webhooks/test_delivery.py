"""Events to endpoints over real loopback HTTP: signed bodies a Standard Webhooks receiver
accepts, one delivery per (event, endpoint), retries on the schedule as deferred jobs, the
final failure, the attempt guard, the in-flight cap and the rechecks of every attempt."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import update

from cryptolens.auth.models import User
from cryptolens.db import unit_of_work
from cryptolens.webhooks.models import WebhookDelivery
from tests.webhooks.conftest import ATTEMPT, Subscribed, attempts_of, settle
from tests.webhooks.receiver import verifies

SCHEDULE = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)


async def test_a_new_signal_is_delivered_signed_once_even_when_fanned_out_twice(
    subscribed: Subscribed,
) -> None:
    receiver, endpoint, clock = subscribed.receiver, subscribed.endpoint, subscribed.clock

    await subscribed.send_signal()
    await subscribed.send_signal()

    [delivery] = await subscribed.deliveries()
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
    assert signal["id"] == subscribed.signal_id and signal["symbol"] == "BTC/USDT"
    assert {"contributing_patterns", "status_history", "setup_stats"} <= set(signal)
    [attempt] = await attempts_of(subscribed.factory, delivery.id)
    assert attempt.kind == "auto" and attempt.succeeded and attempt.status_code == 200
    assert attempt.request_headers["webhook-id"] == delivery.message_id


async def test_a_failed_attempt_is_retried_on_the_schedule_then_delivered_once(
    subscribed: Subscribed,
) -> None:
    receiver, jobs = subscribed.receiver, subscribed.jobs
    receiver.script(500)

    await subscribed.send_signal()
    [delivery] = await subscribed.deliveries()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    [delay] = jobs.delays(ATTEMPT)
    assert 4.5 <= delay <= 5.5  # 5 s +- 10 %
    assert delivery.next_attempt_at is not None

    assert await jobs.advance(timedelta(seconds=6)) == 1
    await settle(jobs)
    [delivery] = await subscribed.deliveries()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 2, 200)
    assert not jobs.delays(ATTEMPT)
    first, second = receiver.received
    # The same webhook-id and bytes; a new timestamp and signature.
    assert first.message_id == second.message_id and first.body == second.body
    assert verifies(subscribed.endpoint.secret, second, subscribed.clock.now().timestamp())
    attempts = await attempts_of(subscribed.factory, delivery.id)
    assert [a.succeeded for a in attempts] == [False, True]


async def test_eight_failed_attempts_end_the_delivery_failed(subscribed: Subscribed) -> None:
    receiver, jobs = subscribed.receiver, subscribed.jobs
    receiver.always(503)

    await subscribed.send_signal()
    for expected in SCHEDULE[1:]:
        [delay] = jobs.delays(ATTEMPT)
        assert expected * 0.9 <= delay <= expected * 1.1
        await jobs.advance(timedelta(seconds=delay + 1))
        await settle(jobs)

    [delivery] = await subscribed.deliveries()
    assert (delivery.status, delivery.attempts, delivery.reason) == ("failed", 8, None)
    assert delivery.next_attempt_at is None and not jobs.held
    assert len(receiver.received) == 8
    assert len({request.message_id for request in receiver.received}) == 1


async def test_an_attempt_job_run_twice_makes_one_attempt(subscribed: Subscribed) -> None:
    jobs = subscribed.jobs
    await subscribed.send_signal()
    [delivery] = await subscribed.deliveries()

    # A duplicate of the first attempt's job (a crash and re-enqueue): it finds it taken.
    await jobs.run(ATTEMPT, delivery_id=delivery.id, expected_attempts=0)
    await settle(jobs)
    assert len(subscribed.receiver.received) == 1
    [again] = await subscribed.deliveries()
    assert again.attempts == 1


async def test_at_most_five_attempts_in_flight_per_endpoint(subscribed: Subscribed) -> None:
    jobs, now = subscribed.jobs, subscribed.clock.now()
    # Five deliveries whose attempts are under way (held by other workers).
    async with unit_of_work(subscribed.factory) as db:
        for index in range(5):
            db.add(
                WebhookDelivery(
                    message_id=f"msg_busy{index}",
                    endpoint_id=subscribed.endpoint.id,
                    event_key=f"busy:{index}",
                    event_type="signal.created",
                    body="{}",
                    status="pending",
                    attempts=1,
                    in_flight_until=now + timedelta(seconds=30),
                    created_at=now,
                )
            )
    await subscribed.send_signal()
    assert subscribed.receiver.received == []
    [waiting] = jobs.delays(ATTEMPT)
    assert 0 < waiting <= 5
    # The slots free up: the held attempt goes out.
    async with unit_of_work(subscribed.factory) as db:
        await db.execute(update(WebhookDelivery).values(in_flight_until=None))
    await jobs.advance(timedelta(seconds=5))
    await settle(jobs)
    assert len(subscribed.receiver.received) == 1


async def test_each_attempt_rechecks_the_endpoint_and_its_owner(subscribed: Subscribed) -> None:
    receiver, jobs = subscribed.receiver, subscribed.jobs
    receiver.always(500)
    await subscribed.send_signal()
    # The owner's email is no longer verified before the retry.
    async with unit_of_work(subscribed.factory) as db:
        await db.execute(
            update(User).where(User.id == subscribed.owner_id).values(is_verified=False)
        )
    await jobs.advance(timedelta(seconds=6))
    await settle(jobs)
    [delivery] = await subscribed.deliveries()
    assert (delivery.status, delivery.reason, delivery.attempts) == (
        "failed",
        "owner_ineligible",
        1,
    )
    assert len(receiver.received) == 1 and not jobs.held
