"""Notification jobs on the `high` queue: the fan-out of a new signal, one deferred
delivery (retry or free-tier delay), the sweep resuming lost attempts, and a broadcast;
subscription expiry warnings on the `low` queue. Thin: the rules live in the notifications
domain."""

from __future__ import annotations

from cryptolens.jobs.context import JobContext
from cryptolens.jobs.registry import job
from cryptolens.notifications.broadcasts import send_broadcast as push_broadcast
from cryptolens.notifications.config import notification_config
from cryptolens.notifications.delivery import PushKit
from cryptolens.notifications.expiry_warnings import (
    warn_expiring_subscriptions as send_expiry_warnings,
)
from cryptolens.notifications.fanout import deliver_one, fan_out
from cryptolens.notifications.muting import MuteLinks
from cryptolens.notifications.ntfy import shared_publisher
from cryptolens.notifications.recovery import resume_stalled
from cryptolens.system.job_runs import JobCounters


def push_kit(ctx: JobContext) -> PushKit:
    config = notification_config(ctx.settings)
    return PushKit(
        config=config,
        publisher=shared_publisher(ctx.resources, config),
        mute_links=MuteLinks(ctx.settings.secret_key_value()),
        queue=ctx.enqueuer,
        clock=ctx.clock,
    )


@job("notify_signal", queue="high")
async def notify_signal(ctx: JobContext, signal_id: int) -> JobCounters:
    report = await fan_out(ctx.session_factory, push_kit(ctx), signal_id)
    return JobCounters(notifications_sent=report.sent, details=report.details())


@job("deliver_notification", queue="high")
async def deliver_notification(
    ctx: JobContext, delivery_id: int, expected_attempts: int
) -> JobCounters:
    status = await deliver_one(ctx.session_factory, push_kit(ctx), delivery_id, expected_attempts)
    return JobCounters(notifications_sent=int(status == "sent"), details={status: 1})


@job("resume_deliveries", queue="high")
async def resume_deliveries(ctx: JobContext) -> JobCounters:
    report = await resume_stalled(ctx.session_factory, push_kit(ctx))
    return JobCounters(details={"resumed": report.resumed, "expired": report.expired})


@job("warn_expiring_subscriptions", queue="low")
async def warn_expiring_subscriptions(ctx: JobContext) -> JobCounters:
    tally = await send_expiry_warnings(ctx.session_factory, push_kit(ctx))
    return JobCounters(notifications_sent=tally.sent, details=tally.details())


@job("send_broadcast", queue="high")
async def send_broadcast(ctx: JobContext, broadcast_id: int) -> JobCounters:
    tally = await push_broadcast(ctx.session_factory, push_kit(ctx), broadcast_id)
    return JobCounters(notifications_sent=tally.delivered, details=tally.details())
