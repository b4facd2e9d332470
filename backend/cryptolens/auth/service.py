"""What other domains may call in the accounts domain (admin, jobs, notifications...)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import lockout, repository, sessions, two_factor
from cryptolens.auth.accounts import create_user
from cryptolens.auth.login import normalize_email
from cryptolens.auth.models import TotpCredential
from cryptolens.auth.models import User as User  # the rows it hands out, named for others
from cryptolens.auth.passwords import check_password, password_problem
from cryptolens.auth.profile import apply_profile_changes
from cryptolens.auth.toolkit import create_mail_sender as create_mail_sender
from cryptolens.auth.toolkit import shared_mail_sender as shared_mail_sender
from cryptolens.auth.watchlist import watchlist_symbols
from cryptolens.core.security import PasswordHasher

log = logging.getLogger("cryptolens.auth")

# Fernet ciphertexts (SecretBox): re-encrypted with the newest key by `cryptolens
# rotate-encryption` (system/key_rotation.py).
ENCRYPTED_COLUMNS = (TotpCredential.secret_encrypted,)

__all__ = [
    "ENCRYPTED_COLUMNS",
    "AdminOutcome",
    "count_users",
    "create_mail_sender",
    "create_or_promote_admin",
    "create_user",
    "end_all_sessions",
    "existing_emails",
    "get_user",
    "password_problem",
    "purge_expired",
    "set_password",
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
    theme: str | None = None,
    fields: set[str],
) -> User | None:
    """Changes the profile fields the client sent; None when the account is gone."""
    user = await repository.get_user(db, user_id)
    if user is not None:
        apply_profile_changes(
            user, display_name=display_name, timezone=timezone, theme=theme, fields=fields
        )
    return user


async def two_factor_state(db: AsyncSession, user_id: int) -> tuple[bool, int]:
    """Whether two-factor sign-in is on, and how many backup codes are left unused."""
    enabled = await two_factor.is_enabled(db, user_id)
    return enabled, await two_factor.unused_backup_codes(db, user_id) if enabled else 0


async def count_users(db: AsyncSession) -> int:
    return await repository.count_users(db)


async def existing_emails(db: AsyncSession, emails: Sequence[str]) -> list[str]:
    """Those of `emails` that belong to an account, in the order given."""
    return [email for email in emails if await repository.email_taken(db, email)]


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


# What `create-admin` did: created the account, promoted it (asked with --promote), only
# changed an admin's password, or nothing (an account that is no admin, not asked to promote).
AdminOutcome = Literal["created", "promoted", "password_changed", "refused"]


async def create_or_promote_admin(
    db: AsyncSession,
    hasher: PasswordHasher,
    email: str,
    password: str,
    now: datetime,
    *,
    promote: bool = False,
) -> AdminOutcome:
    """`cryptolens create-admin`: a new verified admin; for an existing admin a new password;
    an existing account that is no admin is promoted only when `promote` says so. A changed
    password ends the account's sessions and lifts its lock."""
    address = normalize_email(email)
    check_password(password, address)
    existing = await repository.get_user_by_email(db, address)
    if existing is None:
        user = await create_user(
            db, hasher, now, email=address, password=password, is_admin=True, is_verified=True
        )
        log.info("auth.admin_created", extra={"user_id": user.id})
        return "created"
    if not existing.is_admin and not promote:
        return "refused"
    outcome: AdminOutcome = "password_changed" if existing.is_admin else "promoted"
    existing.is_admin = True
    existing.is_verified = True
    existing.is_active = True
    await _replace_password(db, hasher, existing, password, now)
    event = "auth.admin_promoted" if outcome == "promoted" else "auth.admin_password_changed"
    log.info(event, extra={"user_id": existing.id})
    return outcome


async def set_password(
    db: AsyncSession, hasher: PasswordHasher, email: str, password: str, now: datetime
) -> bool:
    """A new password for an existing account, its rights untouched (the demo accounts'
    reset); its sessions end. False when no account has this email."""
    address = normalize_email(email)
    check_password(password, address)
    user = await repository.get_user_by_email(db, address)
    if user is None:
        return False
    await _replace_password(db, hasher, user, password, now)
    log.info("auth.password_set_by_operator", extra={"user_id": user.id})
    return True


async def _replace_password(
    db: AsyncSession, hasher: PasswordHasher, user: User, password: str, now: datetime
) -> None:
    user.password_hash = await hasher.hash(password)
    user.password_changed_at = now
    await sessions.end_all_sessions(db, user.id)
    await lockout.unlock(db, user.id)


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
