"""Tier dependencies for every domain's routes.

access: CurrentAccess                       # the signed-in user's tier and limits
access: Annotated[UserAccess, Depends(require_tier("pro"))]   # 403 "Requires pro tier"
access: ProAccess / PremiumAccess           # the same, ready-made
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth import service as auth_service
from cryptolens.auth.cookies import SESSION_COOKIE
from cryptolens.auth.deps import AuthToolkitDep, signed_in_by_cookie
from cryptolens.auth.errors import NotSignedInError
from cryptolens.auth.toolkit import AuthToolkit
from cryptolens.billing import service as billing_service
from cryptolens.billing.access import UserAccess
from cryptolens.billing.access_memo import AccessMemo
from cryptolens.billing.tiers import Tier
from cryptolens.core.clock import Clock
from cryptolens.core.csrf import csrf_tokens_of
from cryptolens.core.deps import ClockDep, SessionFactoryDep
from cryptolens.db import unit_of_work


@dataclass(frozen=True)
class _Resolved:
    access: UserAccess
    session_ends: datetime


async def _access_from_database(
    request: Request,
    response: Response,
    factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    tools: AuthToolkit,
) -> _Resolved | None:
    """The cookie's session, user and tier, in a unit of work of its own (it may extend the
    session), committed before the route's own work starts."""
    now = clock.now()
    async with unit_of_work(factory) as db:
        signed_in = await signed_in_by_cookie(request, response, db, clock, tools)
        if signed_in is None:
            return None
        user = signed_in.user
        tier = await billing_service.effective_tier(db, user.id, user.is_admin, now)
        # Only a pro user's symbols depend on the watchlist; skip the query for the others.
        watchlist: tuple[str, ...] = ()
        if tier == Tier.PRO:
            watchlist = tuple(await auth_service.watchlist_symbols(db, user.id))
    access = UserAccess(user_id=user.id, tier=tier, is_admin=user.is_admin, watchlist=watchlist)
    return _Resolved(access, signed_in.session.expires_at)


async def _current_access(
    request: Request,
    response: Response,
    factory: SessionFactoryDep,
    clock: ClockDep,
    tools: AuthToolkitDep,
) -> UserAccess:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        raise NotSignedInError()
    now = clock.now()
    memo: AccessMemo = request.app.state.access_memo
    access = memo.get(token, now) or memo.get_while_looked_up(token, now)
    if access is None:
        # Concurrent requests with one cookie: one lookup, the others take its answer.
        async with memo.lookup_lock(token):
            access = memo.get(token, now)
            if access is None:
                changes = memo.changes
                resolved = await _access_from_database(request, response, factory, clock, tools)
                if resolved is None:
                    raise NotSignedInError()
                memo.put(token, resolved.access, now, resolved.session_ends, changes)
                return resolved.access  # the CSRF check ran with the lookup
    csrf_tokens_of(request.app).check(request)
    return access


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
