"""Per-IP rate limits (slowapi's Limiter and storage, moving window), used as a dependency:

    @router.post(..., dependencies=[Depends(RateLimit("5/minute", scope="auth-login"))])

Counters live in memory in the embedded mode and in Redis when `redis_url` is set; while Redis
is down or slow they are kept in the process's memory (see AppRateLimiter).
`settings.http.rate_limit_scale` multiplies every window (tests shrink them). A refusal is a 429 in
the envelope with `Retry-After`. The limiter is per app, so tests reset it with
`reset_rate_limits(app)`.
"""

from __future__ import annotations

import logging
import math
import time
from typing import Any, Protocol

from fastapi import FastAPI, Request
from limits import RateLimitItem, RateLimitItemPerSecond, parse
from limits.aio.storage import RedisStorage as AsyncRedisStorage
from limits.aio.strategies import MovingWindowRateLimiter as AsyncMovingWindowRateLimiter
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter, RateLimiter
from slowapi import Limiter
from slowapi.errors import RateLimitExceeded
from slowapi.util import get_remote_address
from starlette.applications import Starlette
from starlette.responses import Response

from cryptolens.core.errors import RateLimitedError
from cryptolens.core.handlers import envelope_response
from cryptolens.core.redis_guard import RedisGuard, RedisUnavailableError
from cryptolens.core.resources import RESOURCES_ATTRIBUTE
from cryptolens.settings import Settings

log = logging.getLogger("cryptolens.ratelimit")

REDIS_KEY_PREFIX = "cryptolens:ratelimit"


def scaled_limit(rule: str, scale: float) -> RateLimitItem:
    """`"5/minute"` with scale 0.5 becomes 5 per 30 seconds (never under one second)."""
    item = parse(rule)
    window_seconds = max(1, math.ceil(item.get_expiry() * scale))
    return RateLimitItemPerSecond(item.amount, window_seconds)


class AppRateLimiter:
    """One app's limiter: counters in Redis (shared by every process) when `redis_url` is set,
    else in memory; slowapi's Limiter is kept for its keying, decorators and reset.

    Redis down or slow: the guard (core/redis_guard.py) gives up within
    `settings.http.redis_timeout_seconds` and skips Redis while its breaker is open, and the
    request is counted in this process's memory instead. We fall back rather than fail open
    on purpose: the login and sign-up limits are what stands between a password and a
    guessing script, so they keep holding during an outage, per process (N API processes
    allow up to N times the limit until Redis is back)."""

    def __init__(self, settings: Settings, guard: RedisGuard | None = None) -> None:
        self.scale = settings.http.rate_limit_scale
        self.uses_redis = bool(settings.redis_url)
        self._guard = guard or RedisGuard.from_settings(settings.http)
        timeout = settings.http.redis_timeout_seconds
        redis_options: dict[str, Any] = {
            "socket_connect_timeout": timeout,
            "socket_timeout": timeout,
        }
        self.slowapi = Limiter(
            key_func=get_remote_address,
            storage_uri=settings.redis_url or "memory://",
            storage_options=(
                {"key_prefix": REDIS_KEY_PREFIX, **redis_options} if settings.redis_url else {}
            ),
            strategy="moving-window",
            headers_enabled=False,
        )
        # The same counters (same keys) through redis-py's asyncio client: no thread per hit,
        # and a call the guard can bound and cancel.
        self._shared: AsyncMovingWindowRateLimiter | None = None
        if settings.redis_url:
            storage = AsyncRedisStorage(
                f"async+{settings.redis_url}",
                implementation="redispy",
                key_prefix=REDIS_KEY_PREFIX,
                **redis_options,
            )
            self._shared = AsyncMovingWindowRateLimiter(storage)
        self._fallback = MovingWindowRateLimiter(MemoryStorage())

    def client_key(self, request: Request) -> str:
        # The socket peer; behind a proxy uvicorn's trusted proxy headers set it (never a
        # client-supplied X-Forwarded-For, which anyone can forge).
        return get_remote_address(request)

    async def hit(self, rule: str, scope: str, key: str) -> int | None:
        """Counts one request; returns None when allowed, else the seconds to wait."""
        item = scaled_limit(rule, self.scale)
        shared = self._shared
        if shared is None:
            return _hit_with(self.slowapi.limiter, item, scope, key)
        try:
            return await self._guard.call(
                "ratelimit", lambda: _hit_shared(shared, item, scope, key)
            )
        except RedisUnavailableError:
            return _hit_with(self._fallback, item, scope, key)

    def reset(self) -> None:
        self.slowapi.reset()
        self._fallback.storage.reset()


def _hit_with(strategy: RateLimiter, item: RateLimitItem, scope: str, key: str) -> int | None:
    if strategy.hit(item, scope, key):
        return None
    reset_at, _remaining = strategy.get_window_stats(item, scope, key)
    return max(1, math.ceil(reset_at - time.time()))


async def _hit_shared(
    strategy: AsyncMovingWindowRateLimiter, item: RateLimitItem, scope: str, key: str
) -> int | None:
    if await strategy.hit(item, scope, key):
        return None
    reset_at, _remaining = await strategy.get_window_stats(item, scope, key)
    return max(1, math.ceil(reset_at - time.time()))


class RateLimit:
    """A dependency counting requests per client IP for one scope (usually one route)."""

    def __init__(self, rule: str, *, scope: str) -> None:
        parse(rule)  # fail at import time on a typo, not at the first request
        self.rule = rule
        self.scope = scope

    async def __call__(self, request: Request) -> None:
        limiter = limiter_of(request.app)
        retry_after = await limiter.hit(self.rule, self.scope, limiter.client_key(request))
        if retry_after is not None:
            log.info("ratelimit.refused", extra={"scope": self.scope})
            raise RateLimitedError(retry_after, f"limit of {self.rule} reached")


class RateLimitResources(Protocol):
    """What rate limiting reads from the app's one AppResources (cryptolens.resources)."""

    @property
    def rate_limiter(self) -> AppRateLimiter: ...


def limiter_of(app: Starlette) -> AppRateLimiter:
    resources: RateLimitResources = getattr(app.state, RESOURCES_ATTRIBUTE)
    return resources.rate_limiter


async def _slowapi_exceeded(request: Request, exc: Exception) -> Response:
    # For routes decorated with slowapi's own @limit: the same envelope as ours.
    assert isinstance(exc, RateLimitExceeded)
    # The window length: an upper bound of the wait, as slowapi does not say more here.
    window = exc.limit.limit.get_expiry() if exc.limit is not None else 60
    return envelope_response(
        request,
        429,
        f"Too many requests: limit of {exc.detail} reached",
        "rate_limited",
        headers={"Retry-After": str(window)},
    )


def install_rate_limiting(app: FastAPI, limiter: AppRateLimiter) -> None:
    """slowapi's side of the app's limiter (the limiter itself lives in the app's resources)."""
    app.state.limiter = limiter.slowapi  # slowapi's decorator looks for it there, by name
    app.add_exception_handler(RateLimitExceeded, _slowapi_exceeded)


def reset_rate_limits(app: Starlette) -> None:
    limiter_of(app).reset()
