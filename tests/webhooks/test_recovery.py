"""Nothing is lost between processes: the minute's pipeline queues one fan-out per event of
its committed cycles (only for types someone subscribes to), and the sweep resumes attempts
whose deferred job or worker was lost."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms, unit_of_work
from cryptolens.job_context import JobContext
from cryptolens.jobs.minute import queue_webhook_events
from cryptolens.settings import Settings
from cryptolens.signals.cycle import CycleResult
from cryptolens.webhooks.models import WebhookDelivery
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import UserSpec, add_users
from tests.webhooks.conftest import add_endpoint, add_signal, deliveries_of, fan_out, settle
from tests.webhooks.receiver import Receiver


async def test_the_cycle_queues_a_fan_out_per_subscribed_event(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    ctx = jobs.runner.ctx
    assert isinstance(ctx, JobContext)
    [user] = await add_users(session_factory, [UserSpec(tier="premium")], clock.now())
    endpoint = await add_endpoint(
        session_factory, test_settings, user.id, receiver.url, clock.now()
    )
    signal_id = await add_signal(session_factory, clock.now())
    cycle = CycleResult(
        to_ms(clock.now()),
        patterns_created=[101, 102],
        signals_created=[signal_id],
        signals_changed=[7, 8],
        status_changes={7: ("pending", "triggered"), 8: ("tp1", "tp1")},
    )
    await queue_webhook_events(ctx, [cycle])
    await settle(jobs)
    # Nobody subscribes to pattern.created: no job for those; an unchanged status is no event.
    fan_outs = sorted(job for job in jobs.started if job.startswith("webhook-fanout:"))
    assert fan_outs == [
        f"webhook-fanout:signal.created:{signal_id}",
        "webhook-fanout:signal.updated:7:triggered",
    ]
    [delivery] = await deliveries_of(session_factory, endpoint.id)
    assert delivery.status == "succeeded" and len(receiver.received) == 1


async def test_the_sweep_resumes_a_lost_retry_and_a_dead_workers_attempt(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    [user] = await add_users(session_factory, [UserSpec(tier="premium")], clock.now())
    endpoint = await add_endpoint(
        session_factory, test_settings, user.id, receiver.url, clock.now()
    )
    receiver.script(500)
    signal_id = await add_signal(session_factory, clock.now())
    await fan_out(jobs, "signal.created", signal_id, clock.now())
    await settle(jobs)
    jobs.held.clear()  # the deferred retry is lost (an embedded runner stopped)
    clock.advance(timedelta(minutes=1))
    await jobs.run("webhook_resume")
    await settle(jobs)
    assert len(receiver.received) == 1  # not presumed lost yet
    clock.advance(timedelta(minutes=2))
    await jobs.run("webhook_resume")
    await settle(jobs)
    [delivery] = await deliveries_of(session_factory, endpoint.id)
    assert (delivery.status, delivery.attempts) == ("succeeded", 2)

    # A worker died mid-attempt: the attempt was taken, never recorded.
    second = await add_signal(session_factory, clock.now())
    async with unit_of_work(session_factory) as db:
        db.add(
            WebhookDelivery(
                message_id="msg_lostattempt",
                endpoint_id=endpoint.id,
                event_key=f"signal.created:{second}",
                event_type="signal.created",
                body='{"type":"signal.created"}',
                status="pending",
                attempts=3,
                in_flight_until=clock.now() - timedelta(minutes=3),
                next_attempt_at=clock.now() - timedelta(minutes=3),
                created_at=clock.now() - timedelta(hours=1),
            )
        )
    await jobs.run("webhook_resume")
    await settle(jobs)
    lost = next(d for d in await deliveries_of(session_factory, endpoint.id) if d.attempts >= 3)
    assert (lost.status, lost.attempts) == ("succeeded", 4)

    # The last allowed attempt lost: the delivery ends failed, nothing more is sent.
    async with unit_of_work(session_factory) as db:
        await db.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id == lost.id)
            .values(status="pending", attempts=8, next_attempt_at=clock.now() - timedelta(hours=1))
        )
    sent = len(receiver.received)
    await jobs.run("webhook_resume")
    await settle(jobs)
    [ended] = [d for d in await deliveries_of(session_factory, endpoint.id) if d.id == lost.id]
    assert (ended.status, ended.attempts) == ("failed", 8) and len(receiver.received) == sent
