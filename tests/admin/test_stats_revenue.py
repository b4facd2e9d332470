"""`GET /admin/stats` revenue from stored payments: per UTC month of completed_at the completed
payments (later refunds included), and apart the refunds by the month of refunded_at; pending
and failed payments count nowhere. An admin's refund mark shows up once the cache expires."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.clock import FrozenClock
from tests.admin.payment_factories import add_payment
from tests.admin.user_factories import add_account
from tests.clients import MakeUserClient

STATS = f"{ADMIN_PREFIX}/stats"
Factory = async_sessionmaker[AsyncSession]


def _at(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def _row(month: dict[str, Any]) -> tuple[str, int, str, int]:
    completed, refunded = month["completed"], month["refunded"]
    return (completed["amount"], completed["count"], refunded["amount"], refunded["count"])


async def _revenue(admin: httpx.AsyncClient, months: int) -> dict[str, Any]:
    response = await admin.get(STATS, params={"months": months, "days": 1})
    assert response.status_code == 200, response.text
    revenue = response.json()["data"]["revenue"]
    assert revenue["currency"] == "USD"
    return {month["month"]: _row(month) for month in revenue["months"]}


async def test_revenue_per_month_keeps_refunds_apart(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: Factory,
    clock: FrozenClock,
) -> None:
    clock.set(_at(2026, 3, 15, 12))
    admin = await make_user_client(admin=True)
    user = await add_account(app, clock.now())
    uid = user.id
    await add_payment(session_factory, uid, _at(2026, 1, 10, 8))
    # Completed in the last second of January, refunded in the first of February.
    await add_payment(
        session_factory, uid, _at(2026, 1, 31, 23, 59, 59), plan="premium", status="refunded",
        refunded_at=_at(2026, 2, 1, 0, 0, 1),
    )  # fmt: skip
    later_refunded = await add_payment(session_factory, uid, _at(2026, 2, 14, 9))
    await add_payment(session_factory, uid, _at(2026, 2, 20), status="pending")
    await add_payment(session_factory, uid, _at(2026, 2, 21), status="failed")
    await add_payment(session_factory, uid, _at(2026, 3, 1), status="expired")
    # Completed before the window, refunded inside it: only the refund shows.
    await add_payment(
        session_factory, uid, _at(2025, 12, 31, 23, 59, 59), status="refunded",
        refunded_at=_at(2026, 3, 1), amount=Decimal("19.00"),
    )  # fmt: skip

    assert await _revenue(admin.http, 3) == {
        "2026-01": ("68.00", 2, "0.00", 0),
        "2026-02": ("19.00", 1, "49.00", 1),
        "2026-03": ("0.00", 0, "19.00", 1),
    }

    response = await admin.http.post(
        f"{ADMIN_PREFIX}/payments/{later_refunded}/refund", json={"reason": "goodwill"}
    )
    assert response.status_code == 200, response.text
    clock.advance(timedelta(minutes=6))  # past the stats cache

    revenue = await _revenue(admin.http, 4)
    assert revenue == {
        "2025-12": ("19.00", 1, "0.00", 0),
        "2026-01": ("68.00", 2, "0.00", 0),
        "2026-02": ("19.00", 1, "49.00", 1),  # completed in February, refunded since
        "2026-03": ("0.00", 0, "38.00", 2),
    }
