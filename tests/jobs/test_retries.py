"""The one job retry policy: transient failures wait the shared backoff, up to the tries
allowed; anything else, or the last try, fails for good."""

from __future__ import annotations

import dataclasses

import ccxt
import pytest
from sqlalchemy.exc import OperationalError

from cryptolens.job_context import TransientJobError
from cryptolens.jobs.retries import (
    MAX_RETRY_DELAY_SECONDS,
    is_transient,
    job_retry_policy,
    retry_delay,
)
from cryptolens.settings import JobSettings


@pytest.mark.parametrize(
    "error",
    [
        TransientJobError("exchange answered 502"),
        ConnectionError("reset"),
        TimeoutError("read timed out"),
        ccxt.RateLimitExceeded("slow down"),
        OperationalError("SELECT 1", {}, Exception("server has gone away")),
    ],
)
def test_passing_failures_are_tried_again(error: Exception) -> None:
    assert is_transient(error)


@pytest.mark.parametrize("error", [ValueError("bad symbol"), KeyError("id"), RuntimeError("bug")])
def test_other_failures_are_not(error: Exception) -> None:
    assert not is_transient(error)
    assert retry_delay(error, 1, job_retry_policy(JobSettings())) is None


def test_waits_double_from_the_base_with_jitter_until_the_last_try() -> None:
    policy = job_retry_policy(JobSettings(retry_base_seconds=5.0, max_tries=3))
    lowest = dataclasses.replace(policy, jitter=lambda: 0.0)
    highest = dataclasses.replace(policy, jitter=lambda: 0.999)
    error = ConnectionError("reset")
    assert retry_delay(error, 1, lowest) == 2.5
    assert retry_delay(error, 2, lowest) == 5.0
    assert 4.99 < (retry_delay(error, 1, highest) or 0) < 5.0
    # The third try was the last one.
    assert retry_delay(error, 3, lowest) is None
    for tries in (1, 2):
        delay = retry_delay(error, tries, policy)
        assert delay is not None and 2.5 * 2 ** (tries - 1) <= delay < 5.0 * 2 ** (tries - 1)


def test_waits_are_capped() -> None:
    policy = job_retry_policy(JobSettings(retry_base_seconds=5.0, max_tries=20))
    delay = retry_delay(TransientJobError("down"), 15, policy)
    assert delay is not None
    assert MAX_RETRY_DELAY_SECONDS / 2 <= delay <= MAX_RETRY_DELAY_SECONDS
