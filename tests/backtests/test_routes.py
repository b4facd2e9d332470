"""The backtest routes (docs/rules/backtest.md "User backtests"): premium only, owner-scoped,
the limits, the validation and cancel/delete. No replay runs here (a recording queue)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.backtests.models import Backtest
from cryptolens.core.clock import FrozenClock
from cryptolens.core.timeframes import DAY_MS, MINUTE_MS
from cryptolens.db import to_ms, unit_of_work
from tests.backtests.conftest import (
    API,
    EARLIEST_START,
    END,
    START,
    RecordingQueue,
    code_of,
    data_of,
    submit,
)
from tests.clients import MakeUserClient

pytestmark = pytest.mark.usefixtures("symbols")


@pytest.mark.parametrize("tier", ["free", "pro"])
async def test_below_premium_is_refused_with_tier_required(
    make_user_client: MakeUserClient, queue: RecordingQueue, tier: str
) -> None:
    user = await make_user_client(tier)
    response = await user.http.post(
        f"{API}/backtests", json={"symbol": "BTC/USDT", "start": START, "end": END}
    )
    assert response.status_code == 403
    assert code_of(response) == "tier_required"
    assert code_of(await user.http.get(f"{API}/backtests")) == "tier_required"
    assert queue.enqueued == []


async def test_premium_submission_is_queued_with_its_job_and_values(
    make_user_client: MakeUserClient, queue: RecordingQueue
) -> None:
    user = await make_user_client("premium")
    created = await submit(user.http, parameters={"min_confluence": 1, "default_rr": 4})
    assert created["status"] == "queued"
    assert created["progress"] == 0
    assert created["job_id"] == f"backtest:{created['id']}"
    assert (created["symbol"], created["start"], created["end"]) == ("BTC/USDT", START, END)
    used = created["parameters"]
    assert used["min_confluence"] == 1 and used["default_rr"] == 4.0
    # The ones not given are the live values, and the others are recorded too.
    assert used["signal_cooldown_hours"] == 4 and used["min_zone_pct"] == 0.15
    assert {"min_risk_pct", "ob_impulse_multiplier", "timeframes"} <= used.keys()
    assert created["summary"] is None and created["by_setup"] is None
    assert queue.enqueued == [
        {"name": "run_backtest", "job_id": created["job_id"], "backtest_id": created["id"]}
    ]
    fetched = data_of(await user.http.get(f"{API}/backtests/{created['id']}"))
    assert fetched == created


async def test_live_runtime_settings_are_the_defaults_of_a_submission(
    make_user_client: MakeUserClient, queue: RecordingQueue
) -> None:
    admin = await make_user_client(admin=True)
    changed = await admin.http.put(f"{API}/admin/settings/min_zone_pct", json={"value": 0.5})
    assert changed.status_code == 200, changed.text
    created = await submit(admin.http)  # admins count as premium
    assert created["parameters"]["min_zone_pct"] == 0.5


async def test_another_users_backtest_is_not_found(
    make_user_client: MakeUserClient, queue: RecordingQueue
) -> None:
    owner = await make_user_client("premium")
    other = await make_user_client("premium")
    created = await submit(owner.http)
    base = f"{API}/backtests/{created['id']}"
    for response in (
        await other.http.get(base),
        await other.http.get(f"{base}/signals"),
        await other.http.get(f"{base}/equity"),
        await other.http.post(f"{base}/cancel"),
        await other.http.delete(base),
    ):
        assert response.status_code == 404, response.text
        assert code_of(response) == "not_found"
    assert data_of(await other.http.get(f"{API}/backtests")) == []
    assert data_of(await owner.http.get(base))["status"] == "queued"


async def test_one_queued_or_running_backtest_per_user(
    make_user_client: MakeUserClient,
    queue: RecordingQueue,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = await make_user_client("premium")
    first = await submit(user.http)
    second = await user.http.post(
        f"{API}/backtests", json={"symbol": "BTC/USDT", "start": START, "end": END}
    )
    assert second.status_code == 409 and code_of(second) == "limit_reached"
    async with unit_of_work(session_factory) as db:
        await db.execute(update(Backtest).values(status="running"))
    again = await user.http.post(
        f"{API}/backtests", json={"symbol": "BTC/USDT", "start": START, "end": END}
    )
    assert code_of(again) == "limit_reached"
    # Another user is not limited by this one's.
    await submit((await make_user_client("premium")).http)
    cancelled = data_of(await user.http.delete(f"{API}/backtests/{first['id']}"))
    assert cancelled == {"message": "Backtest cancelled"}
    await submit(user.http)


async def test_twenty_a_utc_day(
    make_user_client: MakeUserClient, queue: RecordingQueue, clock: FrozenClock
) -> None:
    user = await make_user_client("premium")
    for _ in range(20):
        created = await submit(user.http)
        data_of(await user.http.delete(f"{API}/backtests/{created['id']}"))  # cancels
    refused = await user.http.post(
        f"{API}/backtests", json={"symbol": "BTC/USDT", "start": START, "end": END}
    )
    assert refused.status_code == 429, refused.text
    assert code_of(refused) == "rate_limited"
    assert int(refused.headers["Retry-After"]) <= 24 * 3600
    # Deleting does not give a slot back; the next UTC day does.
    listed = data_of(await user.http.get(f"{API}/backtests", params={"limit": 500}))
    for backtest in listed:
        data_of(await user.http.delete(f"{API}/backtests/{backtest['id']}"))
    body = {"symbol": "BTC/USDT", "start": START, "end": END}
    assert (await user.http.post(f"{API}/backtests", json=body)).status_code == 429
    clock.advance(timedelta(days=1))
    await submit(user.http)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"symbol": "DOGE/USDT"}, "body.symbol"),
        ({"start": START + 1}, "body.start"),
        ({"end": END + 30_000}, "body.end"),
        ({"end": START}, "body.end"),
        ({"end": START + DAY_MS - MINUTE_MS}, "body.end"),
        ({"end": START + 91 * DAY_MS}, "body.end"),
        ({"parameters": {"min_zone_pct": 0}}, "min_zone_pct"),
        ({"parameters": {"default_rr": 2}}, "default_rr"),
        ({"parameters": {"signal_cooldown_hours": 169}}, "signal_cooldown_hours"),
        ({"parameters": {"signal_cooldown_hours": 1.5}}, "signal_cooldown_hours"),
        ({"parameters": {"require_htf": "yes"}}, "require_htf"),
        ({"parameters": {"confluence_timeframes": ["2h"]}}, "confluence_timeframes"),
        ({"parameters": {"confluence_timeframes": []}}, "confluence_timeframes"),
        (
            {"parameters": {"min_confluence": 3, "confluence_timeframes": ["1h", "4h"]}},
            "min_confluence",
        ),
        ({"parameters": {"max_leverage": 3}}, "max_leverage"),
        ({"start": "2022-01-15"}, "start"),
    ],
)
async def test_bad_input_is_a_validation_error_naming_the_field(
    make_user_client: MakeUserClient, queue: RecordingQueue, body: dict[str, object], field: str
) -> None:
    user = await make_user_client("premium")
    payload = {"symbol": "BTC/USDT", "start": START, "end": END, **body}
    response = await user.http.post(f"{API}/backtests", json=payload)
    assert response.status_code == 422, response.text
    assert code_of(response) == "validation_error"
    assert field in response.text
    assert queue.enqueued == []


async def test_end_at_most_the_last_closed_minute(
    make_user_client: MakeUserClient, queue: RecordingQueue, clock: FrozenClock
) -> None:
    user = await make_user_client("premium")
    last_closed = to_ms(clock.now()) // MINUTE_MS * MINUTE_MS
    response = await user.http.post(
        f"{API}/backtests",
        json={
            "symbol": "BTC/USDT",
            "start": last_closed - DAY_MS + MINUTE_MS,
            "end": last_closed + MINUTE_MS,
        },
    )
    assert code_of(response) == "validation_error" and "body.end" in response.text


async def test_insufficient_history_names_the_earliest_start(
    make_user_client: MakeUserClient, queue: RecordingQueue
) -> None:
    user = await make_user_client("premium")
    early = await user.http.post(
        f"{API}/backtests",
        json={"symbol": "BTC/USDT", "start": EARLIEST_START - MINUTE_MS, "end": END},
    )
    assert early.status_code == 422
    assert code_of(early) == "insufficient_history"
    assert str(EARLIEST_START) in early.json()["error"]
    none_stored = await user.http.post(
        f"{API}/backtests", json={"symbol": "ETH/USDT", "start": START, "end": END}
    )
    assert code_of(none_stored) == "insufficient_history"
    await submit(user.http, start=EARLIEST_START)


async def test_cancel_then_delete(make_user_client: MakeUserClient, queue: RecordingQueue) -> None:
    user = await make_user_client("premium")
    created = await submit(user.http)
    url = f"{API}/backtests/{created['id']}"
    cancelled = data_of(await user.http.post(f"{url}/cancel"))
    assert cancelled["status"] == "cancelled" and cancelled["finished_at"] is not None
    again = await user.http.post(f"{url}/cancel")
    assert again.status_code == 409 and code_of(again) == "invalid_transition"
    assert data_of(await user.http.delete(url)) == {"message": "Backtest deleted"}
    assert (await user.http.get(url)).status_code == 404
    assert (await user.http.delete(url)).status_code == 404


async def test_listing_newest_first_with_filters_and_pages(
    make_user_client: MakeUserClient,
    queue: RecordingQueue,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = await make_user_client("premium")
    ids = []
    for _ in range(3):
        created = await submit(user.http)
        ids.append(created["id"])
        await user.http.post(f"{API}/backtests/{created['id']}/cancel")
    async with unit_of_work(session_factory) as db:
        await db.execute(update(Backtest).where(Backtest.id == ids[0]).values(status="failed"))
    first = await user.http.get(f"{API}/backtests", params={"limit": 2})
    assert [b["id"] for b in data_of(first)] == [ids[2], ids[1]]
    cursor = first.json()["meta"]["next_cursor"]
    rest = await user.http.get(f"{API}/backtests", params={"limit": 2, "cursor": cursor})
    assert [b["id"] for b in data_of(rest)] == [ids[0]]
    assert rest.json()["meta"].get("next_cursor") is None
    failed = data_of(await user.http.get(f"{API}/backtests", params={"status": "failed"}))
    assert [b["id"] for b in failed] == [ids[0]]
    by_symbol = await user.http.get(f"{API}/backtests", params={"symbol": "ETH/USDT"})
    assert data_of(by_symbol) == []
    assert len(data_of(await user.http.get(f"{API}/backtests", params={"symbol": "BTC-USDT"}))) == 3
    bad = await user.http.get(f"{API}/backtests", params={"status": "done"})
    assert code_of(bad) == "validation_error"
