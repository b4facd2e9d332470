"""Maps every error, ours and the framework's, to the envelope. Never leaks a traceback."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

from cryptolens.core.envelope import error_body
from cryptolens.core.error_reporting import (
    RequestBodyRecorder,
    error_reporter_of,
    report_safely,
)
from cryptolens.core.errors import AppError, ServiceUnavailableError
from cryptolens.core.middleware import apply_security_headers
from cryptolens.core.request_context import REQUEST_ID_HEADER
from cryptolens.db import is_database_unavailable

log = logging.getLogger("cryptolens.errors")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "internal_error",
    503: "service_unavailable",
}


def _request_id(request: Request) -> str | None:
    value = request.scope.get("state", {}).get("request_id")
    return str(value) if value is not None else None


def envelope_response(
    request: Request,
    status_code: int,
    message: str,
    code: str,
    headers: Mapping[str, str] | None = None,
    **meta: Any,
) -> JSONResponse:
    body = error_body(message, code, **meta)
    body["meta"]["request_id"] = _request_id(request)
    return JSONResponse(body, status_code=status_code, headers=headers)


async def _app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return envelope_response(request, exc.status_code, exc.message, exc.code, exc.headers)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    phrase = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
    if exc.status_code == 404 and detail is None:
        detail = f"No route {request.method} {request.url.path}"
    if exc.status_code == 405 and detail is None:
        detail = f"{request.method} is not allowed on {request.url.path}"
    message = f"{phrase}: {detail}" if detail else phrase
    code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
    return envelope_response(request, exc.status_code, message, code, exc.headers)


def describe_validation_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    described = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        described.append(
            {"field": ".".join(location), "message": error.get("msg", ""), "type": error["type"]}
        )
    return described


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = describe_validation_errors(list(exc.errors()))
    first = problems[0] if problems else {"field": "request", "message": "invalid"}
    if first.get("type") == "json_invalid":
        message = f"Validation error: body is not valid JSON ({first['message']})"
    else:
        message = f"Validation error: {first['field']}: {first['message']}"
    return envelope_response(request, 422, message, "validation_error", errors=problems)


# What a client is told to wait when the database cannot answer: about the time the service
# needs to be back once the database is (pre-ping, a fresh connection).
DATABASE_RETRY_AFTER_SECONDS = 3


def database_unavailable() -> ServiceUnavailableError:
    """The 503 for a database that is down, black-holed, locked or out of connections."""
    return ServiceUnavailableError(
        "the database is not answering, try again shortly",
        headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)},
    )


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    """Database unavailable -> 503 with Retry-After; any other database error (a programming
    error, a constraint) stays a 500."""
    if not is_database_unavailable(exc):
        return await _unhandled_error(request, exc)
    log.warning(
        "request.database_unavailable", extra={"path": request.url.path, "error": repr(exc)}
    )
    error = database_unavailable()
    return envelope_response(request, error.status_code, error.message, error.code, error.headers)


async def _unhandled_error(request: Request, exc: Exception) -> JSONResponse:
    # Runs in Starlette's outermost middleware, so our headers are added here by hand.
    log.exception("request.failed", extra={"path": request.url.path})
    response = envelope_response(request, 500, "Internal server error", "internal_error")
    request_id = _request_id(request)
    if request_id:
        response.headers[REQUEST_ID_HEADER] = request_id
    apply_security_headers(response.headers, https=request.url.scheme == "https")
    _report_after_response(request, response, exc)
    return response


def _report_after_response(request: Request, response: JSONResponse, exc: Exception) -> None:
    """Error tracking stores the failure once the answer is sent (core/error_reporting.py):
    the response's status, headers and body are the same with or without it."""
    reporter = error_reporter_of(request.app)
    if reporter is not None:
        response.background = BackgroundTask(report_safely, reporter, request, _original(exc))


def _original(exc: BaseException) -> BaseException:
    """The exception the code raised, not a group a task group wrapped it in."""
    while isinstance(exc, BaseExceptionGroup) and len(exc.exceptions) == 1:
        exc = exc.exceptions[0]
    return exc


# What a client is told to wait when Redis, holding the job queues, cannot take a job.
QUEUE_RETRY_AFTER_SECONDS = 30


async def _queue_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """Redis is down or hung where a request needs it (enqueueing a job: reads fall back on
    their own through core/redis_guard.py): 503 with Retry-After, never a 500."""
    log.warning("request.redis_unavailable", extra={"path": request.url.path, "error": repr(exc)})
    error = ServiceUnavailableError(
        "the job queue is not answering, try again shortly",
        headers={"Retry-After": str(QUEUE_RETRY_AFTER_SECONDS)},
    )
    return envelope_response(request, error.status_code, error.message, error.code, error.headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    # A request's transaction conflict (TransactionConflictError) has no handler here: it
    # reaches core/conflicts.py, which runs the request again.
    for database_error in (DBAPIError, PoolTimeoutError):
        app.add_exception_handler(database_error, _database_error)
    for redis_error in (RedisConnectionError, RedisTimeoutError):
        app.add_exception_handler(redis_error, _queue_unavailable)
    app.add_exception_handler(Exception, _unhandled_error)
    # The body a failed request sent, for its error report (the handler gets a new Request).
    app.add_middleware(RequestBodyRecorder)
