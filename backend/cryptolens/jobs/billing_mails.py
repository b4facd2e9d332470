"""The `send_billing_mail` job: a receipt, a failed payment or a cancellation, composed from the
payment (billing) and the account's address (auth), after the commit that decided it.

Queued by payment id and kind with that pair as the job id (billing/intake.py), so a replayed
request does not mail twice; a payment of a gone or inactive account mails nothing. Each mail
has its outbox row (billing/mail_outbox.py), marked once done: a copy finding it sent mails
nothing, and `requeue_billing_mails` queues again what a queue outage kept from going.
"""

from __future__ import annotations

import logging

from cryptolens.auth import service as auth_service
from cryptolens.billing import mail_outbox
from cryptolens.billing import reads as billing_reads
from cryptolens.billing import service as billing_service
from cryptolens.billing.mails import MAIL_KINDS, MailKind, billing_mail
from cryptolens.core.mail import MailMessage
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters

log = logging.getLogger("cryptolens.billing")

MAIL_JOB = "send_billing_mail"


async def _compose(ctx: JobContext, payment_id: int, kind: MailKind) -> MailMessage | None:
    async with unit_of_work(ctx.session_factory) as db:
        payment = await billing_reads.payment_of(db, payment_id)
        if payment is None:
            return None
        user = await auth_service.get_user(db, payment.user_id)
        if user is None or not user.is_active:
            return None
        subscription = await billing_service.current_subscription(db, payment.user_id)
        access_until = None if subscription is None else subscription.expires_at
        return billing_mail(kind, user.email, payment, access_until, ctx.settings.public_url)


async def send_billing_mail(ctx: JobContext, payment_id: int, kind: str) -> JobCounters:
    if kind not in MAIL_KINDS:
        raise ValueError(f"unknown billing mail {kind!r}")
    async with unit_of_work(ctx.session_factory) as db:
        if not await mail_outbox.begin_attempt(db, payment_id, kind):
            return JobCounters(details={"already_sent": 1})
    message = await _compose(ctx, payment_id, kind)
    if message is None:
        await _mark(ctx, payment_id, kind, "skipped")
        return JobCounters(details={"skipped": 1})
    await auth_service.shared_mail_sender(ctx.resources, ctx.settings).send(message)
    await _mark(ctx, payment_id, kind, "sent")
    log.info("billing.mail_sent", extra={"kind": kind, "payment_id": payment_id})
    return JobCounters(details={"mails": 1})


async def _mark(ctx: JobContext, payment_id: int, kind: str, outcome: mail_outbox.Outcome) -> None:
    async with unit_of_work(ctx.session_factory) as db:
        await mail_outbox.mark_done(db, payment_id, kind, ctx.clock.now(), outcome)


async def requeue_billing_mails(ctx: JobContext) -> JobCounters:
    """Every 5 minutes: the unsent mails the fast path's enqueue lost (Redis was down) are
    queued again under their own job id (a copy still queued or running absorbs it); sent
    rows past their retention are deleted."""
    now = ctx.clock.now()
    async with unit_of_work(ctx.session_factory) as db:
        pending = await mail_outbox.unsent(db, now)
        purged = await mail_outbox.purge_sent(db, now)
    requeued = 0
    for mail in pending:
        queued = await ctx.enqueuer.enqueue(
            MAIL_JOB,
            job_id=mail_outbox.mail_job_id(mail.kind, mail.payment_id),
            payment_id=mail.payment_id,
            kind=mail.kind,
        )
        requeued += queued is not None
    if requeued:
        log.info("billing.mails_requeued", extra={"count": requeued})
    return JobCounters(details={"requeued": requeued, "unsent": len(pending), "purged": purged})
