"""`POST /admin/users/{id}/subscription/{action}`: grant, cancel, suspend and reactivate
exactly as admin.md's table says, each with its 409s and one audit row; the user's tier
changes on their very next request."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.access.tiers import Tier
from cryptolens.billing.service import tier_from_subscription
from cryptolens.core.clock import FrozenClock
from tests.admin.user_factories import (
    USERS,
    add_account,
    audit_rows,
    set_subscription,
    subscription_of,
)
from tests.auth.helpers import me
from tests.clients import MakeUserClient

DAY = timedelta(days=1)


def _at(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


async def _act(
    admin: httpx.AsyncClient, user_id: int, action: str, body: dict[str, Any] | None = None
) -> httpx.Response:
    return await admin.post(f"{USERS}/{user_id}/subscription/{action}", json=body)


async def _ok(
    admin: httpx.AsyncClient, user_id: int, action: str, body: dict[str, Any] | None = None
) -> dict[str, Any]:
    response = await _act(admin, user_id, action, body)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


async def _refused(
    admin: httpx.AsyncClient,
    user_id: int,
    action: str,
    code: str,
    body: dict[str, Any] | None = None,
) -> None:
    response = await _act(admin, user_id, action, body)
    assert response.status_code == 409, (action, response.text)
    assert response.json()["meta"]["code"] == code


async def _tier(user: httpx.AsyncClient) -> str:
    response = await me(user)
    assert response.status_code == 200, response.text
    tier: str = response.json()["data"]["tier"]
    return tier


async def test_the_tier_changes_on_the_users_next_request(
    make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    admin = await make_user_client(admin=True)
    user = await make_user_client()
    assert await _tier(user.http) == "free"  # the identity layer remembers this answer

    await _ok(admin.http, user.user_id, "grant", {"plan": "pro", "days": 30})
    assert await _tier(user.http) == "pro"
    await _ok(admin.http, user.user_id, "suspend")
    assert await _tier(user.http) == "free"
    await _ok(admin.http, user.user_id, "reactivate")
    assert await _tier(user.http) == "pro"
    await _ok(admin.http, user.user_id, "grant", {"plan": "premium", "lifetime": True})
    assert await _tier(user.http) == "premium"
    cancelled = await _ok(admin.http, user.user_id, "cancel")
    assert _at(cancelled["expires_at"]) == clock.now()  # a lifetime one ends now
    assert await _tier(user.http) == "free"


async def test_grant_adds_days_to_a_running_subscription_only(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    now = clock.now()
    user = await add_account(app, now)

    first = await _ok(admin.http, user.id, "grant", {"plan": "pro", "days": 30})
    assert first["status"] == "active" and first["plan"] == "pro" and first["tier"] == "pro"
    assert _at(first["expires_at"]) == now + 30 * DAY
    again = await _ok(admin.http, user.id, "grant", {"plan": "premium", "days": 10})
    assert _at(again["expires_at"]) == now + 40 * DAY  # no proration: days just add up
    assert again["plan"] == "premium" and again["tier"] == "premium"

    # In the grace days it still gives a tier: the days run from now.
    await set_subscription(
        session_factory, user.id, plan="pro_monthly", status="active",
        started_at=now - 32 * DAY, expires_at=now - 2 * DAY,
    )  # fmt: skip
    in_grace = await _ok(admin.http, user.id, "grant", {"plan": "pro", "days": 5})
    assert _at(in_grace["expires_at"]) == now + 5 * DAY
    # Cancelled before its end: it gives a tier, the days add to its end; active again.
    await set_subscription(
        session_factory, user.id, plan="pro", status="cancelled", started_at=now,
        expires_at=now + 3 * DAY, cancelled_at=now,
    )  # fmt: skip
    resumed = await _ok(admin.http, user.id, "grant", {"plan": "pro", "days": 5})
    assert _at(resumed["expires_at"]) == now + 8 * DAY
    assert resumed["status"] == "active" and resumed["cancelled_at"] is None
    # Suspended (free now) or past its grace: from now.
    for status, expires_at in (("suspended", now + 20 * DAY), ("active", now - 4 * DAY)):
        await set_subscription(
            session_factory, user.id, plan="pro", status=status, started_at=now - 40 * DAY,
            expires_at=expires_at,
        )  # fmt: skip
        granted = await _ok(admin.http, user.id, "grant", {"plan": "pro", "days": 7})
        assert _at(granted["expires_at"]) == now + 7 * DAY, status
        assert _at(granted["started_at"]) == now

    rows = await audit_rows(admin.http, action="subscription.grant")
    assert len(rows) == 6
    oldest = rows[-1]
    assert oldest["target_type"] == "subscription"
    assert oldest["target_id"] == str(user.id)
    assert oldest["before"] is None and oldest["after"]["plan"] == "pro"
    assert rows[-2]["before"]["plan"] == "pro" and rows[-2]["after"]["plan"] == "premium"


async def test_lifetime_grants_and_days_on_a_lifetime_one(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    user = await add_account(app, clock.now())
    await _ok(admin.http, user.id, "grant", {"plan": "pro", "days": 30})
    lifetime = await _ok(admin.http, user.id, "grant", {"plan": "pro", "lifetime": True})
    assert lifetime["expires_at"] is None and lifetime["lifetime"] is True

    await _refused(
        admin.http, user.id, "grant", "subscription_lifetime", {"plan": "premium", "days": 30}
    )
    stored = await subscription_of(session_factory, user.id)
    assert stored is not None and stored.expires_at is None and stored.plan == "pro"
    upgraded = await _ok(admin.http, user.id, "grant", {"plan": "premium", "lifetime": True})
    assert upgraded["plan"] == "premium" and upgraded["expires_at"] is None
    stored = await subscription_of(session_factory, user.id)
    assert tier_from_subscription(stored, clock.now() + timedelta(days=5000)) == Tier.PREMIUM
    assert len(await audit_rows(admin.http, action="subscription.grant")) == 3


async def test_cancel_suspend_and_reactivate_follow_the_table(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    now = clock.now()
    user = await add_account(app, now)

    # None: only grant.
    for action in ("cancel", "suspend", "reactivate"):
        await _refused(admin.http, user.id, action, "invalid_transition")
    assert await subscription_of(session_factory, user.id) is None

    await _ok(admin.http, user.id, "grant", {"plan": "pro", "days": 30})
    await _refused(admin.http, user.id, "reactivate", "invalid_transition")
    cancelled = await _ok(admin.http, user.id, "cancel")
    assert cancelled["status"] == "cancelled" and cancelled["tier"] == "pro"
    assert _at(cancelled["expires_at"]) == now + 30 * DAY  # access until expires_at
    assert _at(cancelled["cancelled_at"]) == now
    await _refused(admin.http, user.id, "cancel", "invalid_transition")
    reactivated = await _ok(admin.http, user.id, "reactivate")
    assert reactivated["status"] == "active" and reactivated["cancelled_at"] is None

    suspended = await _ok(admin.http, user.id, "suspend")
    assert suspended["status"] == "suspended" and suspended["tier"] == "free"
    await _refused(admin.http, user.id, "suspend", "invalid_transition")
    await _refused(admin.http, user.id, "cancel", "invalid_transition")
    await _ok(admin.http, user.id, "reactivate")
    await _ok(admin.http, user.id, "cancel")
    from_cancelled = await _ok(admin.http, user.id, "suspend")
    assert from_cancelled["status"] == "suspended"

    # Expired status: nothing but grant.
    await set_subscription(
        session_factory, user.id, plan="pro", status="expired", started_at=now,
        expires_at=now - DAY,
    )  # fmt: skip
    for action in ("cancel", "suspend", "reactivate"):
        await _refused(admin.http, user.id, action, "invalid_transition")

    verbs = [row["action"] for row in await audit_rows(admin.http, action="subscription.")]
    assert verbs == [
        "subscription.suspend", "subscription.cancel", "subscription.reactivate",
        "subscription.suspend", "subscription.reactivate", "subscription.cancel",
        "subscription.grant",
    ]  # fmt: skip
    last = (await audit_rows(admin.http, action="subscription.suspend"))[0]
    assert last["before"] == {"status": "cancelled"} and last["after"] == {"status": "suspended"}


@pytest.mark.parametrize("status", ["suspended", "cancelled"])
async def test_reactivate_only_within_the_grace_days(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    status: str,
) -> None:
    admin = await make_user_client(admin=True)
    now = clock.now()
    user = await add_account(app, now)
    await set_subscription(
        session_factory, user.id, plan="premium", status=status, started_at=now - 40 * DAY,
        expires_at=now - 3 * DAY,
    )  # fmt: skip
    await _refused(admin.http, user.id, "reactivate", "subscription_expired")
    assert await audit_rows(admin.http, action="subscription.reactivate") == []

    await set_subscription(
        session_factory, user.id, plan="premium", status=status, started_at=now - 40 * DAY,
        expires_at=now - 3 * DAY + timedelta(seconds=1),
    )  # fmt: skip
    back = await _ok(admin.http, user.id, "reactivate")
    assert back["status"] == "active" and back["tier"] == "premium" and back["in_grace"] is True

    # A lifetime one never runs out.
    await set_subscription(
        session_factory, user.id, plan="pro", status=status, started_at=now - 400 * DAY,
        expires_at=None,
    )  # fmt: skip
    assert (await _ok(admin.http, user.id, "reactivate"))["tier"] == "pro"


async def test_bad_bodies_and_unknown_users(
    app: FastAPI, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    admin = await make_user_client(admin=True)
    user = await add_account(app, clock.now())
    for body in (
        {"plan": "pro"},
        {"plan": "pro", "days": 30, "lifetime": True},
        {"plan": "pro", "days": 0},
        {"plan": "pro", "days": 3651},
        {"plan": "pro", "days": "30"},
        {"plan": "pro", "lifetime": False},
        {"plan": "free", "days": 30},
        {"plan": "pro_monthly", "days": 30},
        {"plan": "pro", "days": 30, "note": "x"},
        None,
    ):
        response = await _act(admin.http, user.id, "grant", body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["meta"]["code"] == "validation_error"
    ok = await _act(admin.http, user.id, "grant", {"plan": "pro", "days": 3650})
    assert ok.status_code == 200

    for action, body in (
        ("grant", {"plan": "pro", "days": 30}),
        ("cancel", None),
        ("suspend", None),
        ("reactivate", None),
    ):
        response = await _act(admin.http, user.id + 999, action, body)
        assert response.status_code == 404, (action, response.text)
        assert response.json()["meta"]["code"] == "not_found"
    assert (await _act(admin.http, user.id, "renew", None)).status_code in (404, 405)


async def test_concurrent_grants_both_count(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    """Two admins granting days to a user without a subscription at once: one request inserts
    it, the other runs again and adds its days to it (never a 500, never a lost grant)."""
    first = await make_user_client(admin=True)
    second = await make_user_client(admin=True)
    user = await add_account(app, clock.now())
    body = {"plan": "pro", "days": 10}
    answers = await asyncio.gather(
        _act(first.http, user.id, "grant", body), _act(second.http, user.id, "grant", body)
    )
    assert [answer.status_code for answer in answers] == [200, 200], [a.text for a in answers]
    stored = await subscription_of(session_factory, user.id)
    assert stored is not None and stored.expires_at == clock.now() + 20 * DAY
    assert len(await audit_rows(first.http, action="subscription.grant")) == 2
