"""Account lockout: consecutive failed sign-ins (passwords and codes) lock the account for a
while; a success resets the count; an admin can unlock early. Unknown emails record nothing."""

from __future__ import annotations

import logging
import math
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import repository
from cryptolens.auth.models import User
from cryptolens.settings import SecuritySettings

log = logging.getLogger("cryptolens.auth")


def minutes_locked(user: User, now: datetime) -> int | None:
    """Whole minutes (rounded up) until the lock ends, or None when not locked."""
    if user.locked_until is None or user.locked_until <= now:
        return None
    return max(1, math.ceil((user.locked_until - now).total_seconds() / 60))


async def record_failure(
    db: AsyncSession, security: SecuritySettings, user_id: int, now: datetime
) -> None:
    failures = await repository.count_failed_login(db, user_id)
    if failures >= security.lockout_threshold:
        await repository.lock_user(db, user_id, now + timedelta(minutes=security.lockout_minutes))
        log.warning(
            "auth.account_locked", extra={"user_id": user_id, "minutes": security.lockout_minutes}
        )


async def record_success(db: AsyncSession, user: User) -> None:
    if user.failed_login_count or user.locked_until is not None:
        await repository.clear_lockout(db, user.id)


async def unlock(db: AsyncSession, user_id: int) -> None:
    """The admin's early unlock."""
    await repository.clear_lockout(db, user_id)
    log.info("auth.account_unlocked", extra={"user_id": user_id})
