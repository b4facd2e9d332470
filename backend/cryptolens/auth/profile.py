"""The signed-in user's own view: account, tier, limits, subscription, two-factor state."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import two_factor
from cryptolens.auth.models import User
from cryptolens.billing import service as billing_service
from cryptolens.billing.access import UserAccess
from cryptolens.billing.models import Subscription


@dataclass(frozen=True)
class Profile:
    user: User
    access: UserAccess
    subscription: Subscription | None
    two_factor_enabled: bool
    backup_codes_left: int


async def load_profile(db: AsyncSession, user: User, access: UserAccess) -> Profile:
    enabled = await two_factor.is_enabled(db, user.id)
    return Profile(
        user=user,
        access=access,
        subscription=await billing_service.current_subscription(db, user.id),
        two_factor_enabled=enabled,
        backup_codes_left=await two_factor.unused_backup_codes(db, user.id) if enabled else 0,
    )


def apply_profile_changes(
    user: User, *, display_name: str | None, timezone: str | None, fields: set[str]
) -> None:
    """Changes only the fields the client sent; an empty display name clears it."""
    if "display_name" in fields:
        user.display_name = display_name.strip() if display_name and display_name.strip() else None
    if "timezone" in fields and timezone:
        user.timezone = timezone
