"""The live stream's bus: ids, resume with Last-Event-ID, keep-alives, and delivery across
processes through Redis. What a stream shows to whom, and when it ends, is tested on a real API
process: test_stream_access.py, tests/system/test_shutdown.py."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from cryptolens.core.events import EventBus, LiveEvent, MemoryEventBus, RedisEventBus
from tests.conftest import REDIS_URL


@pytest.fixture(params=["memory", "redis"])
async def bus(request: pytest.FixtureRequest) -> AsyncIterator[EventBus]:
    if request.param == "memory":
        yield MemoryEventBus()
        return
    if not REDIS_URL:
        pytest.skip("CRYPTOLENS_TEST_REDIS_URL is not set")
    client: Redis = Redis.from_url(REDIS_URL)
    key = f"test:events:{time.monotonic_ns()}"
    yield RedisEventBus(client, key=key)
    await client.delete(key)
    await client.aclose()


async def take(stream: AsyncIterator[LiveEvent | None], count: int) -> list[LiveEvent | None]:
    return [await asyncio.wait_for(anext(stream), 5) for _ in range(count)]


async def test_resume_after_last_event_id_and_keep_alive(bus: EventBus) -> None:
    first = await bus.publish("pattern.created", {"id": 1, "symbol": "BTC/USDT"})
    second = await bus.publish("signal.created", {"id": 7, "symbol": "BTC/USDT"})
    await bus.publish("signal.updated", {"id": 7, "symbol": "BTC/USDT"})
    assert first is not None and second is not None

    # A reconnecting client gets what it missed after its last id, in order.
    missed = bus.follow(first, wait_seconds=0.2)
    events = await take(missed, 2)
    assert [(e.type, e.data["id"]) for e in events if e] == [
        ("signal.created", 7),
        ("signal.updated", 7),
    ]
    # Then nothing new: a keep-alive (None) after the wait.
    assert await take(missed, 1) == [None]

    # A new client starts with new events only.
    fresh = bus.follow(None, wait_seconds=0.2)
    pending = asyncio.ensure_future(anext(fresh))
    await asyncio.sleep(0.05)
    await bus.publish("pattern.updated", {"id": 1, "symbol": "BTC/USDT"})
    got = await asyncio.wait_for(pending, 5)
    while got is None:  # a keep-alive may come first
        got = await asyncio.wait_for(anext(fresh), 5)
    assert got.type == "pattern.updated"


async def test_an_event_published_by_one_process_reaches_another_within_a_second() -> None:
    if not REDIS_URL:
        pytest.skip("CRYPTOLENS_TEST_REDIS_URL is not set")
    key = f"test:events:{time.monotonic_ns()}"
    worker_client: Redis = Redis.from_url(REDIS_URL)
    api_client: Redis = Redis.from_url(REDIS_URL)
    try:
        worker_bus, api_bus = RedisEventBus(worker_client, key), RedisEventBus(api_client, key)
        listening = api_bus.follow(None, wait_seconds=5)
        waiting = asyncio.ensure_future(anext(listening))
        await asyncio.sleep(0.2)  # the API process is blocked in XREAD
        sent = time.perf_counter()
        await worker_bus.publish("signal.created", {"id": 42, "symbol": "BTC/USDT"})
        event = await asyncio.wait_for(waiting, 5)
        latency = time.perf_counter() - sent
        assert event is not None and event.type == "signal.created"
        assert latency < 1.0
    finally:
        await worker_client.delete(key)
        await worker_client.aclose()
        await api_client.aclose()
