"""The write API on the embedded runner (api.md: POST /scan, POST /fetch, GET /jobs/{id}): a
request queues the existing jobs for the symbols the caller's tier shows, answers 202 with the
job request, and its status follows what the jobs' runs recorded through to the end. Another
user's request is a 404; the routes' own limits answer 429 with Retry-After; bad bodies 422."""

from __future__ import annotations

import json

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.ratelimit import reset_rate_limits
from cryptolens.system.models import JobRun
from tests.clients import MakeUserClient
from tests.fakes.exchange import FOREVER, FakeExchange
from tests.job_requests.conftest import (
    FETCH_URL,
    JOBS_URL,
    SCAN_URL,
    data_of,
    error_code,
    finish_jobs,
    job_ids_of,
)

pytestmark = pytest.mark.usefixtures("followed")

BAD_TIMEFRAME = {"symbol": "BTC/USDT", "timeframe": "3m"}


async def test_a_scan_of_every_visible_symbol_runs_to_succeeded(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    trader = await make_user_client("premium")
    queued = data_of(await trader.http.post(SCAN_URL, json={}), 202)
    assert queued["id"].startswith("job_")
    assert (queued["kind"], queued["status"]) == ("scan", "queued")
    assert queued["symbols"] == ["BTC/USDT", "ETH/USDT"]
    assert [job["status"] for job in queued["jobs"]] == ["queued", "queued"]
    assert queued["finished_at"] is None

    await finish_jobs(app, session_factory, queued["id"])
    done = data_of(await trader.http.get(f"{JOBS_URL}/{queued['id']}"))
    assert done["status"] == "succeeded", done
    assert [job["status"] for job in done["jobs"]] == ["succeeded", "succeeded"]
    assert done["finished_at"] is not None and done["error"] is None
    # The backfill of both symbols: one day of minutes each, and the timeframes built.
    assert done["counters"]["candles_fetched"] > 2 * 1_400

    # What the runs recorded, under the request's own job ids.
    job_ids = await job_ids_of(session_factory, queued["id"])
    async with session_factory() as session:
        runs = list(await session.scalars(select(JobRun).where(JobRun.job_id.in_(job_ids))))
    assert sorted((run.name, run.status) for run in runs) == [("scan_symbol", "ok")] * 2
    assert sum(run.candles_fetched for run in runs) == done["counters"]["candles_fetched"]
    # Settled: a later read says the same.
    assert data_of(await trader.http.get(f"{JOBS_URL}/{queued['id']}")) == done


async def test_a_free_user_scans_what_the_free_tier_shows(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    trader = await make_user_client("free")
    queued = data_of(await trader.http.post(SCAN_URL, json={"symbols": None}), 202)
    assert queued["symbols"] == ["BTC/USDT"]
    await finish_jobs(app, session_factory, queued["id"])


async def test_a_symbol_outside_the_tier_is_refused_and_an_unknown_one_not_found(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    free = await make_user_client("free")
    assert error_code(await free.http.post(SCAN_URL, json={"symbols": ["ETH/USDT"]})) == (
        403,
        "tier_required",
    )
    outside = await free.http.post(FETCH_URL, json={"symbol": "ETH-USDT"})
    assert error_code(outside) == (403, "tier_required")
    reset_rate_limits(app)
    premium = await make_user_client("premium")
    unknown = await premium.http.post(SCAN_URL, json={"symbols": ["BTC/USDT", "DOGE/USDT"]})
    assert error_code(unknown) == (404, "symbol_not_found")
    assert "DOGE/USDT" in unknown.json()["error"]
    assert error_code(await premium.http.post(FETCH_URL, json={"symbol": "XRP/USDT"})) == (
        404,
        "symbol_not_found",
    )


async def test_a_fetch_of_one_timeframe(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    trader = await make_user_client("pro")
    queued = data_of(
        await trader.http.post(FETCH_URL, json={"symbol": "btc-usdt", "timeframe": "1h"}), 202
    )
    assert (queued["kind"], queued["symbols"], queued["timeframe"]) == (
        "fetch",
        ["BTC/USDT"],
        "1h",
    )
    await finish_jobs(app, session_factory, queued["id"])
    done = data_of(await trader.http.get(f"{JOBS_URL}/{queued['id']}"))
    assert done["status"] == "succeeded", done
    # One day of hours, newest (still open) hour excluded.
    assert 20 <= done["counters"]["candles_fetched"] <= 25
    assert done["counters"]["patterns_found"] == done["counters"]["signals_created"] == 0


async def test_a_job_that_fails_says_so_without_internals(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    fake_exchange: FakeExchange,
) -> None:
    # The exchange refuses BTC/USDT's candles for good: every try of the job fails.
    fake_exchange.fail(
        endpoint="klines",
        symbol="BTCUSDT",
        status=400,
        body=json.dumps({"code": -1121, "msg": "Invalid symbol."}),
        times=FOREVER,
    )
    trader = await make_user_client("premium")
    queued = data_of(await trader.http.post(FETCH_URL, json={"symbol": "BTC/USDT"}), 202)
    await finish_jobs(app, session_factory, queued["id"])
    done = data_of(await trader.http.get(f"{JOBS_URL}/{queued['id']}"))
    assert done["status"] == "failed"
    assert done["jobs"] == [
        {
            "symbol": "BTC/USDT",
            "status": "failed",
            "error": "the market data could not be fetched from the exchange",
        }
    ]
    assert done["error"] == (
        "1 of 1 jobs failed: BTC/USDT: the market data could not be fetched from the exchange"
    )
    assert done["finished_at"] is not None
    job_ids = await job_ids_of(session_factory, queued["id"])
    async with session_factory() as session:
        runs = list(await session.scalars(select(JobRun).where(JobRun.job_id.in_(job_ids))))
    # Every try recorded (retried, then failed for good); the user saw none of their text.
    assert [run.status for run in runs][-1] == "failed" and len(runs) >= 2
    assert all(run.error and run.error not in done["error"] for run in runs)


async def test_another_users_request_is_not_found(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    owner = await make_user_client("premium")
    other = await make_user_client("premium")
    queued = data_of(await owner.http.post(FETCH_URL, json={"symbol": "ETH/USDT"}), 202)
    assert error_code(await other.http.get(f"{JOBS_URL}/{queued['id']}")) == (404, "not_found")
    assert error_code(await owner.http.get(f"{JOBS_URL}/job_nothing")) == (404, "not_found")
    assert (await owner.http.get(f"{JOBS_URL}/{queued['id']}")).status_code == 200
    await finish_jobs(app, session_factory, queued["id"])


async def test_anonymous_callers_are_refused(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    trader = await make_user_client("premium")
    trader.http.cookies.clear()
    for response in (
        await trader.http.post(SCAN_URL, json={}),
        await trader.http.post(FETCH_URL, json={"symbol": "BTC/USDT"}),
        await trader.http.get(f"{JOBS_URL}/job_x"),
    ):
        assert response.status_code == 401, response.text


async def test_a_second_scan_within_a_minute_is_429_with_retry_after(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    trader = await make_user_client("free")
    first = data_of(await trader.http.post(SCAN_URL, json={}), 202)
    again = await trader.http.post(SCAN_URL, json={"symbols": ["BTC/USDT"]})
    assert error_code(again) == (429, "rate_limited")
    assert 1 <= int(again.headers["Retry-After"]) <= 60
    # Per user: another user's scan goes through; fetches have their own limit.
    other = await make_user_client("free")
    second = data_of(await other.http.post(SCAN_URL, json={}), 202)
    fetched = data_of(await trader.http.post(FETCH_URL, json={"symbol": "BTC/USDT"}), 202)
    for request in (first, second, fetched):
        await finish_jobs(app, session_factory, request["id"])


async def test_the_sixth_fetch_within_a_minute_is_429(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    trader = await make_user_client("premium")
    queued = [
        data_of(await trader.http.post(FETCH_URL, json={"symbol": "ETH/USDT"}), 202)
        for _ in range(5)
    ]
    sixth = await trader.http.post(FETCH_URL, json={"symbol": "ETH/USDT"})
    assert error_code(sixth) == (429, "rate_limited")
    assert int(sixth.headers["Retry-After"]) >= 1
    for request in queued:
        await finish_jobs(app, session_factory, request["id"])


@pytest.mark.parametrize(
    ("url", "body"),
    [
        (SCAN_URL, {"symbols": []}),
        (SCAN_URL, {"symbols": "BTC/USDT"}),
        (SCAN_URL, {"symbols": ["not a symbol"]}),
        (SCAN_URL, {"symbols": [7]}),
        (SCAN_URL, {"symbols": ["BTC/USDT"] * 101}),
        (SCAN_URL, {"symbol": "BTC/USDT"}),
        (FETCH_URL, {}),
        (FETCH_URL, {"symbol": None}),
        (FETCH_URL, BAD_TIMEFRAME),
        (FETCH_URL, {"symbol": "BTC/USDT", "timeframe": 60}),
        (FETCH_URL, {"symbol": "BTC/USDT/ETH"}),
    ],
)
async def test_bad_bodies_are_422(
    app: FastAPI, make_user_client: MakeUserClient, url: str, body: object
) -> None:
    trader = await make_user_client("premium")
    response = await trader.http.post(url, json=body)
    # A timeframe outside the detection ones is the market API's own 422 code.
    expected = "unsupported_timeframe" if body == {**BAD_TIMEFRAME} else "validation_error"
    assert error_code(response) == (422, expected), response.text
