"""The short pending-login cookie of the two-step sign-in, and the session cookie together
with its CSRF token (the session cookie itself is the identity layer's:
cryptolens.access.session_cookie)."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

from cryptolens.access.session_cookie import clear_session_cookie, is_https, set_session_cookie
from cryptolens.core.csrf import CsrfTokens, set_csrf_cookie
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


def start_session_cookies(
    response: Response,
    request: Request,
    session_token: str,
    security: SecuritySettings,
    csrf_tokens: CsrfTokens,
) -> None:
    """A new session cookie always travels with a CSRF token bound to it: the token rotates
    with the session (login, 2FA completion, password change, two-factor on or off)."""
    set_session_cookie(response, request, session_token, security)
    set_csrf_cookie(response, csrf_tokens.issue(session_token), secure=is_https(request))


def end_session_cookies(response: Response, request: Request, csrf_tokens: CsrfTokens) -> None:
    """Signed out: the session cookie goes and the token becomes an anonymous one."""
    clear_session_cookie(response, request)
    set_csrf_cookie(response, csrf_tokens.issue(None), secure=is_https(request))
