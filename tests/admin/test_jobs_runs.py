"""`GET /admin/jobs/runs` (admin.md, "Jobs"): the run history filtered by name, queue, status
and start time, newest first, a page at a time."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms
from tests.admin.test_jobs import RUNS_URL, admin_client, seed, seeded_run
from tests.clients import MakeUserClient


async def test_the_runs_list_filters_by_name_queue_status_and_time(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    now = clock.now()
    minute = timedelta(minutes=1)
    ids = await seed(
        session_factory,
        seeded_run("fetch_and_scan", "ok", now - 5 * minute, 1_000),
        seeded_run("notify_signal", "failed", now - 4 * minute, 20),
        seeded_run("fetch_and_scan", "failed", now - 3 * minute, 2_000),
        seeded_run("refresh_stats", "skipped", now - 2 * minute, 0),
        seeded_run("fetch_and_scan", "running", now - minute),
    )
    admin = await admin_client(make_user_client)

    async def listed(**params: Any) -> list[int]:
        response = await admin.http.get(RUNS_URL, params=params)
        assert response.status_code == 200, response.text
        return [run["id"] for run in response.json()["data"]]

    assert await listed() == ids[::-1]
    assert await listed(name="fetch_and_scan") == [ids[4], ids[2], ids[0]]
    assert await listed(queue="high") == [ids[1]]
    assert await listed(status="failed") == [ids[2], ids[1]]
    assert await listed(name="fetch_and_scan", status="failed") == [ids[2]]
    # since: started at or after; until: started before.
    assert await listed(since=to_ms(now - 3 * minute)) == [ids[4], ids[3], ids[2]]
    assert await listed(until=(now - 3 * minute).isoformat()) == [ids[1], ids[0]]
    assert await listed(since=to_ms(now - 4 * minute), until=to_ms(now - 2 * minute)) == [
        ids[2],
        ids[1],
    ]
    assert await listed(name="nothing_of_that_name") == []

    response = await admin.http.get(RUNS_URL, params={"name": "fetch_and_scan", "limit": 1})
    (run,) = response.json()["data"]
    assert run == {
        "id": ids[4],
        "job_id": None,
        "name": "fetch_and_scan",
        "queue": "default",
        "args_summary": "",
        "status": "running",
        "enqueued_at": run["enqueued_at"],
        "started_at": run["started_at"],
        "finished_at": None,
        "duration_ms": None,
        "counters": {
            "candles_fetched": 1,
            "patterns_found": 2,
            "signals_created": 3,
            "notifications_sent": 4,
        },
        "error": None,
    }
    for bad in ({"status": "lost"}, {"queue": "urgent"}, {"since": "yesterday"}, {"limit": 0}):
        response = await admin.http.get(RUNS_URL, params=bad)
        assert response.status_code == 422, (bad, response.text)
        assert response.json()["meta"]["code"] == "validation_error"


async def test_the_runs_list_pages_newest_first_by_cursor(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    now = clock.now()
    ids = await seed(
        session_factory,
        *(
            seeded_run("refresh_stats", "ok", now - timedelta(minutes=10 - index), 100)
            for index in range(7)
        ),
    )
    admin = await admin_client(make_user_client)
    seen: list[int] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 3}
        if cursor:
            params["cursor"] = cursor
        response = await admin.http.get(RUNS_URL, params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        seen += [run["id"] for run in body["data"]]
        pages += 1
        cursor = body["meta"].get("next_cursor")
        if cursor is None:
            break
    assert pages == 3
    assert seen == ids[::-1]
    forged = await admin.http.get(RUNS_URL, params={"cursor": "bm90LWEtY3Vyc29y"})
    assert forged.status_code == 422
