"""One copy at a time per job name and arguments: an expiring lock, in Redis or in memory.

The Redis lock expires on its own, so a worker killed mid-job never blocks the job forever.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol

from redis.asyncio import Redis

# Deletes the key only if it still holds our token (never another holder's lock).
_RELEASE_SCRIPT = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
"""


class LockManager(Protocol):
    def hold(self, key: str, ttl_seconds: float) -> AbstractAsyncContextManager[bool]: ...


class MemoryLocks:
    def __init__(self) -> None:
        self._held: dict[str, float] = {}

    @asynccontextmanager
    async def hold(self, key: str, ttl_seconds: float) -> AsyncIterator[bool]:
        now = time.monotonic()
        expires = self._held.get(key)
        if expires is not None and expires > now:
            yield False
            return
        self._held[key] = now + ttl_seconds
        try:
            yield True
        finally:
            self._held.pop(key, None)


class RedisLocks:
    def __init__(self, client: Redis, prefix: str = "cryptolens:lock:") -> None:
        self._client = client
        self._prefix = prefix

    @asynccontextmanager
    async def hold(self, key: str, ttl_seconds: float) -> AsyncIterator[bool]:
        token = secrets.token_hex(16)
        name = self._prefix + key
        acquired = bool(
            await self._client.set(name, token, nx=True, px=max(1, int(ttl_seconds * 1000)))
        )
        try:
            yield acquired
        finally:
            if acquired:
                await self._client.eval(_RELEASE_SCRIPT, 1, name, token)  # type: ignore[misc]
