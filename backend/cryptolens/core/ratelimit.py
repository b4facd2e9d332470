"""Rate limits: several windows per check, counters shared by every process, headers on the
answer.

    @router.post(..., dependencies=[Depends(RateLimit("5/minute", scope="auth-login"))])

    decision = await limiter_of(app).check([Window("key-minute", "60/minute"),
                                            Window("key-hour", "1000/hour")], f"key:{key_id}")
    record_decision(request, decision)   # RateLimit-Policy / RateLimit on the answer
    decision.raise_if_refused()          # 429 with Retry-After and the same headers

Algorithm: a moving window (a log of the admitted requests' times, the `limits` library's
moving-window layout), so `Retry-After` is exact: the seconds until the oldest request that
fills a full window leaves it. A request is admitted only when every window has room, and then
counted in every window; a refused request is counted in none (a client that keeps retrying
too early does not push its own admission further out).

Counters live in memory in the embedded mode and in Redis when `redis_url` is set; while Redis
is down or slow they are kept in the process's memory (see AppRateLimiter).
`settings.http.rate_limit_scale` multiplies every window (tests shrink them). The limiter is per
app, so tests reset it with `reset_rate_limits(app)`.
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from fastapi import FastAPI, Request
from limits import RateLimitItem, RateLimitItemPerSecond, parse
from limits.storage import MemoryStorage
from redis.asyncio import Redis
from slowapi import Limiter
from slowapi.errors import RateLimitExceeded
from slowapi.util import get_remote_address
from starlette.applications import Starlette
from starlette.requests import HTTPConnection
from starlette.responses import Response

from cryptolens.core.errors import RateLimitedError
from cryptolens.core.handlers import envelope_response
from cryptolens.core.ratelimit_headers import (
    RETRY_AFTER_HEADER,
    RateLimitHeadersMiddleware,
    WindowState,
    rate_limit_headers,
    record_states,
)
from cryptolens.core.redis_guard import RedisGuard, RedisUnavailableError
from cryptolens.core.resources import RESOURCES_ATTRIBUTE
from cryptolens.settings import Settings

log = logging.getLogger("cryptolens.ratelimit")

REDIS_KEY_PREFIX = "cryptolens:ratelimit"
# Window names appear in the headers (as structured-field strings) and in the counter keys.
_WINDOW_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

# All windows of one check in ONE Redis round trip, atomically. `limits` hits one item per call
# (a script each: N windows, N round trips, and a request could be counted in the first windows
# and refused by a later one), so this is its moving-window script extended to several keys,
# on the same Redis, the same key prefix and the same list layout (newest time first, trimmed
# to the quota): `limits`/slowapi still read, reset and expire these counters.
# KEYS[i]: window i's list; ARGV[1]: now; ARGV[2i], ARGV[2i+1]: window i's quota and seconds.
# Reply: admitted (1/0), then per window the count in the window and its oldest time ('' none).
_CHECK_SCRIPT = """
local now = tonumber(ARGV[1])
local counts, oldest = {}, {}
local admitted = true
for i = 1, #KEYS do
    local quota = tonumber(ARGV[2 * i])
    local expiry = tonumber(ARGV[2 * i + 1])
    local entries = redis.call('lrange', KEYS[i], 0, quota - 1)
    local count, first = 0, ''
    for j = 1, #entries do
        if tonumber(entries[j]) < now - expiry then break end
        count, first = j, entries[j]
    end
    counts[i], oldest[i] = count, first
    if count >= quota then admitted = false end
end
if admitted then
    for i = 1, #KEYS do
        local quota = tonumber(ARGV[2 * i])
        redis.call('lpush', KEYS[i], ARGV[1])
        redis.call('ltrim', KEYS[i], 0, quota - 1)
        redis.call('expire', KEYS[i], tonumber(ARGV[2 * i + 1]))
        counts[i] = counts[i] + 1
        if oldest[i] == '' then oldest[i] = ARGV[1] end
    end
end
local reply = {admitted and 1 or 0}
for i = 1, #KEYS do
    reply[#reply + 1] = counts[i]
    reply[#reply + 1] = oldest[i]
end
return reply
"""


def scaled_limit(rule: str, scale: float) -> RateLimitItem:
    """`"5/minute"` with scale 0.5 becomes 5 per 30 seconds (never under one second)."""
    item = parse(rule)
    window_seconds = max(1, math.ceil(item.get_expiry() * scale))
    return RateLimitItemPerSecond(item.amount, window_seconds)


@dataclass(frozen=True)
class Window:
    """One limit of a check: `Window("key-minute", "60/minute")`. The name shows in the
    RateLimit headers and keys the counter (with the caller's key)."""

    name: str
    rule: str

    def __post_init__(self) -> None:
        if not _WINDOW_NAME.match(self.name):
            raise ValueError(f"bad window name {self.name!r}")
        parse(self.rule)  # fail where declared on a typo, not at the first request


# The seed's table (spec auth-and-tiers.md, api.md), for the routes that apply it.
SIGNED_IN_API_WINDOW = Window("user-minute", "200/minute")  # public API, per signed-in user
API_KEY_DEFAULT_RULES = ("60/minute", "1000/hour", "10000/day")  # a key's own, by default
SCAN_WINDOW = Window("scan", "1/minute")  # POST /scan
FETCH_WINDOW = Window("fetch", "5/minute")  # POST /fetch
LOGIN_RULE = "5/minute"  # per IP (auth/routes/login.py)


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    retry_after: int | None  # seconds until a request would be admitted (refused only)
    headers: dict[str, str]
    windows: tuple[WindowState, ...] = field(default=())

    def apply(self, response: Response) -> None:
        """Sets the rate-limit headers (and Retry-After when refused) on a response."""
        for name, value in self.headers.items():
            response.headers[name] = value

    def raise_if_refused(self, detail: str | None = None) -> None:
        if self.allowed:
            return
        assert self.retry_after is not None
        error = RateLimitedError(self.retry_after, detail or _refusal_detail(self.windows))
        error.headers.update(self.headers)
        raise error


def _refusal_detail(windows: Sequence[WindowState]) -> str:
    full = [w for w in windows if w.remaining == 0]
    return ", ".join(f"limit of {w.quota} per {w.window_seconds}s reached" for w in full)


def record_decision(connection: HTTPConnection, decision: RateDecision) -> None:
    """Puts the decision's windows in the RateLimit headers of this request's answer."""
    record_states(connection, decision.windows)


async def enforce(
    connection: HTTPConnection, windows: Sequence[Window], key: str, detail: str | None = None
) -> RateDecision:
    """check + record_decision + raise_if_refused: what a limited route or dependency does."""
    decision = await limiter_of(connection.app).check(windows, key)
    record_decision(connection, decision)
    if not decision.allowed:
        log.info("ratelimit.refused", extra={"scope": ",".join(w.name for w in windows)})
        decision.raise_if_refused(detail)
    return decision


def _decide(states: list[WindowState], allowed: bool) -> RateDecision:
    headers = rate_limit_headers(states)
    retry_after = None
    if not allowed:
        retry_after = max([1, *(s.reset_seconds for s in states if s.remaining == 0)])
        headers[RETRY_AFTER_HEADER] = str(retry_after)
    return RateDecision(allowed, retry_after, headers, tuple(states))


def _state(
    name: str, item: RateLimitItem, count: int, oldest: float | None, now: float
) -> WindowState:
    expiry = item.get_expiry()
    reset = 0 if oldest is None or count == 0 else max(0, math.ceil(oldest + expiry - now))
    remaining = max(0, item.amount - count)
    if remaining == 0:
        reset = max(1, reset)
    return WindowState(name, item.amount, expiry, remaining, reset)


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
        # The same counters (same keys) through redis-py's asyncio client: no thread per
        # check, and a call the guard can bound and cancel.
        self._redis: Redis | None = None
        if settings.redis_url:
            self._redis = Redis.from_url(settings.redis_url, **redis_options)
            self._script = self._redis.register_script(_CHECK_SCRIPT)
        storage = self.slowapi.limiter.storage
        self._memory = storage if isinstance(storage, MemoryStorage) else MemoryStorage()
        self._fallback = MemoryStorage()

    def client_key(self, request: HTTPConnection) -> str:
        # The socket peer; behind a proxy uvicorn's trusted proxy headers set it (only when
        # CRYPTOLENS_TRUST_PROXY_HEADERS is on, and only from forwarded_allow_ips), never
        # a client-supplied X-Forwarded-For, which anyone can forge.
        return request.client.host if request.client else "127.0.0.1"

    async def check(self, windows: Sequence[Window], key: str) -> RateDecision:
        """Counts one request under `key` in every window, unless one of them is full."""
        if not windows:
            raise ValueError("a check needs at least one window")
        items = [(w.name, scaled_limit(w.rule, self.scale)) for w in windows]
        if self._redis is None:
            return _check_memory(self._memory, items, key)
        try:
            return await self._guard.call("ratelimit", lambda: self._check_redis(items, key))
        except RedisUnavailableError:
            return _check_memory(self._fallback, items, key)

    async def _check_redis(self, items: list[tuple[str, RateLimitItem]], key: str) -> RateDecision:
        now = time.time()
        keys = [f"{REDIS_KEY_PREFIX}:{item.key_for(name, key)}" for name, item in items]
        args: list[Any] = [repr(now)]
        for _name, item in items:
            args += [item.amount, item.get_expiry()]
        reply = await self._script(keys=keys, args=args)
        states = []
        for index, (name, item) in enumerate(items):
            count, oldest = int(reply[1 + 2 * index]), reply[2 + 2 * index]
            states.append(_state(name, item, count, float(oldest) if oldest else None, now))
        return _decide(states, bool(reply[0]))

    async def hit(self, rule: str, scope: str, key: str) -> int | None:
        """Counts one request in one window; returns None when allowed, else the seconds to
        wait. (Kept for the single-window callers; `check` is the general form.)"""
        decision = await self.check([Window(scope, rule)], key)
        return decision.retry_after

    def reset(self) -> None:
        self.slowapi.reset()
        self._memory.reset()
        self._fallback.reset()

    async def aclose(self) -> None:
        if self._redis is not None:
            await self._redis.aclose()


def _check_memory(
    storage: MemoryStorage, items: list[tuple[str, RateLimitItem]], key: str
) -> RateDecision:
    # No await in here: the check and the counting are atomic within the event loop.
    now = time.time()
    keys = [item.key_for(name, key) for name, item in items]
    windows = [
        storage.get_moving_window(k, item.amount, item.get_expiry())
        for k, (_name, item) in zip(keys, items, strict=True)
    ]
    admitted = all(
        count < item.amount for (_, count), (_, item) in zip(windows, items, strict=True)
    )
    states = []
    for k, (name, item), (window_start, in_window) in zip(keys, items, windows, strict=True):
        # limits answers (now, 0) for an empty window: no oldest request then.
        oldest = window_start if in_window else None
        count = in_window
        if admitted:
            storage.acquire_entry(k, item.amount, item.get_expiry())
            oldest, count = (now if oldest is None else oldest), count + 1
        states.append(_state(name, item, count, oldest, now))
    return _decide(states, admitted)


class RateLimit:
    """A dependency counting requests per client IP for one scope (usually one route); its
    window shows in the answer's RateLimit headers."""

    def __init__(self, rule: str, *, scope: str) -> None:
        self.window = Window(scope, rule)
        self.rule = rule
        self.scope = scope

    async def __call__(self, request: Request) -> None:
        key = limiter_of(request.app).client_key(request)
        await enforce(request, [self.window], key, f"limit of {self.rule} reached")


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
    """slowapi's side of the app's limiter (the limiter itself lives in the app's resources),
    and the middleware writing every answer's RateLimit headers."""
    app.state.limiter = limiter.slowapi  # slowapi's decorator looks for it there, by name
    app.add_exception_handler(RateLimitExceeded, _slowapi_exceeded)
    app.add_middleware(RateLimitHeadersMiddleware)


def reset_rate_limits(app: Starlette) -> None:
    limiter_of(app).reset()
