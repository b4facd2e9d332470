"""Retrying transient exchange errors with exponential backoff, jitter and Retry-After.

Sleep and jitter are injected so tests run the real policy without waiting.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from cryptolens.market.defaults import (
    RETRY_BASE_DELAY_SECONDS,
    RETRY_MAX_DELAY_SECONDS,
    RETRY_MAX_TRIES,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]


def _random_jitter() -> float:
    return random.random()  # noqa: S311 - spreading retries, not cryptography


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    base_delay: float = RETRY_BASE_DELAY_SECONDS
    max_delay: float = RETRY_MAX_DELAY_SECONDS
    max_tries: int = RETRY_MAX_TRIES
    sleep: Sleep = field(default=asyncio.sleep, compare=False)
    # A number in [0, 1); half the backoff is fixed and half is scaled by it ("equal jitter"),
    # so clients retrying together spread out but never retry immediately.
    jitter: Callable[[], float] = field(default=_random_jitter, compare=False)

    def backoff(self, failed_tries: int) -> float:
        """Delay after the `failed_tries`-th failure (1-based)."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** (failed_tries - 1))
        return ceiling / 2 + ceiling / 2 * self.jitter()


class RetriesExhaustedError(Exception):
    """Every try failed with a transient error; `last_error` is the final one."""

    def __init__(self, what: str, tries: int, last_error: BaseException) -> None:
        super().__init__(f"{what} failed after {tries} tries: {last_error}")
        self.tries = tries
        self.last_error = last_error


class RetryAfterTooLongError(Exception):
    """The server asked to wait longer than the policy allows; waiting would stall the job."""

    def __init__(self, what: str, retry_after: float, last_error: BaseException) -> None:
        super().__init__(f"{what}: server asks to retry after {retry_after:.0f} s: {last_error}")
        self.retry_after = retry_after
        self.last_error = last_error


async def call_with_retries(
    call: Callable[[], Awaitable[T]],
    *,
    policy: RetryPolicy,
    is_transient: Callable[[BaseException], bool],
    retry_after: Callable[[BaseException], float | None],
    what: str,
) -> T:
    """Awaits `call()`, retrying transient failures; other exceptions propagate at once."""
    failed_tries = 0
    while True:
        try:
            return await call()
        except Exception as error:
            if not is_transient(error):
                raise
            failed_tries += 1
            if failed_tries >= policy.max_tries:
                raise RetriesExhaustedError(what, failed_tries, error) from error
            delay = policy.backoff(failed_tries)
            asked = retry_after(error)
            if asked is not None:
                if asked > policy.max_delay:
                    raise RetryAfterTooLongError(what, asked, error) from error
                delay = max(delay, asked)
            log.warning(
                "market.exchange_retry",
                extra={
                    "request": what,
                    "try": failed_tries,
                    "delay_s": round(delay, 3),
                    "error": type(error).__name__,
                },
            )
            await policy.sleep(delay)
