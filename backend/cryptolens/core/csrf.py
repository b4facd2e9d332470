"""CSRF defence for cookie-authenticated requests: a double-submit token bound to the session,
and JSON-only bodies.

- The token lives in a readable cookie (the SPA reads it) and must be echoed in
  `X-CSRF-Token` on every unsafe request. It is `nonce.signature`, signed with a server key
  over the nonce and what it is bound to: the session cookie's value (hashed) for a signed-in
  browser, nothing for an anonymous one. So a cookie planted from a sibling subdomain (which
  cannot know the key) is refused, and so is a genuine token of another session (the
  attacker's own, or an anonymous one) sent with the victim's session cookie.
- A new session cookie (login, 2FA completion, password change) comes with a new token, and
  signing out with an anonymous one (auth routes): the token rotates with the session.
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
from cryptolens.core.security import derive_key, hash_token, new_token, sign, tokens_equal

CSRF_COOKIE = "cl_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_COOKIE_MAX_AGE = 7 * 24 * 3600
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class CsrfError(ForbiddenError):
    code = "csrf_failed"

    def __init__(self) -> None:
        super().__init__("CSRF token missing or invalid; fetch /api/v1/auth/csrf and resend")


class CsrfTokens:
    """Issues and checks `nonce.signature` tokens, each bound to a session cookie or to none."""

    def __init__(self, secret_key: str, *, session_cookie: str = "cl_session") -> None:
        self._key = derive_key(secret_key, "csrf-token")
        self.session_cookie = session_cookie

    def _signature(self, nonce: str, session_token: str | None) -> str:
        # The session's cookie value is a secret of its own: only its hash enters the MAC.
        binding = hash_token(session_token) if session_token else ""
        return sign(self._key, f"{binding}:{nonce}")

    def issue(self, session_token: str | None = None) -> str:
        """A token for the browser holding `session_token` (None: an anonymous browser)."""
        nonce = new_token()
        return f"{nonce}.{self._signature(nonce, session_token)}"

    def is_genuine(self, token: str, session_token: str | None = None) -> bool:
        """Signed by this server for exactly this session (or for no session)."""
        nonce, _, signature = token.partition(".")
        if not nonce or not signature:
            return False
        return tokens_equal(signature, self._signature(nonce, session_token))

    def session_of(self, request: Request) -> str | None:
        return request.cookies.get(self.session_cookie) or None

    def for_request(self, request: Request) -> str:
        """The request's own token when it is still good for its session, else a new one."""
        session_token = self.session_of(request)
        current = request.cookies.get(CSRF_COOKIE, "")
        if current and self.is_genuine(current, session_token):
            return current
        return self.issue(session_token)

    def check(self, request: Request) -> None:
        """Raises CsrfError unless the header echoes the cookie and the token was issued for
        the session cookie the request carries (or, without one, for no session)."""
        if request.method not in UNSAFE_METHODS:
            return
        cookie = request.cookies.get(CSRF_COOKIE, "")
        header = request.headers.get(CSRF_HEADER, "")
        if not cookie or not header or not tokens_equal(cookie, header):
            raise CsrfError()
        if not self.is_genuine(cookie, self.session_of(request)):
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
