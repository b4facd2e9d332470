"""The account cookies: the session (HttpOnly, SameSite=Lax, Secure behind TLS) and the short
pending-login cookie of the two-step sign-in."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

from cryptolens.auth.config import AuthSettings

SESSION_COOKIE = "cl_session"
PENDING_LOGIN_COOKIE = "cl_pending_login"
PENDING_LOGIN_PATH = "/api/v1/auth/login"


def is_https(request: Request) -> bool:
    # Behind a proxy, uvicorn's trusted proxy headers rewrite the scheme.
    return request.url.scheme == "https"


def set_session_cookie(
    response: Response, request: Request, token: str, config: AuthSettings
) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=config.session_days * 24 * 3600,
        path="/",
        secure=is_https(request),
        httponly=True,
        samesite="lax",
    )


def clear_session_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", secure=is_https(request), httponly=True, samesite="lax"
    )


def set_pending_cookie(
    response: Response, request: Request, token: str, config: AuthSettings
) -> None:
    # Only the login routes ever need it.
    response.set_cookie(
        PENDING_LOGIN_COOKIE,
        token,
        max_age=config.pending_login_minutes * 60,
        path=PENDING_LOGIN_PATH,
        secure=is_https(request),
        httponly=True,
        samesite="strict",
    )


def clear_pending_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(
        PENDING_LOGIN_COOKIE,
        path=PENDING_LOGIN_PATH,
        secure=is_https(request),
        httponly=True,
        samesite="strict",
    )
