"""The admin's queries over the payments and payment_events tables that the user-facing
billing pages never make: every user's payments filtered, and a payment's recorded events.
(One payment, a user's latest and the refund's locks: billing/payments_repository.py.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.billing.models import Payment, PaymentEvent
from cryptolens.billing.payments_repository import NEWEST_FIRST, NEWEST_KEY_SIZE
from cryptolens.core.paging import Page, PageRequest

KEY_SIZE = NEWEST_KEY_SIZE


@dataclass(frozen=True)
class PaymentFilters:
    user_id: int | None = None
    status: str | None = None
    provider: str | None = None


def _conditions(filters: PaymentFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.user_id is not None:
        conditions.append(Payment.user_id == filters.user_id)
    if filters.status is not None:
        conditions.append(Payment.status == filters.status)
    if filters.provider is not None:
        conditions.append(Payment.provider == filters.provider)
    return conditions


async def payments_page(
    db: AsyncSession, filters: PaymentFilters, request: PageRequest
) -> Page[Payment]:
    """Newest first (ids grow with creation)."""
    statement = select(Payment).where(*_conditions(filters))
    return await NEWEST_FIRST.page(db, statement, request)


async def events_of(db: AsyncSession, payment_id: int) -> list[PaymentEvent]:
    """The provider events recorded for the payment, in the order they arrived."""
    rows = await db.scalars(
        select(PaymentEvent)
        .where(PaymentEvent.payment_id == payment_id)
        .order_by(PaymentEvent.received_at, PaymentEvent.id)
    )
    return list(rows)


async def claim_completed(db: AsyncSession, payment_id: int, now: datetime) -> bool:
    """Whether the payment is completed, answered by a write that holds the row until the
    commit: SQLite takes no lock on a SELECT (not even FOR UPDATE), so of two refunds at once
    the second waits here and then finds the payment no longer completed."""
    result = await db.execute(
        update(Payment)
        .where(Payment.id == payment_id, Payment.status == "completed")
        .values(updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))
