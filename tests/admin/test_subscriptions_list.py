"""`GET /admin/subscriptions`: newest first, filtered by status, plan, user, grace and
lifetime; `expiring_within_days` lists active ones ending within N days, soonest first."""

from __future__ import annotations

from datetime import timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from tests.admin.user_factories import SUBSCRIPTIONS, add_account, set_subscription
from tests.clients import MakeUserClient

DAY = timedelta(days=1)


async def _emails(admin: httpx.AsyncClient, **params: str | int) -> list[str]:
    response = await admin.get(SUBSCRIPTIONS, params=params)
    assert response.status_code == 200, response.text
    return [row["email"] for row in response.json()["data"]]


async def test_filters_and_the_expiring_list(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    now = clock.now()
    # (email, plan, status, expires_at), created in this order (ids ascending).
    specs = [
        ("monthly@example.com", "pro_monthly", "active", now + 20 * DAY),
        ("soon@example.com", "premium", "active", now + 2 * DAY),
        ("grace@example.com", "pro", "active", now - DAY),
        ("lapsed@example.com", "pro", "active", now - 4 * DAY),
        ("life@example.com", "premium", "active", None),
        ("gone@example.com", "premium_yearly", "cancelled", now + 5 * DAY),
        ("held@example.com", "pro", "suspended", now + 3 * DAY),
        ("sooner@example.com", "pro", "active", now + DAY),
        ("later@example.com", "pro_yearly", "active", now + 40 * DAY),
    ]
    ids = {}
    for email, plan, status, expires_at in specs:
        user = await add_account(app, now, email=email)
        ids[email] = user.id
        await set_subscription(
            session_factory, user.id, plan=plan, status=status, started_at=now - 30 * DAY,
            expires_at=expires_at,
        )  # fmt: skip
    newest_first = [email for email, *_ in reversed(specs)]

    assert await _emails(admin.http) == newest_first
    assert await _emails(admin.http, status="cancelled") == ["gone@example.com"]
    assert await _emails(admin.http, status="suspended") == ["held@example.com"]
    assert await _emails(admin.http, plan="premium") == [
        "gone@example.com", "life@example.com", "soon@example.com",
    ]  # fmt: skip
    assert await _emails(admin.http, user_id=ids["grace@example.com"]) == ["grace@example.com"]
    assert await _emails(admin.http, in_grace="true") == ["grace@example.com"]
    assert "grace@example.com" not in await _emails(admin.http, in_grace="false")
    assert await _emails(admin.http, lifetime="true") == ["life@example.com"]
    assert "life@example.com" not in await _emails(admin.http, lifetime="false")
    assert await _emails(admin.http, expiring_within_days=7) == [
        "sooner@example.com", "soon@example.com",
    ]  # fmt: skip
    assert await _emails(admin.http, expiring_within_days=30, plan="pro") == [
        "sooner@example.com", "monthly@example.com",
    ]  # fmt: skip

    rows = {row["email"]: row for row in (await admin.http.get(SUBSCRIPTIONS)).json()["data"]}
    assert rows["grace@example.com"]["in_grace"] is True
    assert rows["grace@example.com"]["tier"] == "pro"
    assert rows["lapsed@example.com"]["tier"] == "free"
    assert rows["held@example.com"]["tier"] == "free"
    assert rows["gone@example.com"]["tier"] == "premium"
    assert rows["monthly@example.com"]["plan"] == "pro"
    assert rows["monthly@example.com"]["plan_code"] == "pro_monthly"
    assert rows["life@example.com"]["lifetime"] is True

    # Soonest first across pages.
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"expiring_within_days": 365, "limit": 2}
        if cursor:
            params["cursor"] = cursor
        body = (await admin.http.get(SUBSCRIPTIONS, params=params)).json()
        seen += [row["email"] for row in body["data"]]
        cursor = body["meta"].get("next_cursor")
        if cursor is None:
            break
    assert seen == [
        "sooner@example.com", "soon@example.com", "monthly@example.com", "later@example.com",
    ]  # fmt: skip

    # The grace runs out with the clock; the ones that expired meanwhile enter theirs.
    clock.advance(2 * DAY + timedelta(seconds=1))
    assert await _emails(admin.http, in_grace="true") == [
        "sooner@example.com", "soon@example.com",
    ]  # fmt: skip


async def test_bad_filters_are_refused(make_user_client: MakeUserClient) -> None:
    admin = await make_user_client(admin=True)
    for params in (
        {"expiring_within_days": 0},
        {"expiring_within_days": 366},
        {"expiring_within_days": "7.0"},
        {"status": "paused"},
        {"plan": "free"},
        {"user_id": 0},
        {"user_id": "²"},
    ):
        response = await admin.http.get(SUBSCRIPTIONS, params=params)
        assert response.status_code == 422, (params, response.text)
        assert response.json()["meta"]["code"] == "validation_error"
