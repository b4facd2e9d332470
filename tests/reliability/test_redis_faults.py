"""Redis down or hung under a real API process (issue #13, failure 4): reads are still served,
fast, and never 500; health says `degraded`; the live stream outlives the outage; and the cache
is used again within seconds of Redis coming back.

A real `cryptolens serve` on MariaDB reaches Redis through a FaultProxy the test controls:
`refuse` (the server is gone), `blackhole` (it hangs: connections accepted, nothing answered)
and `reset()` (every open connection torn down mid-traffic)."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.billing.service import grant_subscription
from cryptolens.core.events import RedisEventBus
from cryptolens.core.job_queue import REQUEST_ENQUEUE_WAIT_SECONDS
from cryptolens.core.security import PasswordHasher
from cryptolens.db import unit_of_work
from tests.auth.helpers import fetch_csrf, login, strong_password
from tests.conftest import MYSQL_URL, REDIS_URL
from tests.fakes.fault_proxy import FaultProxy, Mode
from tests.processes import ApiProcess, module_api
from tests.signals.conftest import head, read_anon_minutes, store_symbol

# Production's shape: MariaDB and Redis, a separate API process.
pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)

READS = ("/api/v1/matrix", "/api/v1/stats", "/api/v1/patterns", "/api/health")
REQUESTS = 50
CONCURRENCY = 5
PER_REQUEST_LIMIT_SECONDS = 1.0
STUCK_SECONDS = 5.0
CACHE_KEYS = "cryptolens:cache:*"
STORED_MINUTES = 300


async def store_anon(factory: async_sessionmaker[AsyncSession]) -> int:
    """A few hours of one replay symbol: reads have rows, and start-up loads no demo market."""
    minutes = head(read_anon_minutes(), STORED_MINUTES)
    return await store_symbol(factory, "ANON/BTC", minutes)


@pytest.fixture(scope="module")
async def api(
    redis_proxy: FaultProxy, db_engine: AsyncEngine, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ApiProcess]:
    """One API process for the file; each test leaves the proxy passing."""
    assert MYSQL_URL and REDIS_URL
    async with module_api(
        tmp_path_factory.mktemp("redis-faults-api"),
        db_engine,
        database_url=MYSQL_URL,
        redis_url=redis_proxy.url_for(REDIS_URL),
        stored_minutes=STORED_MINUTES,
    ) as process:
        yield process


@pytest.fixture
async def stored_symbol(session_factory: async_sessionmaker[AsyncSession]) -> int:
    return await store_anon(session_factory)


@pytest.fixture
async def http(
    api: ApiProcess,
    redis_proxy: FaultProxy,
    redis_client: Redis,
    stored_symbol: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[httpx.AsyncClient]:
    """A verified premium user (every symbol), signed in over HTTP while Redis is up."""
    client, _email, _password = await signed_in(session_factory, api.base_url)
    try:
        yield client
    finally:
        redis_proxy.set_mode("pass")
        await client.aclose()


async def signed_in(
    factory: async_sessionmaker[AsyncSession], base_url: str
) -> tuple[httpx.AsyncClient, str, str]:
    email = f"redis-faults-{os.getpid()}-{time.monotonic_ns()}@example.com"
    password = strong_password()
    now = datetime.now(UTC)
    async with unit_of_work(factory) as db:
        user = await create_user(
            db, PasswordHasher(), now, email=email, password=password, is_verified=True
        )
        await grant_subscription(db, user.id, "premium_monthly", now)
    client = httpx.AsyncClient(base_url=base_url, timeout=httpx.Timeout(10, read=60))
    await fetch_csrf(client)
    answer = await login(client, email, password)
    assert answer.status_code == 200, answer.text
    return client, email, password


# --- Traffic ------------------------------------------------------------------------------


async def mixed_reads(
    http: httpx.AsyncClient, count: int = REQUESTS
) -> list[tuple[str, int, float, dict[str, object]]]:
    """`count` GETs cycling through READS, CONCURRENCY at a time: (path, status, seconds, body)."""
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(index: int) -> tuple[str, int, float, dict[str, object]]:
        path = READS[index % len(READS)]
        async with gate:
            started = time.perf_counter()
            answer = await http.get(path)
            took = time.perf_counter() - started
        return path, answer.status_code, took, answer.json()

    return list(await asyncio.gather(*(one(index) for index in range(count))))


def assert_served_fast(results: list[tuple[str, int, float, dict[str, object]]]) -> None:
    errors = [(path, status) for path, status, _, _ in results if status >= 500]
    assert not errors, f"5xx answers: {errors}"
    slow = [
        (path, round(took, 2)) for path, _, took, _ in results if took >= PER_REQUEST_LIMIT_SECONDS
    ]
    assert not slow, f"answers slower than {PER_REQUEST_LIMIT_SECONDS} s: {slow}"
    assert {status for _, status, _, _ in results} == {200}, results
    for path, _, _, body in results:
        if path == "/api/health":
            data = body["data"]
            assert isinstance(data, dict)
            assert (data["status"], data["cache"]) == ("degraded", "down"), body


async def assert_cache_used_again(
    http: httpx.AsyncClient, redis_client: Redis, within_seconds: float = 10.0
) -> float:
    """Reads store their results in Redis again: returns how long that took."""
    started = time.monotonic()
    while time.monotonic() - started < within_seconds:
        await redis_client.delete(*(await redis_client.keys(CACHE_KEYS)) or ["-"])
        for path in ("/api/v1/stats", "/api/v1/matrix"):
            assert (await http.get(path)).status_code == 200
        if len(await redis_client.keys(CACHE_KEYS)) >= 2:
            health = (await http.get("/api/health")).json()["data"]
            assert health["cache"] == "ok", health
            return time.monotonic() - started
        await asyncio.sleep(0.2)
    raise AssertionError(f"the cache was not used again within {within_seconds} s")


# --- The acceptance -----------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_reads_are_served_within_a_second_while_redis_is_down_or_hung(
    mode: Mode,
    redis_proxy: FaultProxy,
    api: ApiProcess,
    http: httpx.AsyncClient,
    redis_client: Redis,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await assert_cache_used_again(http, redis_client)  # with Redis up, reads are cached in it

    with redis_proxy.fault(mode):
        results = await mixed_reads(http)
        print(f"{mode}: slowest read {max(took for _, _, took, _ in results) * 1000:.0f} ms")
        assert_served_fast(results)
        # Signing in counts toward the login limit: without Redis, in the process. (Its
        # time is mostly the password hash; tests/auth/test_rate_limiter.py times the limiter.)
        client, email, password = await signed_in_later(session_factory, api.base_url)
        try:
            started = time.perf_counter()
            answer = await login(client, email, password)
            print(f"{mode}: login {(time.perf_counter() - started) * 1000:.0f} ms")
            assert answer.status_code == 200, answer.text
        finally:
            await client.aclose()

    took = await assert_cache_used_again(http, redis_client)
    print(f"{mode}: cache used again {took:.1f} s after Redis came back")


async def signed_in_later(
    factory: async_sessionmaker[AsyncSession], base_url: str
) -> tuple[httpx.AsyncClient, str, str]:
    """A second user, not yet signed in (its CSRF token fetched)."""
    email = f"redis-faults-late-{os.getpid()}-{time.monotonic_ns()}@example.com"
    password = strong_password()
    async with unit_of_work(factory) as db:
        await create_user(
            db,
            PasswordHasher(),
            datetime.now(UTC),
            email=email,
            password=password,
            is_verified=True,
        )
    client = httpx.AsyncClient(base_url=base_url, timeout=httpx.Timeout(10, read=60))
    await fetch_csrf(client)
    return client, email, password


async def test_connections_reset_mid_traffic_give_no_5xx(
    redis_proxy: FaultProxy, api: ApiProcess, http: httpx.AsyncClient, redis_client: Redis
) -> None:
    stop = asyncio.Event()

    async def resetting() -> int:
        resets = 0
        while not stop.is_set():
            await asyncio.sleep(0.05)
            await asyncio.to_thread(redis_proxy.reset)
            resets += 1
        return resets

    resetter = asyncio.create_task(resetting())
    try:
        results = await mixed_reads(http, 2 * REQUESTS)
    finally:
        stop.set()
        resets = await resetter
    errors = [(path, status, body) for path, status, _, body in results if status >= 500]
    assert not errors, f"{len(errors)} 5xx answers over {resets} resets: {errors[:3]}"
    # No hang (the 1 s bound is the outage tests'; a reset costs at most one timeout).
    stuck = [(path, round(took, 2)) for path, _, took, _ in results if took >= STUCK_SECONDS]
    assert not stuck, stuck
    await assert_cache_used_again(http, redis_client)


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_the_event_stream_outlives_a_redis_outage(
    mode: Mode,
    redis_proxy: FaultProxy,
    api: ApiProcess,
    http: httpx.AsyncClient,
    redis_client: Redis,
) -> None:
    """A stream opened while Redis is down stays open, then delivers once Redis is back."""
    bus = RedisEventBus(redis_client)  # the worker's side, on the real Redis
    redis_proxy.set_mode(mode)
    async with http.stream("GET", "/api/v1/stream") as response:
        assert response.status_code == 200
        reader = LineReader(response)
        try:
            first = await reader.next(PER_REQUEST_LIMIT_SECONDS)
            assert first is not None and first.startswith("retry:"), first
            # Three seconds of outage: the stream neither ends nor breaks.
            quiet = await reader.lines_for(3.0)
            assert set(quiet) <= {"", ": keep-alive"}, quiet
            redis_proxy.set_mode("pass")
            event_line = await delivered(bus, reader)
        finally:
            reader.close()
    assert event_line.startswith("data: ") and "BTC/USDT" in event_line


class LineReader:
    """The lines of a streamed response, read in a task so a test can wait with a deadline."""

    def __init__(self, response: httpx.Response) -> None:
        self._lines: asyncio.Queue[str | BaseException] = asyncio.Queue()
        self._task = asyncio.create_task(self._read(response))

    async def _read(self, response: httpx.Response) -> None:
        try:
            async for line in response.aiter_lines():
                self._lines.put_nowait(line)
            raise EOFError("the server ended the stream")
        except asyncio.CancelledError:
            raise
        except BaseException as failure:  # handed to the test
            self._lines.put_nowait(failure)

    async def next(self, within_seconds: float) -> str | None:
        """The next line, or None when none came in time; fails if the stream broke."""
        try:
            got = await asyncio.wait_for(self._lines.get(), within_seconds)
        except TimeoutError:
            return None
        if isinstance(got, BaseException):
            raise AssertionError(f"the stream broke: {got!r}") from got
        return got

    async def lines_for(self, seconds: float) -> list[str]:
        deadline = time.monotonic() + seconds
        lines: list[str] = []
        while (left := deadline - time.monotonic()) > 0:
            line = await self.next(left)
            if line is not None:
                lines.append(line)
        return lines

    def close(self) -> None:
        self._task.cancel()


async def delivered(bus: RedisEventBus, reader: LineReader, within_seconds: float = 10.0) -> str:
    """Publishes until the stream delivers an event (a follower resuming after an outage
    starts from the newest event): its data line."""
    deadline = time.monotonic() + within_seconds
    while time.monotonic() < deadline:
        await bus.publish("signal.updated", {"id": 1, "symbol": "BTC/USDT"})
        for line in await reader.lines_for(0.5):
            if line.startswith("data: "):
                return line
    raise AssertionError(f"no event reached the stream within {within_seconds} s")


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_a_write_that_needs_the_queue_is_a_prompt_503_while_redis_is_down_or_hung(
    mode: Mode, redis_proxy: FaultProxy, http: httpx.AsyncClient
) -> None:
    """A hung Redis costs an enqueueing request REQUEST_ENQUEUE_WAIT_SECONDS, not the Redis
    client's read timeout (3 s): a 503 with Retry-After the client can act on."""
    with redis_proxy.fault(mode):
        started = time.perf_counter()
        answer = await http.post("/api/v1/scan", json={"symbols": ["ANON/BTC"]})
        took = time.perf_counter() - started
    print(f"{mode}: scan answered {answer.status_code} in {took * 1000:.0f} ms")
    assert answer.status_code == 503, answer.text
    assert answer.headers["Retry-After"] == "30"
    assert answer.json()["meta"]["code"] == "service_unavailable"
    assert took < REQUEST_ENQUEUE_WAIT_SECONDS + PER_REQUEST_LIMIT_SECONDS
