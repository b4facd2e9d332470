"""Payments for the admin API: the filtered list, one payment with the provider events
recorded for it, and the admin's refund mark (a user's latest: billing.reads).

A refund mark applies the ledger's refund rule (billing/ledger.py): the refund of the payment
funding the current period suspends the subscription at once, of a scheduled one clears the
schedule, of any other changes nothing. The money itself goes back at the provider (its
dashboard); this records it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.billing import ledger, payments_repository
from cryptolens.billing.admin.payments import repository
from cryptolens.billing.admin.payments.repository import KEY_SIZE
from cryptolens.billing.admin.payments.repository import PaymentFilters as PaymentFilters
from cryptolens.billing.models import PAYMENT_STATUSES as PAYMENT_STATUSES
from cryptolens.billing.models import Payment as Payment  # the rows it hands out
from cryptolens.billing.models import PaymentEvent as PaymentEvent
from cryptolens.billing.models import Subscription
from cryptolens.core.errors import NotFoundError
from cryptolens.core.paging import Page, PageRequest

log = logging.getLogger("cryptolens.billing")


@dataclass(frozen=True)
class PaymentDetail:
    payment: Payment
    events: list[PaymentEvent]  # oldest first


@dataclass(frozen=True)
class RefundMark:
    payment: Payment
    before: dict[str, Any]  # the payment's and its user's subscription's fields it changed
    after: dict[str, Any]


async def list_payments(
    db: AsyncSession, filters: PaymentFilters, cursor: str | None, limit: int
) -> Page[Payment]:
    """Newest first."""
    request = PageRequest.from_cursor(cursor, key_size=KEY_SIZE, limit=limit)
    return await repository.payments_page(db, filters, request)


async def payment_detail(db: AsyncSession, payment_id: int) -> PaymentDetail:
    payment = await payments_repository.get_payment(db, payment_id)
    if payment is None:
        raise NotFoundError("Payment not found")
    return PaymentDetail(payment, await repository.events_of(db, payment_id))


def _refund_fields(payment: Payment, subscription: Subscription | None) -> dict[str, Any]:
    return {
        "status": payment.status,
        "refunded_at": payment.refunded_at,
        "refunded_by": payment.refunded_by,
        "subscription_status": None if subscription is None else subscription.status,
        "scheduled_plan": None if subscription is None else subscription.scheduled_plan,
    }


async def mark_refunded(db: AsyncSession, payment_id: int, now: datetime) -> RefundMark:
    """Unknown: 404; not completed: 409 `payment_not_refundable` (the ledger's rule)."""
    # The claim locks the payment first (a no-op write when it is not completed: the ledger
    # then answers 404 or 409), then the subscription: the ledger's order. `before` is read
    # under both, so a concurrent refund of the same payment is never recorded twice.
    await repository.claim_completed(db, payment_id, now)
    payment = await payments_repository.payment_for_update(db, payment_id)
    if payment is None:
        raise NotFoundError("Payment not found")
    subscription = await payments_repository.subscription_for_update(db, payment.user_id)
    before = _refund_fields(payment, subscription)
    refunded = await ledger.refund_payment(db, payment_id, now, by="admin")
    await db.flush()
    log.info("billing.admin_refunded", extra={"payment_id": payment_id})
    return RefundMark(refunded, before, _refund_fields(refunded, subscription))
