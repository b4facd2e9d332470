"""What a verified provider event does to our payments and the user's subscription.

Every event is recorded once (unique provider + event id) before anything else, so a replay
fails at the insert (DuplicateEvent) and changes nothing. The payment is found only by our
own references (checkout ref, then the provider's checkout, subscription or object ids, all of
that provider), never by body claims such as a user id. Locks: the payment, then the
subscription, always in this order, so concurrent events of one user never deadlock.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.billing import mail_outbox
from cryptolens.billing import payments_repository as repository
from cryptolens.billing.crediting import credit, refund
from cryptolens.billing.models import Payment, PaymentEvent
from cryptolens.billing.periods import amount_mismatch
from cryptolens.billing.providers.base import ProviderEvent
from cryptolens.core.errors import ConflictError, NotFoundError
from cryptolens.settings import PlanSettings

log = logging.getLogger("cryptolens.billing")

Outcome = Literal["applied", "ignored", "rejected", "duplicate"]
MailKind = Literal["receipt", "failure", "cancellation"]
_EVENT_ID_CHARS = 190


class DuplicateEvent(Exception):  # noqa: N818 (the name the intake imports)
    """This (provider, event id) was recorded before: the caller rolls back and answers
    `duplicate` (the provider stops retrying)."""


class PaymentNotRefundableError(ConflictError):
    code = "payment_not_refundable"

    def __init__(self, status: str) -> None:
        super().__init__(f"only a completed payment can be refunded, this one is {status}")


@dataclass(frozen=True)
class BillingMail:
    kind: MailKind
    payment_id: int


@dataclass(frozen=True)
class Applied:
    outcome: Outcome
    payment_id: int | None
    user_id: int | None
    mails: tuple[BillingMail, ...] = ()
    detail: str | None = None


def _stored_event_id(event_id: str) -> str:
    """Event ids longer than the column are kept as a digest (still unique)."""
    if len(event_id) <= _EVENT_ID_CHARS:
        return event_id
    return "sha256:" + hashlib.sha256(event_id.encode()).hexdigest()


async def apply_event(
    db: AsyncSession, event: ProviderEvent, now: datetime, plans: PlanSettings
) -> Applied:
    """Records the event, then applies it and records its mails (billing/mail_outbox.py).
    Raises DuplicateEvent for a replay (the session must be rolled back)."""
    record = PaymentEvent(
        provider=event.provider,
        event_id=_stored_event_id(event.event_id),
        event_type=event.event_type[:60],
        outcome="ignored",
        received_at=now,
    )
    try:
        await repository.record_event(db, record)
    except repository.EventAlreadyRecordedError as exc:
        raise DuplicateEvent(str(exc)) from exc
    applied = await _apply(db, event, now, plans)
    # In this transaction: a stored decision always has its mail (the outbox's rule).
    for mail in applied.mails:
        await mail_outbox.record(db, mail.kind, mail.payment_id, now)
    record.outcome = "ignored" if applied.outcome == "duplicate" else applied.outcome
    record.payment_id = applied.payment_id
    record.detail = None if applied.detail is None else applied.detail[:200]
    await db.flush()
    log.info(
        "billing.event",
        extra={
            "provider": event.provider,
            "event_type": event.event_type,
            "kind": event.kind,
            "outcome": applied.outcome,
            "payment_id": applied.payment_id,
        },
    )
    return applied


# Which of our references finds the payment first: a refund names the refunded object (a
# renewal's invoice, not the checkout), the subscription events name the provider's
# subscription; the rest our checkout ref. Only the checkout ref is looked up across
# providers, so that an event naming another provider's checkout is seen as foreign.
_REFERENCE_ORDER: dict[str, tuple[str, ...]] = {
    "refunded": ("object", "ref", "checkout"),
    "renewed": ("subscription", "ref", "checkout"),
    "subscription_cancelled": ("subscription", "ref", "checkout"),
    "subscription_expired": ("subscription", "ref", "checkout"),
}
_DEFAULT_ORDER = ("ref", "checkout", "subscription", "object")


async def _find_by(db: AsyncSession, event: ProviderEvent, reference: str) -> Payment | None:
    if reference == "ref":
        return await _maybe(event.checkout_ref, repository.by_checkout_ref_for_update, db)
    value, lookup = {
        "checkout": (event.provider_checkout_id, repository.by_provider_checkout_for_update),
        "subscription": (
            event.provider_subscription_id,
            repository.checkout_of_subscription_for_update,
        ),
        "object": (event.provider_object_id, repository.by_provider_object_for_update),
    }[reference]
    return None if not value else await lookup(db, event.provider, value)


async def _maybe(
    value: str | None,
    lookup: Callable[[AsyncSession, str], Awaitable[Payment | None]],
    db: AsyncSession,
) -> Payment | None:
    return None if not value else await lookup(db, value)


async def _find(db: AsyncSession, event: ProviderEvent) -> Payment | None:
    """Our payment, locked, by the first of our references that finds one."""
    for reference in _REFERENCE_ORDER.get(event.kind, _DEFAULT_ORDER):
        found = await _find_by(db, event, reference)
        if found is not None:
            return found
    return None


async def _apply(
    db: AsyncSession, event: ProviderEvent, now: datetime, plans: PlanSettings
) -> Applied:
    if event.kind == "ignored":
        return Applied("ignored", None, None, detail="event not used")
    payment = await _find(db, event)
    if payment is None:
        return Applied("ignored", None, None, detail="unknown checkout")
    if payment.provider != event.provider:
        # A valid signature of one provider naming another provider's checkout.
        return Applied("ignored", payment.id, payment.user_id, detail="foreign checkout")
    handler = _HANDLERS[event.kind]
    return await handler(db, payment, event, now, plans)


def _ignored(payment: Payment, detail: str) -> Applied:
    return Applied("ignored", payment.id, payment.user_id, detail=detail)


def _note_provider_fields(payment: Payment, event: ProviderEvent, now: datetime) -> None:
    payment.provider_status = (event.provider_status or event.event_type)[:30]
    if event.provider_checkout_id and not payment.provider_checkout_id:
        payment.provider_checkout_id = event.provider_checkout_id
    if event.provider_object_id:
        payment.provider_object_id = event.provider_object_id
    if event.provider_subscription_id and not payment.provider_subscription_id:
        payment.provider_subscription_id = event.provider_subscription_id
    if event.paid_amount is not None:
        payment.paid_amount = event.paid_amount
        payment.paid_currency = (event.paid_currency or "")[:20] or None
    payment.updated_at = now


def _fail(payment: Payment, reason: str, now: datetime) -> None:
    payment.status = "failed"
    payment.failure_reason = reason[:200]
    payment.updated_at = now


async def _credit_or_reject(
    db: AsyncSession, payment: Payment, event: ProviderEvent, now: datetime, plans: PlanSettings
) -> Applied:
    mismatch = amount_mismatch(event.amount, event.currency, payment.amount, payment.currency)
    if mismatch is None and payment.provider == "crypto" and event.paid_amount is None:
        mismatch = "no amount paid in the event"
    if mismatch is not None:
        _fail(payment, mismatch, now)
        await db.flush()
        mail = BillingMail("failure", payment.id)
        return Applied("rejected", payment.id, payment.user_id, (mail,), mismatch)
    detail = await credit(db, payment, now, plans)
    return Applied(
        "applied", payment.id, payment.user_id, (BillingMail("receipt", payment.id),), detail
    )


async def _paid(
    db: AsyncSession, payment: Payment, event: ProviderEvent, now: datetime, plans: PlanSettings
) -> Applied:
    if payment.status != "pending":
        return _ignored(payment, f"payment already {payment.status}")
    _note_provider_fields(payment, event, now)
    return await _credit_or_reject(db, payment, event, now, plans)


async def _renewed(
    db: AsyncSession, checkout: Payment, event: ProviderEvent, now: datetime, plans: PlanSettings
) -> Applied:
    subscription_id = event.provider_subscription_id or checkout.provider_subscription_id
    if not subscription_id:
        return _ignored(checkout, "no provider subscription")
    if checkout.provider_subscription_id not in (None, subscription_id):
        return _ignored(checkout, "another provider subscription")
    checkout.provider_subscription_id = subscription_id
    if event.provider_object_id and await repository.renewal_by_object(
        db, event.provider, event.provider_object_id
    ):
        return _ignored(checkout, "renewal already recorded")
    renewal = Payment(
        user_id=checkout.user_id,
        provider=checkout.provider,
        method=checkout.method,
        kind="renewal",
        plan=checkout.plan,
        cycle=checkout.cycle,
        amount=checkout.amount,
        currency=checkout.currency,
        status="pending",
        checkout_ref=secrets.token_urlsafe(24),
        provider_subscription_id=subscription_id,
        created_at=now,
        updated_at=now,
    )
    _note_provider_fields(renewal, event, now)
    await repository.add_payment(db, renewal)
    return await _credit_or_reject(db, renewal, event, now, plans)


async def _progress(
    db: AsyncSession, payment: Payment, event: ProviderEvent, now: datetime, plans: PlanSettings
) -> Applied:
    if payment.status != "pending":
        return _ignored(payment, f"payment already {payment.status}")
    _note_provider_fields(payment, event, now)
    if event.kind == "partially_paid":
        payment.provider_status = "partially_paid"
    return Applied("applied", payment.id, payment.user_id, detail=payment.provider_status)


async def _ended(
    db: AsyncSession, payment: Payment, event: ProviderEvent, now: datetime, plans: PlanSettings
) -> Applied:
    """failed or expired: a pending checkout that will never be paid."""
    if payment.status != "pending":
        return _ignored(payment, f"payment already {payment.status}")
    _note_provider_fields(payment, event, now)
    if event.kind == "failed":
        _fail(payment, event.reason or "the payment failed at the provider", now)
        mails: tuple[BillingMail, ...] = (BillingMail("failure", payment.id),)
    else:
        payment.status = "expired"
        payment.failure_reason = (event.reason or "the checkout expired unpaid")[:200]
        mails = ()
    return Applied("applied", payment.id, payment.user_id, mails, payment.failure_reason)


async def _refunded(
    db: AsyncSession, payment: Payment, event: ProviderEvent, now: datetime, plans: PlanSettings
) -> Applied:
    if payment.status != "completed":
        return _ignored(payment, f"payment is {payment.status}")
    payment.provider_status = (event.provider_status or event.event_type)[:30]
    effect = await refund(db, payment, now, "provider")
    return Applied("applied", payment.id, payment.user_id, detail=f"refunded: {effect}")


async def _linked(
    db: AsyncSession, payment: Payment, event: ProviderEvent, now: datetime, plans: PlanSettings
) -> Applied:
    if not event.provider_subscription_id:
        return _ignored(payment, "no provider subscription")
    if payment.provider_subscription_id not in (None, event.provider_subscription_id):
        return _ignored(payment, "linked to another provider subscription")
    payment.provider_subscription_id = event.provider_subscription_id
    payment.updated_at = now
    return Applied("applied", payment.id, payment.user_id, detail="subscription linked")


async def _subscription_ended(
    db: AsyncSession, checkout: Payment, event: ProviderEvent, now: datetime, plans: PlanSettings
) -> Applied:
    """The provider's recurring subscription was cancelled or expired: it matters only while
    one of its payments funds the current period."""
    provider_subscription_id = event.provider_subscription_id or checkout.provider_subscription_id
    subscription = await repository.subscription_for_update(db, checkout.user_id)
    funding = (
        None
        if subscription is None or subscription.funded_by_payment_id is None
        else await repository.get_payment(db, subscription.funded_by_payment_id)
    )
    if (
        subscription is None
        or funding is None
        or not provider_subscription_id
        or funding.provider != event.provider
        or funding.provider_subscription_id != provider_subscription_id
    ):
        return _ignored(checkout, "the provider subscription does not fund the current period")
    if event.kind == "subscription_cancelled":
        if subscription.status != "active":
            return _ignored(checkout, f"subscription already {subscription.status}")
        subscription.status = "cancelled"
        subscription.cancelled_at = now
        subscription.updated_at = now
        mail = BillingMail("cancellation", funding.id)
        return Applied("applied", checkout.id, checkout.user_id, (mail,), "cancelled")
    if subscription.status not in ("active", "cancelled"):
        return _ignored(checkout, f"subscription already {subscription.status}")
    subscription.status = "expired"
    subscription.updated_at = now
    return Applied("applied", checkout.id, checkout.user_id, detail="expired")


_HANDLERS = {
    "paid": _paid,
    "renewed": _renewed,
    "progress": _progress,
    "partially_paid": _progress,
    "failed": _ended,
    "expired": _ended,
    "refunded": _refunded,
    "subscription_linked": _linked,
    "subscription_cancelled": _subscription_ended,
    "subscription_expired": _subscription_ended,
}


async def refund_payment(
    db: AsyncSession,
    payment_id: int,
    now: datetime,
    by: Literal["provider", "admin"],
) -> Payment:
    """Marks a completed payment refunded and applies the refund rule (periods.refund_effect).
    Unknown: 404; not completed: 409 `payment_not_refundable`."""
    payment = await repository.payment_for_update(db, payment_id)
    if payment is None:
        raise NotFoundError("Payment not found")
    if payment.status != "completed":
        raise PaymentNotRefundableError(payment.status)
    await refund(db, payment, now, by)
    return payment
