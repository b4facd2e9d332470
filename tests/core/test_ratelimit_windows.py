"""core.ratelimit check(): several windows per check, a refusal when any is full (and then
counted in none), a truthful Retry-After, the scale, one Redis round trip per check, and the
memory fallback while Redis is down. The same assertions on both stores."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.asyncio.connection import AbstractConnection

from cryptolens.core.errors import RateLimitedError
from cryptolens.core.ratelimit import AppRateLimiter, Window
from cryptolens.settings import HttpSettings
from tests.conftest import make_settings
from tests.fakes.fault_proxy import FaultProxy, Mode

MakeLimiter = Callable[..., AppRateLimiter]


@pytest.fixture(params=["memory", "redis"])
async def make_limiter(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[MakeLimiter]:
    redis_url: str | None = None
    if request.param == "redis":
        redis_url = request.getfixturevalue("redis_url")  # skips without Redis
    made: list[AppRateLimiter] = []

    def make(scale: float = 1.0) -> AppRateLimiter:
        http = HttpSettings(frontend_dist=tmp_path / "no-frontend", rate_limit_scale=scale)
        limiter = AppRateLimiter(make_settings(tmp_path, redis_url=redis_url, http=http))
        assert limiter.uses_redis == (redis_url is not None)
        limiter.reset()
        made.append(limiter)
        return limiter

    yield make
    for limiter in made:
        limiter.reset()
        await limiter.aclose()


async def test_a_request_counts_in_every_window_and_any_full_window_refuses(
    make_limiter: MakeLimiter,
) -> None:
    limiter = make_limiter()
    windows = [Window("burst", "2/second"), Window("minute", "3/minute")]
    first = await limiter.check(windows, "k1")
    assert first.allowed and first.retry_after is None
    states = {s.name: s for s in first.windows}
    assert (states["burst"].remaining, states["minute"].remaining) == (1, 2)
    second = await limiter.check(windows, "k1")
    assert second.allowed
    # The burst window is full: refused although the minute one has room.
    refused = await limiter.check(windows, "k1")
    assert not refused.allowed
    assert refused.retry_after == 1
    # A refusal is counted in no window: the minute still has one left.
    assert {s.name: s.remaining for s in refused.windows} == {"burst": 0, "minute": 1}
    await asyncio.sleep(1.05)
    third = await limiter.check(windows, "k1")
    assert third.allowed
    # Now the minute window is the full one, and it says how long.
    refused = await limiter.check(windows, "k1")
    assert not refused.allowed
    assert refused.retry_after is not None and 57 <= refused.retry_after <= 60
    # Other keys and other window names count apart.
    assert (await limiter.check(windows, "k2")).allowed
    assert (await limiter.check([Window("other", "3/minute")], "k1")).allowed


async def test_retry_after_is_the_wait_until_a_request_is_admitted(
    make_limiter: MakeLimiter,
) -> None:
    limiter = make_limiter()
    windows = [Window("tiny", "2/2second")]
    started = time.time()
    assert (await limiter.check(windows, "k")).allowed
    await asyncio.sleep(1.0)
    assert (await limiter.check(windows, "k")).allowed
    refused = await limiter.check(windows, "k")
    assert not refused.allowed and refused.retry_after is not None
    # The first request leaves the window 2 s after it came: about 1 s from now.
    expected = math.ceil(started + 2 - time.time())
    assert refused.retry_after == max(1, expected)
    await asyncio.sleep(refused.retry_after + 0.05)
    assert (await limiter.check(windows, "k")).allowed
    # Still one in the window (the second one) and one just admitted: full again.
    assert not (await limiter.check(windows, "k")).allowed


async def test_the_scale_shrinks_every_window(make_limiter: MakeLimiter) -> None:
    limiter = make_limiter(scale=1 / 60)  # a minute becomes a second
    windows = [Window("minute", "2/minute")]
    assert (await limiter.check(windows, "k")).allowed
    decision = await limiter.check(windows, "k")
    assert decision.windows[0].window_seconds == 1
    refused = await limiter.check(windows, "k")
    assert refused.retry_after == 1
    await asyncio.sleep(1.05)
    assert (await limiter.check(windows, "k")).allowed


async def test_raise_if_refused_carries_retry_after_and_the_headers(
    make_limiter: MakeLimiter,
) -> None:
    limiter = make_limiter()
    windows = [Window("minute", "1/minute")]
    allowed = await limiter.check(windows, "k")
    allowed.raise_if_refused()  # nothing
    refused = await limiter.check(windows, "k")
    with pytest.raises(RateLimitedError) as caught:
        refused.raise_if_refused()
    headers = caught.value.headers
    assert headers["Retry-After"] == str(refused.retry_after)
    assert headers["RateLimit-Policy"] == '"minute";q=1;w=60'
    assert headers["RateLimit"].startswith('"minute";r=0;t=')


async def test_the_single_window_hit_still_works(make_limiter: MakeLimiter) -> None:
    limiter = make_limiter()
    assert await limiter.hit("1/minute", "probe", "k") is None
    wait = await limiter.hit("1/minute", "probe", "k")
    assert wait is not None and 59 <= wait <= 60


def test_window_names_and_rules_are_checked_when_declared() -> None:
    with pytest.raises(ValueError):
        Window('bad"name', "5/minute")
    with pytest.raises(ValueError):
        Window("ok", "five a minute")


# --- Redis: one round trip per check, the shared counters, the fallback ----------------------


async def test_one_redis_round_trip_per_check_whatever_the_windows(
    tmp_path: Path, redis_url: str, redis_client: Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Counted at this process's redis-py connections (Redis's own counters are server-wide:
    # other test runs on the same server would add to them).
    sent: list[int] = []
    original = AbstractConnection.send_packed_command

    async def counting(self: AbstractConnection, command: Any, check_health: bool = True) -> None:
        sent.append(1)
        await original(self, command, check_health)

    monkeypatch.setattr(AbstractConnection, "send_packed_command", counting)
    limiter = AppRateLimiter(make_settings(tmp_path, redis_url=redis_url))
    windows = [Window(f"w{n}", f"{n + 5}/minute") for n in range(4)]
    await limiter.check(windows, "warm-up")  # loads the script (EVALSHA, then EVAL once)
    sent.clear()
    for _ in range(5):
        assert (await limiter.check(windows, "k")).allowed
    assert len(sent) == 5
    # The counters are limits' moving-window lists under our prefix: one per window.
    keys = await redis_client.keys("cryptolens:ratelimit:*/k/*")
    assert len(keys) == 4
    await limiter.aclose()


async def test_processes_share_the_counters_on_redis(
    tmp_path: Path, redis_url: str, redis_client: Redis
) -> None:
    one = AppRateLimiter(make_settings(tmp_path, redis_url=redis_url))
    two = AppRateLimiter(make_settings(tmp_path, redis_url=redis_url))
    windows = [Window("minute", "2/minute")]
    assert (await one.check(windows, "k")).allowed
    assert (await two.check(windows, "k")).allowed
    assert not (await one.check(windows, "k")).allowed
    await one.aclose()
    await two.aclose()


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_redis_down_still_limits_in_the_process(
    tmp_path: Path, redis_url: str, redis_client: Redis, mode: Mode
) -> None:
    with FaultProxy.before(redis_url, 6379) as proxy:
        http = HttpSettings(
            frontend_dist=tmp_path / "no-frontend",
            redis_timeout_seconds=0.1,
            redis_breaker_seconds=0.5,
        )
        limiter = AppRateLimiter(
            make_settings(tmp_path, redis_url=proxy.url_for(redis_url), http=http)
        )
        windows = [Window("burst", "2/minute"), Window("hour", "10/hour")]
        assert (await limiter.check(windows, "10.0.0.1")).allowed  # on Redis
        with proxy.fault(mode):
            started = time.perf_counter()
            answers = [await limiter.check(windows, "10.0.0.1") for _ in range(3)]
            took = time.perf_counter() - started
        # Counted in this process from the outage on: two admitted, then refused, truthfully.
        assert [a.allowed for a in answers] == [True, True, False]
        assert answers[2].retry_after is not None and 59 <= answers[2].retry_after <= 60
        assert answers[2].headers["RateLimit"].startswith('"burst";r=0;')
        assert took < 0.5, took
        await limiter.aclose()
