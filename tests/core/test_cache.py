"""The cache behaves the same in memory and on Redis; a Redis outage is a miss, not an error."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from cryptolens.core.cache import Cache, MemoryCache, RedisCache, create_redis_client
from tests.conftest import REDIS_URL


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
