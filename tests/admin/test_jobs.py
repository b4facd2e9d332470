"""`/admin/jobs` (admin.md, "Jobs"): the cron jobs with their schedule, queue, switch, last run
and last 24 h (one statement for all of them); the switch and run now, each with its audit row;
a manual run that runs once however often it is clicked, and even when switched off; the
runs list. Jobs run on the embedded runner of the test app."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.jobs.inline import InlineRunner
from cryptolens.jobs.registry import JOBS, job
from cryptolens.jobs.schedule import CRON_SCHEDULE
from cryptolens.resources import app_resources
from cryptolens.system.models import JobRun
from tests.clients import MakeUserClient, UserClient

JOBS_URL = f"{ADMIN_PREFIX}/jobs"
RUNS_URL = f"{ADMIN_PREFIX}/jobs/runs"
AUDIT_URL = f"{ADMIN_PREFIX}/audit-log"


class LowQueueHold:
    """Holds the low queue's one slot (embedded runner) while a test clicks."""

    free = asyncio.Event()


@job("probe_hold_low", queue="low")
async def probe_hold_low(ctx: JobContext) -> JobCounters:
    await LowQueueHold.free.wait()
    return JobCounters()


async def hold_low_queue(runner: InlineRunner) -> None:
    LowQueueHold.free = asyncio.Event()  # this test's loop
    assert await runner.enqueue("probe_hold_low") is not None


def seeded_run(
    name: str,
    status: str,
    started_at: datetime,
    duration_ms: int | None = None,
    queue: str | None = None,
) -> JobRun:
    ended = status not in ("running",)
    return JobRun(
        name=name,
        queue=queue or JOBS[name].queue,
        args_summary="",
        job_id=None,
        enqueued_at=started_at,
        started_at=started_at,
        finished_at=(started_at + timedelta(milliseconds=duration_ms or 0) if ended else None),
        duration_ms=duration_ms,
        status=status,
        candles_fetched=1,
        patterns_found=2,
        signals_created=3,
        notifications_sent=4,
        error="boom" if status == "failed" else None,
    )


async def seed(factory: async_sessionmaker[AsyncSession], *runs: JobRun) -> list[int]:
    async with unit_of_work(factory) as session:
        for run in runs:  # one at a time: ids follow the order given
            session.add(run)
            await session.flush()
    return [run.id for run in runs]


async def admin_client(make_user_client: MakeUserClient) -> UserClient:
    return await make_user_client(admin=True)


def runner_of(app: FastAPI) -> InlineRunner:
    runner = app_resources(app).jobs.runner
    assert runner is not None
    return runner


async def runs_named(factory: async_sessionmaker[AsyncSession], name: str) -> list[JobRun]:
    async with factory() as session:
        return list(await session.scalars(select(JobRun).where(JobRun.name == name)))


async def audit_rows(admin: UserClient, action: str) -> list[dict[str, Any]]:
    response = await admin.http.get(AUDIT_URL, params={"action": action})
    assert response.status_code == 200, response.text
    rows: list[dict[str, Any]] = response.json()["data"]
    return rows


@pytest.fixture
def job_runs_statements(db_engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements reading job_runs while the test runs."""
    seen: list[str] = []

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "job_runs" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(db_engine.sync_engine, "before_cursor_execute", before)
    yield seen
    event.remove(db_engine.sync_engine, "before_cursor_execute", before)


# -- the table ---------------------------------------------------------------------------------


async def test_the_table_holds_every_cron_job_with_its_schedule_queue_and_switch(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    admin = await admin_client(make_user_client)
    response = await admin.http.get(JOBS_URL)
    assert response.status_code == 200, response.text
    jobs = {row["name"]: row for row in response.json()["data"]}
    assert list(jobs) == list(dict.fromkeys(entry.job_name for entry in CRON_SCHEDULE))
    assert jobs["fetch_and_scan"]["schedule"] == "* * * * *"
    assert jobs["refresh_stats"]["schedule"] == "*/5 * * * *"
    assert jobs["expire_and_cleanup"]["schedule"] == "7 * * * *"
    assert jobs["db_health"]["schedule"] == "0 3 * * *"
    for name, row in jobs.items():
        assert row["queue"] == JOBS[name].queue
        assert row["enabled"] is True
        assert row["last_run"] is None
        assert row["last_24h"] == {
            "ok": 0,
            "failed": 0,
            "success_rate": None,
            "mean_duration_ms": None,
            "mean_ok_duration_ms": None,
            "mean_failed_duration_ms": None,
        }


async def test_last_run_and_24h_stats_come_from_seeded_runs_in_one_statement(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    job_runs_statements: list[str],
) -> None:
    now = clock.now()
    hour = timedelta(hours=1)
    ids = await seed(
        session_factory,
        # refresh_stats: outside the window, then 2 ok, 2 failed (one lost), and runs that
        # count for neither (skipped, retrying, running).
        seeded_run("refresh_stats", "failed", now - 25 * hour, 90_000),
        seeded_run("refresh_stats", "ok", now - 23 * hour, 100),
        seeded_run("refresh_stats", "ok", now - 5 * hour, 300),
        seeded_run("refresh_stats", "failed", now - 4 * hour, 500),
        seeded_run("refresh_stats", "failed", now - 3 * hour, None),
        seeded_run("refresh_stats", "skipped", now - 2 * hour, 0),
        seeded_run("refresh_stats", "retrying", now - hour, 50),
        seeded_run("refresh_stats", "ok", now - 10 * hour, 200),
        # db_health: one run, a day and more ago.
        seeded_run("db_health", "ok", now - 26 * hour, 4_000),
        # expire_and_cleanup: only skipped runs in the window.
        seeded_run("expire_and_cleanup", "skipped", now - hour, 0),
        # Not a cron job: not in the table.
        seeded_run("scan_symbol", "ok", now - hour, 10),
    )
    admin = await admin_client(make_user_client)
    job_runs_statements.clear()
    response = await admin.http.get(JOBS_URL)
    assert response.status_code == 200, response.text
    assert len(job_runs_statements) == 1, job_runs_statements  # not one per job
    jobs = {row["name"]: row for row in response.json()["data"]}
    assert "scan_symbol" not in jobs

    stats = jobs["refresh_stats"]
    # The last run is the last one recorded (the highest id).
    assert stats["last_run"]["id"] == ids[7]
    assert stats["last_run"]["status"] == "ok"
    assert stats["last_run"]["duration_ms"] == 200
    assert stats["last_run"]["started_at"].startswith((now - 10 * hour).strftime("%Y-%m-%dT%H:%M"))
    assert stats["last_24h"] == {
        "ok": 3,
        "failed": 2,
        "success_rate": 0.6,
        "mean_duration_ms": 275.0,  # (100 + 300 + 500 + 200) / 4: a lost run has no duration
        "mean_ok_duration_ms": 200.0,
        "mean_failed_duration_ms": 500.0,
    }

    health = jobs["db_health"]
    assert health["last_run"]["id"] == ids[8]
    assert health["last_24h"]["ok"] == 0
    assert health["last_24h"]["success_rate"] is None
    assert health["last_24h"]["mean_duration_ms"] is None

    cleanup = jobs["expire_and_cleanup"]
    assert cleanup["last_run"]["status"] == "skipped"
    assert (cleanup["last_24h"]["ok"], cleanup["last_24h"]["failed"]) == (0, 0)
    assert cleanup["last_24h"]["success_rate"] is None

    assert jobs["fetch_and_scan"]["last_run"] is None


async def test_reading_the_jobs_never_marks_a_run_lost(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    # Unfinished for days, far past twice its time limit: only the clean-up marks it.
    (run_id,) = await seed(
        session_factory, seeded_run("refresh_stats", "running", clock.now() - timedelta(days=2))
    )
    admin = await admin_client(make_user_client)
    table = (await admin.http.get(JOBS_URL)).json()["data"]
    assert {row["name"]: row for row in table}["refresh_stats"]["last_run"]["status"] == "running"
    listed = (await admin.http.get(RUNS_URL)).json()["data"]
    assert [(run["id"], run["status"]) for run in listed] == [(run_id, "running")]
    (stored,) = await runs_named(session_factory, "refresh_stats")
    assert (stored.status, stored.finished_at, stored.error) == ("running", None, None)


# -- the switch --------------------------------------------------------------------------------


async def test_switching_a_job_off_and_on_records_an_audit_row_each_time(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    admin = await admin_client(make_user_client)
    off = await admin.http.patch(f"{JOBS_URL}/refresh_stats", json={"enabled": False})
    assert off.status_code == 200, off.text
    assert off.json()["data"]["name"] == "refresh_stats"
    assert off.json()["data"]["enabled"] is False
    table = {row["name"]: row for row in (await admin.http.get(JOBS_URL)).json()["data"]}
    assert table["refresh_stats"]["enabled"] is False
    assert all(row["enabled"] for name, row in table.items() if name != "refresh_stats")

    on = await admin.http.patch(f"{JOBS_URL}/refresh_stats", json={"enabled": True})
    assert on.status_code == 200, on.text
    assert on.json()["data"]["enabled"] is True

    rows = await audit_rows(admin, "job.update")
    assert [
        (row["target_type"], row["target_id"], row["before"], row["after"]) for row in rows
    ] == [
        ("job", "refresh_stats", {"enabled": False}, {"enabled": True}),
        ("job", "refresh_stats", {"enabled": True}, {"enabled": False}),
    ]
    assert all(row["actor_id"] == admin.user_id for row in rows)


async def test_a_switched_off_jobs_cron_slot_is_skipped_but_a_manual_run_runs(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await admin_client(make_user_client)
    off = await admin.http.patch(f"{JOBS_URL}/refresh_stats", json={"enabled": False})
    assert off.status_code == 200, off.text
    runner = runner_of(app)

    slot = next(e for e in CRON_SCHEDULE if e.job_name == "refresh_stats").next_slot(clock.now())
    fired = [job_id for job_id in runner.fire_due(slot) if "refresh_stats" in job_id]
    assert len(fired) == 1
    slot_outcome = await runner.wait_for(fired[0])
    assert slot_outcome is not None and slot_outcome.status == "skipped"

    clicked = await admin.http.post(f"{JOBS_URL}/refresh_stats/run")
    assert clicked.status_code == 202, clicked.text
    outcome = await runner.wait_for(clicked.json()["data"]["job_id"])
    assert outcome is not None and outcome.status == "ok", outcome
    statuses = sorted(run.status for run in await runs_named(session_factory, "refresh_stats"))
    assert statuses == ["ok", "skipped"]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PATCH", "/nope", {"enabled": False}),
        ("PATCH", "/scan_symbol", {"enabled": False}),  # a job, but not a cron job
        ("POST", "/nope/run", None),
        ("POST", "/notify_signal/run", None),
    ],
)
async def test_an_unknown_job_is_a_404_and_writes_nothing(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    method: str,
    path: str,
    body: dict[str, Any] | None,
) -> None:
    admin = await admin_client(make_user_client)
    response = await admin.http.request(method, JOBS_URL + path, json=body)
    assert response.status_code == 404, response.text
    assert response.json()["meta"]["code"] == "not_found"
    assert await audit_rows(admin, "job.") == []
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(JobRun)) == 0


async def test_a_patch_takes_only_enabled_as_a_boolean(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    admin = await admin_client(make_user_client)
    for body in ({"enabled": "maybe"}, {"enabled": True, "queue": "high"}, {}):
        response = await admin.http.patch(f"{JOBS_URL}/refresh_stats", json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["meta"]["code"] == "validation_error"
    assert await audit_rows(admin, "job.") == []


# -- run now -----------------------------------------------------------------------------------


async def test_a_job_clicked_twice_while_queued_runs_once(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    admin = await admin_client(make_user_client)
    runner = runner_of(app)
    await hold_low_queue(runner)  # refresh_stats (low) waits behind it
    try:
        first = await admin.http.post(f"{JOBS_URL}/refresh_stats/run")
        second = await admin.http.post(f"{JOBS_URL}/refresh_stats/run")
        # Two clicks at the same moment too.
        third, fourth = await asyncio.gather(
            admin.http.post(f"{JOBS_URL}/refresh_stats/run"),
            admin.http.post(f"{JOBS_URL}/refresh_stats/run"),
        )
    finally:
        LowQueueHold.free.set()
    for response in (first, second, third, fourth):
        assert response.status_code == 202, response.text
    job_id = first.json()["data"]["job_id"]
    assert first.json()["meta"]["deduplicated"] is False
    for response in (second, third, fourth):
        assert response.json()["data"] == {"job_id": job_id}
        assert response.json()["meta"]["deduplicated"] is True

    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "ok", outcome
    assert [run.status for run in await runs_named(session_factory, "refresh_stats")] == ["ok"]

    # Once it ended, a click is a new run.
    again = await admin.http.post(f"{JOBS_URL}/refresh_stats/run")
    assert again.status_code == 202, again.text
    assert again.json()["meta"]["deduplicated"] is False
    assert again.json()["data"]["job_id"] != job_id
    assert await runner.wait_for(again.json()["data"]["job_id"]) is not None
    assert len(await runs_named(session_factory, "refresh_stats")) == 2

    rows = await audit_rows(admin, "job.run")
    assert len(rows) == 5  # every click is an admin write
    assert [row["after"]["deduplicated"] for row in reversed(rows)] == [
        False,
        True,
        True,
        True,
        False,
    ]
    assert all(row["target_id"] == "refresh_stats" for row in rows)


async def test_a_click_while_a_cron_slot_runs_the_job_returns_that_slots_id(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await admin_client(make_user_client)
    runner = runner_of(app)
    await hold_low_queue(runner)
    try:
        slot = next(e for e in CRON_SCHEDULE if e.job_name == "expire_and_cleanup")
        (slot_id,) = [
            job_id
            for job_id in runner.fire_due(slot.next_slot(clock.now()))
            if "expire_and_cleanup" in job_id
        ]
        clicked = await admin.http.post(f"{JOBS_URL}/expire_and_cleanup/run")
    finally:
        LowQueueHold.free.set()
    assert clicked.status_code == 202, clicked.text
    assert clicked.json()["data"]["job_id"] == slot_id
    assert clicked.json()["meta"]["deduplicated"] is True
    assert await runner.wait_for(slot_id) is not None
    assert len(await runs_named(session_factory, "expire_and_cleanup")) == 1


async def test_a_click_on_a_switched_off_job_is_not_answered_by_its_doomed_cron_slot(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await admin_client(make_user_client)
    off = await admin.http.patch(f"{JOBS_URL}/expire_and_cleanup", json={"enabled": False})
    assert off.status_code == 200, off.text
    runner = runner_of(app)
    await hold_low_queue(runner)
    try:
        slot = next(e for e in CRON_SCHEDULE if e.job_name == "expire_and_cleanup")
        (slot_id,) = [
            job_id
            for job_id in runner.fire_due(slot.next_slot(clock.now()))
            if "expire_and_cleanup" in job_id
        ]
        clicked = await admin.http.post(f"{JOBS_URL}/expire_and_cleanup/run")
    finally:
        LowQueueHold.free.set()
    assert clicked.status_code == 202, clicked.text
    assert clicked.json()["meta"]["deduplicated"] is False
    job_id = clicked.json()["data"]["job_id"]
    assert job_id != slot_id
    assert await runner.wait_for(slot_id) is not None
    assert await runner.wait_for(job_id) is not None
    runs = await runs_named(session_factory, "expire_and_cleanup")
    assert sorted((run.job_id, run.status) for run in runs) == sorted(
        [(slot_id, "skipped"), (job_id, "ok")]
    )
