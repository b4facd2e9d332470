"""Every query of the payments and payment_events tables. Locking reads are read afresh
(populate_existing): a row the session saw before the lock is never acted on stale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from itertools import pairwise

from sqlalchemy import ColumnElement, and_, case, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from cryptolens.billing.models import Payment, PaymentEvent, Subscription
from cryptolens.core.paging import Keyset, Page, PageRequest

NEWEST_FIRST = Keyset(Payment.id)
NEWEST_KEY_SIZE = 1


class EventAlreadyRecordedError(Exception):
    """The (provider, event id) is in payment_events already: a replay."""


async def record_event(db: AsyncSession, event: PaymentEvent) -> PaymentEvent:
    """Inserts the event first, so a replay fails here before it changes anything; the
    session must then be rolled back."""
    db.add(event)
    try:
        await db.flush()
    except IntegrityError as exc:
        raise EventAlreadyRecordedError(f"{event.provider}:{event.event_id}") from exc
    return event


async def add_payment(db: AsyncSession, payment: Payment) -> Payment:
    db.add(payment)
    await db.flush()
    return payment


async def _first_locked(db: AsyncSession, *conditions: ColumnElement[bool]) -> Payment | None:
    """The oldest payment matching, locked for the transaction and read fresh."""
    found: Payment | None = await db.scalar(
        select(Payment)
        .where(*conditions)
        .order_by(Payment.id)
        .limit(1)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return found


async def payment_for_update(db: AsyncSession, payment_id: int) -> Payment | None:
    return await _first_locked(db, Payment.id == payment_id)


async def get_payment(db: AsyncSession, payment_id: int) -> Payment | None:
    return await db.get(Payment, payment_id)


async def payment_of_user(db: AsyncSession, user_id: int, payment_id: int) -> Payment | None:
    """Owner-scoped: another user's payment is simply not found."""
    found: Payment | None = await db.scalar(
        select(Payment).where(Payment.id == payment_id, Payment.user_id == user_id)
    )
    return found


async def by_checkout_ref_for_update(db: AsyncSession, checkout_ref: str) -> Payment | None:
    return await _first_locked(db, Payment.checkout_ref == checkout_ref)


async def by_provider_checkout_for_update(
    db: AsyncSession, provider: str, provider_checkout_id: str
) -> Payment | None:
    return await _first_locked(
        db, Payment.provider == provider, Payment.provider_checkout_id == provider_checkout_id
    )


async def checkout_of_subscription_for_update(
    db: AsyncSession, provider: str, provider_subscription_id: str
) -> Payment | None:
    """The checkout payment that created the provider's recurring subscription."""
    return await _first_locked(
        db,
        Payment.provider == provider,
        Payment.provider_subscription_id == provider_subscription_id,
        Payment.kind == "checkout",
    )


async def by_provider_object_for_update(
    db: AsyncSession, provider: str, provider_object_id: str
) -> Payment | None:
    return await _first_locked(
        db, Payment.provider == provider, Payment.provider_object_id == provider_object_id
    )


async def renewal_by_object(
    db: AsyncSession, provider: str, provider_object_id: str
) -> Payment | None:
    """The renewal payment recorded for the provider's renewal invoice, if any."""
    found: Payment | None = await db.scalar(
        select(Payment)
        .where(
            Payment.provider == provider,
            Payment.provider_object_id == provider_object_id,
            Payment.kind == "renewal",
        )
        .limit(1)
    )
    return found


async def reusable_checkout(
    db: AsyncSession,
    *,
    user_id: int,
    plan: str,
    cycle: str,
    method: str,
    provider: str,
    created_since: datetime,
    now: datetime,
) -> Payment | None:
    """The newest pending checkout of the same choice, recent, with a link still payable."""
    found: Payment | None = await db.scalar(
        select(Payment)
        .where(
            Payment.user_id == user_id,
            Payment.plan == plan,
            Payment.cycle == cycle,
            Payment.method == method,
            Payment.provider == provider,
            Payment.kind == "checkout",
            Payment.status == "pending",
            Payment.checkout_url.is_not(None),
            Payment.created_at >= created_since,
            or_(Payment.checkout_expires_at.is_(None), Payment.checkout_expires_at > now),
        )
        .order_by(Payment.id.desc())
        .limit(1)
    )
    return found


async def payments_page(db: AsyncSession, user_id: int, request: PageRequest) -> Page[Payment]:
    """The user's payments, newest first."""
    return await NEWEST_FIRST.page(db, select(Payment).where(Payment.user_id == user_id), request)


async def latest_payments(db: AsyncSession, user_id: int, limit: int) -> list[Payment]:
    rows = await db.scalars(
        select(Payment).where(Payment.user_id == user_id).order_by(Payment.id.desc()).limit(limit)
    )
    return list(rows)


async def subscription_for_update(db: AsyncSession, user_id: int) -> Subscription | None:
    """Taken after the payment's lock, never before (the ledger's fixed order)."""
    found: Subscription | None = await db.scalar(
        select(Subscription)
        .where(Subscription.user_id == user_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return found


async def due_schedules_for_update(db: AsyncSession, now: datetime) -> list[Subscription]:
    """Subscriptions whose scheduled downgrade starts at or before now."""
    rows = await db.scalars(
        select(Subscription)
        .where(Subscription.scheduled_plan.is_not(None), Subscription.expires_at <= now)
        .order_by(Subscription.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return list(rows)


async def expire_stale_checkouts(db: AsyncSession, cutoff: datetime, now: datetime) -> int:
    """Pending checkouts whose payable time (or, without one, their creation) is before
    `cutoff` become expired; returns how many."""
    result = await db.execute(
        update(Payment)
        .where(
            Payment.status == "pending",
            or_(
                Payment.checkout_expires_at < cutoff,
                and_(Payment.checkout_expires_at.is_(None), Payment.created_at < cutoff),
            ),
        )
        .values(status="expired", failure_reason="checkout expired unpaid", updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(frozen=True)
class MonthSums:
    completed_amount: Decimal
    completed_count: int
    refunded_amount: Decimal
    refunded_count: int


async def _sums_by_bucket(
    db: AsyncSession, moment: InstrumentedAttribute[datetime | None], bounds: list[datetime]
) -> dict[int, tuple[Decimal, int]]:
    """Sum and count of USD amounts by the bucket [bounds[i], bounds[i + 1]) of `moment`."""
    bucket = case(
        *(
            (and_(moment >= start, moment < end), index)
            for index, (start, end) in enumerate(pairwise(bounds))
        ),
        else_=None,
    ).label("bucket")
    statement = (
        select(bucket, func.sum(Payment.amount), func.count())
        .where(moment.is_not(None), moment >= bounds[0], moment < bounds[-1])
        .where(Payment.currency == "USD")
        .group_by(bucket)
    )
    rows = (await db.execute(statement)).all()
    return {int(row[0]): (Decimal(row[1] or 0), int(row[2])) for row in rows if row[0] is not None}


async def month_sums(db: AsyncSession, months: list[date]) -> list[MonthSums]:
    """Per UTC month (first days given): payments completed in it (those refunded later
    included), and apart the refunds made in it."""
    if not months:
        return []
    ordered = sorted(set(months))
    starts = [datetime(m.year, m.month, 1, tzinfo=UTC) for m in ordered]
    # Months need not follow each other: a gap becomes a bucket of its own, never reported.
    bounds = sorted(set(starts) | {_next_month(start) for start in starts})
    completed = await _sums_by_bucket(db, Payment.completed_at, bounds)
    refunded = await _sums_by_bucket(db, Payment.refunded_at, bounds)
    zero = (Decimal("0"), 0)
    by_month: dict[date, MonthSums] = {}
    for index, start in enumerate(bounds[:-1]):
        done, back = completed.get(index, zero), refunded.get(index, zero)
        by_month[start.date()] = MonthSums(done[0], done[1], back[0], back[1])
    empty = MonthSums(Decimal("0"), 0, Decimal("0"), 0)
    return [by_month.get(month.replace(day=1), empty) for month in months]


def _next_month(start: datetime) -> datetime:
    return datetime(start.year + start.month // 12, start.month % 12 + 1, 1, tzinfo=UTC)
