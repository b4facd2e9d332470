"""Account routes: CSRF token, registration, email and password token flows, password change,
watchlist. (The profile, GET/PATCH /me, shows the subscription too: cryptolens.profile.)"""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.deps import CurrentAccess
from cryptolens.access.session_cookie import is_https
from cryptolens.access.user_access import UserAccess
from cryptolens.auth import accounts, mail_jobs, watchlist
from cryptolens.auth.cookies import start_session_cookies
from cryptolens.auth.deps import AuthToolkitDep, ClientDep, OutboxDep, SignedInSession
from cryptolens.auth.routes.common import UNSAFE, error_responses, password_recheck_limits
from cryptolens.auth.schemas import (
    ChangePasswordIn,
    CsrfOut,
    EmailIn,
    MessageOut,
    RegisterIn,
    ResetPasswordIn,
    TokenIn,
    UserOut,
    WatchlistIn,
    WatchlistOut,
)
from cryptolens.core.csrf import set_csrf_cookie
from cryptolens.core.deps import ClockDep, JobQueueDep, ResourcesDep, SessionDep
from cryptolens.core.envelope import Envelope, ok
from cryptolens.core.ratelimit import RateLimit

router = APIRouter()

# Token mails: the same answer whatever the email, and few of them per address.
SAME_ANSWER = "If the address belongs to an account, a mail is on its way."


@router.get(
    "/csrf",
    operation_id="auth-csrf",
    summary="Set the CSRF cookie and return its token (call it first)",
    response_model=Envelope[CsrfOut],
)
async def csrf(request: Request, response: Response, resources: ResourcesDep) -> Envelope[CsrfOut]:
    # Keeps a token still good for the browser's session (another tab may have copied it);
    # otherwise a new one bound to the session cookie the request carries, if any.
    token = resources.csrf_tokens.for_request(request)
    set_csrf_cookie(response, token, secure=is_https(request))
    return ok(CsrfOut(csrf_token=token))


@router.post(
    "/register",
    status_code=201,
    operation_id="auth-register",
    summary="Create an account (free tier) and mail the verification link",
    response_model=Envelope[UserOut],
    responses=error_responses(*UNSAFE, 409, 429),
    dependencies=[Depends(RateLimit("3/hour", scope="auth-register"))],
)
async def register(
    body: RegisterIn, db: SessionDep, clock: ClockDep, tools: AuthToolkitDep, outbox: OutboxDep
) -> Envelope[UserOut]:
    user = await accounts.register(
        db,
        tools,
        outbox,
        clock.now(),
        email=str(body.email),
        password=body.password,
        display_name=body.display_name,
        timezone=body.timezone,
    )
    return ok(UserOut.model_validate(user))


@router.post(
    "/verify-email",
    operation_id="auth-verify-email",
    summary="Verify the email address with the mailed token",
    response_model=Envelope[UserOut],
    responses=error_responses(400, *UNSAFE, 429),
    dependencies=[Depends(RateLimit("20/hour", scope="auth-verify-email"))],
)
async def verify_email(body: TokenIn, db: SessionDep, clock: ClockDep) -> Envelope[UserOut]:
    user = await accounts.verify_email(db, body.token, clock.now())
    return ok(UserOut.model_validate(user))


@router.post(
    "/resend-verification",
    operation_id="auth-resend-verification",
    summary="Mail a new verification link (same answer for any email)",
    response_model=Envelope[MessageOut],
    responses=error_responses(*UNSAFE, 429),
    dependencies=[Depends(RateLimit("3/hour", scope="auth-resend-verification"))],
)
async def resend_verification(body: EmailIn, queue: JobQueueDep) -> Envelope[MessageOut]:
    # Only a job is queued, whatever the address: same answer, same work, same time.
    await mail_jobs.queue_verification(queue, body.email)
    return ok(MessageOut(message=SAME_ANSWER))


@router.post(
    "/forgot-password",
    operation_id="auth-forgot-password",
    summary="Mail a password reset link (same answer for any email)",
    response_model=Envelope[MessageOut],
    responses=error_responses(*UNSAFE, 429),
    dependencies=[Depends(RateLimit("3/hour", scope="auth-forgot-password"))],
)
async def forgot_password(body: EmailIn, queue: JobQueueDep) -> Envelope[MessageOut]:
    # Only a job is queued, whatever the address: same answer, same work, same time.
    await mail_jobs.queue_password_reset(queue, body.email)
    return ok(MessageOut(message=SAME_ANSWER))


@router.post(
    "/reset-password",
    operation_id="auth-reset-password",
    summary="Set a new password with the mailed token; every session ends",
    response_model=Envelope[MessageOut],
    responses=error_responses(400, *UNSAFE, 429),
    dependencies=[Depends(RateLimit("5/hour", scope="auth-reset-password"))],
)
async def reset_password(
    body: ResetPasswordIn,
    db: SessionDep,
    clock: ClockDep,
    tools: AuthToolkitDep,
    outbox: OutboxDep,
) -> Envelope[MessageOut]:
    await accounts.reset_password(db, tools, outbox, body.token, body.new_password, clock.now())
    return ok(MessageOut(message="Password changed; sign in with the new one"))


@router.post(
    "/change-password",
    operation_id="auth-change-password",
    summary="Change the password; other sessions end and this one gets a new cookie",
    response_model=Envelope[MessageOut],
    responses=error_responses(400, 401, *UNSAFE, 429),
    dependencies=password_recheck_limits("auth-change-password"),
)
async def change_password(
    body: ChangePasswordIn,
    request: Request,
    response: Response,
    signed_in: SignedInSession,
    db: SessionDep,
    clock: ClockDep,
    tools: AuthToolkitDep,
    outbox: OutboxDep,
    client: ClientDep,
    resources: ResourcesDep,
) -> Envelope[MessageOut]:
    token = await accounts.change_password(
        db,
        tools,
        outbox,
        signed_in,
        body.current_password,
        body.new_password,
        clock.now(),
        client,
    )
    start_session_cookies(response, request, token, tools.security, resources.csrf_tokens)
    return ok(MessageOut(message="Password changed; other devices were signed out"))


async def _watchlist_out(db: AsyncSession, access: UserAccess, picks: list[str]) -> WatchlistOut:
    following = replace(access, watchlist=tuple(picks)).followed_symbols
    return WatchlistOut(
        symbols=picks,
        following=None if following is None else list(following),
        max_symbols=access.limits.max_watchlist,
        choices=await watchlist.watchlist_choices(db),
    )


@router.get(
    "/me/watchlist",
    operation_id="auth-get-watchlist",
    summary="The symbols the user follows",
    response_model=Envelope[WatchlistOut],
    responses=error_responses(401),
)
async def get_watchlist(access: CurrentAccess, db: SessionDep) -> Envelope[WatchlistOut]:
    picks = await watchlist.watchlist_symbols(db, access.user_id)
    return ok(await _watchlist_out(db, access, picks))


@router.put(
    "/me/watchlist",
    operation_id="auth-put-watchlist",
    summary="Replace the watchlist (pro: up to 5 symbols; free: BTC/USDT only)",
    response_model=Envelope[WatchlistOut],
    responses=error_responses(401, *UNSAFE),
)
async def put_watchlist(
    body: WatchlistIn, access: CurrentAccess, db: SessionDep, clock: ClockDep
) -> Envelope[WatchlistOut]:
    picks = await watchlist.set_watchlist(db, access, body.symbols, clock.now())
    return ok(await _watchlist_out(db, access, picks))
