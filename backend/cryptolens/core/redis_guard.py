"""What stands between a request and Redis: a time bound on every call and a circuit breaker.

Redis holds nothing a read cannot do without (the cache, rate-limit counters, the live
stream), so a request must never wait on it long. Every call is bounded by
`timeout_seconds`; any failure (refused, reset, timed out, a closed transport) opens the
breaker, and for `breaker_seconds` Redis is not tried at all: a dead or hung Redis costs one
timeout per period, not one per request. After the period one caller probes; the others keep
skipping until it answers.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from redis.exceptions import RedisError

from cryptolens.settings import HttpSettings

log = logging.getLogger("cryptolens.redis")

T = TypeVar("T")

# Everything a Redis call raises when Redis (or the way to it) fails: redis-py's own errors,
# socket errors (TimeoutError and ConnectionError are OSErrors), and the RuntimeError of a
# write on a transport a reset has just closed.
REDIS_FAILURES: tuple[type[BaseException], ...] = (RedisError, OSError, RuntimeError)


class RedisUnavailableError(Exception):
    """Redis was not asked (the breaker is open) or did not answer in time."""


class RedisGuard:
    def __init__(
        self,
        timeout_seconds: float | None = None,
        breaker_seconds: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.timeout_seconds = timeout_seconds
        self.breaker_seconds = breaker_seconds
        self._clock = clock
        self._retry_at = 0.0
        self._down = False

    @classmethod
    def from_settings(cls, http: HttpSettings) -> RedisGuard:
        return cls(http.redis_timeout_seconds, http.redis_breaker_seconds)

    @property
    def down(self) -> bool:
        return self._down

    def retry_in(self) -> float:
        """Seconds until Redis may be tried again (0: now)."""
        return max(0.0, self._retry_at - self._clock())

    def allows(self) -> bool:
        """Whether to try Redis now. The first caller after an open period is the probe: the
        period restarts for the others until the probe's outcome is known."""
        now = self._clock()
        if now < self._retry_at:
            return False
        if self._down:
            self._retry_at = now + self.breaker_seconds
        return True

    def failed(self, operation: str, error: BaseException) -> None:
        # One warning per outage, not one per request.
        if not self._down:
            log.warning("redis.down", extra={"operation": operation, "error": repr(error)})
        self._down = True
        self._retry_at = self._clock() + self.breaker_seconds

    def answered(self) -> None:
        if self._down:
            log.info("redis.back")
        self._down = False
        self._retry_at = 0.0

    async def call(
        self,
        operation: str,
        make: Callable[[], Awaitable[T]],
        *,
        extra_seconds: float = 0.0,
    ) -> T:
        """`make()`'s answer, bounded by the timeout (plus `extra_seconds`, for a read that
        blocks on purpose). Raises RedisUnavailableError when the breaker is open or the call
        fails; a caller falls back, it never fails a request."""
        if not self.allows():
            raise RedisUnavailableError(operation)
        bound = None if self.timeout_seconds is None else self.timeout_seconds + extra_seconds
        try:
            answer = await _within(make(), bound)
        except REDIS_FAILURES as exc:  # a call out of time raises TimeoutError, an OSError
            self.failed(operation, exc)
            raise RedisUnavailableError(operation) from exc
        self.answered()
        return answer


async def _within(call: Awaitable[T], bound: float | None) -> T:
    """`call`'s answer, or TimeoutError once `bound` seconds have passed, even when the call
    is slow to end. Cancelling the call is not enough: a Redis client that catches the
    cancellation to clean up (or whose own timeout takes it first) can keep its caller for
    seconds on a black-holed connection (seen: 3 s). So the call runs as its own task, the
    caller stops waiting at the bound, and the task is cancelled and left to end alone."""
    if bound is None:
        return await call
    task = asyncio.ensure_future(call)
    try:
        done, _ = await asyncio.wait({task}, timeout=bound)
    except asyncio.CancelledError:
        task.cancel()
        raise
    if not done:
        task.cancel()
        task.add_done_callback(_consume_outcome)
        raise TimeoutError(f"no answer within {bound:g} s")
    return task.result()


def _consume_outcome(task: asyncio.Future[Any]) -> None:
    # An abandoned call's error is expected (cancelled, reset): read it so asyncio does not
    # report it as never retrieved.
    if not task.cancelled():
        task.exception()
