"""`/admin/errors` (admin.md, "Errors"): the list and its filters, one group in detail, status
changes (409 `invalid_transition`, audited, notes appended) and the stats."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms, unit_of_work
from cryptolens.system.audit.models import AuditEntry
from cryptolens.system.errors import service as error_tracking
from cryptolens.system.errors.fingerprint import Signature
from cryptolens.system.errors.schemas import ErrorSource, Failure
from tests.clients import MakeClient, MakeUserClient, UserClient
from tests.system.error_routes import PREFIX, REPORT_ROUTE, with_failing_routes

ERRORS = f"{ADMIN_PREFIX}/errors"


async def _capture(
    factory: async_sessionmaker[AsyncSession],
    at: datetime,
    *,
    where: str,
    error_type: str = "RuntimeError",
    message: str = "boom",
    source: ErrorSource = "job",
    times: int = 1,
) -> int:
    failure = Failure(
        source=source,
        signature=Signature(error_type, where, "cryptolens.x:f"),
        message=message,
        traceback=f"Traceback ...\n{error_type}: {message}",
        job_id="j1" if source == "job" else None,
    )
    group_id = 0
    for _ in range(times):
        async with unit_of_work(factory) as session:
            group_id = await error_tracking.record_failure(session, failure, at)
    return group_id


@pytest.fixture
async def admin(make_user_client: MakeUserClient) -> UserClient:
    return await make_user_client(admin=True)


async def test_the_list_is_last_seen_first_and_filters(
    admin: UserClient, session_factory: async_sessionmaker[AsyncSession], clock: FrozenClock
) -> None:
    now = clock.now()
    old = await _capture(
        session_factory, now - timedelta(days=3), where="job:a", message="Exchange TIMEOUT"
    )
    api = await _capture(
        session_factory,
        now - timedelta(days=1),
        where="GET /api/v1/x",
        error_type="KeyError",
        source="api",
    )
    newest = await _capture(session_factory, now, where="job:b", error_type="app.QuotaError")
    async with unit_of_work(session_factory) as session:
        await error_tracking.change_status(
            session, newest, "acknowledged", note=None, by_user_id=None, by_label="t", now=now
        )

    async def ids(**params: object) -> list[int]:
        response = await admin.http.get(ERRORS, params=params)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["data"]]

    assert await ids() == [newest, api, old]
    assert await ids(status="acknowledged") == [newest]
    assert await ids(status="new") == [api, old]
    assert await ids(source="api") == [api]
    assert await ids(source="job") == [newest, old]
    assert await ids(q="timeout") == [old]  # the message, any case
    assert await ids(q="quota") == [newest]  # the type
    assert await ids(since=to_ms(now - timedelta(days=2))) == [newest, api]
    item = (await admin.http.get(ERRORS, params={"source": "api"})).json()["data"][0]
    assert item["location"] == "GET /api/v1/x" and item["error_type"] == "KeyError"
    assert item["occurrence_count"] == 1 and item["status"] == "new"
    assert "traceback" not in item and "notes" not in item


async def test_the_list_pages_with_a_cursor(
    admin: UserClient, session_factory: async_sessionmaker[AsyncSession], clock: FrozenClock
) -> None:
    now = clock.now()
    same_time = [await _capture(session_factory, now, where=f"job:same{i}") for i in range(2)]
    earlier = await _capture(session_factory, now - timedelta(seconds=1), where="job:earlier")
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, object] = {"limit": 1}
        if cursor:
            params["cursor"] = cursor
        body = (await admin.http.get(ERRORS, params=params)).json()
        seen += [item["id"] for item in body["data"]]
        cursor = body["meta"].get("next_cursor")
        if not cursor:
            break
    assert seen == [*sorted(same_time, reverse=True), earlier]
    assert (await admin.http.get(ERRORS, params={"cursor": "bm9wZQ"})).status_code == 422


@pytest.mark.parametrize(
    "params",
    [{"status": "open"}, {"source": "cron"}, {"since": "yesterday"}, {"q": ""}, {"limit": 0}],
)
async def test_bad_filters_are_422(admin: UserClient, params: dict[str, object]) -> None:
    response = await admin.http.get(ERRORS, params=params)
    assert response.status_code == 422
    assert response.json()["meta"]["code"] == "validation_error"
    assert next(iter(params)) in response.json()["error"]


async def test_one_group_with_its_occurrences_and_daily_counts(
    app: FastAPI,
    make_client: MakeClient,
    admin: UserClient,
    clock: FrozenClock,
) -> None:
    with_failing_routes(app)
    http = make_client()
    await http.get(REPORT_ROUTE, params={"q": "1"})
    clock.advance(timedelta(days=1))
    await http.get(REPORT_ROUTE, params={"q": "2"})
    await http.get(REPORT_ROUTE, params={"q": "3"})
    [listed] = (await admin.http.get(ERRORS)).json()["data"]
    response = await admin.http.get(f"{ERRORS}/{listed['id']}")
    assert response.status_code == 200, response.text
    group = response.json()["data"]
    assert group["occurrence_count"] == 3
    assert "RuntimeError: the report broke" in group["traceback"]
    assert group["notes"] is None
    assert [item["query"] for item in group["occurrences"]] == [{"q": "3"}, {"q": "2"}, {"q": "1"}]
    occurrence = group["occurrences"][0]
    assert (occurrence["method"], occurrence["path"]) == ("GET", REPORT_ROUTE)
    assert occurrence["request_id"] and occurrence["job_id"] is None
    today = clock.now().date()
    assert group["daily_counts"] == [
        {"day": (today - timedelta(days=1)).isoformat(), "occurrences": 1},
        {"day": today.isoformat(), "occurrences": 2},
    ]
    assert (await admin.http.get(f"{ERRORS}/999999")).status_code == 404
    assert (await admin.http.get(f"{ERRORS}/abc")).status_code == 422


async def test_status_changes_keep_who_and_when_append_notes_and_are_audited(
    admin: UserClient, session_factory: async_sessionmaker[AsyncSession], clock: FrozenClock
) -> None:
    group_id = await _capture(session_factory, clock.now(), where="job:x")
    url = f"{ERRORS}/{group_id}/status"

    same = await admin.http.post(url, json={"status": "new"})
    assert same.status_code == 409
    assert same.json()["meta"]["code"] == "invalid_transition"

    clock.advance(timedelta(minutes=1))
    response = await admin.http.post(url, json={"status": "acknowledged", "note": "looking"})
    assert response.status_code == 200, response.text
    group = response.json()["data"]
    assert group["status"] == "acknowledged"
    assert group["status_changed_by"] == admin.user_id
    assert datetime.fromisoformat(group["status_changed_at"]) == clock.now()
    clock.advance(timedelta(minutes=1))
    resolved = await admin.http.post(url, json={"status": "resolved", "note": "fixed in 1.2"})
    notes = resolved.json()["data"]["notes"].splitlines()
    assert len(notes) == 2
    assert notes[0].endswith(f"{admin.email} (acknowledged): looking")
    assert notes[1].endswith(f"{admin.email} (resolved): fixed in 1.2")
    again = await admin.http.post(url, json={"status": "resolved"})
    assert again.status_code == 409 and again.json()["meta"]["code"] == "invalid_transition"
    # Any other status is allowed from any, back to new too.
    assert (await admin.http.post(url, json={"status": "new"})).status_code == 200

    async with session_factory() as session:
        rows = (await session.scalars(select(AuditEntry).order_by(AuditEntry.id))).all()
    assert [(row.action, row.target_type, row.target_id) for row in rows] == [
        ("error.update", "error", str(group_id))
    ] * 3
    assert (rows[0].before, rows[0].after) == (
        {"note": None, "status": "new"},
        {"note": "looking", "status": "acknowledged"},
    )
    assert rows[0].actor_id == admin.user_id
    assert rows[2].after == {"status": "new"}


@pytest.mark.parametrize(
    "body",
    [{"status": "closed"}, {}, {"status": "resolved", "extra": 1}, {"status": "new", "note": ""}],
)
async def test_bad_status_bodies_are_422_and_unknown_ids_404(
    admin: UserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    body: dict[str, object],
) -> None:
    group_id = await _capture(session_factory, clock.now(), where="job:x")
    response = await admin.http.post(f"{ERRORS}/{group_id}/status", json=body)
    assert response.status_code == 422
    assert response.json()["meta"]["code"] == "validation_error"
    missing = await admin.http.post(f"{ERRORS}/999999/status", json={"status": "ignored"})
    assert missing.status_code == 404
    async with session_factory() as session:
        assert (await session.scalars(select(AuditEntry))).all() == []


async def test_stats_per_day_by_status_and_top(
    app: FastAPI,
    admin: UserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    now = clock.now()
    today = now.date()
    busy = await _capture(session_factory, now - timedelta(days=2), where="job:busy")
    await _capture(session_factory, now, where="job:busy", times=3)
    quiet = await _capture(session_factory, now - timedelta(days=1), where="job:quiet")
    # Outside a 7-day window: counted by status, not per day nor in the top.
    gone = await _capture(session_factory, now - timedelta(days=10), where="job:gone", times=9)
    async with unit_of_work(session_factory) as session:
        await error_tracking.change_status(
            session, gone, "resolved", note=None, by_user_id=None, by_label="t", now=now
        )

    response = await admin.http.get(f"{ERRORS}/stats")
    assert response.status_code == 200, response.text
    stats = response.json()["data"]
    assert stats["days"] == 7
    daily = {date.fromisoformat(day["day"]): day for day in stats["daily"]}
    assert list(daily) == [today - timedelta(days=6 - n) for n in range(7)]
    assert (daily[today]["occurrences"], daily[today]["new_groups"]) == (3, 0)
    yesterday, before = daily[today - timedelta(days=1)], daily[today - timedelta(days=2)]
    assert (yesterday["occurrences"], yesterday["new_groups"]) == (1, 1)
    assert (before["occurrences"], before["new_groups"]) == (1, 1)
    assert sum(day["new_groups"] for day in stats["daily"]) == 2
    assert stats["by_status"] == {"new": 2, "acknowledged": 0, "resolved": 1, "ignored": 0}
    assert [(item["id"], item["occurrences"]) for item in stats["top"]] == [(busy, 4), (quiet, 1)]

    wide = (await admin.http.get(f"{ERRORS}/stats", params={"days": 90})).json()["data"]
    assert len(wide["daily"]) == 90
    assert wide["top"][0] == {**wide["top"][0], "id": gone, "occurrences": 9}
    for days in ("0", "91", "x"):
        bad = await admin.http.get(f"{ERRORS}/stats", params={"days": days})
        assert bad.status_code == 422 and "days" in bad.json()["error"]


async def test_a_route_failure_is_listed_for_the_admin(
    app: FastAPI, make_client: MakeClient, admin: UserClient
) -> None:
    with_failing_routes(app)
    await make_client().post(f"{PREFIX}/orders/3", json={"password": "p", "when": "x"})
    [group] = (await admin.http.get(ERRORS, params={"source": "api"})).json()["data"]
    detail = (await admin.http.get(f"{ERRORS}/{group['id']}")).json()["data"]
    assert '"password":"[REDACTED]"' in detail["occurrences"][0]["body"]
