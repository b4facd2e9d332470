"""CSRF defence for cookie-authenticated requests: a double-submit token and JSON-only bodies.

- The token lives in a readable cookie (the SPA reads it) and must be echoed in
  `X-CSRF-Token` on every unsafe request. It is signed with a server key, so a cookie planted
  from a sibling subdomain (which cannot know the key) is refused.
- The check runs where a session authenticates (the identity layer, access/credentials.py)
  and on the public account routes (core.deps.require_csrf), so requests authenticated by an
  API key, provider webhooks and signed links need no token.
- Unsafe requests with a body must be `application/json`: HTML forms, the classic CSRF vector,
  cannot send it without a CORS preflight.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from cryptolens.core.envelope import error_body
from cryptolens.core.errors import ForbiddenError
from cryptolens.core.security import derive_key, new_token, sign, tokens_equal

CSRF_COOKIE = "cl_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_COOKIE_MAX_AGE = 7 * 24 * 3600
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class CsrfError(ForbiddenError):
    code = "csrf_failed"

    def __init__(self) -> None:
        super().__init__("CSRF token missing or invalid; fetch /api/v1/auth/csrf and resend")


class CsrfTokens:
    """Issues and checks `nonce.signature` tokens."""

    def __init__(self, secret_key: str) -> None:
        self._key = derive_key(secret_key, "csrf-token")

    def issue(self) -> str:
        nonce = new_token()
        return f"{nonce}.{sign(self._key, nonce)}"

    def is_genuine(self, token: str) -> bool:
        nonce, _, signature = token.partition(".")
        if not nonce or not signature:
            return False
        return tokens_equal(signature, sign(self._key, nonce))

    def check(self, request: Request) -> None:
        """Raises CsrfError unless the header echoes a genuine cookie token."""
        if request.method not in UNSAFE_METHODS:
            return
        cookie = request.cookies.get(CSRF_COOKIE, "")
        header = request.headers.get(CSRF_HEADER, "")
        if not cookie or not header or not tokens_equal(cookie, header):
            raise CsrfError()
        if not self.is_genuine(cookie):
            raise CsrfError()


def set_csrf_cookie(response: Response, token: str, *, secure: bool) -> None:
    # Readable by the SPA on purpose (httponly off): it must copy it into the header.
    response.set_cookie(
        CSRF_COOKIE,
        token,
        max_age=CSRF_COOKIE_MAX_AGE,
        path="/",
        secure=secure,
        httponly=False,
        samesite="lax",
    )


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


def _has_body(headers: Headers) -> bool:
    if "transfer-encoding" in headers:
        return True
    length = headers.get("content-length", "0").strip()
    return length not in ("", "0")


class JsonOnlyMiddleware:
    """415 for an unsafe request under /api/ whose body is not JSON (exempt prefixes aside,
    e.g. provider webhooks that sign their raw body)."""

    def __init__(self, app: ASGIApp, exempt_prefixes: tuple[str, ...] = ()) -> None:
        self.app = app
        self.exempt_prefixes = exempt_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self._refuses(scope):
            headers = Headers(scope=scope)
            body = error_body(
                "Unsupported media type: send the body as application/json "
                f"(got {headers.get('content-type', 'none')[:80]})",
                "unsupported_media_type",
            )
            body["meta"]["request_id"] = scope.get("state", {}).get("request_id")
            await JSONResponse(body, status_code=415)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refuses(self, scope: Scope) -> bool:
        path: str = scope["path"]
        if scope["method"] not in UNSAFE_METHODS or not path.startswith("/api/"):
            return False
        if path.startswith(self.exempt_prefixes):
            return False
        headers = Headers(scope=scope)
        return _has_body(headers) and not _is_json(headers.get("content-type", ""))


def install_json_only(app: FastAPI, exempt_prefixes: tuple[str, ...] = ()) -> None:
    """The JSON-only body rule (the tokens themselves live in the app's resources)."""
    if app.middleware_stack is not None:
        raise RuntimeError("install_json_only must run before the app starts serving")
    # Appended, so it runs inside the request-id middleware: the 415 carries the request id
    # and the security headers like every other answer.
    app.user_middleware.append(Middleware(JsonOnlyMiddleware, exempt_prefixes=exempt_prefixes))
