"""An API key's request costs one Redis round trip for its usage (the day's counter and the
last use written together), not one per hash. Counted on the wire side of a real Redis client:
every packet of commands the connection sends is one round trip."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.asyncio.connection import Connection

from cryptolens.apikeys.usage import UsageCounters
from cryptolens.core.cache import HashWrite, MemoryCache, RedisCache

sent: list[int] = []


class CountingConnection(Connection):
    """A real connection that notes each batch of commands it writes (one per round trip)."""

    async def send_packed_command(self, command: Any, check_health: bool = True) -> None:
        sent.append(1)
        await super().send_packed_command(command, check_health)


@pytest.fixture
async def counted(redis_url: str, redis_client: Redis) -> AsyncIterator[RedisCache]:
    client: Redis = Redis.from_url(redis_url, connection_class=CountingConnection)
    await client.ping()  # the connection's own set-up is not the request's cost
    sent.clear()
    yield RedisCache(client)
    await client.aclose()


async def test_a_counted_request_is_one_round_trip(counted: RedisCache) -> None:
    counters = UsageCounters(counted, days_kept=2)
    now = datetime(2026, 12, 5, 10, 30, tzinfo=UTC)
    await counters.count_request(7, "10.0.0.1", now)
    assert len(sent) == 1
    await counters.count_request(7, "10.0.0.2", now)
    await counters.count_refusal(7, now)
    assert len(sent) == 3

    taken = await counters.take(now.date())
    assert dict(taken.days) == {(7, now.date()): [2, 1]}
    assert taken.last_use == {7: (now, "10.0.0.2")}


async def _writes_land(cache: MemoryCache | RedisCache) -> None:
    await cache.hash_write(
        [
            HashWrite("rt-day", increments={"1:r": 2, "2:r": 1}),
            HashWrite("rt-last", values={"1": "a|b"}),
            HashWrite("rt-day", increments={"1:r": 1}, values={"note": "x"}),
        ],
        60,
    )
    assert await cache.hash_take("rt-day") == {"1:r": "3", "2:r": "1", "note": "x"}
    assert await cache.hash_take("rt-last") == {"1": "a|b"}


async def test_several_hashes_written_at_once_land_alike_in_memory_and_redis(
    counted: RedisCache,
) -> None:
    await _writes_land(MemoryCache())
    sent.clear()
    await _writes_land(counted)
    assert len(sent) == 3  # the write, then the two takes
