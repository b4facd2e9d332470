"""One small cache interface with an in-memory and a Redis implementation.

A Redis outage degrades to a miss (callers fall back to the database), never to an error, and
costs a request at most the guard's timeout (core/redis_guard.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, cast

from redis.asyncio import Redis

from cryptolens.core.metrics import CACHE_HITS, CACHE_MISSES
from cryptolens.core.redis_guard import RedisGuard, RedisUnavailableError

log = logging.getLogger("cryptolens.cache")

T = TypeVar("T")


@dataclass(frozen=True)
class HashWrite:
    """Counters to add to and fields to set in one hash (see Cache.hash_write)."""

    key: str
    increments: Mapping[str, int] = field(default_factory=dict)
    values: Mapping[str, str] = field(default_factory=dict)


class Cache(Protocol):
    backend: str

    async def get(self, key: str) -> Any | None: ...

    async def get_many(self, keys: list[str]) -> list[Any | None]: ...

    async def set(self, key: str, value: Any, ttl_seconds: int) -> None: ...

    # Text kept as is (e.g. an encoded JSON body served as it is): no JSON round trip.
    async def get_text(self, key: str) -> str | None: ...

    async def set_text(self, key: str, text: str, ttl_seconds: int) -> None: ...

    async def delete(self, *keys: str) -> None: ...

    # Hashes of counters (e.g. an API key's usage), flushed elsewhere in batches: incremented
    # and set field by field, and taken (read and emptied) atomically, so an increment racing
    # a take is never lost (it lands in the hash taken, or in the next one).
    async def hash_increment(
        self, key: str, amounts: Mapping[str, int], ttl_seconds: int
    ) -> None: ...

    async def hash_set(self, key: str, values: Mapping[str, str], ttl_seconds: int) -> None: ...

    # Several hashes' increments and fields at once: one round trip to Redis, not one each
    # (an API key's request counts a counter and sets its last use).
    async def hash_write(self, writes: Sequence[HashWrite], ttl_seconds: int) -> None: ...

    async def hash_take(self, key: str) -> dict[str, str]: ...

    async def ping(self) -> bool: ...

    async def close(self) -> None: ...


class MemoryCache:
    """Process-local cache for the embedded mode; values are JSON round-tripped like Redis's."""

    backend = "memory"

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._entries: dict[str, tuple[float, str]] = {}
        self._texts: dict[str, tuple[float, str]] = {}  # str is immutable: shared safely
        self._hashes: dict[str, tuple[float, dict[str, str]]] = {}
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
            self._hashes.pop(key, None)

    def _live_hash(self, key: str, ttl_seconds: int) -> dict[str, str]:
        # No await in the hash methods: each is atomic within the event loop.
        entry = self._hashes.get(key)
        fields = entry[1] if entry is not None and self._clock() < entry[0] else {}
        self._hashes[key] = (self._clock() + ttl_seconds, fields)
        return fields

    async def hash_increment(self, key: str, amounts: Mapping[str, int], ttl_seconds: int) -> None:
        await self.hash_write([HashWrite(key, increments=amounts)], ttl_seconds)

    async def hash_set(self, key: str, values: Mapping[str, str], ttl_seconds: int) -> None:
        await self.hash_write([HashWrite(key, values=values)], ttl_seconds)

    async def hash_write(self, writes: Sequence[HashWrite], ttl_seconds: int) -> None:
        for write in writes:
            fields = self._live_hash(write.key, ttl_seconds)
            for name, amount in write.increments.items():
                fields[name] = str(int(fields.get(name, "0")) + amount)
            fields.update(write.values)

    async def hash_take(self, key: str) -> dict[str, str]:
        entry = self._hashes.pop(key, None)
        if entry is None or self._clock() >= entry[0]:
            return {}
        return entry[1]

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        self._entries.clear()
        self._texts.clear()
        self._hashes.clear()


class RedisCache:
    """The shared cache. Every call goes through the guard (core/redis_guard.py): bounded in
    time, skipped while Redis is known down; a failure is a miss, never an error."""

    backend = "redis"

    def __init__(
        self,
        client: Redis,
        prefix: str = "cryptolens:cache:",
        guard: RedisGuard | None = None,
    ) -> None:
        self._client = client
        self._prefix = prefix
        # No guard given (the worker): no bound beyond the client's own, Redis always tried.
        self._guard = guard or RedisGuard()

    async def _get_raw(self, key: str) -> bytes | None:
        try:
            raw = await self._guard.call("get", lambda: self._client.get(self._prefix + key))
        except RedisUnavailableError:
            return None
        return None if raw is None else bytes(raw)

    async def get(self, key: str) -> Any | None:
        raw = await self._get_raw(key)
        return None if raw is None else json.loads(raw)

    async def get_many(self, keys: list[str]) -> list[Any | None]:
        if not keys:
            return []
        names = [self._prefix + key for key in keys]
        try:
            raws = await self._guard.call("mget", lambda: self._client.mget(names))
        except RedisUnavailableError:
            return [None] * len(keys)
        return [None if raw is None else json.loads(raw) for raw in raws]

    async def _set_raw(self, key: str, raw: str, ttl_seconds: int) -> None:
        with contextlib.suppress(RedisUnavailableError):
            await self._guard.call(
                "set", lambda: self._client.set(self._prefix + key, raw, ex=ttl_seconds)
            )

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
        names = [self._prefix + key for key in keys]
        with contextlib.suppress(RedisUnavailableError):
            await self._guard.call("delete", lambda: self._client.delete(*names))

    async def hash_increment(self, key: str, amounts: Mapping[str, int], ttl_seconds: int) -> None:
        await self.hash_write([HashWrite(key, increments=amounts)], ttl_seconds)

    async def hash_set(self, key: str, values: Mapping[str, str], ttl_seconds: int) -> None:
        await self.hash_write([HashWrite(key, values=values)], ttl_seconds)

    async def hash_write(self, writes: Sequence[HashWrite], ttl_seconds: int) -> None:
        async def run() -> None:
            # One MULTI/EXEC pipeline: one round trip whatever the number of hashes.
            async with self._client.pipeline(transaction=True) as pipe:
                for write in writes:
                    name = self._prefix + write.key
                    for field_name, amount in write.increments.items():
                        pipe.hincrby(name, field_name, amount)
                    if write.values:
                        pipe.hset(name, mapping=dict(write.values))
                    pipe.expire(name, ttl_seconds)
                await pipe.execute()

        with contextlib.suppress(RedisUnavailableError):
            await self._guard.call("hash_write", run)

    async def hash_take(self, key: str) -> dict[str, str]:
        name = self._prefix + key

        async def run() -> dict[str, str]:
            # MULTI/EXEC: no increment can land between the read and the delete.
            async with self._client.pipeline(transaction=True) as pipe:
                pipe.hgetall(name)
                pipe.delete(name)
                fields, _deleted = await pipe.execute()
            return {_text(k): _text(v) for k, v in fields.items()}

        try:
            return await self._guard.call("hash_take", run)
        except RedisUnavailableError:
            return {}

    async def ping(self) -> bool:
        """A real round trip, unless the breaker says Redis is down (then False at once)."""
        try:
            return bool(await self._guard.call("ping", self._client.ping))
        except RedisUnavailableError:
            return False

    async def close(self) -> None:
        await self._client.aclose()


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def create_redis_client(
    url: str, timeout_seconds: float = 2.0, read_timeout_seconds: float | None = None
) -> Redis:
    """A lazily connecting client with short timeouts: a dead Redis must answer "down"
    quickly, not hang a request. `read_timeout_seconds` is for a client whose reads block on
    purpose (the event stream's XREAD)."""
    client: Redis = Redis.from_url(
        url,
        socket_connect_timeout=timeout_seconds,
        socket_timeout=read_timeout_seconds or timeout_seconds,
        health_check_interval=30,
    )
    return client


# The computations in flight, by key: concurrent misses share one (whether Redis is up or not).
_in_flight: dict[str, asyncio.Future[Any]] = {}


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
    CACHE_MISSES.inc()
    running = _in_flight.get(key)
    if running is not None:
        try:
            # Shielded: a waiter going away must not cancel the others' computation.
            return cast(T, await asyncio.shield(running))
        except _ComputerGoneError:
            return await compute()  # its computer was cancelled: compute for ourselves
    flight: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    _in_flight[key] = flight
    try:
        value = await compute()
        await store(value)  # before the waiters are answered: later callers hit it
    except Exception as exc:
        flight.set_exception(exc)
        raise
    except BaseException:
        flight.set_exception(_ComputerGoneError())
        raise
    else:
        flight.set_result(value)
    finally:
        _in_flight.pop(key, None)
        if flight.done() and not flight.cancelled():
            flight.exception()  # marks it seen: no "never retrieved" warning without waiters
    return value


class _ComputerGoneError(Exception):
    """The caller computing a value was cancelled before it had one."""
