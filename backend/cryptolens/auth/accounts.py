"""Accounts: registration, email verification, password reset and change.

Token flows answer the same whether or not the email exists; their mails go through the
outbox, which sends only after the commit."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import lockout, mails, repository
from cryptolens.auth.errors import EmailTakenError, InvalidLinkError
from cryptolens.auth.login import PENDING_LOGIN, normalize_email
from cryptolens.auth.models import OneTimeToken, User
from cryptolens.auth.passwords import check_password
from cryptolens.auth.reauth import confirm_password
from cryptolens.auth.sessions import (
    ClientInfo,
    SignedIn,
    end_all_sessions,
    end_other_sessions,
    rotate_session,
)
from cryptolens.auth.toolkit import AuthToolkit
from cryptolens.core.mail import Outbox
from cryptolens.core.security import PasswordHasher, hash_token, new_token, random_lower_alnum
from cryptolens.db import end_read_transaction

log = logging.getLogger("cryptolens.auth")

VERIFY_PURPOSE = "verify_email"
RESET_PURPOSE = "reset_password"
NTFY_TOPIC_PREFIX = "cl_"
NTFY_TOPIC_RANDOM_LENGTH = 24


async def new_ntfy_topic(db: AsyncSession) -> str:
    """`cl_` + 24 random lowercase letters/digits (124 bits: unguessable), unique."""
    while True:
        topic = NTFY_TOPIC_PREFIX + random_lower_alnum(NTFY_TOPIC_RANDOM_LENGTH)
        if not await repository.ntfy_topic_taken(db, topic):
            return topic


async def create_user(
    db: AsyncSession,
    hasher: PasswordHasher,
    now: datetime,
    *,
    email: str,
    password: str,
    display_name: str | None = None,
    timezone: str = "UTC",
    is_admin: bool = False,
    is_verified: bool = False,
) -> User:
    """A new account after the password policy; the email must be free.

    The password is hashed first, before the session takes a database connection: a burst
    of sign-ups waiting for the hasher must not hold the pool."""
    address = normalize_email(email)
    check_password(password, address)
    password_hash = await hasher.hash(password)
    if await repository.email_taken(db, address):
        raise EmailTakenError()
    user = User(
        email=address,
        password_hash=password_hash,
        display_name=display_name,
        timezone=timezone,
        ntfy_topic=await new_ntfy_topic(db),
        is_admin=is_admin,
        is_verified=is_verified,
        is_active=True,
        failed_login_count=0,
        created_at=now,
        password_changed_at=now,
    )
    try:
        return await repository.add_user(db, user)
    except IntegrityError as exc:
        # Two registrations of one email at once: the unique key decides.
        raise EmailTakenError() from exc


async def register(
    db: AsyncSession,
    tools: AuthToolkit,
    outbox: Outbox,
    now: datetime,
    *,
    email: str,
    password: str,
    display_name: str | None,
    timezone: str,
) -> User:
    user = await create_user(
        db,
        tools.hasher,
        now,
        email=email,
        password=password,
        display_name=display_name,
        timezone=timezone,
    )
    # A fresh account has no link to retire: no delete before the insert, whose gap locks
    # deadlocked concurrent sign-ups on MariaDB.
    await _send_verification(db, tools, outbox, user, now, retire_previous=False)
    log.info("auth.registered", extra={"user_id": user.id})
    return user


async def verify_email(db: AsyncSession, token: str, now: datetime) -> User:
    user = await _redeem(db, token, VERIFY_PURPOSE, now)
    user.is_verified = True
    log.info("auth.email_verified", extra={"user_id": user.id})
    return user


async def resend_verification(
    db: AsyncSession, tools: AuthToolkit, outbox: Outbox, email: str, now: datetime
) -> None:
    user = await repository.get_user_by_email(db, normalize_email(email))
    if user is None or user.is_verified or not user.is_active:
        return
    await _send_verification(db, tools, outbox, user, now)


async def forgot_password(
    db: AsyncSession, tools: AuthToolkit, outbox: Outbox, email: str, now: datetime
) -> None:
    user = await repository.get_user_by_email(db, normalize_email(email))
    if user is None or not user.is_active:
        return
    minutes = tools.security.reset_token_minutes
    token = await _issue_token(db, user.id, RESET_PURPOSE, now, timedelta(minutes=minutes))
    link = tools.spa_link(mails.RESET_ROUTE, token)
    outbox.post(mails.password_reset_mail(user.email, link, minutes))
    log.info("auth.reset_requested", extra={"user_id": user.id})


async def reset_password(
    db: AsyncSession,
    tools: AuthToolkit,
    outbox: Outbox,
    token: str,
    new_password: str,
    now: datetime,
) -> None:
    """Sets the password from a mailed link and ends every session of the account."""
    found = await _find_live_token(db, token, RESET_PURPOSE, now)
    user = await repository.get_user(db, found.user_id)
    if user is None or not user.is_active:
        raise InvalidLinkError()
    check_password(new_password, user.email)
    # Hashed with no connection held (only reads so far), then the writes.
    await end_read_transaction(db)
    new_hash = await tools.hasher.hash(new_password)
    if not await repository.claim_token(db, found.id, now):
        raise InvalidLinkError()
    _set_password_hash(user, new_hash, now)
    await end_all_sessions(db, user.id)
    await repository.delete_tokens(db, user.id, RESET_PURPOSE)
    await repository.delete_tokens(db, user.id, PENDING_LOGIN)
    await lockout.unlock(db, user.id)
    # The link reached the mailbox, which proves the address as well as verifying would.
    user.is_verified = True
    outbox.post(mails.password_changed_mail(user.email))
    log.info("auth.password_reset", extra={"user_id": user.id})


async def change_password(
    db: AsyncSession,
    tools: AuthToolkit,
    outbox: Outbox,
    signed_in: SignedIn,
    current_password: str,
    new_password: str,
    now: datetime,
    client: ClientInfo,
) -> str:
    """Changes the password, ends the other sessions and rotates this one (new token)."""
    user = signed_in.user
    # The hasher's work is done with no connection held: so far the request has only read.
    await end_read_transaction(db)
    # Counted toward the lockout like a sign-in (auth/reauth.py).
    await confirm_password(db, tools, user, current_password, now)
    check_password(new_password, user.email)
    _set_password_hash(user, await tools.hasher.hash(new_password), now)
    await end_other_sessions(db, user.id, keep_session_id=signed_in.session.id)
    token = await rotate_session(db, tools.security, signed_in, now, client)
    outbox.post(mails.password_changed_mail(user.email))
    log.info("auth.password_changed", extra={"user_id": user.id})
    return token


async def _send_verification(
    db: AsyncSession,
    tools: AuthToolkit,
    outbox: Outbox,
    user: User,
    now: datetime,
    *,
    retire_previous: bool = True,
) -> None:
    hours = tools.security.verification_token_hours
    # One live link at a time: asking again retires the previous one.
    if retire_previous:
        await repository.delete_tokens(db, user.id, VERIFY_PURPOSE)
    token = await _issue_token(db, user.id, VERIFY_PURPOSE, now, timedelta(hours=hours))
    outbox.post(
        mails.verification_mail(user.email, tools.spa_link(mails.VERIFY_ROUTE, token), hours)
    )


async def _issue_token(
    db: AsyncSession, user_id: int, purpose: str, now: datetime, valid_for: timedelta
) -> str:
    token = new_token()
    await repository.add_token(
        db,
        OneTimeToken(
            user_id=user_id,
            purpose=purpose,
            token_hash=hash_token(token),
            created_at=now,
            expires_at=now + valid_for,
            attempts=0,
        ),
    )
    return token


async def _find_live_token(
    db: AsyncSession, token: str, purpose: str, now: datetime
) -> OneTimeToken:
    found = await repository.find_token(db, hash_token(token), purpose) if token else None
    if found is None or found.used_at is not None or found.expires_at <= now:
        raise InvalidLinkError()
    return found


async def _redeem(db: AsyncSession, token: str, purpose: str, now: datetime) -> User:
    found = await _find_live_token(db, token, purpose, now)
    if not await repository.claim_token(db, found.id, now):
        raise InvalidLinkError()
    user = await repository.get_user(db, found.user_id)
    if user is None:
        raise InvalidLinkError()
    return user


def _set_password_hash(user: User, password_hash: str, now: datetime) -> None:
    user.password_hash = password_hash
    user.password_changed_at = now
