"""core.ratelimit: scaled windows, per-scope and per-client counting, reset, and the same
behaviour on Redis storage."""

from __future__ import annotations

from pathlib import Path

import pytest
from redis.asyncio import Redis

from cryptolens.core.ratelimit import AppRateLimiter, scaled_limit
from tests.conftest import make_settings


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
