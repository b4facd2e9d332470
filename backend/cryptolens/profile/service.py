"""Builds the profile from the account (auth), the principal's tier (access) and the
subscription (billing)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.errors import NotSignedInError
from cryptolens.access.principal import Principal
from cryptolens.access.schemas import LimitsOut
from cryptolens.auth import service as auth_service
from cryptolens.auth.schemas import UserOut
from cryptolens.billing import service as billing_service
from cryptolens.billing.schemas import SubscriptionOut
from cryptolens.profile.schemas import MeOut


async def load_profile(db: AsyncSession, principal: Principal) -> MeOut:
    user = await auth_service.get_user(db, principal.user.id)
    return await _profile(db, principal, None if user is None else UserOut.model_validate(user))


async def update_profile(
    db: AsyncSession,
    principal: Principal,
    *,
    display_name: str | None,
    timezone: str | None,
    theme: str | None = None,
    fields: set[str],
) -> MeOut:
    user = await auth_service.update_profile(
        db,
        principal.user.id,
        display_name=display_name,
        timezone=timezone,
        theme=theme,
        fields=fields,
    )
    return await _profile(db, principal, None if user is None else UserOut.model_validate(user))


async def _profile(db: AsyncSession, principal: Principal, account: UserOut | None) -> MeOut:
    if account is None:  # deleted since the credential was checked
        raise NotSignedInError()
    access = principal.access
    two_factor_enabled, backup_codes_left = await auth_service.two_factor_state(db, account.id)
    subscription = await billing_service.current_subscription(db, account.id)
    return MeOut(
        **account.model_dump(),
        tier=access.tier,
        limits=LimitsOut.of(access.limits),
        subscription=SubscriptionOut.model_validate(subscription) if subscription else None,
        two_factor_enabled=two_factor_enabled,
        backup_codes_left=backup_codes_left,
    )
