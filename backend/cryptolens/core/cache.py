"""One small cache interface with an in-memory and a Redis implementation.

A Redis outage degrades to a miss (callers fall back to the database), never to an error.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeVar, cast

from redis.asyncio import Redis
from redis.exceptions import RedisError

from cryptolens.core.metrics import CACHE_HITS, CACHE_MISSES

log = logging.getLogger("cryptolens.cache")

T = TypeVar("T")


class Cache(Protocol):
    backend: str

    async def get(self, key: str) -> Any | None: ...

    async def get_many(self, keys: list[str]) -> list[Any | None]: ...

    async def set(self, key: str, value: Any, ttl_seconds: int) -> None: ...

    # Text kept as is (e.g. an encoded JSON body served as it is): no JSON round trip.
    async def get_text(self, key: str) -> str | None: ...

    async def set_text(self, key: str, text: str, ttl_seconds: int) -> None: ...

    async def delete(self, *keys: str) -> None: ...

    async def ping(self) -> bool: ...

    async def close(self) -> None: ...


class MemoryCache:
    """Process-local cache for the embedded mode; values are JSON round-tripped like Redis's."""

    backend = "memory"

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._entries: dict[str, tuple[float, str]] = {}
        self._texts: dict[str, tuple[float, str]] = {}  # str is immutable: shared safely
        self._clock = clock

    def _live(self, entries: dict[str, tuple[float, str]], key: str) -> str | None:
        entry = entries.get(key)
        if entry is None:
            return None
        expires_at, raw = entry
        if self._clock() >= expires_at:
            entries.pop(key, None)
            return None
        return raw

    async def get(self, key: str) -> Any | None:
        raw = self._live(self._entries, key)
        return None if raw is None else json.loads(raw)

    async def get_many(self, keys: list[str]) -> list[Any | None]:
        return [await self.get(key) for key in keys]

    async def set(self, key: str, value: Any, ttl_seconds: int) -> None:
        self._entries[key] = (self._clock() + ttl_seconds, json.dumps(value))

    async def get_text(self, key: str) -> str | None:
        return self._live(self._texts, key)

    async def set_text(self, key: str, text: str, ttl_seconds: int) -> None:
        self._texts[key] = (self._clock() + ttl_seconds, text)

    async def delete(self, *keys: str) -> None:
        for key in keys:
            self._entries.pop(key, None)
            self._texts.pop(key, None)

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        self._entries.clear()
        self._texts.clear()


class RedisCache:
    backend = "redis"

    def __init__(self, client: Redis, prefix: str = "cryptolens:cache:") -> None:
        self._client = client
        self._prefix = prefix
        self._down = False

    def _failed(self, operation: str, error: Exception) -> None:
        # One line per outage, not one per request.
        if not self._down:
            log.warning("cache.redis_down", extra={"operation": operation, "error": repr(error)})
        self._down = True

    def _answered(self) -> None:
        if self._down:
            log.info("cache.redis_back")
        self._down = False

    async def _get_raw(self, key: str) -> bytes | None:
        try:
            raw = await self._client.get(self._prefix + key)
        except (RedisError, OSError) as exc:
            self._failed("get", exc)
            return None
        self._answered()
        return None if raw is None else bytes(raw)

    async def get(self, key: str) -> Any | None:
        raw = await self._get_raw(key)
        return None if raw is None else json.loads(raw)

    async def get_many(self, keys: list[str]) -> list[Any | None]:
        if not keys:
            return []
        try:
            raws = await self._client.mget([self._prefix + key for key in keys])
        except (RedisError, OSError) as exc:
            self._failed("get", exc)
            return [None] * len(keys)
        self._answered()
        return [None if raw is None else json.loads(raw) for raw in raws]

    async def _set_raw(self, key: str, raw: str, ttl_seconds: int) -> None:
        try:
            await self._client.set(self._prefix + key, raw, ex=ttl_seconds)
        except (RedisError, OSError) as exc:
            self._failed("set", exc)

    async def set(self, key: str, value: Any, ttl_seconds: int) -> None:
        await self._set_raw(key, json.dumps(value), ttl_seconds)

    async def get_text(self, key: str) -> str | None:
        raw = await self._get_raw(key)
        return None if raw is None else raw.decode()

    async def set_text(self, key: str, text: str, ttl_seconds: int) -> None:
        await self._set_raw(key, text, ttl_seconds)

    async def delete(self, *keys: str) -> None:
        if not keys:
            return
        try:
            await self._client.delete(*(self._prefix + key for key in keys))
        except (RedisError, OSError) as exc:
            self._failed("delete", exc)

    async def ping(self) -> bool:
        try:
            return bool(await self._client.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        await self._client.aclose()


def create_redis_client(url: str) -> Redis:
    # Short timeouts: a dead Redis must answer "down" quickly, not hang a request.
    client: Redis = Redis.from_url(
        url, socket_connect_timeout=2, socket_timeout=2, health_check_interval=30
    )
    return client


_compute_locks: dict[str, asyncio.Lock] = {}


async def get_or_compute(
    cache: Cache, key: str, ttl_seconds: int, compute: Callable[[], Awaitable[T]]
) -> T:
    """The cached value, or compute it once even when many callers miss at the same moment."""

    async def store(value: T) -> None:
        await cache.set(key, value, ttl_seconds)

    found: T = await _cached_or_computed(key, cache.get, store, compute)
    return found


async def get_or_compute_text(
    cache: Cache, key: str, ttl_seconds: int, compute: Callable[[], Awaitable[str]]
) -> str:
    """get_or_compute for text kept as is (Cache.get_text / set_text)."""

    async def store(text: str) -> None:
        await cache.set_text(key, text, ttl_seconds)

    return await _cached_or_computed(key, cache.get_text, store, compute)


async def _cached_or_computed(
    key: str,
    load: Callable[[str], Awaitable[Any]],
    store: Callable[[T], Awaitable[None]],
    compute: Callable[[], Awaitable[T]],
) -> T:
    cached = await load(key)
    if cached is not None:
        CACHE_HITS.inc()
        return cast(T, cached)
    lock = _compute_locks.setdefault(key, asyncio.Lock())
    async with lock:
        cached = await load(key)
        if cached is not None:
            CACHE_HITS.inc()
            return cast(T, cached)
        CACHE_MISSES.inc()
        value = await compute()
        await store(value)
        return value
