"""Refuses unsafe requests that carry cookies and come from another site, whatever token they
carry: a second line behind the CSRF token (core/csrf.py), from the headers browsers set
themselves and pages cannot forge.

- `Sec-Fetch-Site: cross-site` is refused.
- `Origin` (or, without it, the origin of `Referer`) must be one of ours: the public URL's
  origin, `settings.http.cors_origins`, or the origin the request was addressed to (scheme and
  Host: the SPA served by this process, or through a dev proxy that keeps the Host).
- A request without these headers (API clients, scripts, the NTFY app) passes as before, and so
  does one without cookies: with no ambient credential there is nothing to forge.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from cryptolens.core.csrf import UNSAFE_METHODS, CsrfError
from cryptolens.core.envelope import error_body


def origin_of(url: str) -> str | None:
    """`scheme://host[:port]` of a URL, lower-cased, default ports dropped; None if it has
    none (`null`, a relative or malformed URL)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in ("http", "https") or not host:
        return None
    if ":" in host:
        host = f"[{host}]"  # IPv6
    if port is None or (scheme, port) in (("http", 80), ("https", 443)):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _own_origin(scope: Scope, headers: Headers) -> str | None:
    host = headers.get("host")
    return origin_of(f"{scope.get('scheme', 'http')}://{host}") if host else None


class SameOriginMiddleware:
    """403 `csrf_failed` for an unsafe cookie request whose browser headers name another site."""

    def __init__(self, app: ASGIApp, allowed_origins: frozenset[str]) -> None:
        self.app = app
        self.allowed_origins = allowed_origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in UNSAFE_METHODS:
            headers = Headers(scope=scope)
            if "cookie" in headers and not self._same_site(scope, headers):
                error = CsrfError()
                body = error_body(
                    "Cross-site request refused: it does not come from this site's pages",
                    error.code,
                )
                body["meta"]["request_id"] = scope.get("state", {}).get("request_id")
                await JSONResponse(body, status_code=error.status_code)(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _same_site(self, scope: Scope, headers: Headers) -> bool:
        if headers.get("sec-fetch-site", "").strip().lower() == "cross-site":
            return False
        claimed = headers.get("origin")
        if claimed is None:
            referer = headers.get("referer")
            if referer is None:
                return True  # not a browser, or one that tells nothing: the token decides
            claimed = referer
        origin = origin_of(claimed)
        if origin is None:
            return False  # `Origin: null` (sandboxed frames, some redirects), garbage
        return origin in self.allowed_origins or origin == _own_origin(scope, headers)


def allowed_origins(public_url: str, extra: tuple[str, ...]) -> frozenset[str]:
    found = (origin_of(url) for url in (public_url, *extra))
    return frozenset(origin for origin in found if origin is not None)


def install_same_origin(app: FastAPI, public_url: str, extra_origins: tuple[str, ...]) -> None:
    if app.middleware_stack is not None:
        raise RuntimeError("install_same_origin must run before the app starts serving")
    # Appended, so it runs inside the request-id middleware: the 403 carries the request id
    # and the security headers like every other answer.
    app.user_middleware.append(
        Middleware(SameOriginMiddleware, allowed_origins=allowed_origins(public_url, extra_origins))
    )
