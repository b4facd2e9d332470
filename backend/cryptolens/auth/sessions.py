"""Server-side sessions: a random token in the cookie, its hash in the database; 7 days,
sliding; rotated at sign-in and privilege changes; listed and ended by their owner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import repository
from cryptolens.auth.models import User, UserSession
from cryptolens.core.errors import NotFoundError
from cryptolens.core.security import hash_token, new_token, tokens_equal
from cryptolens.settings import SecuritySettings

# Sliding expiry is written at most this often, not on every request.
TOUCH_INTERVAL = timedelta(minutes=1)
MAX_USER_AGENT = 255


@dataclass(frozen=True)
class ClientInfo:
    ip: str | None
    user_agent: str | None


@dataclass(frozen=True)
class SignedIn:
    """Who a request is from: the user and the session its cookie names."""

    user: User
    session: UserSession
    extended: bool = False  # the expiry slid forward: the cookie should be re-sent


async def start_session(
    db: AsyncSession,
    security: SecuritySettings,
    user_id: int,
    now: datetime,
    client: ClientInfo,
    *,
    replaces_token: str | None = None,
) -> str:
    """A fresh session for `user_id`; returns its token (shown once, to the cookie).

    A session the request already carried is ended, so a token planted before sign-in
    (session fixation) never becomes an authenticated one."""
    if replaces_token:
        await repository.delete_session_by_hash(db, hash_token(replaces_token))
    token = new_token()
    await repository.add_session(
        db,
        UserSession(
            user_id=user_id,
            token_hash=hash_token(token),
            created_at=now,
            expires_at=now + timedelta(days=security.session_days),
            last_seen_at=now,
            ip=client.ip,
            user_agent=(client.user_agent or "")[:MAX_USER_AGENT] or None,
        ),
    )
    return token


async def resolve_session(
    db: AsyncSession, security: SecuritySettings, token: str, now: datetime
) -> SignedIn | None:
    """The live session named by a cookie token, or None (unknown, expired, inactive user)."""
    if not token:
        return None
    token_hash = hash_token(token)
    found = await repository.find_session(db, token_hash)
    if found is None:
        return None
    user_session, user = found
    if not tokens_equal(user_session.token_hash, token_hash):
        return None
    if user_session.expires_at <= now or not user.is_active:
        return None
    extended = False
    if now - user_session.last_seen_at >= TOUCH_INTERVAL:
        user_session.last_seen_at = now
        user_session.expires_at = now + timedelta(days=security.session_days)
        extended = True
    return SignedIn(user=user, session=user_session, extended=extended)


async def signed_in_by_id(
    db: AsyncSession, user_id: int, session_id: int, now: datetime
) -> SignedIn | None:
    """The live session `session_id` of `user_id` with its user, loaded in the caller's unit
    of work (routes that change the account or end the session), or None."""
    found = await repository.find_session_of_user(db, user_id, session_id)
    if found is None:
        return None
    user_session, user = found
    if user_session.expires_at <= now or not user.is_active:
        return None
    return SignedIn(user=user, session=user_session)


async def rotate_session(
    db: AsyncSession,
    security: SecuritySettings,
    signed_in: SignedIn,
    now: datetime,
    client: ClientInfo,
) -> str:
    """Replaces the current session by a new one (after a privilege change)."""
    await repository.delete_session(db, signed_in.session.id)
    return await start_session(db, security, signed_in.user.id, now, client)


async def end_session(db: AsyncSession, session_id: int) -> None:
    await repository.delete_session(db, session_id)


async def end_session_by_token(db: AsyncSession, token: str) -> None:
    await repository.delete_session_by_hash(db, hash_token(token))


async def end_other_sessions(db: AsyncSession, user_id: int, keep_session_id: int) -> int:
    return await repository.delete_sessions_of_user(db, user_id, keep_session_id=keep_session_id)


async def end_all_sessions(db: AsyncSession, user_id: int) -> int:
    return await repository.delete_sessions_of_user(db, user_id)


async def list_sessions(db: AsyncSession, user_id: int, now: datetime) -> Sequence[UserSession]:
    return await repository.list_sessions(db, user_id, now)


async def end_session_of_user(db: AsyncSession, user_id: int, session_id: int) -> None:
    """Ends one of the user's sessions; another user's session id is simply not found."""
    user_session = await repository.get_session_of_user(db, user_id, session_id)
    if user_session is None:
        raise NotFoundError("Session not found")
    await repository.delete_session(db, user_session.id)


async def purge_expired_sessions(db: AsyncSession, now: datetime) -> int:
    return await repository.delete_expired_sessions(db, now)
