"""Tier dependencies for every domain's routes.

access: CurrentAccess                       # the signed-in user's tier and limits
access: Annotated[UserAccess, Depends(require_tier("pro"))]   # 403 "Requires pro tier"
access: ProAccess / PremiumAccess           # the same, ready-made
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends

from cryptolens.auth import service as auth_service
from cryptolens.auth.deps import CurrentUser
from cryptolens.billing import service as billing_service
from cryptolens.billing.access import UserAccess
from cryptolens.billing.tiers import Tier
from cryptolens.core.deps import ClockDep, SessionDep


async def _current_access(user: CurrentUser, db: SessionDep, clock: ClockDep) -> UserAccess:
    tier = await billing_service.effective_tier(db, user.id, user.is_admin, clock.now())
    # Only a pro user's symbols depend on the watchlist; skip the query for the others.
    watchlist: tuple[str, ...] = ()
    if tier == Tier.PRO:
        watchlist = tuple(await auth_service.watchlist_symbols(db, user.id))
    return UserAccess(user_id=user.id, tier=tier, is_admin=user.is_admin, watchlist=watchlist)


CurrentAccess = Annotated[UserAccess, Depends(_current_access)]


def require_tier(tier: Tier | str) -> Callable[[UserAccess], Awaitable[UserAccess]]:
    """A dependency admitting users of `tier` or above (admins always)."""
    needed = Tier(tier)

    async def tier_at_least(access: CurrentAccess) -> UserAccess:
        access.require_tier(needed)
        return access

    return tier_at_least


ProAccess = Annotated[UserAccess, Depends(require_tier(Tier.PRO))]
PremiumAccess = Annotated[UserAccess, Depends(require_tier(Tier.PREMIUM))]
