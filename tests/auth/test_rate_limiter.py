"""core.ratelimit: scaled windows, per-scope and per-client counting, reset, and the same
behaviour on Redis storage."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from redis.asyncio import Redis

from cryptolens.core.ratelimit import AppRateLimiter, scaled_limit
from cryptolens.settings import HttpSettings
from tests.conftest import make_settings
from tests.fakes.fault_proxy import FaultProxy, Mode


def test_scale_multiplies_the_window() -> None:
    assert scaled_limit("5/minute", 1.0).get_expiry() == 60
    assert scaled_limit("5/minute", 0.5).get_expiry() == 30
    assert scaled_limit("3/hour", 0.001).get_expiry() == 4
    assert scaled_limit("5/minute", 0.0001).get_expiry() == 1
    assert scaled_limit("5/minute", 0.5).amount == 5


async def _exercise(limiter: AppRateLimiter) -> None:
    for _ in range(3):
        assert await limiter.hit("3/minute", "probe", "10.0.0.1") is None
    retry_after = await limiter.hit("3/minute", "probe", "10.0.0.1")
    assert retry_after is not None and 1 <= retry_after <= 60
    # Another client and another scope have their own counters.
    assert await limiter.hit("3/minute", "probe", "10.0.0.2") is None
    assert await limiter.hit("3/minute", "other", "10.0.0.1") is None
    limiter.reset()
    assert await limiter.hit("3/minute", "probe", "10.0.0.1") is None


async def test_memory_limiter(tmp_path: Path) -> None:
    limiter = AppRateLimiter(make_settings(tmp_path))
    assert not limiter.uses_redis
    await _exercise(limiter)


async def test_redis_limiter(tmp_path: Path, redis_url: str, redis_client: Redis) -> None:
    limiter = AppRateLimiter(make_settings(tmp_path, redis_url=redis_url))
    assert limiter.uses_redis
    limiter.reset()
    assert await limiter.hit("3/minute", "probe", "10.0.0.9") is None
    keys = await redis_client.keys("cryptolens:ratelimit*")
    assert keys, "counters live in Redis under our prefix"
    limiter.reset()
    await _exercise(limiter)


async def test_a_dead_redis_degrades_to_local_counting(tmp_path: Path) -> None:
    limiter = AppRateLimiter(make_settings(tmp_path, redis_url="redis://127.0.0.1:1/0"))
    for _ in range(2):
        assert await limiter.hit("2/minute", "probe", "10.0.0.1") is None
    assert await limiter.hit("2/minute", "probe", "10.0.0.1") is not None


@pytest.mark.parametrize("rule", ["5/minute", "3/hour"])
def test_rules_are_checked_when_declared(rule: str) -> None:
    from cryptolens.core.ratelimit import RateLimit

    assert RateLimit(rule, scope="x").rule == rule
    with pytest.raises(ValueError):
        RateLimit("five a minute", scope="x")


# --- Redis down or hung (issue #13): counted in the process, within the timeout -------------

TIMEOUT = 0.1
BREAKER = 0.5


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_a_dead_or_hung_redis_falls_back_to_counting_in_the_process_at_once(
    tmp_path: Path, redis_url: str, redis_client: Redis, mode: Mode
) -> None:
    with FaultProxy.before(redis_url, 6379) as proxy:
        http = HttpSettings(
            frontend_dist=tmp_path / "no-frontend",
            redis_timeout_seconds=TIMEOUT,
            redis_breaker_seconds=BREAKER,
        )
        limiter = AppRateLimiter(
            make_settings(tmp_path, redis_url=proxy.url_for(redis_url), http=http)
        )
        assert await limiter.hit("3/minute", "auth-login", "10.0.0.1") is None  # on Redis
        assert await redis_client.keys("cryptolens:ratelimit*")
        with proxy.fault(mode):
            answers, took = [], []
            for _ in range(5):
                started = time.perf_counter()
                answers.append(await limiter.hit("3/minute", "auth-login", "10.0.0.1"))
                took.append(time.perf_counter() - started)
        print(f"{mode}: " + ", ".join(f"{seconds * 1000:.0f} ms" for seconds in took))
        # The login limit still holds, per process: three allowed, then refused.
        assert answers[:3] == [None, None, None]
        assert all(wait is not None and 1 <= wait <= 60 for wait in answers[3:])
        assert took[0] < 3 * TIMEOUT, took  # one timeout, at most
        assert max(took[1:]) < TIMEOUT, took  # then Redis is not tried (the breaker)
        # Back: after the breaker period Redis counts again.
        await redis_client.flushdb()
        deadline = time.monotonic() + BREAKER + 2.0
        while not await redis_client.keys("cryptolens:ratelimit*"):
            assert time.monotonic() < deadline, "the limiter did not go back to Redis"
            await limiter.hit("100/minute", "probe", "10.0.0.2")
            await asyncio.sleep(0.05)
