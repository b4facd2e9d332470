"""`/admin/users`: the list and its filters, a user's detail, the flags an admin may change
(never clearing their own is_active or is_admin), unlocking and ending sessions; each write
adds one audit row (admin.md, Users)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.notifications.models import UserNotification
from tests.admin.user_factories import (
    USERS,
    account,
    add_account,
    add_session,
    audit_rows,
    lock,
    session_count,
    set_subscription,
)
from tests.auth.helpers import API, fetch_csrf, login, me
from tests.clients import MakeClient, MakeUserClient
from tests.notifications.factories import add_signal


async def _emails(admin: Any, **params: str | int) -> list[str]:
    response = await admin.get(USERS, params=params)
    assert response.status_code == 200, response.text
    return [user["email"] for user in response.json()["data"]]


async def test_the_list_filters_by_text_flags_lock_and_tier(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    now = clock.now()
    await add_account(app, now, email="alice@example.com", display_name="Alice Trader")
    await add_account(app, now, email="bob@example.com", display_name="BOBBY", is_active=False)
    carol = await add_account(app, now, email="carol@example.com", is_verified=False)
    await lock(session_factory, carol.id, now + timedelta(minutes=10), 0)
    dave = await add_account(app, now, email="dave@example.com")
    await set_subscription(
        session_factory,
        dave.id,
        plan="pro_monthly",
        status="active",
        started_at=now,
        expires_at=now + timedelta(days=20),
    )
    erin = await add_account(app, now, email="erin@example.com")
    await set_subscription(
        session_factory, erin.id, plan="premium", status="active", started_at=now, expires_at=None
    )
    # In its grace days: still pro. Past them, or suspended: free.
    frank = await add_account(app, now, email="frank@example.com")
    await set_subscription(
        session_factory,
        frank.id,
        plan="pro",
        status="active",
        started_at=now - timedelta(days=31),
        expires_at=now - timedelta(days=1),
    )
    gina = await add_account(app, now, email="gina@example.com")
    await set_subscription(
        session_factory,
        gina.id,
        plan="premium_yearly",
        status="suspended",
        started_at=now,
        expires_at=now + timedelta(days=200),
    )
    hank = await add_account(app, now, email="hank@example.com")
    await set_subscription(
        session_factory,
        hank.id,
        plan="pro",
        status="active",
        started_at=now - timedelta(days=40),
        expires_at=now - timedelta(days=4),
    )
    # Cancelled: the tier until expires_at, no grace.
    ivan = await add_account(app, now, email="ivan@example.com")
    await set_subscription(
        session_factory,
        ivan.id,
        plan="premium",
        status="cancelled",
        started_at=now,
        expires_at=now + timedelta(days=2),
        cancelled_at=now,
    )

    everyone = await _emails(admin.http)
    assert everyone == [
        "ivan@example.com", "hank@example.com", "gina@example.com", "frank@example.com",
        "erin@example.com", "dave@example.com", "carol@example.com", "bob@example.com",
        "alice@example.com", admin.email,
    ]  # fmt: skip
    assert await _emails(admin.http, q="ALICE") == ["alice@example.com"]
    assert await _emails(admin.http, q="bobby") == ["bob@example.com"]  # display name, any case
    assert await _emails(admin.http, q="trader") == ["alice@example.com"]
    assert await _emails(admin.http, q="%") == []  # a literal, not a wildcard
    assert await _emails(admin.http, is_active="false") == ["bob@example.com"]
    assert await _emails(admin.http, is_verified="false") == ["carol@example.com"]
    assert await _emails(admin.http, is_admin="true") == [admin.email]
    assert await _emails(admin.http, locked="true") == ["carol@example.com"]
    assert "carol@example.com" not in await _emails(admin.http, locked="false")
    assert await _emails(admin.http, tier="pro") == ["frank@example.com", "dave@example.com"]
    assert await _emails(admin.http, tier="premium") == [
        "ivan@example.com",
        "erin@example.com",
        admin.email,  # admins are premium
    ]
    assert await _emails(admin.http, tier="free") == [
        "hank@example.com", "gina@example.com", "carol@example.com", "bob@example.com",
        "alice@example.com",
    ]  # fmt: skip
    assert await _emails(admin.http, tier="free", is_active="true", q="a") == [
        "hank@example.com", "gina@example.com", "carol@example.com", "alice@example.com",
    ]  # fmt: skip

    rows = {row["email"]: row for row in (await admin.http.get(USERS)).json()["data"]}
    assert rows["frank@example.com"]["tier"] == "pro"
    assert rows["hank@example.com"]["tier"] == "free"
    assert rows[admin.email]["tier"] == "premium"
    assert rows["carol@example.com"]["locked"] is True
    assert rows["alice@example.com"]["display_name"] == "Alice Trader"

    # "Locked" is decided now: the lock runs out, the filter follows; so does the grace.
    clock.advance(timedelta(minutes=11))
    assert await _emails(admin.http, locked="true") == []
    clock.advance(timedelta(days=2))
    assert await _emails(admin.http, tier="pro") == ["dave@example.com"]
    assert "ivan@example.com" in await _emails(admin.http, tier="free")


async def test_the_list_pages_newest_first(
    app: FastAPI, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    admin = await make_user_client(admin=True)
    for index in range(4):
        await add_account(app, clock.now(), email=f"page{index}@example.com")
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"limit": 2, "q": "page"}
        if cursor:
            params["cursor"] = cursor
        body = (await admin.http.get(USERS, params=params)).json()
        seen += [row["email"] for row in body["data"]]
        cursor = body["meta"].get("next_cursor")
        if cursor is None:
            break
    assert seen == [f"page{index}@example.com" for index in (3, 2, 1, 0)]
    forged = await admin.http.get(USERS, params={"cursor": "bm90LWEtY3Vyc29y"})
    assert forged.status_code == 422
    assert (await admin.http.get(USERS, params={"tier": "gold"})).status_code == 422


async def test_the_detail_shows_subscription_sessions_failures_and_latest_deliveries(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    now = clock.now()
    user = await add_account(app, now, email="detail@example.com", failed_logins=3)
    await set_subscription(
        session_factory,
        user.id,
        plan="pro_monthly",
        status="active",
        started_at=now,
        expires_at=now + timedelta(days=30),
    )
    await add_session(app, user.id, now)
    await add_session(app, user.id, now - timedelta(days=8))  # expired: not open
    await add_session(app, user.id, now)
    signal_ids = [await add_signal(session_factory, now) for _ in range(11)]
    async with unit_of_work(session_factory) as db:
        await db.execute(
            insert(UserNotification),
            [
                {
                    "user_id": user.id,
                    "signal_id": signal_id,
                    "symbol": "BTC/USDT",
                    "title": f"Signal {index}",
                    "status": "sent",
                    "attempts": 1,
                    "created_at": now + timedelta(seconds=index),
                    "send_after": now,
                }
                for index, signal_id in enumerate(signal_ids)
            ],
        )

    response = await admin.http.get(f"{USERS}/{user.id}")
    assert response.status_code == 200, response.text
    detail = response.json()["data"]
    assert detail["email"] == "detail@example.com"
    assert detail["tier"] == "pro"
    assert detail["failed_logins"] == 3
    assert detail["subscription"]["plan"] == "pro"
    assert detail["subscription"]["plan_code"] == "pro_monthly"
    assert detail["subscription"]["status"] == "active"
    assert len(detail["sessions"]) == 2
    assert [row["title"] for row in detail["deliveries"]] == [
        f"Signal {index}" for index in range(10, 0, -1)
    ]
    assert "password_hash" not in detail and "ntfy_topic" not in detail

    missing = await admin.http.get(f"{USERS}/{user.id + 1000}")
    assert missing.status_code == 404
    assert missing.json()["meta"]["code"] == "not_found"


async def test_deactivating_signs_the_user_out_and_is_audited(
    make_user_client: MakeUserClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    admin = await make_user_client(admin=True)
    user = await make_user_client("pro")
    assert (await me(user.http)).status_code == 200

    response = await admin.http.patch(f"{USERS}/{user.user_id}", json={"is_active": False})
    assert response.status_code == 200, response.text
    assert response.json()["data"]["is_active"] is False
    assert (await me(user.http)).status_code == 401
    assert await session_count(session_factory, user.user_id) == 0

    [row] = await audit_rows(admin.http, action="user.update")
    assert row["target_type"] == "user" and row["target_id"] == str(user.user_id)
    assert row["before"] == {"is_active": True} and row["after"] == {"is_active": False}
    assert row["actor_id"] == admin.user_id


async def test_a_change_of_admin_rights_signs_the_user_out_a_verification_does_not(
    make_user_client: MakeUserClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    admin = await make_user_client(admin=True)
    user = await make_user_client(verified=False)

    verified = await admin.http.patch(f"{USERS}/{user.user_id}", json={"is_verified": True})
    assert verified.status_code == 200, verified.text
    assert (await me(user.http)).json()["data"]["is_verified"] is True

    promoted = await admin.http.patch(f"{USERS}/{user.user_id}", json={"is_admin": True})
    assert promoted.status_code == 200
    assert promoted.json()["data"]["tier"] == "premium"
    assert (await me(user.http)).status_code == 401
    assert (await account(session_factory, user.user_id)).is_admin is True
    assert len(await audit_rows(admin.http, action="user.update")) == 2


async def test_an_admin_cannot_clear_their_own_active_or_admin_flag(
    make_user_client: MakeUserClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    admin = await make_user_client(admin=True)
    for body in (
        {"is_active": False},
        {"is_admin": False},
        {"is_admin": False, "is_verified": True},
    ):
        response = await admin.http.patch(f"{USERS}/{admin.user_id}", json=body)
        assert response.status_code == 409, (body, response.text)
        assert response.json()["meta"]["code"] == "self_protected"
    mine = await account(session_factory, admin.user_id)
    assert mine.is_active and mine.is_admin
    assert (await me(admin.http)).status_code == 200
    assert await audit_rows(admin.http, action="user.update") == []

    # Another admin may do it to them (an active admin still remains).
    other = await make_user_client(admin=True)
    demoted = await other.http.patch(f"{USERS}/{admin.user_id}", json={"is_admin": False})
    assert demoted.status_code == 200, demoted.text
    assert (await me(admin.http)).status_code == 401


async def test_patch_takes_only_the_three_flags(make_user_client: MakeUserClient) -> None:
    admin = await make_user_client(admin=True)
    user = await make_user_client()
    path = f"{USERS}/{user.user_id}"
    for body in (
        {"email": "new@example.com"},
        {"is_active": True, "display_name": "x"},
        {},
        {"is_active": None},
        {"is_active": "no"},
    ):
        response = await admin.http.patch(path, json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["meta"]["code"] == "validation_error"
    unknown_field = await admin.http.patch(path, json={"email": "new@example.com"})
    assert "email" in unknown_field.json()["error"]
    missing = await admin.http.patch(f"{USERS}/{user.user_id + 999}", json={"is_active": False})
    assert missing.status_code == 404
    assert await audit_rows(admin.http, action="user.update") == []


async def test_unlock_clears_the_lock_and_the_count(
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    user = await make_user_client()
    until = clock.now() + timedelta(minutes=15)
    await lock(session_factory, user.user_id, until, 4)
    browser = make_client(ip="198.51.100.9")
    await fetch_csrf(browser)
    refused = await login(browser, user.email, user.password)
    assert refused.json()["meta"]["code"] == "account_locked"

    response = await admin.http.post(f"{USERS}/{user.user_id}/unlock")
    assert response.status_code == 204
    assert response.content == b""
    unlocked = await account(session_factory, user.user_id)
    assert unlocked.locked_until is None and unlocked.failed_login_count == 0
    assert (await login(browser, user.email, user.password)).status_code == 200

    [row] = await audit_rows(admin.http, action="user.unlock")
    assert row["target_id"] == str(user.user_id)
    assert row["before"]["failed_login_count"] == 4
    assert row["after"] == {"locked_until": None, "failed_login_count": 0}
    assert (await admin.http.post(f"{USERS}/{user.user_id + 999}/unlock")).status_code == 404


async def test_end_sessions_signs_a_user_out_everywhere(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    user = await make_user_client()
    await add_session(app, user.user_id, clock.now())

    response = await admin.http.post(f"{USERS}/{user.user_id}/end-sessions")
    assert response.status_code == 200, response.text
    assert response.json()["data"] == {"ended": 2}
    assert (await me(user.http)).status_code == 401
    [row] = await audit_rows(admin.http, action="user.end_sessions")
    assert row["after"] == {"ended": 2}
    assert (await admin.http.post(f"{USERS}/{user.user_id + 999}/end-sessions")).status_code == 404


async def test_ending_ones_own_sessions_keeps_the_current_one(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    await add_session(app, admin.user_id, clock.now())
    await add_session(app, admin.user_id, clock.now())

    response = await admin.http.post(f"{USERS}/{admin.user_id}/end-sessions")
    assert response.json()["data"] == {"ended": 2}
    assert await session_count(session_factory, admin.user_id) == 1
    assert (await admin.http.get(f"{API}/me")).status_code == 200
