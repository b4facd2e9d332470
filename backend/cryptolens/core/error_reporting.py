"""The hook through which the 500 handler hands a failure to error tracking.

core cannot import the system domain that stores failures (admin.md, "Errors"), so it declares
what it needs, `ErrorReporter`, and the composition root puts an implementation on the app's
resources (`error_reporter`; None: nothing is reported). The handler runs the report after the
500 response is sent (a background task of that response), bounded in time and shielded: the
answer never waits for, changes with or fails because of the report, and a report that cannot
be stored is logged as `error_tracking.capture_failed`.

A route's `Request` caches the body it read on itself, and the 500 handler is given a new one,
so the body a request sent is kept in its ASGI scope as it is read (`RequestBodyRecorder`, up
to `RECORDED_BODY_LIMIT` bytes) for the report to use.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import MutableMapping
from typing import Any, Protocol

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cryptolens.core.resources import RESOURCES_ATTRIBUTE

log = logging.getLogger("cryptolens.errors")

# Bodies longer than this are not kept for a report (only their size is): error tracking keeps
# 5,000 characters of a body, and a cut JSON document could not be redacted by its keys.
RECORDED_BODY_LIMIT = 64 * 1024
_BODY_KEY = "cryptolens.request_body"
_BODY_SIZE_KEY = "cryptolens.request_body_size"


class ErrorReporter(Protocol):
    @property
    def time_bound_seconds(self) -> float:
        """The longest a report may take before it is given up (and logged as lost)."""
        ...

    async def report_request_error(self, request: Request, error: BaseException) -> None:
        """Store the failure of `request` (the original exception), in its own transaction."""
        ...


class ErrorReportingResources(Protocol):
    @property
    def error_reporter(self) -> ErrorReporter | None: ...


def error_reporter_of(app: Starlette) -> ErrorReporter | None:
    resources: ErrorReportingResources | None = getattr(app.state, RESOURCES_ATTRIBUTE, None)
    return getattr(resources, "error_reporter", None)


async def report_safely(reporter: ErrorReporter, request: Request, error: BaseException) -> None:
    """The report of one failed request: never raises, never takes longer than its bound."""
    try:
        async with asyncio.timeout(reporter.time_bound_seconds):
            await reporter.report_request_error(request, error)
    except Exception as failure:  # a lost report must not become a second failure
        log.warning(
            "error_tracking.capture_failed",
            extra={
                "source": "api",
                "path": request.url.path,
                "error_type": type(error).__name__,
                "reason": failure_reason(failure),
            },
        )


def failure_reason(failure: BaseException) -> str:
    """Why a report was lost, short: a database error's own reason, not its statement and
    parameters (which hold the report itself)."""
    reason = getattr(failure, "orig", None) or failure
    text = repr(reason) if str(reason) else type(reason).__name__
    return text[:300]


# --- The body a request sent, kept for its report -----------------------------------------------


def recorded_body(scope: Scope) -> bytes | None:
    """The body the app read from the request so far; None if it was over the limit."""
    chunks: list[bytes] | None = scope.get(_BODY_KEY)
    if chunks is None:
        return None if scope.get(_BODY_SIZE_KEY, 0) > RECORDED_BODY_LIMIT else b""
    return b"".join(chunks)


def recorded_body_size(scope: Scope) -> int:
    size: int = scope.get(_BODY_SIZE_KEY, 0)
    return size


class RequestBodyRecorder:
    """Keeps the body messages the app receives in the scope (references, not copies)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        # Fresh on each call: a request run again after a conflict reads its body again.
        chunks: list[bytes] = []
        state: MutableMapping[str, Any] = scope
        state[_BODY_KEY] = chunks
        state[_BODY_SIZE_KEY] = 0

        async def recording_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                body: bytes = message.get("body", b"")
                size = state[_BODY_SIZE_KEY] + len(body)
                state[_BODY_SIZE_KEY] = size
                if size > RECORDED_BODY_LIMIT:
                    state[_BODY_KEY] = None
                elif body and state[_BODY_KEY] is not None:
                    chunks.append(body)
            return message

        await self.app(scope, recording_receive, send)
