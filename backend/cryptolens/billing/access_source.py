"""The subscriptions domain's answer to the identity layer: a user's tier now."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.billing.service import effective_tier


class SubscriptionTierSource:
    """access.ports.TierSource: the tier derived from the subscription on every read."""

    async def tier_of(self, db: AsyncSession, user_id: int, is_admin: bool, now: datetime) -> Tier:
        return await effective_tier(db, user_id, is_admin, now)
