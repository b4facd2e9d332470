"""Signing in: email and password, then the second factor when TOTP is on.

A refusal is returned, not raised: the failure it records (lockout count, pending attempts)
must be committed with the request, and raising would roll it back. The route turns a
`LoginRefused` into the error envelope.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import lockout, repository, two_factor
from cryptolens.auth.errors import (
    INVALID_LOGIN,
    INVALID_LOGIN_WITH_CODE,
    AccountLockedError,
    AppError,
    InvalidCredentialsError,
    PendingLoginExpiredError,
)
from cryptolens.auth.models import OneTimeToken, User
from cryptolens.auth.sessions import ClientInfo, start_session
from cryptolens.auth.toolkit import AuthToolkit
from cryptolens.core.security import hash_token, new_token
from cryptolens.db import end_read_transaction

log = logging.getLogger("cryptolens.auth")

PENDING_LOGIN = "login_totp"


@dataclass(frozen=True)
class LoginSucceeded:
    user: User
    session_token: str


@dataclass(frozen=True)
class SecondFactorNeeded:
    pending_token: str


@dataclass(frozen=True)
class LoginRefused:
    error: AppError
    # The pending second step is over (used up or expired): forget its cookie.
    end_pending: bool = False


LoginOutcome = LoginSucceeded | SecondFactorNeeded | LoginRefused


def normalize_email(email: str) -> str:
    return email.strip().lower()


async def sign_in(
    db: AsyncSession,
    tools: AuthToolkit,
    now: datetime,
    *,
    email: str,
    password: str,
    code: str | None,
    client: ClientInfo,
    previous_token: str | None,
) -> LoginOutcome:
    """The password step. With a `code` in the same request (API clients, password managers)
    both factors are checked at once and a failure never tells which one was wrong."""
    refusal = INVALID_LOGIN_WITH_CODE if code else INVALID_LOGIN
    user = await repository.get_user_by_email(db, normalize_email(email))
    # Only a read so far: give the connection back while argon2 works (and waits its turn).
    await end_read_transaction(db)
    if user is None:
        # Same work as a real check, so the answer takes the same time.
        await tools.hasher.burn_time(password)
        log.info("auth.login_failed", extra={"reason": "unknown_email"})
        return LoginRefused(InvalidCredentialsError(refusal))
    minutes = lockout.minutes_locked(user, now)
    if minutes is not None:
        # The answer must not depend on the password: it is not even checked.
        await tools.hasher.burn_time(password)
        log.info("auth.login_refused_locked", extra={"user_id": user.id})
        return LoginRefused(AccountLockedError(minutes))
    password_ok = await tools.hasher.verify(user.password_hash, password)
    if not user.is_active:
        log.info("auth.login_failed", extra={"reason": "inactive", "user_id": user.id})
        return LoginRefused(InvalidCredentialsError(refusal))
    if not password_ok:
        await lockout.record_failure(db, tools.security, user.id, now)
        log.info("auth.login_failed", extra={"reason": "password", "user_id": user.id})
        return LoginRefused(InvalidCredentialsError(refusal))
    if tools.hasher.needs_rehash(user.password_hash):
        user.password_hash = await tools.hasher.hash(password)

    credential = await repository.get_totp(db, user.id)
    if credential is not None and credential.enabled:
        if code is None:
            return SecondFactorNeeded(await _start_pending_login(db, tools, user.id, now))
        if not await two_factor.accept_second_factor(db, tools, credential, code, now):
            await lockout.record_failure(db, tools.security, user.id, now)
            log.info("auth.login_failed", extra={"reason": "code", "user_id": user.id})
            return LoginRefused(InvalidCredentialsError(refusal))
    return await _complete(db, tools, user, now, client, previous_token)


async def complete_second_factor(
    db: AsyncSession,
    tools: AuthToolkit,
    now: datetime,
    *,
    pending_token: str | None,
    code: str,
    client: ClientInfo,
    previous_token: str | None,
) -> LoginOutcome:
    """The code step of a pending sign-in: a limited number of tries, then start over."""
    pending = None
    if pending_token:
        pending = await repository.find_token(db, hash_token(pending_token), PENDING_LOGIN)
    if (
        pending is None
        or pending.used_at is not None
        or pending.expires_at <= now
        or pending.attempts >= tools.security.pending_login_attempts
    ):
        return LoginRefused(PendingLoginExpiredError(), end_pending=True)
    user = await repository.get_user(db, pending.user_id)
    credential = await repository.get_totp(db, pending.user_id)
    if user is None or not user.is_active or credential is None or not credential.enabled:
        return LoginRefused(PendingLoginExpiredError(), end_pending=True)
    minutes = lockout.minutes_locked(user, now)
    if minutes is not None:
        return LoginRefused(AccountLockedError(minutes))

    if not await two_factor.accept_second_factor(db, tools, credential, code, now):
        attempts = await repository.count_token_attempt(db, pending.id)
        await lockout.record_failure(db, tools.security, user.id, now)
        log.info("auth.login_failed", extra={"reason": "code", "user_id": user.id})
        used_up = attempts >= tools.security.pending_login_attempts
        if used_up:
            await repository.claim_token(db, pending.id, now)
        return LoginRefused(InvalidCredentialsError("Invalid code"), end_pending=used_up)
    if not await repository.claim_token(db, pending.id, now):
        return LoginRefused(PendingLoginExpiredError(), end_pending=True)
    return await _complete(db, tools, user, now, client, previous_token)


async def _start_pending_login(
    db: AsyncSession, tools: AuthToolkit, user_id: int, now: datetime
) -> str:
    token = new_token()
    await repository.add_token(
        db,
        OneTimeToken(
            user_id=user_id,
            purpose=PENDING_LOGIN,
            token_hash=hash_token(token),
            created_at=now,
            expires_at=now + timedelta(minutes=tools.security.pending_login_minutes),
            attempts=0,
        ),
    )
    return token


async def _complete(
    db: AsyncSession,
    tools: AuthToolkit,
    user: User,
    now: datetime,
    client: ClientInfo,
    previous_token: str | None,
) -> LoginSucceeded:
    await lockout.record_success(db, user)
    user.last_login_at = now
    token = await start_session(
        db, tools.security, user.id, now, client, replaces_token=previous_token
    )
    log.info("auth.login_succeeded", extra={"user_id": user.id})
    return LoginSucceeded(user=user, session_token=token)
