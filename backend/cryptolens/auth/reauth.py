"""Re-checking the password of a signed-in user (password change, turning two-factor off).

Without care this is a password oracle for whoever holds a session (a stolen cookie, an
unlocked computer): so it follows the sign-in's rules. A wrong password counts toward the
account lockout, a locked account is refused whatever the password (the hasher's time is spent
all the same), and a right one resets the count. The routes add a rate limit per IP and per
user.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import lockout
from cryptolens.auth.errors import AccountLockedError, WrongPasswordError
from cryptolens.auth.models import User
from cryptolens.auth.toolkit import AuthToolkit

log = logging.getLogger("cryptolens.auth")


async def confirm_password(
    db: AsyncSession, tools: AuthToolkit, user: User, password: str, now: datetime
) -> None:
    """Returns when `password` is the user's; raises AccountLockedError or WrongPasswordError.

    Call it before the request's first write: a wrong password's failure is committed at once
    (the error that follows rolls the request back, the count must stay)."""
    minutes = lockout.minutes_locked(user, now)
    if minutes is not None:
        await tools.hasher.burn_time(password)
        log.info("auth.recheck_refused_locked", extra={"user_id": user.id})
        raise AccountLockedError(minutes)
    if not await tools.hasher.verify(user.password_hash, password):
        await lockout.record_failure(db, tools.security, user.id, now)
        await db.commit()
        log.info("auth.recheck_failed", extra={"user_id": user.id})
        raise WrongPasswordError()
    await lockout.record_success(db, user)
