"""billing.reads for other domains: revenue by UTC month (completed by completed_at, refunds
apart by refunded_at) and a user's payments."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.billing import ledger, reads
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from tests.admin.user_factories import add_account
from tests.billing.ledger_helpers import add_pending, buy

Factory = async_sessionmaker[AsyncSession]


async def test_revenue_by_utc_month_with_refunds_apart(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    user = await add_account(app, clock.now())
    other = await add_account(app, clock.now())
    january_last_second = datetime(2026, 1, 31, 23, 59, 59, tzinfo=UTC)
    await buy(session_factory, user.id, january_last_second)  # 19.00
    refunded = await buy(session_factory, other.id, datetime(2026, 1, 5, tzinfo=UTC))
    await buy(session_factory, user.id, datetime(2026, 2, 1, tzinfo=UTC), plan="premium")
    await add_pending(session_factory, user.id, datetime(2026, 2, 2, tzinfo=UTC))  # not revenue
    async with unit_of_work(session_factory) as db:
        await ledger.refund_payment(db, refunded.id, datetime(2026, 3, 3, tzinfo=UTC), by="admin")

    months = [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1), date(2026, 5, 1)]
    async with session_factory() as db:
        revenue = await reads.revenue_by_month(db, months)

    assert revenue == [
        reads.MonthRevenue(date(2026, 1, 1), Decimal("38.00"), 2, Decimal("0.00"), 0),
        reads.MonthRevenue(date(2026, 2, 1), Decimal("49.00"), 1, Decimal("0.00"), 0),
        reads.MonthRevenue(date(2026, 3, 1), Decimal("0.00"), 0, Decimal("19.00"), 1),
        reads.MonthRevenue(date(2026, 5, 1), Decimal("0.00"), 0, Decimal("0.00"), 0),
    ]


async def test_a_users_payments_newest_first(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    other = await add_account(app, now)
    first = await buy(session_factory, user.id, now)
    second = await add_pending(session_factory, user.id, now)
    await buy(session_factory, other.id, now)

    async with session_factory() as db:
        rows = await reads.payments_of_user(db, user.id, limit=10)
        one = await reads.payment_of(db, first.id)
        missing = await reads.payment_of(db, 10**9)

    assert [row.id for row in rows] == [second.id, first.id]
    assert one is not None and (one.status, one.amount, one.user_id) == (
        "completed",
        Decimal("19.00"),
        user.id,
    )
    assert missing is None
