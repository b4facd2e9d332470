"""Notification jobs (docs/operations.md, "Background jobs"): the fan-out of a new signal, one
deferred delivery (a retry or the free tier's delay), the sweep resuming lost attempts, an admin
broadcast's fan-out and the minute's scheduled broadcasts, and the subscription expiry
warnings. Thin: the rules live in the notifications
domain."""

from __future__ import annotations

from cryptolens.job_context import JobContext, JobCounters
from cryptolens.notifications.broadcasting.attempt import deliver_broadcast_attempt
from cryptolens.notifications.broadcasting.fanout import send_broadcast as push_broadcast
from cryptolens.notifications.broadcasting.scheduling import run_minute
from cryptolens.notifications.delivery import PushKit
from cryptolens.notifications.expiry_warnings import (
    warn_expiring_subscriptions as send_expiry_warnings,
)
from cryptolens.notifications.muting import MuteLinks
from cryptolens.notifications.ntfy import shared_publisher
from cryptolens.notifications.recovery import resume_stalled
from cryptolens.notifications.workflows import deliver_one, fan_out


def push_kit(ctx: JobContext) -> PushKit:
    settings = ctx.settings
    return PushKit(
        settings=settings.notifications,
        public_url=settings.public_url.rstrip("/"),
        publisher=shared_publisher(ctx.resources, settings.notifications),
        mute_links=MuteLinks(settings.secret_key_value()),
        queue=ctx.enqueuer,
        clock=ctx.clock,
    )


async def notify_signal(ctx: JobContext, signal_id: int) -> JobCounters:
    report = await fan_out(ctx.session_factory, push_kit(ctx), signal_id)
    return JobCounters(notifications_sent=report.sent, details=report.details())


async def deliver_notification(
    ctx: JobContext, delivery_id: int, expected_attempts: int
) -> JobCounters:
    kit = push_kit(ctx)
    status = await deliver_broadcast_attempt(
        ctx.session_factory, kit, delivery_id, expected_attempts
    ) or await deliver_one(ctx.session_factory, kit, delivery_id, expected_attempts)
    return JobCounters(notifications_sent=int(status == "sent"), details={status: 1})


async def resume_deliveries(ctx: JobContext) -> JobCounters:
    report = await resume_stalled(ctx.session_factory, push_kit(ctx))
    return JobCounters(details=report.details())


async def warn_expiring_subscriptions(ctx: JobContext) -> JobCounters:
    tally = await send_expiry_warnings(ctx.session_factory, push_kit(ctx))
    return JobCounters(notifications_sent=tally.sent, details=tally.details())


async def send_broadcast(ctx: JobContext, broadcast_id: int) -> JobCounters:
    report = await push_broadcast(ctx.session_factory, push_kit(ctx), broadcast_id)
    return JobCounters(notifications_sent=report.sent, details=report.details())


async def scheduled_broadcasts(ctx: JobContext) -> JobCounters:
    report = await run_minute(ctx.session_factory, ctx.enqueuer, ctx.clock.now())
    return JobCounters(details=report.details())
