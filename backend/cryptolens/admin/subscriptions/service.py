"""The admin's subscription actions composed with the accounts domain (the user's email):
called by the routes of /admin/users and /admin/subscriptions and by `cryptolens users`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.admin.subscriptions.schemas import AdminSubscriptionOut
from cryptolens.auth import service as auth_service
from cryptolens.auth.admin import service as auth_admin
from cryptolens.billing.admin import service as billing_admin


@dataclass(frozen=True)
class Granted:
    change: billing_admin.SubscriptionChange
    out: AdminSubscriptionOut


async def grant_plan(
    db: AsyncSession,
    user: auth_admin.User,
    tier: Tier,
    now: datetime,
    *,
    days: int | None,
    grace_days: int,
) -> Granted:
    change = await billing_admin.grant(db, user.id, tier, now, days=days, grace_days=grace_days)
    return Granted(change, AdminSubscriptionOut.of(change.subscription, now, user.email))


async def emails_of(db: AsyncSession, user_ids: list[int]) -> dict[int, str]:
    return {user.id: user.email for user in await auth_service.users_by_ids(db, user_ids)}
