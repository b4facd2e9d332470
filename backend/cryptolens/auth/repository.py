"""Every query of the accounts tables. Rows a user owns are read through owner-scoped
statements. Single-use things (tokens, TOTP steps, backup codes) are claimed by one
conditional UPDATE, so two concurrent requests cannot both use them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth.models import (
    BackupCode,
    OneTimeToken,
    TotpCredential,
    User,
    UserSession,
    WatchlistItem,
)


def _changed(result: object) -> int:
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


# Users


async def get_user(db: AsyncSession, user_id: int) -> User | None:
    return await db.get(User, user_id)


async def get_user_by_email(db: AsyncSession, email: str) -> User | None:
    found: User | None = await db.scalar(select(User).where(User.email == email))
    return found


async def email_taken(db: AsyncSession, email: str) -> bool:
    return await db.scalar(select(User.id).where(User.email == email)) is not None


async def ntfy_topic_taken(db: AsyncSession, topic: str) -> bool:
    return await db.scalar(select(User.id).where(User.ntfy_topic == topic)) is not None


async def count_users(db: AsyncSession) -> int:
    return int(await db.scalar(select(func.count()).select_from(User)) or 0)


async def add_user(db: AsyncSession, user: User) -> User:
    db.add(user)
    await db.flush()
    return user


async def count_failed_login(db: AsyncSession, user_id: int) -> int:
    """Adds one failure in the database itself (no lost update) and returns the new count."""
    await db.execute(
        update(User)
        .where(User.id == user_id)
        .values(failed_login_count=User.failed_login_count + 1)
        .execution_options(synchronize_session=False)
    )
    count = await db.scalar(select(User.failed_login_count).where(User.id == user_id))
    return int(count or 0)


async def lock_user(db: AsyncSession, user_id: int, until: datetime) -> None:
    await db.execute(
        update(User)
        .where(User.id == user_id)
        .values(locked_until=until, failed_login_count=0)
        .execution_options(synchronize_session=False)
    )


async def clear_lockout(db: AsyncSession, user_id: int) -> None:
    await db.execute(
        update(User)
        .where(User.id == user_id)
        .values(locked_until=None, failed_login_count=0)
        .execution_options(synchronize_session=False)
    )


# Sessions


async def add_session(db: AsyncSession, user_session: UserSession) -> UserSession:
    db.add(user_session)
    await db.flush()
    return user_session


async def find_session(db: AsyncSession, token_hash: str) -> tuple[UserSession, User] | None:
    row = (
        await db.execute(
            select(UserSession, User)
            .join(User, User.id == UserSession.user_id)
            .where(UserSession.token_hash == token_hash)
        )
    ).first()
    return None if row is None else (row[0], row[1])


async def find_session_of_user(
    db: AsyncSession, user_id: int, session_id: int
) -> tuple[UserSession, User] | None:
    row = (
        await db.execute(
            select(UserSession, User)
            .join(User, User.id == UserSession.user_id)
            .where(UserSession.id == session_id, UserSession.user_id == user_id)
        )
    ).first()
    return None if row is None else (row[0], row[1])


async def list_sessions(db: AsyncSession, user_id: int, now: datetime) -> Sequence[UserSession]:
    result = await db.scalars(
        select(UserSession)
        .where(UserSession.user_id == user_id, UserSession.expires_at > now)
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    )
    return result.all()


async def get_session_of_user(
    db: AsyncSession, user_id: int, session_id: int
) -> UserSession | None:
    found: UserSession | None = await db.scalar(
        select(UserSession).where(UserSession.id == session_id, UserSession.user_id == user_id)
    )
    return found


async def delete_session(db: AsyncSession, session_id: int) -> None:
    await db.execute(delete(UserSession).where(UserSession.id == session_id))


async def delete_session_by_hash(db: AsyncSession, token_hash: str) -> None:
    await db.execute(delete(UserSession).where(UserSession.token_hash == token_hash))


async def delete_sessions_of_user(
    db: AsyncSession, user_id: int, *, keep_session_id: int | None = None
) -> int:
    statement = delete(UserSession).where(UserSession.user_id == user_id)
    if keep_session_id is not None:
        statement = statement.where(UserSession.id != keep_session_id)
    return _changed(await db.execute(statement))


async def delete_expired_sessions(db: AsyncSession, now: datetime) -> int:
    return _changed(await db.execute(delete(UserSession).where(UserSession.expires_at <= now)))


# One-time tokens


async def add_token(db: AsyncSession, token: OneTimeToken) -> OneTimeToken:
    db.add(token)
    await db.flush()
    return token


async def find_token(db: AsyncSession, token_hash: str, purpose: str) -> OneTimeToken | None:
    found: OneTimeToken | None = await db.scalar(
        select(OneTimeToken).where(
            OneTimeToken.token_hash == token_hash, OneTimeToken.purpose == purpose
        )
    )
    return found


async def claim_token(db: AsyncSession, token_id: int, now: datetime) -> bool:
    """Marks an unused, unexpired token used; False when another request got there first."""
    result = await db.execute(
        update(OneTimeToken)
        .where(
            OneTimeToken.id == token_id,
            OneTimeToken.used_at.is_(None),
            OneTimeToken.expires_at > now,
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return _changed(result) == 1


async def count_token_attempt(db: AsyncSession, token_id: int) -> int:
    await db.execute(
        update(OneTimeToken)
        .where(OneTimeToken.id == token_id)
        .values(attempts=OneTimeToken.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    attempts = await db.scalar(select(OneTimeToken.attempts).where(OneTimeToken.id == token_id))
    return int(attempts or 0)


async def delete_tokens(db: AsyncSession, user_id: int, purpose: str) -> None:
    """Deletes by primary key what a plain read found. A DELETE by (user, purpose) that finds
    nothing still takes next-key (gap) locks on InnoDB, and two such gaps followed by inserts
    deadlock each other; a read takes no lock, and a delete by id locks only its rows."""
    ids = (
        await db.scalars(
            select(OneTimeToken.id).where(
                OneTimeToken.user_id == user_id, OneTimeToken.purpose == purpose
            )
        )
    ).all()
    if ids:
        await db.execute(delete(OneTimeToken).where(OneTimeToken.id.in_(ids)))


async def delete_stale_tokens(db: AsyncSession, now: datetime) -> int:
    return _changed(
        await db.execute(
            delete(OneTimeToken).where(
                (OneTimeToken.expires_at <= now) | OneTimeToken.used_at.is_not(None)
            )
        )
    )


# TOTP and backup codes


async def get_totp(db: AsyncSession, user_id: int) -> TotpCredential | None:
    return await db.get(TotpCredential, user_id)


async def totp_enabled(db: AsyncSession, user_id: int) -> bool:
    enabled = await db.scalar(
        select(TotpCredential.enabled).where(TotpCredential.user_id == user_id)
    )
    return bool(enabled)


async def save_totp(db: AsyncSession, credential: TotpCredential) -> None:
    db.add(credential)
    await db.flush()


async def delete_totp(db: AsyncSession, user_id: int) -> None:
    await db.execute(delete(TotpCredential).where(TotpCredential.user_id == user_id))
    await db.execute(delete(BackupCode).where(BackupCode.user_id == user_id))


async def claim_totp_step(db: AsyncSession, user_id: int, step: int) -> bool:
    """Records `step` as used; False when it (or a later one) was used already: a replay."""
    result = await db.execute(
        update(TotpCredential)
        .where(
            TotpCredential.user_id == user_id,
            (TotpCredential.last_used_step.is_(None)) | (TotpCredential.last_used_step < step),
        )
        .values(last_used_step=step)
        .execution_options(synchronize_session=False)
    )
    return _changed(result) == 1


async def replace_backup_codes(
    db: AsyncSession, user_id: int, code_hashes: Sequence[str], now: datetime
) -> None:
    await db.execute(delete(BackupCode).where(BackupCode.user_id == user_id))
    db.add_all(
        BackupCode(user_id=user_id, code_hash=code_hash, created_at=now)
        for code_hash in code_hashes
    )
    await db.flush()


async def claim_backup_code(db: AsyncSession, user_id: int, code_hash: str, now: datetime) -> bool:
    result = await db.execute(
        update(BackupCode)
        .where(
            BackupCode.user_id == user_id,
            BackupCode.code_hash == code_hash,
            BackupCode.used_at.is_(None),
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return _changed(result) == 1


async def count_unused_backup_codes(db: AsyncSession, user_id: int) -> int:
    count = await db.scalar(
        select(func.count())
        .select_from(BackupCode)
        .where(BackupCode.user_id == user_id, BackupCode.used_at.is_(None))
    )
    return int(count or 0)


# Watchlist


async def watchlist_symbols(db: AsyncSession, user_id: int) -> list[str]:
    result = await db.scalars(
        select(WatchlistItem.symbol)
        .where(WatchlistItem.user_id == user_id)
        .order_by(WatchlistItem.position, WatchlistItem.id)
    )
    return list(result.all())


async def replace_watchlist(
    db: AsyncSession, user_id: int, symbols: Sequence[str], now: datetime
) -> None:
    await db.execute(delete(WatchlistItem).where(WatchlistItem.user_id == user_id))
    db.add_all(
        WatchlistItem(user_id=user_id, symbol=symbol, position=position, created_at=now)
        for position, symbol in enumerate(symbols)
    )
    await db.flush()


# Batch reads for fan-outs (notifications): users in id order, their watchlists at once.


async def users_page(db: AsyncSession, after_id: int, limit: int) -> list[User]:
    result = await db.scalars(select(User).where(User.id > after_id).order_by(User.id).limit(limit))
    return list(result.all())


async def users_by_ids(db: AsyncSession, user_ids: Sequence[int]) -> list[User]:
    if not user_ids:
        return []
    result = await db.scalars(select(User).where(User.id.in_(user_ids)).order_by(User.id))
    return list(result.all())


async def watchlists_of(db: AsyncSession, user_ids: Sequence[int]) -> dict[int, list[str]]:
    if not user_ids:
        return {}
    rows = await db.execute(
        select(WatchlistItem.user_id, WatchlistItem.symbol)
        .where(WatchlistItem.user_id.in_(user_ids))
        .order_by(WatchlistItem.user_id, WatchlistItem.position, WatchlistItem.id)
    )
    found: dict[int, list[str]] = {}
    for user_id, symbol in rows:
        found.setdefault(int(user_id), []).append(symbol)
    return found


async def set_ntfy_topic(db: AsyncSession, user_id: int, topic: str) -> None:
    await db.execute(
        update(User)
        .where(User.id == user_id)
        .values(ntfy_topic=topic)
        .execution_options(synchronize_session=False)
    )
