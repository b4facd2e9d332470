"""When a failed job is tried again, and after how long: the one job retry policy.

Transient failures (network, exchange, Redis away, database deadlocks, a job's own
TransientJobError) are tried again up to `max_tries` tries in all, waiting the shared backoff
(core.retry) between tries; anything else fails at once. A job that runs out of its time is
not retried: the next slot or the delivery sweep picks its work up.
"""

from __future__ import annotations

import asyncio

import ccxt
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.exc import DBAPIError, OperationalError

from cryptolens.core.retry import RetryPolicy
from cryptolens.job_context import TransientJobError
from cryptolens.settings import JobSettings

# The longest wait between two tries of a job.
MAX_RETRY_DELAY_SECONDS = 300.0
# MySQL deadlock / lock wait timeout / server gone: retrying the unit of work is correct.
_TRANSIENT_MYSQL_CODES = {1205, 1213, 2006, 2013}


def is_transient(error: BaseException) -> bool:
    if isinstance(error, TransientJobError | TimeoutError | asyncio.TimeoutError | ConnectionError):
        return True
    if isinstance(error, RedisConnectionError | RedisTimeoutError):  # Redis away (locks)
        return True
    if isinstance(error, ccxt.NetworkError):  # includes RateLimitExceeded, ExchangeNotAvailable
        return True
    if isinstance(error, OperationalError):
        return True
    if isinstance(error, DBAPIError) and error.orig is not None:
        code = getattr(error.orig, "args", (None,))[0]
        return code in _TRANSIENT_MYSQL_CODES
    return False


def job_retry_policy(settings: JobSettings) -> RetryPolicy:
    return RetryPolicy(
        base_delay=settings.retry_base_seconds,
        max_delay=MAX_RETRY_DELAY_SECONDS,
        max_tries=settings.max_tries,
    )


def retry_delay(error: BaseException, tries: int, policy: RetryPolicy) -> float | None:
    """Seconds to wait before the next try after the `tries`-th failed with `error`, or None
    when the job fails for good."""
    if not is_transient(error) or tries >= policy.max_tries:
        return None
    return policy.backoff(tries)
