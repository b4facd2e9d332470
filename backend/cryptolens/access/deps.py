"""Who is calling, as route dependencies. Every domain's routes take one of these and nothing
else about authentication, so a new credential (API keys) changes only this package.

    principal: CurrentPrincipal     # 401 without credentials; user, tier, scopes, method
    principal: OptionalPrincipal    # None when anonymous
    user: CurrentUser / OptionalUser
    user: VerifiedUser              # 403 until the email is verified
    user: AdminUser                 # 403 for non-admins
    access: CurrentAccess           # the tier's limits for this caller (UserAccess)
    access: Annotated[UserAccess, Depends(RequireTier("pro"))]   # 403 "Requires pro tier"
    access: ProAccess / PremiumAccess                            # the same, ready-made
    principal: Annotated[Principal, Depends(RequireScope("read:patterns"))]

Session-authenticated unsafe requests are CSRF-checked while the principal is resolved.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from cryptolens.access.credentials import resolve_principal
from cryptolens.access.errors import AdminRequiredError, EmailNotVerifiedError, NotSignedInError
from cryptolens.access.principal import Principal, PrincipalUser
from cryptolens.access.scopes import Scope
from cryptolens.access.tiers import Tier
from cryptolens.access.user_access import UserAccess


async def _optional_principal(request: Request, response: Response) -> Principal | None:
    return await resolve_principal(request, response)


OptionalPrincipal = Annotated[Principal | None, Depends(_optional_principal)]


async def _current_principal(request: Request, response: Response) -> Principal:
    # Straight to the resolver, not through OptionalPrincipal: each dependency level costs
    # on every signed-in read (the resolver answers once per request either way).
    principal = await resolve_principal(request, response)
    if principal is None:
        raise NotSignedInError()
    return principal


CurrentPrincipal = Annotated[Principal, Depends(_current_principal)]


async def _optional_user(principal: OptionalPrincipal) -> PrincipalUser | None:
    return None if principal is None else principal.user


async def _current_user(principal: CurrentPrincipal) -> PrincipalUser:
    return principal.user


OptionalUser = Annotated[PrincipalUser | None, Depends(_optional_user)]
CurrentUser = Annotated[PrincipalUser, Depends(_current_user)]


async def _verified_user(user: CurrentUser) -> PrincipalUser:
    if not user.is_verified:
        raise EmailNotVerifiedError()
    return user


async def _admin_user(user: CurrentUser) -> PrincipalUser:
    if not user.is_admin:
        raise AdminRequiredError()
    return user


VerifiedUser = Annotated[PrincipalUser, Depends(_verified_user)]
AdminUser = Annotated[PrincipalUser, Depends(_admin_user)]


async def _current_access(request: Request, response: Response) -> UserAccess:
    return (await _current_principal(request, response)).access


CurrentAccess = Annotated[UserAccess, Depends(_current_access)]


class RequireTier:
    """A dependency admitting callers of `tier` or above (admins always)."""

    def __init__(self, tier: Tier | str) -> None:
        self.tier = Tier(tier)

    async def __call__(self, access: CurrentAccess) -> UserAccess:
        access.require_tier(self.tier)
        return access


ProAccess = Annotated[UserAccess, Depends(RequireTier(Tier.PRO))]
PremiumAccess = Annotated[UserAccess, Depends(RequireTier(Tier.PREMIUM))]


class RequireScope:
    """A dependency admitting callers whose credential carries `scope` (a session carries
    every scope of its user; an API key those it was given)."""

    def __init__(self, scope: Scope) -> None:
        self.scope: Scope = scope

    async def __call__(self, principal: CurrentPrincipal) -> Principal:
        principal.require_scope(self.scope)
        return principal
