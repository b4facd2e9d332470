"""Provider webhooks in: a capped read of the raw body, the signature, the event, the ledger in
one unit of work, then the mails. The webhook route and the fake provider's checkout both come
through `take_event`, so the fake exercises the very path a real provider's event takes.

The order is the rule: nothing is parsed before the signature holds, and nothing is logged of
the body (a provider body carries e-mail addresses and amounts) nor of any secret.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.billing import mail_outbox
from cryptolens.billing.ledger import Applied, DuplicateEvent, apply_event
from cryptolens.billing.providers.base import (
    MalformedEvent,
    PaymentProvider,
    ProviderEvent,
    ProviderName,
    SignatureError,
)
from cryptolens.billing.providers.registry import provider_named
from cryptolens.billing.schemas import WebhookStatus
from cryptolens.core.clock import Clock
from cryptolens.core.errors import AppError, BadRequestError, NotFoundError, UnauthorizedError
from cryptolens.core.params import is_ascii_digits
from cryptolens.db import in_unit_of_work
from cryptolens.job_context import JobQueue
from cryptolens.settings import PlanSettings

log = logging.getLogger("cryptolens.billing")

MAIL_JOB = "send_billing_mail"


class InvalidSignatureError(UnauthorizedError):
    code = "invalid_signature"
    title = "Invalid signature"


class MalformedEventError(BadRequestError):
    code = "malformed_event"
    title = "Malformed event"


class WebhookTooLargeError(AppError):
    status_code = 413
    code = "payload_too_large"
    title = "Payload too large"

    def __init__(self, max_bytes: int) -> None:
        super().__init__(f"a provider event is at most {max_bytes} bytes")


class UnknownProviderError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("No such payment provider")


async def read_capped_body(request: Request, max_bytes: int) -> bytes:
    """The raw body, refused (413) past `max_bytes`: by its declared length before a byte is
    read, else while it streams, so a huge or endless body costs at most the limit."""
    declared = request.headers.get("content-length")
    declared_ok = declared is not None and is_ascii_digits(declared.strip())
    if declared_ok and int(str(declared).strip()) > max_bytes:
        raise WebhookTooLargeError(max_bytes)
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise WebhookTooLargeError(max_bytes)
    return bytes(body)


@dataclass(frozen=True)
class Intake:
    """What taking an event needs, built per request (routes.py)."""

    providers: Mapping[ProviderName, PaymentProvider]
    session_factory: async_sessionmaker[AsyncSession]
    clock: Clock
    plans: PlanSettings
    queue: JobQueue

    def provider(self, name: str) -> PaymentProvider:
        """An enabled provider, else 404 (an unknown and a disabled one look the same)."""
        provider = provider_named(self.providers, name)
        if provider is None:
            raise UnknownProviderError()
        return provider


def _verified_event(
    provider: PaymentProvider, raw_body: bytes, headers: Mapping[str, str]
) -> ProviderEvent:
    try:
        provider.verify(raw_body, headers)
    except SignatureError as refused:
        # The provider and why; never the body, a header value or the secret.
        log.warning(
            "billing.webhook_refused",
            extra={"provider": provider.name, "reason": str(refused)[:200]},
        )
        raise InvalidSignatureError() from None
    try:
        event = provider.parse(raw_body)
    except MalformedEvent as malformed:
        log.warning(
            "billing.webhook_malformed",
            extra={"provider": provider.name, "reason": str(malformed)[:200]},
        )
        raise MalformedEventError(str(malformed)[:200] or None) from None
    if event.provider != provider.name:
        raise MalformedEventError("the event names another provider")
    return event


async def take_event(
    intake: Intake, provider_name: str, raw_body: bytes, headers: Mapping[str, str]
) -> WebhookStatus:
    """verify -> parse -> apply (its own unit of work, run again after a deadlock) -> mails,
    queued once the change is committed. A replay answers `duplicate` and changes nothing."""
    provider = intake.provider(provider_name)
    event = _verified_event(provider, raw_body, headers)
    now = intake.clock.now()

    async def apply(db: AsyncSession) -> Applied:
        return await apply_event(db, event, now, intake.plans)

    try:
        applied = await in_unit_of_work(intake.session_factory, apply)
    except DuplicateEvent:
        log.info(
            "billing.webhook_duplicate",
            extra={"provider": event.provider, "event_id": event.event_id[:190]},
        )
        return "duplicate"
    await queue_mails(intake.queue, applied)
    return "duplicate" if applied.outcome == "duplicate" else applied.outcome


async def queue_mails(queue: JobQueue, applied: Applied) -> None:
    """After the commit, the fast path: each mail's outbox row is already stored with the
    change (billing/mail_outbox.py). A mail's job id is its payment and kind, so a retried
    request or a second worker never sends it twice; a queue outage delays the mail (the
    `requeue_billing_mails` sweep queues it again), never loses it nor the payment."""
    for mail in applied.mails:
        await queue_mail(queue, mail.kind, mail.payment_id)


async def queue_mail(queue: JobQueue, kind: str, payment_id: int) -> None:
    try:
        await queue.enqueue(
            MAIL_JOB,
            job_id=mail_outbox.mail_job_id(kind, payment_id),
            payment_id=payment_id,
            kind=kind,
        )
    except Exception as failure:  # the queue's store (Redis) is down: the sweep catches up
        log.warning(
            "billing.mail_not_queued",
            extra={"kind": kind, "payment_id": payment_id, "error": repr(failure)[:200]},
        )
