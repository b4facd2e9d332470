"""The admin's view of users, composed from the accounts (auth), subscriptions (billing) and
notifications domains, which never import each other here: the routes of /admin/users and
/admin/subscriptions and the `cryptolens users` commands all call these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.admin.payments.schemas import AdminPaymentOut
from cryptolens.admin.subscriptions.schemas import AdminSubscriptionOut
from cryptolens.admin.subscriptions.service import Granted
from cryptolens.admin.users.schemas import AdminSessionOut, AdminUserDetailOut, AdminUserOut
from cryptolens.auth import service as auth_service
from cryptolens.auth.admin import service as auth_admin
from cryptolens.billing import reads as billing_reads
from cryptolens.billing import service as billing_service
from cryptolens.billing.admin import service as billing_admin
from cryptolens.core.paging import Page, PageRequest
from cryptolens.notifications import service as notifications_service

LATEST_DELIVERIES = 10
LATEST_PAYMENTS = 10


@dataclass(frozen=True)
class UserQuery:
    """GET /admin/users's filters."""

    q: str | None = None
    is_active: bool | None = None
    is_verified: bool | None = None
    is_admin: bool | None = None
    locked: bool | None = None
    tier: Tier | None = None


def _user_out(user: auth_admin.User, tier: Tier, now: datetime) -> AdminUserOut:
    return AdminUserOut(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        is_active=user.is_active,
        is_verified=user.is_verified,
        is_admin=user.is_admin,
        tier=tier,
        locked=auth_admin.is_locked(user, now),
        locked_until=user.locked_until,
        failed_logins=user.failed_login_count,
        created_at=user.created_at,
        last_login_at=user.last_login_at,
    )


async def list_users(
    db: AsyncSession, query: UserQuery, cursor: str | None, limit: int, now: datetime
) -> Page[AdminUserOut]:
    """Newest accounts first; the tier filter asks billing which users a tier covers now."""
    membership = None
    if query.tier is not None:
        user_ids, member, admins = billing_admin.users_of_tier(query.tier, now)
        membership = auth_admin.TierMembership(user_ids=user_ids, member=member, admins=admins)
    filters = auth_admin.UserFilters(
        now=now,
        q=query.q,
        is_active=query.is_active,
        is_verified=query.is_verified,
        is_admin=query.is_admin,
        locked=query.locked,
        tier=membership,
    )
    request = PageRequest.from_cursor(cursor, key_size=1, limit=limit)
    page = await auth_admin.list_users(db, filters, request)
    tiers = await billing_service.effective_tiers(
        db, [(user.id, user.is_admin) for user in page.items], now
    )
    return page.map(lambda user: _user_out(user, tiers[user.id], now))


async def user_detail(db: AsyncSession, user_id: int, now: datetime) -> AdminUserDetailOut:
    user = await auth_admin.require_user(db, user_id)
    subscription = await billing_service.current_subscription(db, user.id)
    tier = await billing_service.effective_tier(db, user.id, user.is_admin, now)
    sessions = await auth_admin.open_sessions(db, user.id, now)
    two_factor, _codes_left = await auth_service.two_factor_state(db, user.id)
    deliveries = await notifications_service.delivery_history(db, user.id, None, LATEST_DELIVERIES)
    payments = await billing_reads.payments_of_user(db, user.id, LATEST_PAYMENTS)
    return AdminUserDetailOut(
        **_user_out(user, tier, now).model_dump(),
        timezone=user.timezone,
        two_factor=two_factor,
        subscription=None
        if subscription is None
        else AdminSubscriptionOut.of(subscription, now, user.email),
        sessions=[AdminSessionOut.model_validate(row) for row in sessions],
        deliveries=deliveries.items,
        payments=[AdminPaymentOut.model_validate(row) for row in payments],
    )


async def user_summary(db: AsyncSession, user: auth_admin.User, now: datetime) -> AdminUserOut:
    tier = await billing_service.effective_tier(db, user.id, user.is_admin, now)
    return _user_out(user, tier, now)


def created_fields(user: auth_admin.User, granted: Granted | None) -> dict[str, Any]:
    """The audit log's `after` of a created account (and the plan granted with it)."""
    fields = auth_admin.account_fields(user)
    if granted is not None:
        fields.update(
            plan=granted.out.plan_code,
            subscription_status=granted.out.status,
            expires_at=granted.out.expires_at,
        )
    return fields
