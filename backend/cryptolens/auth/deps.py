"""Dependencies of the account routes (and of routes that change the account row itself).

Who is calling comes from the identity layer (cryptolens.access.deps: CurrentPrincipal,
CurrentUser, VerifiedUser, AdminUser...). What is here loads the caller's own rows in the
route's unit of work, for routes that change them:

    signed_in: SignedInSession   # the session and its user (the session credential only)
    user: SignedInAccount        # the caller's account row
    user: VerifiedAccount        # the same, 403 until the email is verified
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import BackgroundTasks, Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.deps import CurrentPrincipal, OptionalPrincipal
from cryptolens.access.errors import EmailNotVerifiedError, NotSignedInError
from cryptolens.access.principal import Principal
from cryptolens.auth import repository
from cryptolens.auth.models import User
from cryptolens.auth.sessions import ClientInfo, SignedIn, signed_in_by_id
from cryptolens.auth.toolkit import AuthToolkit, auth_resources
from cryptolens.core.deps import ClockDep, SessionDep
from cryptolens.core.mail import MailMessage, MailSender, Outbox, send_quietly


async def _toolkit(request: Request) -> AuthToolkit:
    return auth_resources(request.app).auth_toolkit


AuthToolkitDep = Annotated[AuthToolkit, Depends(_toolkit)]


async def _client(request: Request) -> ClientInfo:
    return ClientInfo(
        ip=request.client.host if request.client else None,
        user_agent=request.headers.get("user-agent"),
    )


ClientDep = Annotated[ClientInfo, Depends(_client)]


async def _session_of(principal: Principal, db: AsyncSession, now: datetime) -> SignedIn | None:
    # Session routes (sign out, password, two-factor) need the session itself; an API key
    # (next) never reaches them.
    if principal.method != "session":
        return None
    return await signed_in_by_id(db, principal.user.id, principal.credential_id, now)


async def _optional_signed_in(
    principal: OptionalPrincipal, db: SessionDep, clock: ClockDep
) -> SignedIn | None:
    return None if principal is None else await _session_of(principal, db, clock.now())


OptionalSignedIn = Annotated[SignedIn | None, Depends(_optional_signed_in)]


async def _signed_in(principal: CurrentPrincipal, db: SessionDep, clock: ClockDep) -> SignedIn:
    signed_in = await _session_of(principal, db, clock.now())
    if signed_in is None:
        raise NotSignedInError()
    return signed_in


SignedInSession = Annotated[SignedIn, Depends(_signed_in)]


async def _account(principal: CurrentPrincipal, db: SessionDep) -> User:
    user = await repository.get_user(db, principal.user.id)
    if user is None or not user.is_active:
        raise NotSignedInError()
    return user


async def _verified_account(user: Annotated[User, Depends(_account)]) -> User:
    if not user.is_verified:
        raise EmailNotVerifiedError()
    return user


SignedInAccount = Annotated[User, Depends(_account)]
VerifiedAccount = Annotated[User, Depends(_verified_account)]


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
