"""API-key requests while Redis is down or hung, on a real API process (MariaDB, Redis through
a FaultProxy the test controls): every request is answered within the outage bound and never
with a 5xx; the key's limits still hold, counted in the process's memory meanwhile
(core/ratelimit.py, AppRateLimiter); and the usage counters resume once Redis is back.

Usage during the outage is lost: the cache treats a Redis failure as a miss
(core/cache.py), and the counters promise no catch-up (apikeys/usage.py)."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Awaitable
from datetime import UTC, datetime
from typing import cast

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.billing.service import grant_subscription
from cryptolens.core.security import PasswordHasher
from cryptolens.db import unit_of_work
from tests.apikeys.conftest import KEYS, SIGNALS
from tests.auth.helpers import fetch_csrf, login, strong_password
from tests.conftest import MYSQL_URL, REDIS_URL
from tests.fakes.fault_proxy import FaultProxy, Mode
from tests.processes import ApiProcess, module_api

# Production's shape: MariaDB and Redis, a separate API process.
pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)

LIMIT_PER_MINUTE = 8
# The guard bounds each Redis call (0.1 s) and then skips Redis: a request must not wait long.
PER_REQUEST_LIMIT_SECONDS = 1.0
BREAKER_SECONDS = 2.0  # http.redis_breaker_seconds's default: Redis is probed again after it
USAGE_PREFIX = "cryptolens:cache:apikey-usage:"


@pytest.fixture(scope="module")
async def api(
    redis_proxy: FaultProxy, db_engine: AsyncEngine, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ApiProcess]:
    assert MYSQL_URL and REDIS_URL
    async with module_api(
        tmp_path_factory.mktemp("apikey-redis-outage"),
        db_engine,
        database_url=MYSQL_URL,
        redis_url=redis_proxy.url_for(REDIS_URL),
    ) as process:
        yield process


async def new_key(factory: async_sessionmaker[AsyncSession], base_url: str) -> tuple[str, int]:
    """A premium user's key (made over HTTP while Redis is up): the key and its id."""
    email = f"key-outage-{os.getpid()}-{time.monotonic_ns()}@example.com"
    password = strong_password()
    now = datetime.now(UTC)
    async with unit_of_work(factory) as db:
        user = await create_user(
            db, PasswordHasher(), now, email=email, password=password, is_verified=True
        )
        await grant_subscription(db, user.id, "premium_monthly", now)
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as owner:
        await fetch_csrf(owner)
        assert (await login(owner, email, password)).status_code == 200
        body = {"name": "script", "scopes": ["all"], "limit_per_minute": LIMIT_PER_MINUTE}
        made = await owner.post(KEYS, json=body)
    assert made.status_code == 201, made.text
    data = made.json()["data"]
    return data["key"], data["id"]


async def timed_get(client: httpx.AsyncClient) -> tuple[int, float, dict[str, object]]:
    started = time.perf_counter()
    answer = await client.get(SIGNALS)
    return answer.status_code, time.perf_counter() - started, answer.json()


async def counted_requests(redis: Redis, key_id: int) -> int:
    day = datetime.now(UTC).date().isoformat()
    pending = cast(Awaitable[bytes | None], redis.hget(f"{USAGE_PREFIX}{day}", f"{key_id}:r"))
    value = await pending
    return int(value or 0)


async def wait_cache_up(client: httpx.AsyncClient, within_seconds: float = 15.0) -> None:
    """Until the API's health says its cache answers again (the breaker has closed)."""
    deadline = time.monotonic() + within_seconds
    while time.monotonic() < deadline:
        health = (await client.get("/api/health")).json()["data"]
        if health["cache"] == "ok":
            return
        await asyncio.sleep(0.25)
    raise AssertionError(f"the API did not use Redis again within {within_seconds} s")


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_key_requests_are_served_and_limited_while_redis_is_down(
    mode: Mode,
    redis_proxy: FaultProxy,
    api: ApiProcess,
    redis_client: Redis,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    key, key_id = await new_key(session_factory, api.base_url)
    async with httpx.AsyncClient(
        base_url=api.base_url, headers={"X-API-Key": key}, timeout=30
    ) as client:
        for _ in range(2):
            assert (await client.get(SIGNALS)).status_code == 200
        assert await counted_requests(redis_client, key_id) == 2

        with redis_proxy.fault(mode):
            outage_started = time.monotonic()
            during = [await timed_get(client) for _ in range(LIMIT_PER_MINUTE + 2)]
            outage_seconds = time.monotonic() - outage_started
        statuses = [status for status, _, _ in during]
        slow = [round(took, 2) for _, took, _ in during if took >= PER_REQUEST_LIMIT_SECONDS]
        print(f"{mode}: slowest {max(took for _, took, _ in during) * 1000:.0f} ms")
        assert not slow, f"answers slower than {PER_REQUEST_LIMIT_SECONDS} s: {slow}"
        # The window counts in memory from the outage's start: LIMIT served, then refused.
        assert statuses == [200] * LIMIT_PER_MINUTE + [429, 429], during
        assert all(body["meta"]["code"] == "rate_limited" for _, _, body in during[-2:])  # type: ignore[index]
        # Nothing counted meanwhile, except in a black hole: a write sent before its timeout
        # (the first, and one probe per breaker period after it) is held by the stalled link
        # and lands once it flows again, still once.
        late = await counted_requests(redis_client, key_id) - 2
        probes = 1 + int(outage_seconds // BREAKER_SECONDS) if mode == "blackhole" else 0
        assert 0 <= late <= probes, (late, outage_seconds)

        await wait_cache_up(client)
        for _ in range(2):
            assert (await client.get(SIGNALS)).status_code == 200
    # Back on Redis's counters: 2 before and 2 after, each counted once (with the late ones
    # still under the limit in Redis's window).
    assert await counted_requests(redis_client, key_id) == 4 + late
