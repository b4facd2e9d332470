"""Usage: every request with a valid key is counted in the cache, refused ones too, and moved
to the database by `flush_api_key_usage`; the key never appears in clear in the database, the
logs or a stored error report."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import select

from cryptolens.apikeys.models import ApiKey
from cryptolens.apikeys.tasks import flush_api_key_usage
from cryptolens.core.cache import MemoryCache, RedisCache
from cryptolens.db import unit_of_work
from cryptolens.jobs.registry import get_job
from cryptolens.jobs.schedule import CRON_SCHEDULE
from cryptolens.resources import app_resources
from cryptolens.system.errors.models import ErrorOccurrence
from tests.apikeys.conftest import KEYS, SIGNALS, CreateKey, KeyClient
from tests.clients import UserClient
from tests.system.error_routes import REPORT_ROUTE, with_failing_routes


async def _flush(app: FastAPI) -> None:
    await flush_api_key_usage(app_resources(app).jobs.ctx)


async def test_usage_counts_every_request_and_the_refused_ones(
    app: FastAPI, premium: UserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    key, data = await create_key(scopes=["read:signals"], ip_allow=["10.0.0.0/8"])
    inside = key_client(key, ip="10.0.0.1")
    assert (await inside.get(SIGNALS)).status_code == 200
    assert (await inside.get(SIGNALS)).status_code == 200
    assert (await key_client(key, ip="192.168.0.1").get(SIGNALS)).status_code == 403  # IP
    assert (await inside.get("/api/v1/symbols")).status_code == 403  # scope
    assert (await inside.get("/api/v1/auth/me")).status_code == 403  # session only
    assert (await key_client("clk_" + "x" * 40).get(SIGNALS)).status_code == 401  # not a key
    await _flush(app)
    await _flush(app)  # nothing new: nothing counted twice

    usage = (await premium.http.get(f"{KEYS}/{data['id']}/usage")).json()["data"]
    [day] = usage["days"]
    assert (day["requests"], day["refused"]) == (5, 3)
    assert (usage["total_requests"], usage["total_refused"], usage["all_time_requests"]) == (
        5,
        3,
        5,
    )
    assert usage["last_used_ip"] == "10.0.0.1"
    assert usage["last_used_at"] is not None
    [listed] = (await premium.http.get(KEYS)).json()["data"]
    assert listed["total_requests"] == 5

    assert (await inside.get(SIGNALS)).status_code == 200
    await _flush(app)
    usage = (await premium.http.get(f"{KEYS}/{data['id']}/usage")).json()["data"]
    assert (usage["days"][0]["requests"], usage["all_time_requests"]) == (6, 6)


async def test_a_rate_limited_call_is_counted_as_refused(
    app: FastAPI, premium: UserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    key, data = await create_key(limit_per_minute=1)
    client = key_client(key)
    assert (await client.get(SIGNALS)).status_code == 200
    assert (await client.get(SIGNALS)).status_code == 429
    await _flush(app)
    usage = (await premium.http.get(f"{KEYS}/{data['id']}/usage")).json()["data"]
    assert (usage["total_requests"], usage["total_refused"]) == (2, 1)


def test_the_flush_runs_every_minute_on_the_low_queue() -> None:
    assert get_job("flush_api_key_usage").queue == "low"
    [entry] = [e for e in CRON_SCHEDULE if e.job_name == "flush_api_key_usage"]
    assert entry.cron_text == "* * * * *"


async def test_the_key_is_nowhere_in_the_database_in_clear(
    app: FastAPI, create_key: CreateKey, key_client: KeyClient
) -> None:
    key, _data = await create_key()
    assert (await key_client(key).get(SIGNALS)).status_code == 200
    await _flush(app)
    async with unit_of_work(app_resources(app).session_factory) as db:
        row = (await db.execute(select(ApiKey.__table__))).mappings().one()
        values = [str(value) for value in row.values()]
    assert row["prefix"] == key[:12]
    assert all(key not in value for value in values)
    assert all(key[12:] not in value for value in values)  # not even the secret part


async def test_the_key_is_not_in_the_logs(
    caplog: pytest.LogCaptureFixture, create_key: CreateKey, key_client: KeyClient
) -> None:
    caplog.set_level(logging.DEBUG)
    key, _data = await create_key()
    await key_client(key).get(SIGNALS)
    await key_client(key, bearer=True).get("/api/v1/auth/me")
    await key_client(key, ip="10.9.9.9").get(SIGNALS)
    assert key not in caplog.text
    assert all(key not in json.dumps(record.__dict__, default=str) for record in caplog.records)


async def test_a_stored_error_report_redacts_the_key_headers(
    app: FastAPI, create_key: CreateKey, key_client: KeyClient
) -> None:
    with_failing_routes(app)
    key, _data = await create_key()
    client = key_client(key)
    client.headers["Authorization"] = f"Bearer {key}"
    assert (await client.get(REPORT_ROUTE)).status_code == 500
    async with unit_of_work(app_resources(app).session_factory) as db:
        occurrences = list(await db.scalars(select(ErrorOccurrence)))
        dumped = [
            json.dumps({c.name: getattr(o, c.name) for c in o.__table__.columns}, default=str)
            for o in occurrences
        ]
    assert occurrences
    headers: dict[str, Any] = occurrences[0].headers or {}
    assert headers["x-api-key"] == "[REDACTED]"
    assert headers["authorization"] == "[REDACTED]"
    assert all(key not in text_ for text_ in dumped)


async def _take_races_nothing(cache: MemoryCache | RedisCache) -> None:
    await cache.hash_increment("usage-test", {"1:r": 2, "1:x": 1}, 60)
    await cache.hash_increment("usage-test", {"1:r": 1}, 60)
    await cache.hash_set("usage-last", {"1": "a|b"}, 60)
    assert await cache.hash_take("usage-test") == {"1:r": "3", "1:x": "1"}
    assert await cache.hash_take("usage-test") == {}
    await cache.hash_increment("usage-test", {"1:r": 1}, 60)
    assert await cache.hash_take("usage-test") == {"1:r": "1"}
    assert await cache.hash_take("usage-last") == {"1": "a|b"}


async def test_memory_counters_are_taken_once() -> None:
    await _take_races_nothing(MemoryCache())


async def test_redis_counters_are_taken_once(redis_client: Redis) -> None:
    await _take_races_nothing(RedisCache(redis_client))
    assert await redis_client.keys("*usage-test*") == []
