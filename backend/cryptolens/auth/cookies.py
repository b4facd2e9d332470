"""The short pending-login cookie of the two-step sign-in (the session cookie itself is the
identity layer's: cryptolens.access.session_cookie)."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

from cryptolens.access.session_cookie import is_https
from cryptolens.settings import SecuritySettings

PENDING_LOGIN_COOKIE = "cl_pending_login"
PENDING_LOGIN_PATH = "/api/v1/auth/login"


def set_pending_cookie(
    response: Response, request: Request, token: str, security: SecuritySettings
) -> None:
    # Only the login routes ever need it.
    response.set_cookie(
        PENDING_LOGIN_COOKIE,
        token,
        max_age=security.pending_login_minutes * 60,
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
