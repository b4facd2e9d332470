"""Every query of the billing tables."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.billing.models import Subscription


async def get_subscription(db: AsyncSession, user_id: int) -> Subscription | None:
    found: Subscription | None = await db.scalar(
        select(Subscription).where(Subscription.user_id == user_id)
    )
    return found


async def save_subscription(db: AsyncSession, subscription: Subscription) -> Subscription:
    db.add(subscription)
    await db.flush()
    return subscription
