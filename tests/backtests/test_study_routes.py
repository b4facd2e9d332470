"""`/api/v1/admin/studies`: admin only, validation 422s naming the field, one study at a time,
cancel, delete and their audit rows. No replay runs here (the recording queue runs nothing)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.backtests.study import WARNING
from cryptolens.backtests.study_models import ParameterStudyReplay
from cryptolens.core.timeframes import DAY_MS, MINUTE_MS
from cryptolens.db import unit_of_work
from tests.backtests.conftest import EARLIEST_START, RecordingQueue, code_of, data_of
from tests.clients import MakeUserClient, UserClient

STUDIES = "/api/v1/admin/studies"
START = EARLIEST_START
# Two windows of 14 + 7 days: test windows [S+14, S+21) and [S+21, S+28).
END = START + 28 * DAY_MS
GRID = {"min_confluence": [2, 3], "default_rr": [2.5, 3]}


def _body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "symbols": ["BTC/USDT"],
        "start": START,
        "end": END,
        "grid": GRID,
        "train_days": 14,
        "test_days": 7,
        "min_sample": 10,
    }
    body.update(changes)
    return body


async def _create(admin: UserClient, status: int = 202, **changes: Any) -> dict[str, Any]:
    created: dict[str, Any] = data_of(await admin.http.post(STUDIES, json=_body(**changes)), status)
    return created


async def _audit(admin: UserClient, action: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = data_of(
        await admin.http.get("/api/v1/admin/audit-log", params={"action": action})
    )
    return rows


async def test_an_admin_queues_a_study_with_its_windows_and_the_warning(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    queue: RecordingQueue,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    admin = await make_user_client(admin=True)
    study = await _create(admin)
    assert study["status"] == "queued" and study["progress"] == 0
    assert study["warning"] == WARNING
    assert study["symbols"] == ["BTC/USDT"] and study["grid"] == GRID
    assert [c["min_confluence"] for c in study["combinations"]] == [2, 2, 3, 3]
    assert [c["default_rr"] for c in study["combinations"]] == [2.5, 3, 2.5, 3]
    # Per window: 4 train replays, the chosen test and the baseline.
    assert study["replays_total"] == 2 * (4 + 2)
    assert study["live_values"]["default_rr"] == 3
    # Two lanes of jobs share the study.
    assert [(job["name"], job["lane"]) for job in queue.enqueued] == [
        ("run_study_replay", 0),
        ("run_study_replay", 1),
    ]
    async with unit_of_work(session_factory) as db:
        assert await db.scalar(select(func.count()).select_from(ParameterStudyReplay)) == 12

    windows = data_of(await admin.http.get(f"{STUDIES}/{study['id']}/windows"))
    assert [(w["k"], w["train_start"], w["test_start"], w["test_end"]) for w in windows] == [
        (0, START, START + 14 * DAY_MS, START + 21 * DAY_MS),
        (1, START + 7 * DAY_MS, START + 21 * DAY_MS, START + 28 * DAY_MS),
    ]
    assert all(w["status"] == "pending" and w["chosen_values"] is None for w in windows)
    assert data_of(await admin.http.get(f"{STUDIES}/{study['id']}/windows?symbol=ETH-USDT")) == []
    assert data_of(await admin.http.get(f"{STUDIES}/{study['id']}"))["warning"] == WARNING
    listed = data_of(await admin.http.get(STUDIES))
    assert [item["id"] for item in listed] == [study["id"]]
    assert data_of(await admin.http.get(STUDIES, params={"status": "completed"})) == []

    (row,) = await _audit(admin, "study.create")
    assert row["target_type"] == "study" and row["target_id"] == str(study["id"])
    assert row["after"]["grid"] == GRID


async def test_a_premium_non_admin_is_refused(
    make_user_client: MakeUserClient, symbols: dict[str, int], queue: RecordingQueue
) -> None:
    user = await make_user_client("premium")
    for method, path in (("POST", STUDIES), ("GET", STUDIES), ("GET", f"{STUDIES}/1/windows")):
        response = await user.http.request(method, path, json=_body())
        assert response.status_code == 403, (method, path)
        assert code_of(response) == "admin_required"
    assert queue.enqueued == []


async def test_one_study_at_a_time(
    make_user_client: MakeUserClient, symbols: dict[str, int], queue: RecordingQueue
) -> None:
    admin = await make_user_client(admin=True)
    other = await make_user_client(admin=True)
    first = await _create(admin)
    response = await other.http.post(STUDIES, json=_body())
    assert response.status_code == 409 and code_of(response) == "limit_reached"
    # Once cancelled, another may start.
    data_of(await admin.http.post(f"{STUDIES}/{first['id']}/cancel"))
    await _create(other)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"grid": {"min_confluence": list(range(1, 12))}}, "grid"),  # 11 values
        ({"grid": {"unknown": [1]}}, "body.grid.unknown"),
        ({"grid": {"default_rr": [2]}}, "body.grid.default_rr"),  # must be > 2
        ({"grid": {"min_confluence": ["2"]}}, "body.grid.min_confluence"),
        ({"grid": {"min_confluence": [9]}}, "body.grid.min_confluence"),  # > timeframes
        (
            {"grid": {"signal_cooldown_hours": list(range(10)), "default_rr": [3, 4, 5, 6, 7, 8]}},
            "body.grid",
        ),  # 60 combinations x 2 windows is fine, x 101 is not: see below
        ({"train_days": 13}, "train_days"),
        ({"test_days": 61}, "test_days"),
        ({"min_sample": 9}, "min_sample"),
        ({"symbols": []}, "symbols"),
        ({"symbols": ["BTC/USDT"] * 6}, "symbols"),
        ({"symbols": ["BTC/USDT", "BTC-USDT"]}, "body.symbols"),
        ({"symbols": ["DOGE/USDT"]}, "body.symbols"),
        ({"end": START + 21 * DAY_MS - MINUTE_MS}, "body.end"),  # no window
        ({"end": START + 120 * DAY_MS}, "body.end"),  # 15 windows
        ({"start": START + 1}, "body.start"),
        ({"extra": 1}, "extra"),
    ],
)
async def test_bad_input_is_a_422_naming_the_field(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    queue: RecordingQueue,
    changes: dict[str, Any],
    field: str,
) -> None:
    admin = await make_user_client(admin=True)
    if field == "body.grid" and "signal_cooldown_hours" in changes["grid"]:
        changes["grid"]["min_zone_pct"] = [0.1, 0.2]  # 120 combinations
    response = await admin.http.post(STUDIES, json=_body(**changes))
    assert response.status_code == 422, response.text
    assert code_of(response) == "validation_error"
    assert field in response.text
    assert queue.enqueued == []


async def test_a_start_within_the_warm_up_is_insufficient_history(
    make_user_client: MakeUserClient, symbols: dict[str, int], queue: RecordingQueue
) -> None:
    admin = await make_user_client(admin=True)
    response = await admin.http.post(STUDIES, json=_body(start=START - MINUTE_MS))
    assert response.status_code == 422 and code_of(response) == "insufficient_history"
    assert f"from {START} on" in response.text
    response = await admin.http.post(STUDIES, json=_body(symbols=["ETH/USDT"]))
    assert response.status_code == 422 and code_of(response) == "insufficient_history"


async def test_cancel_then_delete_with_audit_rows(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    queue: RecordingQueue,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    admin = await make_user_client(admin=True)
    study = await _create(admin)
    cancelled = data_of(await admin.http.post(f"{STUDIES}/{study['id']}/cancel"))
    assert cancelled["status"] == "cancelled" and cancelled["finished_at"] is not None
    again = await admin.http.post(f"{STUDIES}/{study['id']}/cancel")
    assert again.status_code == 409 and code_of(again) == "invalid_transition"
    (row,) = await _audit(admin, "study.cancel")
    assert row["before"] == {"status": "queued"} and row["after"] == {"status": "cancelled"}

    deleted = await admin.http.delete(f"{STUDIES}/{study['id']}")
    assert deleted.status_code == 204
    assert (await admin.http.get(f"{STUDIES}/{study['id']}")).status_code == 404
    assert (await admin.http.get(f"{STUDIES}/{study['id']}/windows")).status_code == 404
    assert (await admin.http.delete(f"{STUDIES}/{study['id']}")).status_code == 404
    (row,) = await _audit(admin, "study.delete")
    assert row["before"]["symbols"] == ["BTC/USDT"]
    async with unit_of_work(session_factory) as db:
        assert await db.scalar(select(func.count()).select_from(ParameterStudyReplay)) == 0
