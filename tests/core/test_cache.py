"""The cache behaves the same in memory and on Redis; a Redis outage is a miss, not an error."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
from redis.asyncio import Redis

from cryptolens.core.cache import (
    Cache,
    MemoryCache,
    RedisCache,
    create_redis_client,
    get_or_compute,
)
from cryptolens.core.redis_guard import RedisGuard, RedisUnavailableError
from tests.conftest import REDIS_URL
from tests.fakes.fault_proxy import FaultProxy, Mode


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_memory_cache_round_trip_and_expiry() -> None:
    clock = FakeClock()
    cache = MemoryCache(clock=clock)
    await cache.set("matrix:BTC/USDT", {"1h": ["fvg"]}, ttl_seconds=60)
    assert await cache.get("matrix:BTC/USDT") == {"1h": ["fvg"]}
    clock.now += 59.9
    assert await cache.get("matrix:BTC/USDT") == {"1h": ["fvg"]}
    clock.now += 0.1
    assert await cache.get("matrix:BTC/USDT") is None


@pytest.fixture(params=["memory", "redis"])
async def cache(request: pytest.FixtureRequest) -> AsyncIterator[Cache]:
    if request.param == "memory":
        yield MemoryCache()
        return
    if not REDIS_URL:
        pytest.skip("CRYPTOLENS_TEST_REDIS_URL is not set")
    redis_cache = RedisCache(create_redis_client(REDIS_URL), prefix=f"test:{uuid.uuid4().hex}:")
    yield redis_cache
    await redis_cache.close()


async def test_cache_set_get_delete(cache: Cache) -> None:
    assert await cache.get("stats") is None
    await cache.set("stats", {"win_rate": 0.5, "count": 3}, ttl_seconds=30)
    assert await cache.get("stats") == {"win_rate": 0.5, "count": 3}
    await cache.delete("stats", "other")
    assert await cache.get("stats") is None
    assert await cache.ping() is True


async def test_get_many_answers_in_key_order_with_misses(cache: Cache) -> None:
    await cache.set("row:1", {"symbol": "BTC/USDT"}, ttl_seconds=30)
    await cache.set("row:3", [3], ttl_seconds=30)
    assert await cache.get_many(["row:3", "row:2", "row:1"]) == [
        [3],
        None,
        {"symbol": "BTC/USDT"},
    ]
    assert await cache.get_many([]) == []


async def test_text_is_kept_as_is_and_deleted_like_values(cache: Cache) -> None:
    body = '[{"symbol":"BTC/USDT","cells":[]}]'
    assert await cache.get_text("matrix:fvg") is None
    await cache.set_text("matrix:fvg", body, ttl_seconds=30)
    assert await cache.get_text("matrix:fvg") == body
    await cache.delete("matrix:fvg")
    assert await cache.get_text("matrix:fvg") is None


async def test_redis_cache_sets_a_ttl(redis_client: Redis) -> None:
    cache = RedisCache(redis_client, prefix="test:")
    await cache.set("matrix", [1, 2], ttl_seconds=60)
    ttl = await redis_client.ttl("test:matrix")
    assert 0 < ttl <= 60


async def test_redis_outage_degrades_to_a_miss() -> None:
    cache = RedisCache(create_redis_client("redis://127.0.0.1:9/0"))
    await cache.set("stats", {"a": 1}, ttl_seconds=30)
    assert await cache.get("stats") is None
    assert await cache.get_many(["stats", "matrix"]) == [None, None]
    await cache.set_text("matrix", "[]", ttl_seconds=30)
    assert await cache.get_text("matrix") is None
    await cache.delete("stats")
    assert await cache.ping() is False
    await cache.close()


# --- Redis down or hung (issue #13): within the timeout, then not tried for a while ----------


@pytest.fixture
def redis_proxy(redis_url: str) -> Iterator[FaultProxy]:
    with FaultProxy.before(redis_url, 6379) as proxy:
        yield proxy


def cache_through(proxy: FaultProxy, redis_url: str, guard: RedisGuard) -> RedisCache:
    client = create_redis_client(proxy.url_for(redis_url), timeout_seconds=TIMEOUT)
    return RedisCache(client, prefix=f"test:{uuid.uuid4().hex}:", guard=guard)


TIMEOUT = 0.1
BREAKER = 0.5


async def every_operation_misses(cache: RedisCache) -> None:
    assert await cache.get("stats") is None
    assert await cache.get_many(["stats", "matrix"]) == [None, None]
    assert await cache.get_text("matrix") is None
    await cache.set("stats", {"a": 2}, ttl_seconds=30)
    await cache.set_text("matrix", "[]", ttl_seconds=30)
    await cache.delete("stats")
    assert await cache.ping() is False


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_a_dead_or_hung_redis_costs_one_timeout_per_breaker_period(
    mode: Mode, redis_proxy: FaultProxy, redis_url: str
) -> None:
    guard = RedisGuard(timeout_seconds=TIMEOUT, breaker_seconds=BREAKER)
    cache = cache_through(redis_proxy, redis_url, guard)
    await cache.set("stats", {"a": 1}, ttl_seconds=30)
    assert await cache.get("stats") == {"a": 1}
    try:
        with redis_proxy.fault(mode):
            started = time.perf_counter()
            assert await cache.get("stats") is None  # the failure that opens the breaker
            first = time.perf_counter() - started
            started = time.perf_counter()
            for _ in range(10):
                await every_operation_misses(cache)
            while_open = time.perf_counter() - started
            await asyncio.sleep(BREAKER)
            started = time.perf_counter()
            assert await cache.get("stats") is None  # one probe, failing again
            probe = time.perf_counter() - started
        # After the fault: back within one breaker period, with what Redis kept.
        deadline = time.monotonic() + BREAKER + 1.0
        while await cache.get("stats") is None:
            assert time.monotonic() < deadline, "the cache did not come back"
            await asyncio.sleep(0.05)
        assert await cache.ping() is True
    finally:
        await cache.close()
    print(f"{mode}: first {first * 1000:.0f} ms, probe {probe * 1000:.0f} ms")
    assert first < 3 * TIMEOUT and probe < 3 * TIMEOUT
    assert while_open < TIMEOUT, f"Redis was tried while the breaker was open ({while_open} s)"


async def test_connections_reset_mid_traffic_are_misses_not_errors(
    redis_proxy: FaultProxy, redis_url: str
) -> None:
    guard = RedisGuard(timeout_seconds=TIMEOUT, breaker_seconds=0.05)
    cache = cache_through(redis_proxy, redis_url, guard)
    await cache.set("stats", {"a": 1}, ttl_seconds=30)

    async def reads() -> list[object]:
        return [await cache.get("stats") for _ in range(40)]

    async def resets() -> None:
        for _ in range(20):
            await asyncio.sleep(0.01)
            await asyncio.to_thread(redis_proxy.reset)

    try:
        answers, _ = await asyncio.gather(asyncio.gather(*(reads() for _ in range(10))), resets())
        got = [answer for per_task in answers for answer in per_task]
        assert set(map(str, got)) <= {"None", "{'a': 1}"}
        await asyncio.sleep(0.1)
        assert await cache.get("stats") == {"a": 1}
    finally:
        await cache.close()


async def test_concurrent_misses_share_one_computation_while_redis_is_down(
    redis_proxy: FaultProxy, redis_url: str
) -> None:
    """Without Redis every read misses: callers arriving together must not each recompute
    (ten matrix reads at once would be ten database computations)."""
    cache = cache_through(redis_proxy, redis_url, RedisGuard(TIMEOUT, BREAKER))
    computed = 0

    async def compute() -> dict[str, int]:
        nonlocal computed
        computed += 1
        await asyncio.sleep(0.2)
        return {"rows": 3}

    try:
        with redis_proxy.fault("refuse"):
            answers = await asyncio.gather(
                *(get_or_compute(cache, "stats", 30, compute) for _ in range(10))
            )
            assert answers == [{"rows": 3}] * 10
            assert computed == 1
            # Later callers (nothing in flight, nothing cached) compute again.
            assert await get_or_compute(cache, "stats", 30, compute) == {"rows": 3}
            assert computed == 2
    finally:
        await cache.close()


async def test_a_call_that_holds_on_to_its_cancellation_still_ends_at_the_bound() -> None:
    """A Redis client that catches the cancellation to clean up on a black-holed connection
    kept a request for 3 s (tests/reliability/test_redis_faults.py, 1 run in 3): the guard
    stops waiting at its bound whatever the call does with the cancellation."""
    ended = asyncio.Event()

    async def slow_to_end() -> bytes:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            await asyncio.sleep(1.0)  # the client's clean-up, outliving the bound
            ended.set()
            raise
        return b"never"

    guard = RedisGuard(timeout_seconds=0.05, breaker_seconds=0.0)
    started = time.perf_counter()
    with pytest.raises(RedisUnavailableError):
        await guard.call("get", slow_to_end)
    assert time.perf_counter() - started < 0.5
    assert guard.down
    # The abandoned call still ends on its own.
    await asyncio.wait_for(ended.wait(), 5)
