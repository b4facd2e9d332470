"""What other domains may call in the accounts domain (admin, jobs, notifications...)."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import lockout, repository, sessions, two_factor
from cryptolens.auth.accounts import create_user
from cryptolens.auth.login import normalize_email
from cryptolens.auth.models import User as User  # the rows it hands out, named for others
from cryptolens.auth.passwords import check_password, password_problem
from cryptolens.auth.profile import apply_profile_changes
from cryptolens.auth.toolkit import create_mail_sender as create_mail_sender
from cryptolens.auth.toolkit import shared_mail_sender as shared_mail_sender
from cryptolens.auth.watchlist import watchlist_symbols
from cryptolens.core.security import PasswordHasher

log = logging.getLogger("cryptolens.auth")

__all__ = [
    "count_users",
    "create_mail_sender",
    "create_or_promote_admin",
    "create_user",
    "end_all_sessions",
    "get_user",
    "password_problem",
    "purge_expired",
    "shared_mail_sender",
    "two_factor_state",
    "unlock_account",
    "update_profile",
    "watchlist_symbols",
]


async def get_user(db: AsyncSession, user_id: int) -> User | None:
    return await repository.get_user(db, user_id)


async def update_profile(
    db: AsyncSession,
    user_id: int,
    *,
    display_name: str | None,
    timezone: str | None,
    fields: set[str],
) -> User | None:
    """Changes the profile fields the client sent; None when the account is gone."""
    user = await repository.get_user(db, user_id)
    if user is not None:
        apply_profile_changes(user, display_name=display_name, timezone=timezone, fields=fields)
    return user


async def two_factor_state(db: AsyncSession, user_id: int) -> tuple[bool, int]:
    """Whether two-factor sign-in is on, and how many backup codes are left unused."""
    enabled = await two_factor.is_enabled(db, user_id)
    return enabled, await two_factor.unused_backup_codes(db, user_id) if enabled else 0


async def count_users(db: AsyncSession) -> int:
    return await repository.count_users(db)


async def unlock_account(db: AsyncSession, user_id: int) -> None:
    await lockout.unlock(db, user_id)


async def end_all_sessions(db: AsyncSession, user_id: int) -> int:
    """Signs a user out everywhere (after an admin changes their rights or deactivates them)."""
    return await sessions.end_all_sessions(db, user_id)


async def purge_expired(db: AsyncSession, now: datetime) -> tuple[int, int]:
    """Maintenance: deletes expired sessions and spent or expired one-time tokens."""
    ended = await sessions.purge_expired_sessions(db, now)
    tokens = await repository.delete_stale_tokens(db, now)
    return ended, tokens


async def create_or_promote_admin(
    db: AsyncSession, hasher: PasswordHasher, email: str, password: str, now: datetime
) -> tuple[User, bool]:
    """`cryptolens create-admin`: a new verified admin, or an existing account promoted and
    given this password (its sessions end). Returns the user and whether it was created."""
    address = normalize_email(email)
    check_password(password, address)
    existing = await repository.get_user_by_email(db, address)
    if existing is None:
        user = await create_user(
            db, hasher, now, email=address, password=password, is_admin=True, is_verified=True
        )
        log.info("auth.admin_created", extra={"user_id": user.id})
        return user, True
    existing.is_admin = True
    existing.is_verified = True
    existing.is_active = True
    existing.password_hash = await hasher.hash(password)
    existing.password_changed_at = now
    await sessions.end_all_sessions(db, existing.id)
    await lockout.unlock(db, existing.id)
    log.info("auth.admin_promoted", extra={"user_id": existing.id})
    return existing, False


# For notifications: batch reads of a fan-out and the user's NTFY topic.


async def users_after(db: AsyncSession, after_id: int, limit: int) -> list[User]:
    """Up to `limit` users with an id above `after_id`, in id order (keyset batches)."""
    return await repository.users_page(db, after_id, limit)


async def users_by_ids(db: AsyncSession, user_ids: list[int]) -> list[User]:
    return await repository.users_by_ids(db, user_ids)


async def watchlists_of(db: AsyncSession, user_ids: list[int]) -> dict[int, list[str]]:
    """Each listed user's watchlist in its order; users without one are absent."""
    return await repository.watchlists_of(db, user_ids)


async def regenerate_ntfy_topic(db: AsyncSession, user: User) -> str:
    """A fresh secret topic (the old one stops receiving pushes)."""
    from cryptolens.auth.accounts import new_ntfy_topic

    topic = await new_ntfy_topic(db)
    await repository.set_ntfy_topic(db, user.id, topic)
    user.ntfy_topic = topic
    return topic
