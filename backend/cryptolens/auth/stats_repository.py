"""Counting queries over the users table, for the admin stats and the metrics."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Subquery, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth.models import User


@dataclass(frozen=True)
class UserGroupCount:
    """How many users share these flags and this paid tier (None: no paid tier)."""

    is_admin: bool
    paid_tier: str | None
    is_active: bool
    is_verified: bool
    count: int


async def count_users_by_tier(db: AsyncSession, paid_tiers: Subquery) -> list[UserGroupCount]:
    """One grouped COUNT of every user by (is_admin, paid tier, is_active, is_verified).

    `paid_tiers` has the columns `user_id` and `tier`, one row per user with a paid tier: the
    subscriptions domain's answer, joined here without this domain knowing its tables."""
    tier = paid_tiers.c.tier
    statement = (
        select(User.is_admin, tier, User.is_active, User.is_verified, func.count())
        .select_from(User)
        .outerjoin(paid_tiers, paid_tiers.c.user_id == User.id)
        .group_by(User.is_admin, tier, User.is_active, User.is_verified)
    )
    rows = (await db.execute(statement)).all()
    return [
        UserGroupCount(
            is_admin=bool(row[0]),
            paid_tier=None if row[1] is None else str(row[1]),
            is_active=bool(row[2]),
            is_verified=bool(row[3]),
            count=int(row[4]),
        )
        for row in rows
    ]


async def count_active_verified(db: AsyncSession) -> int:
    statement = (
        select(func.count())
        .select_from(User)
        .where(User.is_active.is_(true()), User.is_verified.is_(true()))
    )
    return int(await db.scalar(statement) or 0)
