"""Sign-in and sessions: login (two steps with TOTP), logout, logout everywhere, the session
list."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse

from cryptolens.access.session_cookie import SESSION_COOKIE
from cryptolens.auth import login as login_service
from cryptolens.auth import sessions
from cryptolens.auth.cookies import (
    PENDING_LOGIN_COOKIE,
    clear_pending_cookie,
    end_session_cookies,
    set_pending_cookie,
    start_session_cookies,
)
from cryptolens.auth.deps import AuthToolkitDep, ClientDep, OptionalSignedIn, SignedInSession
from cryptolens.auth.routes.common import UNSAFE, error_responses
from cryptolens.auth.schemas import LoginIn, LoginOut, MessageOut, SessionOut, TotpLoginIn, UserOut
from cryptolens.auth.toolkit import AuthToolkit
from cryptolens.core.csrf import CsrfTokens
from cryptolens.core.deps import ClockDep, ResourcesDep, SessionDep
from cryptolens.core.envelope import Envelope, ok
from cryptolens.core.handlers import envelope_response
from cryptolens.core.params import EntityId
from cryptolens.core.ratelimit import RateLimit

router = APIRouter()


def _present(
    outcome: login_service.LoginOutcome,
    request: Request,
    response: Response,
    tools: AuthToolkit,
    csrf_tokens: CsrfTokens,
) -> Envelope[LoginOut] | JSONResponse:
    """Cookies and envelope for a sign-in outcome. A refusal is answered, not raised, so the
    failure it recorded is committed."""
    if isinstance(outcome, login_service.LoginRefused):
        error = outcome.error
        refused = envelope_response(
            request, error.status_code, error.message, error.code, error.headers
        )
        if outcome.end_pending:
            clear_pending_cookie(refused, request)
        return refused
    if isinstance(outcome, login_service.SecondFactorNeeded):
        set_pending_cookie(response, request, outcome.pending_token, tools.security)
        return ok(LoginOut(totp_required=True))
    # A fresh CSRF token, bound to the new session.
    start_session_cookies(response, request, outcome.session_token, tools.security, csrf_tokens)
    clear_pending_cookie(response, request)
    return ok(LoginOut(totp_required=False, user=UserOut.model_validate(outcome.user)))


@router.post(
    "/login",
    operation_id="auth-login",
    summary="Sign in with email and password (then /login/totp when TOTP is on)",
    response_model=Envelope[LoginOut],
    responses=error_responses(401, *UNSAFE, 429),
    dependencies=[Depends(RateLimit("5/minute", scope="auth-login"))],
)
async def login(
    body: LoginIn,
    request: Request,
    response: Response,
    db: SessionDep,
    clock: ClockDep,
    tools: AuthToolkitDep,
    client: ClientDep,
    resources: ResourcesDep,
) -> Envelope[LoginOut] | JSONResponse:
    outcome = await login_service.sign_in(
        db,
        tools,
        clock.now(),
        email=body.email,
        password=body.password,
        code=body.totp_code,
        client=client,
        previous_token=request.cookies.get(SESSION_COOKIE),
    )
    return _present(outcome, request, response, tools, resources.csrf_tokens)


@router.post(
    "/login/totp",
    operation_id="auth-login-totp",
    summary="Second sign-in step: an authenticator code or a backup code",
    response_model=Envelope[LoginOut],
    responses=error_responses(401, *UNSAFE, 429),
    dependencies=[Depends(RateLimit("10/minute", scope="auth-login-totp"))],
)
async def login_totp(
    body: TotpLoginIn,
    request: Request,
    response: Response,
    db: SessionDep,
    clock: ClockDep,
    tools: AuthToolkitDep,
    client: ClientDep,
    resources: ResourcesDep,
) -> Envelope[LoginOut] | JSONResponse:
    outcome = await login_service.complete_second_factor(
        db,
        tools,
        clock.now(),
        pending_token=request.cookies.get(PENDING_LOGIN_COOKIE),
        code=body.code,
        client=client,
        previous_token=request.cookies.get(SESSION_COOKIE),
    )
    return _present(outcome, request, response, tools, resources.csrf_tokens)


@router.post(
    "/logout",
    operation_id="auth-logout",
    summary="End this session",
    response_model=Envelope[MessageOut],
    responses=error_responses(*UNSAFE),
)
async def logout(
    request: Request,
    response: Response,
    signed_in: OptionalSignedIn,
    db: SessionDep,
    resources: ResourcesDep,
) -> Envelope[MessageOut]:
    if signed_in is not None:
        await sessions.end_session(db, signed_in.session.id)
    end_session_cookies(response, request, resources.csrf_tokens)
    return ok(MessageOut(message="Signed out"))


@router.post(
    "/logout-all",
    operation_id="auth-logout-all",
    summary="End every session of the account, this one included",
    response_model=Envelope[MessageOut],
    responses=error_responses(401, *UNSAFE),
)
async def logout_all(
    request: Request,
    response: Response,
    signed_in: SignedInSession,
    db: SessionDep,
    resources: ResourcesDep,
) -> Envelope[MessageOut]:
    ended = await sessions.end_all_sessions(db, signed_in.user.id)
    end_session_cookies(response, request, resources.csrf_tokens)
    return ok(MessageOut(message=f"Signed out of {ended} sessions"))


@router.get(
    "/sessions",
    operation_id="auth-list-sessions",
    summary="The account's live sessions (the current one marked)",
    response_model=Envelope[list[SessionOut]],
    responses=error_responses(401),
)
async def list_sessions(
    signed_in: SignedInSession, db: SessionDep, clock: ClockDep
) -> Envelope[list[SessionOut]]:
    found = await sessions.list_sessions(db, signed_in.user.id, clock.now())
    return ok([SessionOut.of(item, signed_in.session.id) for item in found])


@router.delete(
    "/sessions/{session_id}",
    operation_id="auth-end-session",
    summary="End one of the account's sessions",
    response_model=Envelope[MessageOut],
    responses=error_responses(401, 404, *UNSAFE),
)
async def end_session(
    session_id: EntityId,
    request: Request,
    response: Response,
    signed_in: SignedInSession,
    db: SessionDep,
    resources: ResourcesDep,
) -> Envelope[MessageOut]:
    await sessions.end_session_of_user(db, signed_in.user.id, session_id)
    if session_id == signed_in.session.id:
        end_session_cookies(response, request, resources.csrf_tokens)
    return ok(MessageOut(message="Session ended"))
