"""Users with an optional subscription, written straight through the ORM (they never sign
in): the seeds of the admin statistics and the business gauges."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth.models import User
from cryptolens.billing.models import Subscription
from cryptolens.db import unit_of_work
from tests.notifications.factories import topic_for

Factory = async_sessionmaker[AsyncSession]


async def add_account(
    factory: Factory,
    now: datetime,
    *,
    active: bool = True,
    verified: bool = True,
    admin: bool = False,
    plan: str | None = None,
    status: str = "active",
    expires_at: datetime | None = None,
) -> int:
    """A user (never signing in) with an optional subscription, straight through the ORM."""
    async with unit_of_work(factory) as db:
        user = User(
            email=f"s-{secrets.token_hex(5)}@example.com",
            password_hash="x",
            ntfy_topic=topic_for(secrets.randbelow(10**6)),
            is_admin=admin,
            is_active=active,
            is_verified=verified,
            created_at=now,
        )
        db.add(user)
        await db.flush()
        if plan is not None:
            db.add(
                Subscription(
                    user_id=user.id,
                    plan=plan,
                    status=status,
                    started_at=now - timedelta(days=40),
                    expires_at=expires_at,
                    grace_days=3,
                    updated_at=now,
                )
            )
        return user.id
