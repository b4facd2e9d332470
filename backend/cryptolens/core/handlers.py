"""Maps every error, ours and the framework's, to the envelope. Never leaks a traceback."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

from cryptolens.core.envelope import error_body
from cryptolens.core.errors import AppError
from cryptolens.core.middleware import apply_security_headers
from cryptolens.core.request_context import REQUEST_ID_HEADER

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


async def _unhandled_error(request: Request, exc: Exception) -> JSONResponse:
    # Runs in Starlette's outermost middleware, so our headers are added here by hand.
    log.exception("request.failed", extra={"path": request.url.path})
    response = envelope_response(request, 500, "Internal server error", "internal_error")
    request_id = _request_id(request)
    if request_id:
        response.headers[REQUEST_ID_HEADER] = request_id
    apply_security_headers(response.headers, https=request.url.scheme == "https")
    return response


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unhandled_error)
