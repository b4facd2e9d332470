"""The one retry policy: exponential backoff with equal jitter, capped, honouring Retry-After.

Exchange calls retry in place through `call_with_retries` (tenacity drives the loop); jobs
retry through their queue and only ask the same policy how long to wait (`backoff`). Sleep and
jitter are injected so tests run the real policy without waiting.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import NoReturn, TypeVar

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]


def _random_jitter() -> float:
    return random.random()  # noqa: S311 - spreading retries, not cryptography


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    base_delay: float = 1.0
    max_delay: float = 60.0
    max_tries: int = 5
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
    """The server asked to wait longer than the policy allows; waiting would stall the caller."""

    def __init__(self, what: str, retry_after: float, last_error: BaseException) -> None:
        super().__init__(f"{what}: server asks to retry after {retry_after:.0f} s: {last_error}")
        self.retry_after = retry_after
        self.last_error = last_error


def _failure(state: RetryCallState) -> BaseException:
    assert state.outcome is not None  # tenacity sets it before asking to wait or give up
    error = state.outcome.exception()
    assert error is not None
    return error


async def call_with_retries(
    call: Callable[[], Awaitable[T]],
    *,
    policy: RetryPolicy,
    is_transient: Callable[[BaseException], bool],
    retry_after: Callable[[BaseException], float | None],
    what: str,
) -> T:
    """Awaits `call()`, retrying transient failures; other exceptions propagate at once."""

    def wait(state: RetryCallState) -> float:
        error = _failure(state)
        delay = policy.backoff(state.attempt_number)
        asked = retry_after(error)
        if asked is not None:
            if asked > policy.max_delay:
                raise RetryAfterTooLongError(what, asked, error) from error
            delay = max(delay, asked)
        log.warning(
            "retry.waiting",
            extra={
                "request": what,
                "try": state.attempt_number,
                "delay_s": round(delay, 3),
                "error": type(error).__name__,
            },
        )
        return delay

    def give_up(state: RetryCallState) -> NoReturn:
        error = _failure(state)
        raise RetriesExhaustedError(what, state.attempt_number, error) from error

    retrying = AsyncRetrying(
        retry=retry_if_exception(is_transient),
        stop=stop_after_attempt(policy.max_tries),
        wait=wait,
        sleep=policy.sleep,
        retry_error_callback=give_up,
    )

    async def attempt() -> T:
        # tenacity awaits only coroutine functions; `call` may be a lambda returning an awaitable.
        return await call()

    return await retrying(attempt)
