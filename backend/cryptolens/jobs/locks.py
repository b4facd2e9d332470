"""One copy at a time per job name and arguments (docs/operations.md, "Background jobs"): a lock
taken without waiting.

Across processes this is redis-py's lock, which expires on its own, so a worker killed mid-job
never blocks the job for longer than its time limit. In the embedded mode one process runs
everything, and a set of held keys is enough.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol

from redis.asyncio import Redis
from redis.asyncio.lock import Lock
from redis.exceptions import LockError

log = logging.getLogger("cryptolens.jobs.locks")

LOCK_PREFIX = "cryptolens:lock:"


class LockManager(Protocol):
    def hold(self, key: str, ttl_seconds: float) -> AbstractAsyncContextManager[bool]:
        """Yields whether the lock was free (and is now ours until the block ends)."""
        ...


class MemoryLocks:
    def __init__(self) -> None:
        self._held: set[str] = set()

    @asynccontextmanager
    async def hold(self, key: str, ttl_seconds: float) -> AsyncIterator[bool]:
        if key in self._held:
            yield False
            return
        self._held.add(key)
        try:
            yield True
        finally:
            self._held.discard(key)


class RedisLocks:
    def __init__(self, client: Redis) -> None:
        self._client = client

    @asynccontextmanager
    async def hold(self, key: str, ttl_seconds: float) -> AsyncIterator[bool]:
        # One Lock object per hold, so its token needs no thread-local storage.
        lock = Lock(
            self._client, LOCK_PREFIX + key, timeout=ttl_seconds, blocking=False, thread_local=False
        )
        acquired = bool(await lock.acquire())
        try:
            yield acquired
        finally:
            if acquired:
                await _release(lock, key)


async def _release(lock: Lock, key: str) -> None:
    try:
        await lock.release()
    except LockError:
        # Expired while held (the job outlived its limit): someone else's now, or nobody's.
        log.warning("job.lock_expired", extra={"lock": key})
