"""The `send_billing_mail` job: a receipt, a failed payment or a cancellation, composed from the
payment (billing) and the account's address (auth), after the commit that decided it.

Queued by payment id and kind with that pair as the job id (billing/intake.py), so a replayed
request does not mail twice; a payment of a gone or inactive account mails nothing.
"""

from __future__ import annotations

import logging

from cryptolens.auth import service as auth_service
from cryptolens.billing import reads as billing_reads
from cryptolens.billing import service as billing_service
from cryptolens.billing.mails import MAIL_KINDS, MailKind, billing_mail
from cryptolens.core.mail import MailMessage
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters

log = logging.getLogger("cryptolens.billing")


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
    message = await _compose(ctx, payment_id, kind)
    if message is None:
        return JobCounters(details={"skipped": 1})
    await auth_service.shared_mail_sender(ctx.resources, ctx.settings).send(message)
    log.info("billing.mail_sent", extra={"kind": kind, "payment_id": payment_id})
    return JobCounters(details={"mails": 1})
