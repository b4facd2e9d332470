"""Every query of the billing tables."""

from __future__ import annotations

from datetime import datetime

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


async def subscriptions_of(db: AsyncSession, user_ids: list[int]) -> dict[int, Subscription]:
    """Batch read for fan-outs: the subscriptions of these users, by user id."""
    if not user_ids:
        return {}
    rows = await db.scalars(select(Subscription).where(Subscription.user_id.in_(user_ids)))
    return {row.user_id: row for row in rows}


async def subscriptions_ending_between(
    db: AsyncSession, start: datetime, end: datetime
) -> list[Subscription]:
    """Active or cancelled (still running) subscriptions whose paid time ends in (start, end]."""
    rows = await db.scalars(
        select(Subscription)
        .where(
            Subscription.status.in_(("active", "cancelled")),
            Subscription.expires_at > start,
            Subscription.expires_at <= end,
        )
        .order_by(Subscription.expires_at)
    )
    return list(rows)
