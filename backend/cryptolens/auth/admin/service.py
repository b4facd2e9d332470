"""The accounts rules of the admin API (admin.md, Users): listing and reading accounts,
creating one, changing its flags, unlocking it and ending its sessions.

The admin routes and the `cryptolens users` commands compose them with the subscriptions
domain (billing), which accounts never import. An admin cannot clear their own is_active or
is_admin (so an active admin always remains), and a deactivation or a change of is_admin
signs the user out everywhere."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import lockout, repository, sessions
from cryptolens.auth.accounts import create_user
from cryptolens.auth.admin import repository as admin_repository
from cryptolens.auth.admin.repository import TierMembership as TierMembership
from cryptolens.auth.admin.repository import UserFilters as UserFilters
from cryptolens.auth.login import normalize_email
from cryptolens.auth.mail_jobs import queue_verification
from cryptolens.auth.models import User as User  # the rows it hands out
from cryptolens.auth.models import UserSession
from cryptolens.core.errors import ConflictError, NotFoundError
from cryptolens.core.paging import Page, PageRequest
from cryptolens.core.params import is_ascii_digits
from cryptolens.core.security import PasswordHasher
from cryptolens.job_context import JobQueue

log = logging.getLogger("cryptolens.auth")

# The flags an admin may change (PATCH /admin/users/{id}); nothing else of an account.
ADMIN_FLAGS = ("is_active", "is_verified", "is_admin")
# The account fields an admin write reports in the audit log (never a hash or a topic).
_AUDITED_FIELDS = ("email", "display_name", "is_active", "is_verified", "is_admin")


class SelfProtectedError(ConflictError):
    code = "self_protected"

    def __init__(self) -> None:
        super().__init__("You cannot deactivate yourself or give up your own admin rights")


class UserNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("User not found")


def account_fields(user: User) -> dict[str, Any]:
    """The audited view of an account (before/after of an admin write)."""
    return {name: getattr(user, name) for name in _AUDITED_FIELDS}


def lockout_fields(user: User) -> dict[str, Any]:
    return {"locked_until": user.locked_until, "failed_login_count": user.failed_login_count}


def is_locked(user: User, now: datetime) -> bool:
    return lockout.minutes_locked(user, now) is not None


async def list_users(db: AsyncSession, filters: UserFilters, request: PageRequest) -> Page[User]:
    """Newest accounts first, filtered (UserFilters)."""
    return await admin_repository.users_page(db, filters, request)


async def require_user(db: AsyncSession, user_id: int) -> User:
    user = await repository.get_user(db, user_id)
    if user is None:
        raise UserNotFoundError()
    return user


async def find_user(db: AsyncSession, reference: str) -> User | None:
    """An account by id (digits) or email, as the CLI names it."""
    reference = reference.strip()
    if is_ascii_digits(reference):
        return await repository.get_user(db, int(reference))
    return await repository.get_user_by_email(db, normalize_email(reference))


async def open_sessions(db: AsyncSession, user_id: int, now: datetime) -> Sequence[UserSession]:
    """The user's unexpired sessions, most recently seen first."""
    return await sessions.list_sessions(db, user_id, now)


async def create_account(
    db: AsyncSession,
    hasher: PasswordHasher,
    now: datetime,
    *,
    email: str,
    password: str,
    display_name: str | None,
    is_verified: bool,
    is_admin: bool,
) -> User:
    """An account made by an admin: the password policy applies, the email must be free
    (409 `email_taken`). An unverified account needs its verification mail queued after the
    commit (`queue_verification_mail`)."""
    name = display_name.strip() if display_name and display_name.strip() else None
    user = await create_user(
        db,
        hasher,
        now,
        email=email,
        password=password,
        display_name=name,
        is_admin=is_admin,
        is_verified=is_verified,
    )
    log.info("auth.admin_created_user", extra={"user_id": user.id, "is_admin": is_admin})
    return user


async def queue_verification_mail(queue: JobQueue, email: str) -> None:
    """Queues the `send_account_mail` job (verification) for an account an admin created: run
    after the response, so after the commit that made the account visible to the job. A queue
    that is down costs the mail only (the user can ask again), never the created account."""
    try:
        await queue_verification(queue, email)
    except Exception as exc:  # already logged by the queue helper; never an error page
        log.warning("auth.admin_verification_not_queued", extra={"error": repr(exc)[:200]})


@dataclass(frozen=True)
class FlagChange:
    user: User
    before: dict[str, Any]
    after: dict[str, Any]
    sessions_ended: int


async def change_flags(
    db: AsyncSession, actor_id: int, user_id: int, wanted: dict[str, bool]
) -> FlagChange:
    """Sets is_active / is_verified / is_admin as `wanted` holds them. 409 `self_protected`
    when the admin would clear their own is_active or is_admin; a deactivation or a change of
    is_admin ends every session of the user."""
    unknown = set(wanted) - set(ADMIN_FLAGS)
    if unknown:
        raise ValueError(f"not an admin flag: {sorted(unknown)}")
    user = await require_user(db, user_id)
    if user.id == actor_id and (
        wanted.get("is_active") is False or wanted.get("is_admin") is False
    ):
        raise SelfProtectedError()
    before = {name: getattr(user, name) for name in wanted}
    for name, value in wanted.items():
        setattr(user, name, value)
    after = {name: getattr(user, name) for name in wanted}
    deactivated = before.get("is_active") is True and after.get("is_active") is False
    rights_changed = before.get("is_admin", user.is_admin) != after.get("is_admin", user.is_admin)
    ended = 0
    if deactivated or rights_changed:
        await db.flush()
        ended = await sessions.end_all_sessions(db, user.id)
    log.info(
        "auth.admin_changed_flags",
        extra={"user_id": user.id, "changed": sorted(k for k in wanted if before[k] != after[k])},
    )
    return FlagChange(user=user, before=before, after=after, sessions_ended=ended)


async def unlock_user(db: AsyncSession, user_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """Clears the lock and the failure count; returns the fields before and after."""
    user = await require_user(db, user_id)
    before = lockout_fields(user)
    await lockout.unlock(db, user.id)
    await db.refresh(user, ["locked_until", "failed_login_count"])
    return before, lockout_fields(user)


async def end_user_sessions(
    db: AsyncSession, user_id: int, keep_session_id: int | None = None
) -> int:
    """Ends the user's sessions (all but `keep_session_id`: an admin's own current one)."""
    user = await require_user(db, user_id)
    if keep_session_id is not None:
        return await sessions.end_other_sessions(db, user.id, keep_session_id)
    return await sessions.end_all_sessions(db, user.id)
