"""Read-only answers of the accounts domain for other domains (the admin stats, the
metrics): counts of users."""

from __future__ import annotations

from sqlalchemy import Subquery
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import stats_repository
from cryptolens.auth.stats_repository import UserGroupCount as UserGroupCount


async def user_counts(db: AsyncSession, paid_tiers: Subquery) -> list[UserGroupCount]:
    """Every user counted by (is_admin, paid tier, is_active, is_verified); `paid_tiers` is a
    subquery of `(user_id, tier)` for users with a paid tier (billing.reads.conferred_tiers)."""
    return await stats_repository.count_users_by_tier(db, paid_tiers)


async def active_verified_users(db: AsyncSession) -> int:
    """Users who are active and have verified their email."""
    return await stats_repository.count_active_verified(db)
