"""Who may call each route, read from the route table itself: the authorization table.

A route's rule is derived from its dependency tree (the `Annotated` aliases of access/deps.py
are the only way a route authenticates), so the table cannot drift from the code:

    public   no principal asked for (OptionalPrincipal counts as public)
    session  the session cookie only (CurrentPrincipal/CurrentUser/VerifiedUser/RequireTier...)
    scope    RequireScope: a session, or an API key carrying the scope
    admin    AdminUser or the admin guard (a session of an administrator); with a scope
             (RequireAdminScope, the jobs section): or an admin's API key carrying it
    signed   the request proves itself (a push's signed mute link, a provider's signature):
             introspection cannot tell, so the route says so with `openapi_extra=SIGNED_LINK`

The OpenAPI customizer (system/openapi_security.py) documents each rule, and
tests/api/test_authorization_table.py calls every route anonymously, with the wrong tier and
with a key lacking the scope.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from starlette.routing import BaseRoute

from cryptolens.access import deps
from cryptolens.access.scopes import Scope
from cryptolens.access.tiers import Tier
from cryptolens.core.deps import require_csrf

RuleKind = Literal["public", "session", "scope", "admin", "signed"]

# The marker a signed-link route carries (the key also shows in the OpenAPI operation).
ACCESS_MARKER = "x-access"
SIGNED_LINK: dict[str, Any] = {ACCESS_MARKER: "signed"}

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True)
class RouteRule:
    kind: RuleKind
    tier: Tier | None = None  # the lowest tier admitted (403 tier_required below it)
    scope: Scope | None = None  # the API key scope (scope routes)
    verified: bool = False  # 403 verification_required until the email is verified
    csrf: bool = False  # a cookie-facing unsafe route: X-CSRF-Token must echo the csrf cookie
    rate_limits: tuple[str, ...] = ()  # e.g. "5/minute", in the order they are checked

    @property
    def rate_limited(self) -> bool:
        """RequireScope always counts: a key against its own limits, a session user against
        `api_keys.session_limit` (an admin key route: the key only)."""
        return bool(self.rate_limits) or self.accepts_api_key

    @property
    def accepts_api_key(self) -> bool:
        return self.kind == "scope" or (self.kind == "admin" and self.scope is not None)

    @property
    def needs_session(self) -> bool:
        return self.kind in ("session", "admin") and not self.accepts_api_key

    def describe(self) -> str:
        """One line for people: `session, pro tier`, `API key read:signals or session`."""
        text = {
            "public": "public",
            "session": "session",
            "scope": f"API key with {self.scope} (or a session)",
            "admin": "admin session",
            "signed": "signed link",
        }[self.kind]
        if self.kind == "admin" and self.scope is not None:
            text += f" or an admin's API key with {self.scope}"
        if self.tier is not None and self.tier != Tier.FREE:
            text += f", {self.tier.value} tier"
        if self.verified:
            text += ", verified email"
        return text


@dataclass(frozen=True)
class RouteEntry:
    method: str
    path: str
    route: RouteContext  # the route as included (prefix and router dependencies applied)
    rule: RouteRule

    @property
    def operation_id(self) -> str | None:
        operation_id: str | None = self.route.operation_id
        return operation_id


def _call_of(alias: Any) -> Callable[..., Any]:
    """The dependency function behind an `Annotated[..., Depends(f)]` alias."""
    call: Callable[..., Any] = get_args(alias)[1].dependency
    return call


# Resolving any of these means the session: an API key is refused (403 session_required).
_SESSION_CALLS = frozenset(
    {
        _call_of(deps.CurrentPrincipal),
        _call_of(deps.CurrentUser),
        _call_of(deps.CurrentAccess),
    }
)
_VERIFIED_CALL = _call_of(deps.VerifiedUser)
_ADMIN_CALLS = frozenset({_call_of(deps.AdminUser), deps.admin_guard})


@dataclass
class _Found:
    session: bool = False
    admin: bool = False
    verified: bool = False
    csrf_checked: bool = False
    scope: Scope | None = None
    tiers: list[Tier] = field(default_factory=list)
    rate_limits: list[str] = field(default_factory=list)


def _walk(dependant: Dependant, found: _Found) -> None:
    for sub in dependant.dependencies:
        call = sub.call
        if isinstance(call, deps.RequireScope):
            found.scope = call.scope
            limit = getattr(call, "limit", None)
            if isinstance(limit, str):
                found.rate_limits.append(limit)
            continue  # how it resolves a session or a key is its own business
        if isinstance(call, deps.RequireTier):
            found.tiers.append(call.tier)
        # By identity: a dependency instance need not be hashable.
        elif any(call is admin for admin in _ADMIN_CALLS):
            found.admin = True
        elif call is _VERIFIED_CALL:
            found.verified = True
        elif any(call is session for session in _SESSION_CALLS):
            found.session = True
        elif call is require_csrf:
            found.csrf_checked = True
        elif type(call).__name__.endswith("RateLimit") and isinstance(
            getattr(call, "rule", None), str
        ):
            found.rate_limits.append(call.rule)  # type: ignore[union-attr]
        _walk(sub, found)


def rule_of(route: RouteContext, method: str) -> RouteRule:
    found = _Found()
    _walk(route.dependant, found)
    unsafe = method in UNSAFE_METHODS
    tier = max(found.tiers, key=lambda t: t.rank) if found.tiers else None
    limits = tuple(dict.fromkeys(found.rate_limits))
    marker = (route.openapi_extra or {}).get(ACCESS_MARKER)
    kind: RuleKind
    if marker == "signed":
        return RouteRule(kind="signed", rate_limits=limits)
    if found.admin:
        kind = "admin"
    elif found.session:
        kind = "session"
    elif found.scope is not None:
        kind = "scope"
    else:
        kind = "public"
    csrf = unsafe and (kind != "public" or found.csrf_checked)
    return RouteRule(
        kind=kind,
        tier=tier,
        scope=found.scope,
        verified=found.verified,
        csrf=csrf,
        rate_limits=limits,
    )


def iter_api_routes(routes: list[BaseRoute]) -> Iterator[RouteContext]:
    """The documented API routes as the app serves them (an included router's routes carry its
    prefix and dependencies only in this view, not in `app.routes`)."""
    for context in iter_route_contexts(routes):
        if isinstance(context.original_route, APIRoute) and context.include_in_schema:
            yield context


def authorization_table(routes: list[BaseRoute]) -> list[RouteEntry]:
    """Every documented route and method with its rule, in the route table's order."""
    return [
        RouteEntry(
            method=method, path=str(route.path_format), route=route, rule=rule_of(route, method)
        )
        for route in iter_api_routes(routes)
        for method in sorted(route.methods or ())
        if method != "HEAD"
    ]
