"""`/admin/broadcasts` (admin.md, Broadcasts): sending now (202) or scheduled (201), the
schedule's bounds, cancel only while scheduled (409 `invalid_transition`), 10 an hour per
admin (429 `rate_limited`), the audience's counts, the list and one audit row per write."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.resources import app_resources
from cryptolens.system.audit.models import AuditEntry
from tests.admin.broadcast_fixtures import (  # noqa: F401  (fixtures: pushes stay local)
    BROADCASTS,
    ntfy,
    test_settings,
)
from tests.clients import MakeUserClient
from tests.notifications.factories import UserSpec, add_users

NEWS = {"title": "News", "message": "Hello {name}"}


def _ahead(clock: FrozenClock, delta: timedelta) -> str:
    return (clock.now() + delta).isoformat()


async def _settle(app: FastAPI, broadcast_id: int) -> None:
    """Waits for the fan-out the route queued on the app's embedded runner."""
    runner = app_resources(app).jobs.runner
    assert runner is not None
    outcome = await runner.wait_for(f"send_broadcast:{broadcast_id}")
    assert outcome is not None and outcome.status == "ok", outcome


async def test_sent_now_is_202_sending_and_scheduled_is_201(
    app: FastAPI,
    make_user_client: MakeUserClient,
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    admin = await make_user_client(admin=True)
    now = await admin.http.post(BROADCASTS, json={**NEWS, "tags": ["tada"], "tiers": ["pro"]})
    assert now.status_code == 202, now.text
    sending = now.json()["data"]
    assert sending["status"] == "sending" and sending["scheduled_for"] is None
    assert sending["tiers"] == ["pro"] and sending["priority"] == 3
    await _settle(app, sending["id"])

    later = await admin.http.post(
        BROADCASTS, json={**NEWS, "scheduled_for": _ahead(clock, timedelta(hours=2))}
    )
    assert later.status_code == 201, later.text
    scheduled = later.json()["data"]
    assert scheduled["status"] == "scheduled"
    assert scheduled["tiers"] == ["free", "pro", "premium"]

    one = (await admin.http.get(f"{BROADCASTS}/{scheduled['id']}")).json()["data"]
    assert one["id"] == scheduled["id"] and one["recipients"] == 0
    listed = (await admin.http.get(BROADCASTS)).json()["data"]
    assert [item["id"] for item in listed] == [scheduled["id"], sending["id"]]
    by_status = await admin.http.get(BROADCASTS, params={"status": "scheduled"})
    assert [item["id"] for item in by_status.json()["data"]] == [scheduled["id"]]
    paged = (await admin.http.get(BROADCASTS, params={"limit": 1})).json()
    rest = await admin.http.get(BROADCASTS, params={"cursor": paged["meta"]["next_cursor"]})
    assert [item["id"] for item in rest.json()["data"]] == [sending["id"]]
    since = await admin.http.get(
        BROADCASTS, params={"since": (clock.now() + timedelta(minutes=1)).isoformat()}
    )
    assert since.json()["data"] == []
    missing = await admin.http.get(f"{BROADCASTS}/{10**9}")
    assert missing.status_code == 404 and missing.json()["meta"]["code"] == "not_found"

    async with session_factory() as db:
        rows = list(await db.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    assert [(row.action, row.target_id) for row in rows] == [
        ("broadcast.create", str(sending["id"])),
        ("broadcast.create", str(scheduled["id"])),
    ]
    assert rows[0].after is not None and rows[0].after["status"] == "sending"


async def test_the_schedule_is_1_minute_to_90_days_ahead_with_an_offset(
    make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    admin = await make_user_client(admin=True)
    naive = (clock.now() + timedelta(hours=1)).replace(tzinfo=None).isoformat()
    bad: list[Any] = [
        naive,
        _ahead(clock, timedelta(seconds=59)),
        _ahead(clock, -timedelta(minutes=5)),
        _ahead(clock, timedelta(days=90, seconds=1)),
        "tomorrow",
    ]
    for scheduled_for in bad:
        response = await admin.http.post(BROADCASTS, json={**NEWS, "scheduled_for": scheduled_for})
        assert response.status_code == 422, (scheduled_for, response.text)
        assert response.json()["meta"]["code"] == "validation_error"
        assert "scheduled_for" in response.text
    for delta in (timedelta(minutes=1), timedelta(days=90)):
        edge = await admin.http.post(
            BROADCASTS, json={**NEWS, "scheduled_for": _ahead(clock, delta)}
        )
        assert edge.status_code == 201, edge.text
    # Another offset than UTC names the same moment.
    tokyo = (clock.now() + timedelta(hours=3)).astimezone(
        __import__("zoneinfo").ZoneInfo("Asia/Tokyo")
    )
    created = await admin.http.post(BROADCASTS, json={**NEWS, "scheduled_for": tokyo.isoformat()})
    assert created.status_code == 201


async def test_bad_bodies_are_422_naming_the_field(make_user_client: MakeUserClient) -> None:
    admin = await make_user_client(admin=True)
    bad: list[tuple[str, dict[str, Any]]] = [
        ("title", {"message": "only a message"}),
        ("message", {"title": "only a title"}),
        ("title", {"title": "", "message": "x"}),
        ("message", {"title": "x", "message": "m" * 4001}),
        ("priority", {**NEWS, "priority": 9}),
        ("tags", {**NEWS, "tags": ["Bad Tag"]}),
        ("tiers", {**NEWS, "tiers": ["gold"]}),
        ("tiers", {**NEWS, "tiers": []}),
        ("audience", {**NEWS, "audience": "all"}),
    ]
    for field, body in bad:
        response = await admin.http.post(BROADCASTS, json=body)
        assert response.status_code == 422, (field, response.text)
        assert response.json()["meta"]["code"] == "validation_error"
        assert field in response.text, field
    placeholder = await admin.http.post(BROADCASTS, json={"title": "Hi {user}", "message": "x"})
    assert placeholder.status_code == 422
    assert placeholder.json()["meta"]["code"] == "unknown_placeholder"


async def test_only_a_scheduled_broadcast_can_be_cancelled(
    app: FastAPI,
    make_user_client: MakeUserClient,
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    admin = await make_user_client(admin=True)
    scheduled = (
        await admin.http.post(
            BROADCASTS, json={**NEWS, "scheduled_for": _ahead(clock, timedelta(minutes=10))}
        )
    ).json()["data"]
    cancelled = await admin.http.post(f"{BROADCASTS}/{scheduled['id']}/cancel")
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["data"]["status"] == "cancelled"
    assert cancelled.json()["data"]["cancelled_at"] is not None
    again = await admin.http.post(f"{BROADCASTS}/{scheduled['id']}/cancel")
    assert again.status_code == 409 and again.json()["meta"]["code"] == "invalid_transition"

    sending = (await admin.http.post(BROADCASTS, json=NEWS)).json()["data"]
    await _settle(app, sending["id"])
    refused = await admin.http.post(f"{BROADCASTS}/{sending['id']}/cancel")
    assert refused.status_code == 409 and refused.json()["meta"]["code"] == "invalid_transition"
    missing = await admin.http.post(f"{BROADCASTS}/{10**9}/cancel")
    assert missing.status_code == 404

    async with session_factory() as db:
        cancels = list(
            await db.scalars(select(AuditEntry).where(AuditEntry.action == "broadcast.cancel"))
        )
    assert [(row.target_id, row.before, row.after) for row in cancels] == [
        (str(scheduled["id"]), {"status": "scheduled"}, {"status": "cancelled"})
    ]


async def test_ten_an_hour_per_admin(make_user_client: MakeUserClient, clock: FrozenClock) -> None:
    admin = await make_user_client(admin=True)
    other = await make_user_client(admin=True)
    later = {**NEWS, "scheduled_for": _ahead(clock, timedelta(hours=1))}
    # A refused body is not counted.
    assert (await admin.http.post(BROADCASTS, json={"title": "x"})).status_code == 422
    for _ in range(10):
        assert (await admin.http.post(BROADCASTS, json=later)).status_code == 201
    refused = await admin.http.post(BROADCASTS, json=later)
    assert refused.status_code == 429
    assert refused.json()["meta"]["code"] == "rate_limited"
    assert int(refused.headers["Retry-After"]) > 0
    listed = (await admin.http.get(BROADCASTS, params={"limit": 100})).json()["data"]
    assert len(listed) == 10  # the refused one was not created
    # Per admin: another admin still may.
    assert (await other.http.post(BROADCASTS, json=later)).status_code == 201


async def test_the_audience_is_counted_never_listed(
    make_user_client: MakeUserClient,
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    admin = await make_user_client(admin=True)  # an admin: premium, in the audience
    off = {"enabled": False}
    await add_users(
        session_factory,
        [
            UserSpec(tier="free"),
            UserSpec(tier="free"),
            UserSpec(tier="pro"),
            UserSpec(tier="premium", timezone="Asia/Tokyo"),
            UserSpec(tier="free", is_verified=False),
            UserSpec(tier="pro", is_verified=False),
            UserSpec(tier="pro", preferences=off),
            UserSpec(tier="free", is_active=False),
            UserSpec(tier="free", is_verified=False, preferences=off),
        ],
        clock.now(),
    )
    every = await admin.http.get(f"{BROADCASTS}/audience")
    assert every.status_code == 200, every.text
    assert every.json()["data"] == {
        "total": 5,
        "by_tier": {"free": 2, "pro": 1, "premium": 2},
        "excluded_unverified": 3,
        "excluded_notifications_off": 1,
    }
    assert "@" not in every.text and "cl_" not in every.text
    some = await admin.http.get(f"{BROADCASTS}/audience", params={"tiers": "pro,free"})
    assert some.json()["data"] == {
        "total": 3,
        "by_tier": {"free": 2, "pro": 1},
        "excluded_unverified": 3,
        "excluded_notifications_off": 1,
    }
    repeated = await admin.http.get(
        f"{BROADCASTS}/audience", params=[("tiers", "pro"), ("tiers", "premium")]
    )
    assert repeated.json()["data"]["by_tier"] == {"pro": 1, "premium": 2}
    bad = await admin.http.get(f"{BROADCASTS}/audience", params={"tiers": "gold"})
    assert bad.status_code == 422 and "tiers" in bad.json()["error"]
