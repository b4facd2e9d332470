"""The one retry policy (core/retry.py): exponential with equal jitter, capped, Retry-After
honoured, as exchange calls use it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cryptolens.core.retry import (
    RetriesExhaustedError,
    RetryAfterTooLongError,
    RetryPolicy,
    call_with_retries,
)
from cryptolens.market.sources.ccxt_source import parse_retry_after
from tests.market.conftest import RecordedWaits


class TransientError(Exception):
    pass


class PermanentError(Exception):
    pass


def failing(errors: list[Exception], result: str = "done") -> object:
    calls = {"count": 0}

    async def call() -> str:
        calls["count"] += 1
        if errors:
            raise errors.pop(0)
        return result

    call.calls = calls  # type: ignore[attr-defined]
    return call


async def run(call: object, policy: RetryPolicy, retry_after: float | None = None) -> str:
    return await call_with_retries(
        call,  # type: ignore[arg-type]
        policy=policy,
        is_transient=lambda error: isinstance(error, TransientError),
        retry_after=lambda error: retry_after,
        what="test request",
    )


def test_backoff_doubles_from_one_second_and_is_capped_at_sixty() -> None:
    highest = RetryPolicy(jitter=lambda: 0.999999)
    lowest = RetryPolicy(jitter=lambda: 0.0)
    assert [round(highest.backoff(n), 3) for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]
    # Equal jitter: never less than half the ceiling, so retries never hammer the server.
    assert [lowest.backoff(n) for n in range(1, 9)] == [0.5, 1, 2, 4, 8, 16, 30, 30]


async def test_transient_errors_are_retried_until_success(waits: RecordedWaits) -> None:
    call = failing([TransientError(), TransientError(), TransientError()])
    assert await run(call, waits.policy()) == "done"
    assert call.calls["count"] == 4  # type: ignore[attr-defined]
    assert waits.delays == [0.75, 1.5, 3.0]


async def test_at_most_five_tries(waits: RecordedWaits) -> None:
    call = failing([TransientError() for _ in range(10)])
    with pytest.raises(RetriesExhaustedError, match="failed after 5 tries") as raised:
        await run(call, waits.policy())
    assert call.calls["count"] == 5  # type: ignore[attr-defined]
    assert len(waits.delays) == 4
    assert isinstance(raised.value.last_error, TransientError)


async def test_other_errors_fail_at_once(waits: RecordedWaits) -> None:
    call = failing([PermanentError("bad symbol")])
    with pytest.raises(PermanentError):
        await run(call, waits.policy())
    assert call.calls["count"] == 1  # type: ignore[attr-defined]
    assert waits.delays == []


async def test_retry_after_is_a_floor_for_the_wait(waits: RecordedWaits) -> None:
    assert await run(failing([TransientError()]), waits.policy(), retry_after=7.0) == "done"
    assert waits.delays == [7.0]


async def test_retry_after_beyond_the_cap_gives_up_instead_of_stalling(
    waits: RecordedWaits,
) -> None:
    with pytest.raises(RetryAfterTooLongError, match="retry after 3600 s"):
        await run(failing([TransientError()]), waits.policy(), retry_after=3600.0)
    assert waits.delays == []


def test_retry_after_header_forms() -> None:
    now = datetime(2024, 3, 4, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after("Mon, 04 Mar 2024 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("Mon, 04 Mar 2024 11:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
