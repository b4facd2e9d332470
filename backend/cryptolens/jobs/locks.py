"""One copy at a time per job name and arguments (docs/operations.md, "Background jobs"): a lock
taken without waiting.

Across processes this is redis-py's lock with a short lifetime (`CRYPTOLENS_JOB_LOCK_TTL_SECONDS`)
that the holder renews every third of it while the job runs: a worker killed mid-job frees its
job within one lifetime, and a live job keeps its lock however long it runs. A renewal that
fails is logged and tried again at the next third; the job itself runs on and keeps its result.
In the embedded mode one process runs everything, and a set of held keys is enough.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol

from redis.asyncio import Redis
from redis.asyncio.lock import Lock
from redis.exceptions import LockError, LockNotOwnedError, RedisError

from cryptolens.jobs.keys import JobKeys

log = logging.getLogger("cryptolens.jobs.locks")

# Renewals per lifetime: two may fail (a Redis hiccup) before the lock lapses.
RENEWALS_PER_TTL = 3


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
    def __init__(self, client: Redis, keys: JobKeys) -> None:
        self._client = client
        self._keys = keys

    @asynccontextmanager
    async def hold(self, key: str, ttl_seconds: float) -> AsyncIterator[bool]:
        # One Lock object per hold, so its token needs no thread-local storage.
        lock = Lock(
            self._client,
            self._keys.lock(key),
            timeout=ttl_seconds,
            blocking=False,
            thread_local=False,
        )
        if not await lock.acquire():
            yield False
            return
        renewal = asyncio.create_task(_renew(lock, key, ttl_seconds))
        try:
            yield True
        finally:
            # Not awaited: the hold may be ending because this task is being cancelled.
            renewal.cancel()
            await _release(lock, key)


async def _renew(lock: Lock, key: str, ttl_seconds: float) -> None:
    while True:
        await asyncio.sleep(ttl_seconds / RENEWALS_PER_TTL)
        try:
            await lock.extend(ttl_seconds, replace_ttl=True)
        except LockNotOwnedError:
            # Lapsed (renewals failed for a whole lifetime): another copy may run now.
            log.warning("job.lock_lost", extra={"lock": key})
            return
        except (RedisError, OSError) as error:
            log.warning("job.lock_renewal_failed", extra={"lock": key, "error": repr(error)})


async def _release(lock: Lock, key: str) -> None:
    try:
        await lock.release()
    except LockError:
        # Lapsed while held (its renewals failed): someone else's now, or nobody's.
        log.warning("job.lock_expired", extra={"lock": key})
    except (RedisError, OSError) as error:
        # Redis unreachable: the lock lapses on its own within its lifetime.
        log.warning("job.lock_release_failed", extra={"lock": key, "error": repr(error)})
