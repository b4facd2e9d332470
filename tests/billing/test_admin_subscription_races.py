"""An admin action racing another one on the same user's subscription: a second first
subscription is never a 500 but a re-run of the request (core/conflicts.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.access.tiers import Tier
from cryptolens.billing import admin_repository
from cryptolens.billing.admin import service as billing_admin
from cryptolens.billing.models import Subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.db import TransactionConflictError, unit_of_work
from tests.admin.user_factories import add_account


async def test_a_second_first_subscription_asks_for_a_rerun(
    app: FastAPI, session_factory: async_sessionmaker[AsyncSession], clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    async with unit_of_work(session_factory) as db:
        await billing_admin.grant(db, user.id, Tier.PRO, now, days=10, grace_days=3)

    # What the slower of two requests does after both found no subscription.
    with pytest.raises(TransactionConflictError):
        async with unit_of_work(session_factory) as db:
            late = Subscription(
                user_id=user.id, plan="pro", status="active", started_at=now, grace_days=3
            )
            await admin_repository.add_subscription(db, late)

    # Run again, the request finds the first one and adds its days to it.
    async with unit_of_work(session_factory) as db:
        change = await billing_admin.grant(db, user.id, Tier.PRO, now, days=10, grace_days=3)
    assert change.before is not None
    assert change.subscription.expires_at == now + timedelta(days=20)
