"""GET /admin/stats: users by tier (admins premium), subscriptions conferring a tier now,
revenue by month (zero until payments are stored), per-day activity; cached 5 minutes."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth.models import User
from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms, unit_of_work
from cryptolens.market.models import Symbol
from cryptolens.notifications.models import UserNotification
from cryptolens.patterns.models import Pattern
from cryptolens.resources import app_resources
from tests.admin.accounts import Factory, add_account
from tests.clients import MakeUserClient
from tests.notifications.factories import add_signal, topic_for

STATS = "/api/v1/admin/stats"


async def seed_accounts(factory: Factory, now: datetime) -> None:
    """With the signed-in admin (active, verified, no subscription): 13 users.

    free 6 (one inactive, one unverified, suspended, expired, grace over), pro 3 (lifetime,
    ending in 3 days, ending in 8 days), premium 4 (in grace and unverified; cancelled but
    running and inactive; two admins, one with a pro lifetime subscription)."""
    day = timedelta(days=1)
    await add_account(factory, now)
    await add_account(factory, now, active=False)
    await add_account(factory, now, verified=False)
    await add_account(factory, now, plan="pro", status="suspended", expires_at=now + 9 * day)
    await add_account(factory, now, plan="premium_yearly", status="expired", expires_at=now - day)
    await add_account(factory, now, plan="pro_monthly", expires_at=now - 5 * day)
    await add_account(factory, now, plan="pro")
    await add_account(factory, now, plan="pro_monthly", expires_at=now + 3 * day)
    await add_account(factory, now, plan="pro_monthly", expires_at=now + 8 * day)
    await add_account(factory, now, verified=False, plan="premium_monthly", expires_at=now - day)
    await add_account(
        factory, now, active=False, plan="premium", status="cancelled", expires_at=now + 10 * day
    )
    await add_account(factory, now, admin=True, plan="pro")


async def test_users_and_subscriptions_by_tier(
    make_user_client: MakeUserClient, session_factory: Factory, clock: FrozenClock
) -> None:
    admin = await make_user_client(admin=True)
    await seed_accounts(session_factory, clock.now())

    response = await admin.http.get(STATS)
    assert response.status_code == 200, response.text
    stats = response.json()["data"]
    assert stats["users"] == {
        "total": {"all": 13, "free": 6, "pro": 3, "premium": 4},
        "active": {"all": 11, "free": 5, "pro": 3, "premium": 3},
        "verified": {"all": 11, "free": 5, "pro": 3, "premium": 3},
        "admins": 2,
    }
    # The admin's own lifetime pro subscription counts as a pro subscription; the cancelled
    # one still running counts, but only active ones are "expiring" (the list's filter).
    assert stats["subscriptions"] == {
        "conferring": {"all": 6, "pro": 4, "premium": 2},
        "lifetime": 2,
        "in_grace": 1,
        "expiring_within_7_days": 1,
    }


async def test_revenue_months_are_zero_until_payments_exist(
    make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    clock.set(datetime(2026, 3, 15, 12, tzinfo=UTC))
    admin = await make_user_client(admin=True)

    revenue = (await admin.http.get(STATS, params={"months": 14})).json()["data"]["revenue"]

    assert revenue["currency"] == "USD"
    months = [month["month"] for month in revenue["months"]]
    assert months[0] == "2025-02" and months[-1] == "2026-03" and len(months) == 14
    assert "2025-12" in months and "2026-01" in months
    for month in revenue["months"]:
        assert month["completed"] == {"amount": "0.00", "count": 0}
        assert month["refunded"] == {"amount": "0.00", "count": 0}


async def add_pattern(factory: Factory, confirmed_at: datetime) -> None:

    async with unit_of_work(factory) as db:
        symbol = await db.scalar(select(Symbol).where(Symbol.symbol == "BTC/USDT"))
        assert symbol is not None
        ms = to_ms(confirmed_at)
        db.add(
            Pattern(
                symbol_id=symbol.id,
                timeframe="1h",
                type="order_block",
                direction="bearish",
                zone_low=1.0,
                zone_high=2.0,
                formed_at=ms - 3_600_000,
                confirmed_at=ms,
                expires_at=ms + 86_400_000,
                strength=0.5,
            )
        )


async def add_deliveries(
    factory: Factory, signal_id: int, user_id: int, rows: list[tuple[str, datetime]]
) -> None:
    async with unit_of_work(factory) as db:
        await db.execute(
            insert(UserNotification),
            [
                {
                    "user_id": user_id if index == 0 else await _another_user(db, created_at),
                    "signal_id": signal_id,
                    "symbol": "BTC/USDT",
                    "title": "BTC/USDT long",
                    "status": status,
                    "created_at": created_at,
                    "send_after": created_at,
                }
                for index, (status, created_at) in enumerate(rows)
            ],
        )


async def _another_user(db: AsyncSession, now: datetime) -> int:
    user = User(
        email=f"d-{secrets.token_hex(5)}@example.com",
        password_hash="x",
        ntfy_topic=topic_for(secrets.randbelow(10**6)),
        created_at=now,
    )
    db.add(user)
    await db.flush()
    return user.id


def by_day(daily: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["day"]: row for row in daily}


async def test_per_day_signals_patterns_and_deliveries(
    make_user_client: MakeUserClient, session_factory: Factory, clock: FrozenClock
) -> None:
    admin = await make_user_client(admin=True)
    now = clock.now()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    day = timedelta(days=1)
    first_midnight = midnight - 29 * day  # days=30: today and the 29 days before

    today_signal = await add_signal(session_factory, midnight + timedelta(minutes=1))
    await add_signal(session_factory, midnight + timedelta(hours=23, minutes=59))
    await add_signal(session_factory, midnight - 2 * day + timedelta(hours=5))
    await add_signal(session_factory, first_midnight)  # the first day's first instant
    await add_signal(session_factory, first_midnight - timedelta(milliseconds=1))  # outside
    await add_pattern(session_factory, midnight - day + timedelta(hours=3))
    await add_deliveries(
        session_factory,
        today_signal,
        admin.user_id,
        [
            ("sent", midnight + timedelta(minutes=2)),
            ("sent", midnight + timedelta(minutes=3)),
            ("failed", midnight + timedelta(minutes=4)),
            ("queued", midnight + timedelta(minutes=5)),  # not final: not counted
            ("skipped", midnight - day + timedelta(hours=1)),
            ("sent", first_midnight - timedelta(seconds=1)),  # outside
        ],
    )

    response = await admin.http.get(STATS, params={"days": 30})
    assert response.status_code == 200, response.text
    daily = response.json()["data"]["daily"]
    assert len(daily) == 30
    assert daily[0]["day"] == first_midnight.date().isoformat()
    assert daily[-1]["day"] == midnight.date().isoformat()
    days = by_day(daily)
    today = days[midnight.date().isoformat()]
    assert today == {
        "day": midnight.date().isoformat(),
        "signals_created": 2,
        "patterns_confirmed": 2,  # each signal's anchor pattern is confirmed with it
        "deliveries_sent": 2,
        "deliveries_failed": 1,
        "deliveries_skipped": 0,
    }
    yesterday = days[(midnight - day).date().isoformat()]
    assert (yesterday["signals_created"], yesterday["patterns_confirmed"]) == (0, 1)
    assert yesterday["deliveries_skipped"] == 1
    assert days[(midnight - 2 * day).date().isoformat()]["signals_created"] == 1
    first = daily[0]
    assert (first["signals_created"], first["patterns_confirmed"], first["deliveries_sent"]) == (
        1,
        1,
        0,
    )
    assert sum(row["signals_created"] for row in daily) == 4
    assert sum(row["deliveries_sent"] for row in daily) == 2

    week = (await admin.http.get(STATS, params={"days": 1})).json()["data"]["daily"]
    assert [row["day"] for row in week] == [midnight.date().isoformat()]


async def test_a_second_call_within_five_minutes_is_served_from_the_cache(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: Factory,
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    first = (await admin.http.get(STATS)).json()["data"]
    assert first["users"]["total"]["all"] == 1

    await add_account(session_factory, clock.now(), plan="pro")
    clock.advance(timedelta(minutes=4, seconds=59))
    cached = (await admin.http.get(STATS)).json()["data"]
    assert cached == first  # the same numbers and the same generated_at

    other = (await admin.http.get(STATS, params={"days": 7})).json()["data"]
    assert other["users"]["total"]["all"] == 2  # other parameters: counted on their own

    clock.advance(timedelta(seconds=1))
    fresh = (await admin.http.get(STATS)).json()["data"]
    assert fresh["users"]["total"] == {"all": 2, "free": 0, "pro": 1, "premium": 1}
    assert fresh["generated_at"] != first["generated_at"]
    assert await app_resources(app).cache.get("admin:stats:days=30:months=12") is not None


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"days": 0}, "query.days"),
        ({"days": 91}, "query.days"),
        ({"days": "7.5"}, "query.days"),
        ({"months": 0}, "query.months"),
        ({"months": 37}, "query.months"),
    ],
)
async def test_out_of_range_windows_are_refused(
    make_user_client: MakeUserClient, params: dict[str, Any], field: str
) -> None:
    admin = await make_user_client(admin=True)
    response = await admin.http.get(STATS, params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["meta"]["code"] == "validation_error"
    assert body["meta"]["errors"][0]["field"] == field


async def test_the_widest_windows_are_accepted(make_user_client: MakeUserClient) -> None:
    admin = await make_user_client(admin=True)
    response = await admin.http.get(STATS, params={"days": 90, "months": 36})
    assert response.status_code == 200
    data = response.json()["data"]
    assert (len(data["daily"]), len(data["revenue"]["months"])) == (90, 36)
