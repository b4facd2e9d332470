"""Read-only answers of the accounts domain for other domains (the admin stats, the
metrics): counts of users; and the user's row as a lock for one user's limits."""

from __future__ import annotations

from sqlalchemy import Subquery, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import stats_repository
from cryptolens.auth.models import User
from cryptolens.auth.stats_repository import UserGroupCount as UserGroupCount


async def user_counts(db: AsyncSession, paid_tiers: Subquery) -> list[UserGroupCount]:
    """Every user counted by (is_admin, paid tier, is_active, is_verified); `paid_tiers` is a
    subquery of `(user_id, tier)` for users with a paid tier (billing.reads.conferred_tiers)."""
    return await stats_repository.count_users_by_tier(db, paid_tiers)


async def active_verified_users(db: AsyncSession) -> int:
    """Users who are active and have verified their email."""
    return await stats_repository.count_active_verified(db)


async def hold_user_row(db: AsyncSession, user_id: int) -> None:
    """Lock the user's row until this unit of work ends (SELECT ... FOR UPDATE; on SQLite the
    database's write lock): another domain's check-then-insert of one user's limit (trades a
    day, tags) runs one request at a time, so two at once cannot both pass the last slot."""
    await db.execute(select(User.id).where(User.id == user_id).with_for_update())
