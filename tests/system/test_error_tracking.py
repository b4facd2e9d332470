"""Error tracking (admin.md, "Errors"), through a real app with test-only failing routes and
the embedded job runner: what is captured, how it is grouped and redacted, and what is kept."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import FrozenClock
from cryptolens.db import create_session_factory, unit_of_work
from cryptolens.jobs.inline import InlineRunner
from cryptolens.jobs.runtime import create_jobs_runtime
from cryptolens.resources import app_resources
from cryptolens.settings import Settings
from cryptolens.system.errors import service as error_tracking
from cryptolens.system.errors.capture import ErrorTracker, capture_job_failure
from cryptolens.system.errors.fingerprint import Signature
from cryptolens.system.errors.models import ErrorDailyCount, ErrorGroup, ErrorOccurrence
from cryptolens.system.errors.schemas import ErrorStatus, Failure
from tests.clients import MakeClient, MakeUserClient
from tests.jobs.conftest import ProbeControl, control, runner
from tests.system.error_routes import ORDER_ROUTE, PREFIX, REPORT_ROUTE, with_failing_routes

__all__ = ["control", "runner"]

SECRET_ORDER = {
    "when": "yesterday-ish",
    "password": "hunter2-hunter2",
    "nested": {"api_key": "sk_live_1", "ORDER_CODE": "A1", "label": "x" * 3000},
    "items": [{"card_number": "4242"}, {"sku": "kept"}],
}


@pytest.fixture
def failing_app(app: FastAPI) -> FastAPI:
    return with_failing_routes(app)


async def groups(factory: async_sessionmaker[AsyncSession]) -> list[ErrorGroup]:
    async with factory() as session:
        return list((await session.scalars(select(ErrorGroup).order_by(ErrorGroup.id))).all())


async def occurrences(factory: async_sessionmaker[AsyncSession]) -> list[ErrorOccurrence]:
    async with factory() as session:
        rows = await session.scalars(select(ErrorOccurrence).order_by(ErrorOccurrence.id))
        return list(rows.all())


async def fail_order(http: httpx.AsyncClient, order_id: int = 7, **headers: str) -> httpx.Response:
    return await http.post(
        f"{PREFIX}/orders/{order_id}",
        params={"page": "2", "reset_token": "t0k3n"},
        json=SECRET_ORDER,
        headers={"Authorization": "Bearer abc.def", "X-Trace": "kept", **headers},
    )


async def test_an_unhandled_exception_is_captured_once_redacted(
    failing_app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    user = await make_user_client()
    response = await fail_order(user.http, **{"X-Request-ID": "req-capture-1"})
    assert response.status_code == 500
    assert response.json()["meta"]["code"] == "internal_error"

    [group] = await groups(session_factory)
    assert group.source == "api"
    assert group.error_type == "ValueError"
    assert group.location == f"POST {ORDER_ROUTE}"
    # The innermost frame of our own code is where it was raised.
    assert group.frames.split(">")[-1] == "cryptolens.core.params:instant_ms"
    assert len(group.frames.split(">")) == 5
    assert (
        group.fingerprint == Signature(group.error_type, group.location, group.frames).fingerprint
    )
    assert "ms since the epoch" in group.message
    assert group.traceback.startswith("Traceback") and "instant_ms" in group.traceback
    assert (group.occurrence_count, group.status) == (1, "new")
    assert group.first_seen == group.last_seen == clock.now()

    [occurrence] = await occurrences(session_factory)
    assert occurrence.group_id == group.id
    assert occurrence.request_id == "req-capture-1"
    assert occurrence.user_id == user.user_id
    assert (occurrence.method, occurrence.path) == ("POST", f"{PREFIX}/orders/7")
    assert occurrence.query == {"page": "2", "reset_token": "[REDACTED]"}
    assert occurrence.headers is not None
    assert occurrence.headers["authorization"] == "[REDACTED]"
    assert occurrence.headers["cookie"] == "[REDACTED]"
    assert occurrence.headers["x-csrf-token"] == "[REDACTED]"
    assert occurrence.headers["x-trace"] == "kept"
    assert occurrence.body is not None
    body = json.loads(occurrence.body)
    assert body["password"] == "[REDACTED]"
    assert body["nested"]["api_key"] == "[REDACTED]"
    assert body["nested"]["ORDER_CODE"] == "[REDACTED]"
    assert body["nested"]["label"] == "x" * 1000  # strings cut at 1,000
    assert body["items"] == [{"card_number": "[REDACTED]"}, {"sku": "kept"}]
    assert body["when"] == "yesterday-ish"
    assert "hunter2" not in occurrence.body and "sk_live" not in occurrence.body
    async with session_factory() as session:
        [daily] = (await session.scalars(select(ErrorDailyCount))).all()
    assert (daily.group_id, daily.day, daily.occurrences) == (group.id, clock.now().date(), 1)


async def test_the_same_failure_twice_is_one_group_and_another_route_another(
    failing_app: FastAPI,
    make_client: MakeClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    http = make_client()
    assert (await fail_order(http, order_id=1)).status_code == 500
    clock.advance(timedelta(minutes=5))
    assert (await fail_order(http, order_id=2)).status_code == 500  # same route, other id
    [group] = await groups(session_factory)
    assert group.occurrence_count == 2
    assert group.last_seen == clock.now() and group.first_seen < group.last_seen
    assert len(await occurrences(session_factory)) == 2

    assert (await http.get(REPORT_ROUTE)).status_code == 500
    first, second = await groups(session_factory)
    assert second.location == f"GET {REPORT_ROUTE}"
    assert (second.error_type, second.message) == ("RuntimeError", "the report broke")
    assert second.fingerprint != first.fingerprint
    assert (first.occurrence_count, second.occurrence_count) == (2, 1)
    [*_, report] = await occurrences(session_factory)
    assert report.body is None  # a GET sends none
    assert report.user_id is None  # anonymous


async def test_deliberate_4xx_are_not_errors(
    failing_app: FastAPI, make_client: MakeClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    http = make_client()
    assert (await http.get(f"{PREFIX}/missing")).status_code == 404
    assert (await http.post(f"{PREFIX}/orders/x", json={})).status_code == 422
    assert (await http.get(f"{PREFIX}/no-such-route")).status_code == 404
    assert await groups(session_factory) == []


async def test_a_database_programming_error_is_captured_as_itself(
    failing_app: FastAPI, make_client: MakeClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    response = await make_client().get(f"{PREFIX}/bad-sql")
    assert response.status_code == 500
    assert response.json()["meta"]["code"] == "internal_error"
    [group] = await groups(session_factory)
    # The driver's error as SQLAlchemy raised it, not a wrapper of ours.
    assert group.error_type.startswith("sqlalchemy.exc.")
    assert group.error_type.rsplit(".", 1)[-1] in ("OperationalError", "ProgrammingError")
    assert "no_such_table_here" in group.message


async def test_the_500_is_the_same_with_and_without_capture(
    failing_app: FastAPI, make_client: MakeClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    http = make_client()
    captured = await fail_order(http, **{"X-Request-ID": "same-id"})
    assert len(await groups(session_factory)) == 1
    app_resources(failing_app).error_reporter = None
    uncaptured = await fail_order(http, **{"X-Request-ID": "same-id"})
    [group] = await groups(session_factory)
    assert group.occurrence_count == 1  # nothing stored without a reporter

    def comparable(response: httpx.Response) -> tuple[int, list[tuple[str, str]], Any]:
        # Only the timestamp differs (and with it, when its microseconds are 0, the length).
        assert response.headers["content-length"] == str(len(response.content))
        body = response.json()
        del body["meta"]["timestamp"]
        headers = [item for item in response.headers.multi_items() if item[0] != "content-length"]
        return response.status_code, sorted(headers), body

    assert comparable(captured) == comparable(uncaptured)
    assert captured.json()["meta"]["request_id"] == "same-id"


async def test_auth_and_webhook_bodies_are_never_kept(
    failing_app: FastAPI, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    from cryptolens.system.errors.redaction import body_is_kept, redact_body

    assert not body_is_kept("/api/v1/auth/login")
    assert not body_is_kept("/api/v1/billing/webhooks/stripe")
    assert body_is_kept("/api/v1/billing/checkout")
    assert body_is_kept("/api/v1/authors")
    raw = json.dumps({"email": "a@b.c"}).encode()
    assert redact_body("/api/v1/auth/register", raw, "application/json", len(raw)) is None
    long = json.dumps({"notes": ["y" * 900] * 10}).encode()
    kept = redact_body("/api/v1/portfolio", long, "application/json", len(long))
    assert kept is not None and len(kept) == 5000


async def test_a_resolved_group_that_recurs_is_new_again_and_an_ignored_one_only_counts(
    failing_app: FastAPI,
    make_client: MakeClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    http = make_client()
    await http.get(REPORT_ROUTE)
    [group] = await groups(session_factory)
    async with unit_of_work(session_factory) as session:
        await error_tracking.change_status(
            session, group.id, "resolved", note=None, by_user_id=None, by_label="t", now=clock.now()
        )
    clock.advance(timedelta(hours=1))
    await http.get(REPORT_ROUTE)
    [group] = await groups(session_factory)
    assert (group.status, group.occurrence_count) == ("new", 2)
    assert group.regressed_at == clock.now()

    async with unit_of_work(session_factory) as session:
        await error_tracking.change_status(
            session, group.id, "ignored", note=None, by_user_id=None, by_label="t", now=clock.now()
        )
    clock.advance(timedelta(days=1))
    await http.get(REPORT_ROUTE)
    [group] = await groups(session_factory)
    assert (group.status, group.occurrence_count) == ("ignored", 3)
    assert len(await occurrences(session_factory)) == 2  # no occurrence kept while ignored
    async with session_factory() as session:
        days = (await session.scalars(select(ErrorDailyCount.occurrences))).all()
    assert sorted(days) == [1, 2]


def _failure(number: int) -> Failure:
    return Failure(
        source="job",
        signature=Signature("RuntimeError", "job:probe", "cryptolens.x:y"),
        message=f"failure {number} " + "m" * 3000,
        traceback="Traceback\n" + "t" * 20000 + "\nRuntimeError: the end",
        job_id=f"job-{number}",
    )


async def test_only_the_20_latest_occurrences_and_cut_texts_are_kept(
    session_factory: async_sessionmaker[AsyncSession], clock: FrozenClock
) -> None:
    for number in range(23):
        async with unit_of_work(session_factory) as session:
            await error_tracking.record_failure(session, _failure(number), clock.now())
    [group] = await groups(session_factory)
    assert group.occurrence_count == 23
    assert len(group.message) == 2000 and group.message.startswith("failure 22 ")
    assert len(group.traceback) == 10000 and group.traceback.endswith("RuntimeError: the end")
    kept = await occurrences(session_factory)
    assert [item.job_id for item in kept] == [f"job-{number}" for number in range(3, 23)]


async def test_resolved_groups_unseen_90_days_are_deleted_by_the_clean_up(
    runner: InlineRunner,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    now = clock.now()
    ages: dict[str, tuple[int, ErrorStatus]] = {
        "old-resolved": (91, "resolved"),
        "recent-resolved": (89, "resolved"),
        "old-new": (200, "new"),
        "old-ignored": (120, "ignored"),
    }
    async with unit_of_work(session_factory) as session:
        for name, (age, status) in ages.items():
            failure = Failure(
                source="job",
                signature=Signature("E", f"job:{name}", ""),
                message=name,
                traceback="",
            )
            group_id = await error_tracking.record_failure(
                session, failure, now - timedelta(days=age)
            )
            if status != "new":
                await error_tracking.change_status(
                    session, group_id, status, note=None, by_user_id=None, by_label="t", now=now
                )
    job_id = await runner.enqueue("expire_and_cleanup")
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "ok" and outcome.counters is not None
    assert outcome.counters.details["error_groups_deleted"] == 1
    assert sorted(group.message for group in await groups(session_factory)) == [
        "old-ignored",
        "old-new",
        "recent-resolved",
    ]
    async with session_factory() as session:
        left = await session.scalar(select(func.count()).select_from(ErrorOccurrence))
        assert left == 3


async def test_a_job_run_failing_for_good_is_captured(
    runner: InlineRunner,
    control: ProbeControl,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    control.failures_left = 1
    control.error = ValueError  # permanent: failed at once, not retried
    job_id = await runner.enqueue("probe_flaky")
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "failed"
    [group] = await groups(session_factory)
    assert (group.source, group.location) == ("job", "job:probe_flaky")
    assert (group.error_type, group.message) == ("ValueError", "exchange unreachable")
    assert group.frames.split(">")[-1] == "cryptolens.jobs.execution:_run"
    [occurrence] = await occurrences(session_factory)
    assert occurrence.job_id == job_id
    assert (occurrence.method, occurrence.path, occurrence.body) == (None, None, None)


async def test_retried_job_failures_are_not_captured(
    runner: InlineRunner,
    control: ProbeControl,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    control.failures_left = 2  # a transient error twice, then success
    job_id = await runner.enqueue("probe_flaky")
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "ok"
    assert await groups(session_factory) == []


async def test_a_job_run_out_of_time_is_captured_as_a_timeout(
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    control: ProbeControl,
) -> None:
    jobs = test_settings.jobs.model_copy(update={"timeout_default_seconds": 0.3})
    settings = test_settings.model_copy(update={"jobs": jobs})
    short = create_jobs_runtime(settings, session_factory, MemoryCache(), clock, None).runner
    assert short is not None
    job_id = await short.enqueue("probe_block", symbol="BTC/USDT")
    assert job_id is not None
    outcome = await short.wait_for(job_id)
    await short.stop()
    assert outcome is not None and outcome.status == "failed"
    [group] = await groups(session_factory)
    assert (group.source, group.location) == ("job", "job:probe_block")
    assert (group.error_type, group.message) == (
        "TimeoutError",
        "TimeoutError: stopped at its 0.3 s limit",
    )
    [occurrence] = await occurrences(session_factory)
    assert occurrence.job_id == job_id


@pytest.fixture
async def unreachable_factory(tmp_path: Path) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions of a database that cannot be opened (its directory is a file)."""
    (tmp_path / "not-a-dir").write_text("")
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'not-a-dir' / 'x.db'}")
    yield create_session_factory(engine)
    await engine.dispose()


async def test_a_capture_that_cannot_be_stored_is_logged_and_changes_nothing(
    failing_app: FastAPI,
    make_client: MakeClient,
    unreachable_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    http = make_client()
    stored = await fail_order(http, **{"X-Request-ID": "lost-1"})
    app_resources(failing_app).error_reporter = ErrorTracker(unreachable_factory, clock, 1.0)
    with caplog.at_level(logging.WARNING, logger="cryptolens.errors"):
        lost = await fail_order(http, **{"X-Request-ID": "lost-1"})
    assert (lost.status_code, lost.json()["error"]) == (500, "Internal server error")
    assert lost.headers.keys() == stored.headers.keys()
    [record] = [item for item in caplog.records if item.msg == "error_tracking.capture_failed"]
    assert record.__dict__["source"] == "api" and "unable to open" in record.__dict__["reason"]


async def test_a_job_capture_that_cannot_be_stored_is_logged_not_raised(
    unreachable_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="cryptolens.errors"):
        await capture_job_failure(
            unreachable_factory, clock, name="probe", job_id="j-1", error=ValueError("x")
        )
    [record] = [item for item in caplog.records if item.msg == "error_tracking.capture_failed"]
    assert (record.__dict__["job"], record.__dict__["job_id"]) == ("probe", "j-1")
