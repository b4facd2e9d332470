"""The session credential as it travels: an HttpOnly, SameSite=Lax cookie (Secure behind TLS)
whose lifetime follows the session's sliding expiry."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from cryptolens.settings import SecuritySettings

SESSION_COOKIE = "cl_session"


def is_https(request: Request) -> bool:
    # Behind a proxy, uvicorn's trusted proxy headers rewrite the scheme.
    return request.url.scheme == "https"


def set_session_cookie(
    response: Response, request: Request, token: str, security: SecuritySettings
) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=security.session_days * 24 * 3600,
        path="/",
        secure=is_https(request),
        httponly=True,
        samesite="lax",
    )


def clear_session_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", secure=is_https(request), httponly=True, samesite="lax"
    )
