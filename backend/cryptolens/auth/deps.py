"""Who is calling: the session-cookie dependencies every domain uses.

    user: CurrentUser     # 401 without a live session
    user: OptionalUser    # None when signed out
    user: VerifiedUser    # 403 until the email is verified
    user: AdminUser       # 403 for non-admins

A cookie-authenticated unsafe request (POST/PUT/PATCH/DELETE) must carry the CSRF header; the
check lives here, so every session route is covered and API-key routes are not.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import BackgroundTasks, Depends, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth.cookies import SESSION_COOKIE, set_session_cookie
from cryptolens.auth.errors import AdminRequiredError, EmailNotVerifiedError, NotSignedInError
from cryptolens.auth.models import User
from cryptolens.auth.sessions import ClientInfo, SignedIn, resolve_session
from cryptolens.auth.toolkit import AuthToolkit
from cryptolens.core.clock import Clock
from cryptolens.core.csrf import csrf_tokens_of
from cryptolens.core.deps import ClockDep, SessionDep
from cryptolens.core.mail import MailMessage, MailSender, Outbox, send_quietly


async def _toolkit(request: Request) -> AuthToolkit:
    toolkit: AuthToolkit = request.app.state.auth_toolkit
    return toolkit


AuthToolkitDep = Annotated[AuthToolkit, Depends(_toolkit)]


async def _client(request: Request) -> ClientInfo:
    return ClientInfo(
        ip=request.client.host if request.client else None,
        user_agent=request.headers.get("user-agent"),
    )


ClientDep = Annotated[ClientInfo, Depends(_client)]


async def signed_in_by_cookie(
    request: Request,
    response: Response,
    db: AsyncSession,
    clock: Clock,
    tools: AuthToolkit,
) -> SignedIn | None:
    """The session named by the request's cookie (CSRF checked, cookie extended), or None."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    signed_in = await resolve_session(db, tools.config, token, clock.now())
    if signed_in is None:
        return None
    csrf_tokens_of(request.app).check(request)
    if signed_in.extended:
        # The expiry slid forward: the browser's cookie must live as long.
        set_session_cookie(response, request, token, tools.config)
    return signed_in


async def _optional_signed_in(
    request: Request,
    response: Response,
    db: SessionDep,
    clock: ClockDep,
    tools: AuthToolkitDep,
) -> SignedIn | None:
    return await signed_in_by_cookie(request, response, db, clock, tools)


OptionalSignedIn = Annotated[SignedIn | None, Depends(_optional_signed_in)]


async def _signed_in(signed_in: OptionalSignedIn) -> SignedIn:
    if signed_in is None:
        raise NotSignedInError()
    return signed_in


CurrentSignedIn = Annotated[SignedIn, Depends(_signed_in)]


async def _optional_user(signed_in: OptionalSignedIn) -> User | None:
    return None if signed_in is None else signed_in.user


async def _current_user(signed_in: CurrentSignedIn) -> User:
    return signed_in.user


CurrentUser = Annotated[User, Depends(_current_user)]
OptionalUser = Annotated[User | None, Depends(_optional_user)]


async def _verified_user(user: CurrentUser) -> User:
    if not user.is_verified:
        raise EmailNotVerifiedError()
    return user


async def _admin_user(user: CurrentUser) -> User:
    if not user.is_admin:
        raise AdminRequiredError()
    return user


VerifiedUser = Annotated[User, Depends(_verified_user)]
AdminUser = Annotated[User, Depends(_admin_user)]


class AfterResponseOutbox:
    """Sends posted mail as a background task: after the commit and the response, so a slow
    SMTP server neither delays the answer nor reveals (by timing) whether a mail went out."""

    def __init__(self, tasks: BackgroundTasks, sender: MailSender) -> None:
        self._tasks = tasks
        self._sender = sender

    def post(self, message: MailMessage) -> None:
        self._tasks.add_task(send_quietly, self._sender, message)


async def _outbox(tasks: BackgroundTasks, tools: AuthToolkitDep) -> Outbox:
    return AfterResponseOutbox(tasks, tools.mail_sender)


OutboxDep = Annotated[Outbox, Depends(_outbox)]
