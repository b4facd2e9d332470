"""`/admin/subscriptions` and `/admin/users/{user_id}/subscription/{action}` (admin.md,
Subscriptions): one subscription per user; grant, cancel, suspend, reactivate."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.admin.deps import AuditDep
from cryptolens.admin.subscriptions import service
from cryptolens.admin.subscriptions.schemas import (
    AdminSubscriptionOut,
    GrantablePlan,
    GrantIn,
    SubscriptionStatus,
)
from cryptolens.auth.admin import service as auth_admin
from cryptolens.billing.admin import service as billing_admin
from cryptolens.core.deps import ClockDep, SessionDep, SettingsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import PageParams, ok_page
from cryptolens.core.params import MAX_INT64, STRICT_INT, EntityId

router = APIRouter(tags=["admin"])

_ERRORS = {404: "No user with this id (`not_found`)"}
_TRANSITION = "Not allowed from the subscription's state (`invalid_transition`)"


@router.get(
    "/subscriptions",
    operation_id="admin-subscriptions",
    summary="Subscriptions, newest first (expiring_within_days: soonest expiry first)",
    response_model=Envelope[list[AdminSubscriptionOut]],
)
async def list_subscriptions(
    db: SessionDep,
    clock: ClockDep,
    page: PageParams,
    status: SubscriptionStatus | None = None,
    plan: Annotated[GrantablePlan | None, Query(description="The plan's tier")] = None,
    user_id: Annotated[int | None, Query(ge=1, le=MAX_INT64), STRICT_INT] = None,
    in_grace: Annotated[
        bool | None, Query(description="Active, past expires_at, within the grace days")
    ] = None,
    lifetime: Annotated[bool | None, Query(description="Never expires")] = None,
    expiring_within_days: Annotated[
        int | None,
        Query(ge=1, le=365, description="Active and expiring within N days (soonest first)"),
        STRICT_INT,
    ] = None,
) -> Envelope[list[AdminSubscriptionOut]]:
    now = clock.now()
    filters = billing_admin.SubscriptionFilters(
        now=now,
        status=status,
        plan=None if plan is None else Tier(plan),
        user_id=user_id,
        in_grace=in_grace,
        lifetime=lifetime,
        expiring_within=None
        if expiring_within_days is None
        else timedelta(days=expiring_within_days),
    )
    found = await billing_admin.list_subscriptions(db, filters, page.cursor, page.limit)
    emails = await service.emails_of(db, [row.user_id for row in found.items])
    return ok_page(
        found.map(lambda row: AdminSubscriptionOut.of(row, now, emails.get(row.user_id)))
    )


async def _audited(
    db: AsyncSession,
    audit: AuditDep,
    user_id: int,
    verb: str,
    now: datetime,
    act: Callable[[auth_admin.User], Awaitable[billing_admin.SubscriptionChange]],
) -> AdminSubscriptionOut:
    user = await auth_admin.require_user(db, user_id)
    change = await act(user)
    await audit.record(
        f"subscription.{verb}",
        # One subscription per user: it is addressed by its user's id, as in the URL.
        target_type="subscription",
        target_id=user.id,
        before=change.before,
        after=change.after,
    )
    return AdminSubscriptionOut.of(change.subscription, now, user.email)


@router.post(
    "/users/{user_id}/subscription/grant",
    operation_id="admin-grant-subscription",
    summary="Grant a plan for days (added to the current end) or for life",
    response_model=Envelope[AdminSubscriptionOut],
    responses=error_responses(
        {**_ERRORS, 409: "Days on a lifetime subscription (`subscription_lifetime`)"}
    ),
)
async def grant(
    user_id: EntityId,
    body: GrantIn,
    db: SessionDep,
    clock: ClockDep,
    settings: SettingsDep,
    audit: AuditDep,
) -> Envelope[AdminSubscriptionOut]:
    now = clock.now()
    grace_days = settings.plans.subscription_grace_days

    async def act(user: auth_admin.User) -> billing_admin.SubscriptionChange:
        granted = await service.grant_plan(
            db, user, body.tier, now, days=body.days, grace_days=grace_days
        )
        return granted.change

    return ok(await _audited(db, audit, user_id, "grant", now, act))


@router.post(
    "/users/{user_id}/subscription/cancel",
    operation_id="admin-cancel-subscription",
    summary="Cancel an active subscription: access until expires_at (a lifetime one ends now)",
    response_model=Envelope[AdminSubscriptionOut],
    responses=error_responses({**_ERRORS, 409: _TRANSITION}),
)
async def cancel(
    user_id: EntityId, db: SessionDep, clock: ClockDep, audit: AuditDep
) -> Envelope[AdminSubscriptionOut]:
    now = clock.now()

    async def act(user: auth_admin.User) -> billing_admin.SubscriptionChange:
        return await billing_admin.cancel(db, user.id, now)

    return ok(await _audited(db, audit, user_id, "cancel", now, act))


@router.post(
    "/users/{user_id}/subscription/suspend",
    operation_id="admin-suspend-subscription",
    summary="Suspend an active or cancelled subscription: free at once",
    response_model=Envelope[AdminSubscriptionOut],
    responses=error_responses({**_ERRORS, 409: _TRANSITION}),
)
async def suspend(
    user_id: EntityId, db: SessionDep, clock: ClockDep, audit: AuditDep
) -> Envelope[AdminSubscriptionOut]:
    now = clock.now()

    async def act(user: auth_admin.User) -> billing_admin.SubscriptionChange:
        return await billing_admin.suspend(db, user.id, now)

    return ok(await _audited(db, audit, user_id, "suspend", now, act))


@router.post(
    "/users/{user_id}/subscription/reactivate",
    operation_id="admin-reactivate-subscription",
    summary="Reactivate a suspended or cancelled subscription within its grace days",
    response_model=Envelope[AdminSubscriptionOut],
    responses=error_responses(
        {
            **_ERRORS,
            409: f"{_TRANSITION}, or ended past its grace days (`subscription_expired`)",
        }
    ),
)
async def reactivate(
    user_id: EntityId, db: SessionDep, clock: ClockDep, audit: AuditDep
) -> Envelope[AdminSubscriptionOut]:
    now = clock.now()

    async def act(user: auth_admin.User) -> billing_admin.SubscriptionChange:
        return await billing_admin.reactivate(db, user.id, now)

    return ok(await _audited(db, audit, user_id, "reactivate", now, act))
