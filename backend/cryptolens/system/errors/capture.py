"""Capturing failures (admin.md, "Errors"): unhandled API exceptions and failed job runs.

Each capture is stored in a unit of work of its own, so it never joins (or is rolled back
with) the failed work, and it is bounded in time and shielded: a capture that cannot be
stored (the database is down, slow or locked) is logged as `error_tracking.capture_failed`
and given up, never raised.

- The API: `ErrorTracker` is the app's `ErrorReporter` (core/error_reporting.py), set on its
  resources by the composition root; the 500 handler runs it after the response is sent.
- Jobs: `capture_job_failure`, called by the job runner once a run is recorded `failed`.
"""

from __future__ import annotations

import asyncio
import logging
import traceback as tracebacks
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request

from cryptolens.access.credentials import resolved_principal
from cryptolens.core.clock import Clock
from cryptolens.core.error_reporting import failure_reason, recorded_body, recorded_body_size
from cryptolens.db import in_unit_of_work
from cryptolens.system.errors import service
from cryptolens.system.errors.fingerprint import (
    job_location,
    request_location,
    signature_of,
)
from cryptolens.system.errors.redaction import redact_body, redact_pairs
from cryptolens.system.errors.schemas import Failure

log = logging.getLogger("cryptolens.errors")

# A job's capture waits longer than a request's (a worker's engine bounds no statement), but
# never as long as a stuck database would hold it.
JOB_CAPTURE_SECONDS = 10.0


def _traceback_text(error: BaseException) -> str:
    return "".join(tracebacks.format_exception(error))


def _message(error: BaseException) -> str:
    text = str(error)
    return text if text else type(error).__name__


def failure_of_request(request: Request, error: BaseException) -> Failure:
    """The failure of `request`, redacted (what is kept of it is decided here)."""
    scope = request.scope
    route = scope.get("route")
    template = getattr(route, "path", None) or request.url.path
    principal = resolved_principal(scope)
    state = scope.get("state") or {}
    request_id = state.get("request_id")
    return Failure(
        source="api",
        signature=signature_of(error, request_location(request.method, template)),
        message=_message(error),
        traceback=_traceback_text(error),
        request_id=None if request_id is None else str(request_id),
        user_id=None if principal is None else principal.user.id,
        method=request.method,
        path=request.url.path,
        query=redact_pairs(request.query_params.multi_items()) or None,
        headers=redact_pairs(request.headers.items()) or None,
        body=redact_body(
            request.url.path,
            recorded_body(scope),
            request.headers.get("content-type"),
            recorded_body_size(scope),
        ),
    )


def failure_of_job(
    name: str,
    job_id: str | None,
    error: BaseException,
    *,
    error_type: str | None = None,
    message: str | None = None,
) -> Failure:
    return Failure(
        source="job",
        signature=signature_of(error, job_location(name), error_type),
        message=message or _message(error),
        traceback=_traceback_text(error),
        job_id=job_id,
    )


async def store_failure(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, failure: Failure
) -> int:
    """The failure in its own unit of work (run again if it loses a deadlock)."""

    async def work(session: AsyncSession) -> int:
        return await service.record_failure(session, failure, clock.now())

    return await in_unit_of_work(session_factory, work)


@dataclass(frozen=True)
class ErrorTracker:
    """The API's error reporter (core.error_reporting.ErrorReporter)."""

    session_factory: async_sessionmaker[AsyncSession]
    clock: Clock
    time_bound_seconds: float

    async def report_request_error(self, request: Request, error: BaseException) -> None:
        await store_failure(self.session_factory, self.clock, failure_of_request(request, error))


async def capture_job_failure(
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    *,
    name: str,
    job_id: str | None,
    error: BaseException,
    error_type: str | None = None,
    message: str | None = None,
    within_seconds: float = JOB_CAPTURE_SECONDS,
) -> None:
    """Captures a run recorded `failed`; never raises (a lost capture is logged).
    `error_type` and `message` stand in for the exception's own (a run stopped at its time
    limit is a TimeoutError, though what stopped it was a cancellation)."""
    try:
        failure = failure_of_job(name, job_id, error, error_type=error_type, message=message)
        async with asyncio.timeout(within_seconds):
            await store_failure(session_factory, clock, failure)
    except Exception as failure_to_store:
        log.warning(
            "error_tracking.capture_failed",
            extra={
                "source": "job",
                "job": name,
                "job_id": job_id,
                "error_type": type(error).__name__,
                "reason": failure_reason(failure_to_store),
            },
        )
