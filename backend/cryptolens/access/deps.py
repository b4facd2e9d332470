"""Who is calling, as route dependencies. Every domain's routes take one of these and nothing
else about authentication, so a new credential changes only this package.

Only RequireScope (and the ready-made *Access aliases built on it) accepts an API key; every
other dependency here needs the session (a key gets 403 `session_required`).

    principal: CurrentPrincipal     # 401 without credentials; user, tier, scopes, method
    principal: OptionalPrincipal    # None when anonymous
    user: CurrentUser / OptionalUser
    user: VerifiedUser              # 403 until the email is verified
    user: AdminUser                 # 403 for non-admins
    access: CurrentAccess           # the tier's limits for this caller (UserAccess)
    access: Annotated[UserAccess, Depends(RequireTier("pro"))]   # 403 "Requires pro tier"
    access: ProAccess / PremiumAccess                            # the same, ready-made
    principal: Annotated[Principal, Depends(RequireScope("read:patterns"))]
        # a session or a key with the scope, then the rate limits (a key's own, or the
        # session user's), plus RequireScope("write:scan", limit="1/minute") per user
    access: SignalsAccess           # the same for a read route, as the tier's UserAccess
    principal: AdminPrincipal       # the admin API's guard (admin/router.py): an admin's
        # session, or an admin's key on a route declaring RequireAdminScope("admin:scheduler")

Session-authenticated unsafe requests are CSRF-checked while the principal is resolved.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Annotated, NoReturn

from fastapi import Depends, Request, Response
from fastapi.dependencies.models import Dependant

from cryptolens.access.credentials import resolve_principal
from cryptolens.access.errors import (
    AdminRequiredError,
    EmailNotVerifiedError,
    NotSignedInError,
    SessionRequiredError,
)
from cryptolens.access.principal import KeyLimits, Principal, PrincipalUser
from cryptolens.access.resources import access_resources
from cryptolens.access.scopes import ADMIN_SCOPES, Scope
from cryptolens.access.tiers import Tier
from cryptolens.access.user_access import UserAccess
from cryptolens.core.errors import AppError
from cryptolens.core.ratelimit import Window, enforce, limiter_of, record_decision


async def _optional_principal(request: Request, response: Response) -> Principal | None:
    return await resolve_principal(request, response)


OptionalPrincipal = Annotated[Principal | None, Depends(_optional_principal)]


async def _current_principal(request: Request, response: Response) -> Principal:
    # Straight to the resolver, not through OptionalPrincipal: each dependency level costs
    # on every signed-in read (the resolver answers once per request either way).
    principal = await resolve_principal(request, response)
    if principal is None:
        raise NotSignedInError()
    if principal.method != "session":
        resources = access_resources(request.app)
        await resources.api_keys.record_refusal(principal.credential_id, resources.clock.now())
        raise SessionRequiredError()
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


async def _verified_premium_user(user: VerifiedUser, access: PremiumAccess) -> PrincipalUser:
    # Both checks through the aliases the authorization table reads (route_rules.py walks in).
    del access  # asked for its check only
    return user


# A verified user of the premium tier (admins count as premium): who owns API keys and webhooks.
VerifiedPremiumUser = Annotated[PrincipalUser, Depends(_verified_premium_user)]


class RequireScope:
    """A dependency admitting a session, or an API key carrying `scope`, within the rate
    limits: a key's own three (per minute, hour, day, counted per key), a session user's
    (`api_keys.session_limit`, per user), then the route's own `limit` if given (per user,
    whatever the credential). Checks in the spec's order: 401, (403 IP, in the resolver),
    403 `scope_required`, 429. A session carries every scope of its user."""

    def __init__(self, scope: Scope, limit: str | None = None) -> None:
        self.scope: Scope = scope
        self.limit = limit  # read by route_rules.py (the authorization table)
        self._route_window = (
            Window(f"route-{scope.replace(':', '-')}", limit) if limit is not None else None
        )

    async def __call__(self, request: Request, response: Response) -> Principal:
        principal = await resolve_principal(request, response)
        if principal is None:
            raise NotSignedInError()
        try:
            principal.require_scope(self.scope)
            await self._within_limits(request, principal)
        except AppError:
            if principal.method == "api_key":
                resources = access_resources(request.app)
                now = resources.clock.now()
                await resources.api_keys.record_refusal(principal.credential_id, now)
            raise
        return principal

    async def _within_limits(self, request: Request, principal: Principal) -> None:
        limiter = limiter_of(request.app)
        if principal.key_limits is not None:
            windows = _key_windows(principal.key_limits)
            caller = f"apikey:{principal.credential_id}"
        else:
            session_limit = access_resources(request.app).settings.api_keys.session_limit
            windows = _session_windows(session_limit)
            caller = f"user:{principal.user.id}"
        decision = await limiter.check(windows, caller)
        record_decision(request, decision)
        decision.raise_if_refused()
        if self._route_window is not None:
            decision = await limiter.check([self._route_window], f"user:{principal.user.id}")
            record_decision(request, decision)
            decision.raise_if_refused()


class RequireAdminScope(RequireScope):
    """Declared on an admin section's router (admin/jobs): besides an admin's session, an
    admin's API key carrying `scope` (an admin scope) may call its routes, within the key's own
    limits. The admin guard (admin_guard) lets such a key through to this check only; on every
    other admin route a key stays refused. An admin session passes without rate limits, as on
    the rest of the admin API."""

    def __init__(self, scope: Scope) -> None:
        if scope not in ADMIN_SCOPES:
            raise ValueError(f"{scope} is not an admin scope")
        super().__init__(scope)

    async def __call__(self, request: Request, response: Response) -> Principal:
        principal = await resolve_principal(request, response)
        if principal is not None and not principal.user.is_admin:
            # Also checked by the guard; repeated so the declaration is safe on its own.
            await _refuse(request, principal, AdminRequiredError())
        if principal is not None and principal.method == "session":
            return principal
        return await super().__call__(request, response)


async def _refuse(request: Request, principal: Principal, error: AppError) -> NoReturn:
    """Raise `error`, counted against the key first when a key made the request."""
    if principal.method == "api_key":
        resources = access_resources(request.app)
        await resources.api_keys.record_refusal(principal.credential_id, resources.clock.now())
    raise error


def declared_admin_scope(request: Request) -> Scope | None:
    """The admin scope the matched route declares (a RequireAdminScope among its
    dependencies, its own or its router's), if any."""
    dependant = getattr(request.scope.get("route"), "dependant", None)
    return _admin_scope_in(dependant) if isinstance(dependant, Dependant) else None


def _admin_scope_in(dependant: Dependant) -> Scope | None:
    for sub in dependant.dependencies:
        if isinstance(sub.call, RequireAdminScope):
            return sub.call.scope
        found = _admin_scope_in(sub)
        if found is not None:
            return found
    return None


async def admin_guard(request: Request, response: Response) -> Principal:
    """The admin API's one guard, a dependency of the admin router (so no admin route can
    forget it): 401 anonymous, 403 `admin_required` for a non-admin, and an API key only on a
    route declaring an admin scope (403 `session_required` elsewhere), whose scope and limits
    that declaration then checks."""
    principal = await resolve_principal(request, response)
    if principal is None:
        raise NotSignedInError()
    if principal.method != "session" and declared_admin_scope(request) is None:
        await _refuse(request, principal, SessionRequiredError())
    if not principal.user.is_admin:
        await _refuse(request, principal, AdminRequiredError())
    return principal


AdminPrincipal = Annotated[Principal, Depends(admin_guard)]


@lru_cache(maxsize=1024)
def _key_windows(limits: KeyLimits) -> tuple[Window, ...]:
    return (
        Window("key-minute", f"{limits.per_minute}/minute"),
        Window("key-hour", f"{limits.per_hour}/hour"),
        Window("key-day", f"{limits.per_day}/day"),
    )


@lru_cache(maxsize=8)
def _session_windows(rule: str) -> tuple[Window, ...]:
    return (Window("user-minute", rule),)


def _scoped_access(scope: Scope) -> Callable[[Principal], Awaitable[UserAccess]]:
    requirement = RequireScope(scope)

    # A default, not an Annotated hint: the hint would be a string (postponed annotations)
    # naming a local that FastAPI cannot resolve.
    async def access(principal: Principal = Depends(requirement)) -> UserAccess:  # noqa: B008
        return principal.access

    return access


# A read route's one line: `access: SignalsAccess` (a session or a key with read:signals).
SymbolsAccess = Annotated[UserAccess, Depends(_scoped_access("read:symbols"))]
CandlesAccess = Annotated[UserAccess, Depends(_scoped_access("read:candles"))]
PatternsAccess = Annotated[UserAccess, Depends(_scoped_access("read:patterns"))]
SignalsAccess = Annotated[UserAccess, Depends(_scoped_access("read:signals"))]
MatrixAccess = Annotated[UserAccess, Depends(_scoped_access("read:matrix"))]
StatsAccess = Annotated[UserAccess, Depends(_scoped_access("read:stats"))]


class PerUserRateLimit:
    """A route's calls counted per signed-in user (not per address): a session used from many
    addresses is limited all the same, and what the route protects (a password check, a
    receiver) is the user's. Answers carry the RateLimit headers; a refusal is a 429."""

    def __init__(self, rule: str, *, scope: str) -> None:
        self.rule = rule
        self.window = Window(scope, rule)

    async def __call__(self, request: Request, principal: CurrentPrincipal) -> None:
        await enforce(
            request, [self.window], f"user:{principal.user.id}", f"limit of {self.rule} reached"
        )
