"""Webhook jobs (docs/operations.md, "Background jobs"): an event's fan-out, one attempt of a
delivery (the first, or a deferred retry), the owner's notice of an auto-disabled endpoint,
the sweep resuming lost attempts and the log's retention. Thin: the rules live in the
webhooks domain."""

from __future__ import annotations

from datetime import timedelta

from cryptolens.auth import service as auth_service
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.notifications import service as notifications
from cryptolens.webhooks import repository
from cryptolens.webhooks.delivery import run_attempt
from cryptolens.webhooks.fanout import fan_out
from cryptolens.webhooks.kit import WebhookKit
from cryptolens.webhooks.notices import NoticeTools, tell_owner
from cryptolens.webhooks.recovery import resume_lost


def webhook_kit(ctx: JobContext) -> WebhookKit:
    return WebhookKit.build(ctx.settings, ctx.resources, ctx.clock, ctx.enqueuer)


async def webhook_fanout(
    ctx: JobContext,
    event_type: str,
    object_id: int,
    occurred_ms: int,
    previous_status: str | None = None,
    status: str | None = None,
) -> JobCounters:
    report = await fan_out(
        ctx.session_factory,
        webhook_kit(ctx),
        event_type,
        object_id,
        occurred_ms,
        previous_status=previous_status,
        status=status,
    )
    return JobCounters(details=report.details())


async def webhook_attempt(ctx: JobContext, delivery_id: int, expected_attempts: int) -> JobCounters:
    outcome = await run_attempt(
        ctx.session_factory, webhook_kit(ctx), delivery_id, expected_attempts
    )
    return JobCounters(details={outcome.status: 1})


async def webhook_disabled_notice(
    ctx: JobContext, endpoint_id: int, streak: int, last_error: str
) -> JobCounters:
    tools = NoticeTools(
        mail_sender=auth_service.shared_mail_sender(ctx.resources, ctx.settings),
        publisher=notifications.shared_publisher(ctx.resources, ctx.settings.notifications),
        notifications=ctx.settings.notifications,
        clock=ctx.clock,
    )
    details = await tell_owner(ctx.session_factory, tools, endpoint_id, streak, last_error)
    return JobCounters(notifications_sent=details.get("pushes", 0), details=details)


async def webhook_cleanup(ctx: JobContext) -> JobCounters:
    cutoff = ctx.clock.now() - timedelta(days=ctx.settings.webhooks.retention_days)
    async with unit_of_work(ctx.session_factory) as db:
        deleted = await repository.delete_finished_before(db, cutoff)
    return JobCounters(details={"deleted": deleted})


async def webhook_resume(ctx: JobContext) -> JobCounters:
    report = await resume_lost(ctx.session_factory, webhook_kit(ctx))
    return JobCounters(details=report.details())
