"""Turns a request's credentials into a Principal, or None for an anonymous request.

Two credentials: an API key (key_credentials.py) and the session cookie. A key present wins
over the cookie, so a script that also holds a cookie acts with the key's scopes and limits.
The session's user comes from the accounts domain, the tier from the subscriptions domain
(ports.py), the answer is remembered for a moment (memo.py). Which routes take a key is
decided by their dependency (deps.py: RequireScope takes either, the others a session only).

A cookie-authenticated unsafe request (POST/PUT/PATCH/DELETE) must carry the CSRF header: the
check lives here, so every session route is covered, and key-authenticated requests are not
asked for it (a browser never adds a key by itself).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response

from cryptolens.access.key_credentials import key_principal, presented_key
from cryptolens.access.ports import SessionIdentity
from cryptolens.access.principal import Principal
from cryptolens.access.resources import AccessResources, access_resources
from cryptolens.access.scopes import scopes_of_user
from cryptolens.access.session_cookie import SESSION_COOKIE, set_session_cookie
from cryptolens.access.tiers import Tier
from cryptolens.core.handlers import database_unavailable
from cryptolens.db import in_unit_of_work

# The request's answer, kept in its ASGI scope: several dependencies of one request ask.
_PRINCIPAL_KEY = "cryptolens.principal"


async def resolve_principal(request: Request, response: Response) -> Principal | None:
    scope = request.scope
    if _PRINCIPAL_KEY not in scope:
        scope[_PRINCIPAL_KEY] = await _resolve(request, response)
    principal: Principal | None = scope[_PRINCIPAL_KEY]
    return principal


def resolved_principal(scope: Mapping[str, Any]) -> Principal | None:
    """Who the request was found to be, if a dependency already asked (never looks it up)."""
    principal = scope.get(_PRINCIPAL_KEY)
    return principal if isinstance(principal, Principal) else None


async def _resolve(request: Request, response: Response) -> Principal | None:
    resources = access_resources(request.app)
    key = presented_key(request)
    if key is not None:
        return await key_principal(request, resources, key)
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        return await _session_principal(request, response, resources, token)
    return None


@dataclass(frozen=True)
class _Resolved:
    principal: Principal
    session_ends: datetime


async def _session_principal(
    request: Request, response: Response, resources: AccessResources, token: str
) -> Principal | None:
    now = resources.clock.now()
    memo = resources.access_memo
    principal = memo.get(token, now) or memo.get_while_looked_up(token, now)
    if principal is None:
        # Concurrent requests with one cookie: one lookup, the others take its answer. Waiting
        # for it and looking up are bounded together: a database that stalls mid-lookup costs
        # each request at most the bound (a 503), and never holds the cookie's lock for ever.
        try:
            async with asyncio.timeout(resources.settings.database.request_wait_seconds):
                resolved = await _looked_up_once(request, response, resources, token, now)
        except TimeoutError as stalled:
            raise database_unavailable() from stalled
        if not isinstance(resolved, _Resolved):
            return resolved
        return resolved.principal  # the CSRF check ran with the lookup
    resources.csrf_tokens.check(request)
    return principal


async def _looked_up_once(
    request: Request, response: Response, resources: AccessResources, token: str, now: datetime
) -> _Resolved | Principal | None:
    """The memo's answer if another request found it meanwhile, else a lookup of our own."""
    memo = resources.access_memo
    async with memo.lookup_lock(token):
        principal = memo.get(token, now)
        if principal is not None:
            resources.csrf_tokens.check(request)
            return principal
        changes = memo.changes
        resolved = await _look_up_session(request, response, resources, token, now)
        if resolved is not None:
            memo.put(token, resolved.principal, now, resolved.session_ends, changes)
        return resolved


@dataclass(frozen=True)
class _Found:
    identity: SessionIdentity
    tier: Tier
    watchlist: tuple[str, ...]


async def _look_up_session(
    request: Request, response: Response, resources: AccessResources, token: str, now: datetime
) -> _Resolved | None:
    """The cookie's session, user and tier, in a unit of work of its own (it may extend the
    session), committed before the route's own work starts; run again if it loses a deadlock."""

    async def find(db: AsyncSession) -> _Found | None:
        identity = await resources.accounts.session_identity(db, token, now)
        if identity is None:
            return None
        # Refused inside the unit of work: a forged request does not even slide the session.
        resources.csrf_tokens.check(request)
        user = identity.user
        tier = await resources.tiers.tier_of(db, user.id, user.is_admin, now)
        # Only a pro user's symbols depend on the watchlist; skip the query for the others.
        watchlist: tuple[str, ...] = ()
        if tier == Tier.PRO:
            watchlist = tuple(await resources.accounts.watchlist(db, user.id))
        return _Found(identity, tier, watchlist)

    found = await in_unit_of_work(resources.session_factory, find)
    if found is None:
        return None
    identity = found.identity
    if identity.extended:
        # The expiry slid forward: the browser's cookie must live as long.
        set_session_cookie(response, request, token, resources.settings.security)
    principal = Principal(
        user=identity.user,
        tier=found.tier,
        scopes=scopes_of_user(identity.user.is_admin),
        method="session",
        credential_id=identity.session_id,
        watchlist=found.watchlist,
    )
    return _Resolved(principal, identity.expires_at)
