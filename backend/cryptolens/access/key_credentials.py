"""An API key (`X-API-Key: clk_...` or `Authorization: Bearer clk_...`) turned into a Principal.

Checked in the spec's order up to what the identity layer can tell: the key is valid (401
`invalid_api_key`, one answer for every reason), then the IP rules (403 `ip_not_allowed`),
then the owner's tier (API keys are a premium feature: a downgraded owner's key gets 403
`tier_required`). The scope and the rate limits are the route's (deps.RequireScope). Every
request with a valid key is counted, refused ones too; nothing is written to the database.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request

from cryptolens.access.errors import InvalidApiKeyError, IpNotAllowedError
from cryptolens.access.key_memo import KeyAccess
from cryptolens.access.ports import ApiKeyIdentity
from cryptolens.access.principal import Principal
from cryptolens.access.resources import AccessResources
from cryptolens.access.tiers import Tier
from cryptolens.core.errors import TierRequiredError
from cryptolens.core.handlers import database_unavailable
from cryptolens.core.ratelimit import limiter_of
from cryptolens.db import in_unit_of_work

# What every API key starts with (apikeys/keys.py makes them).
KEY_PREFIX = "clk_"

API_KEY_HEADER = "x-api-key"
KEY_TIER = Tier.PREMIUM


def presented_key(request: Request) -> str | None:
    """The key the request carries, if any: X-API-Key (well formed or not), else a Bearer
    token that is one of our keys (`clk_`). Another bearer token (a proxy's, a browser
    extension's) is not ours to judge: the request goes on as if it had none."""
    key = request.headers.get(API_KEY_HEADER)
    if key is not None:
        return key.strip()
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip().startswith(KEY_PREFIX):
        return value.strip()
    return None


async def key_principal(request: Request, resources: AccessResources, key: str) -> Principal:
    now = resources.clock.now()
    memo = resources.key_memo
    access = memo.get(key, now)
    if access is None:
        changes = memo.changes
        try:
            async with asyncio.timeout(resources.settings.database.request_wait_seconds):
                found = await _look_up(resources, key, now)
        except TimeoutError as stalled:
            raise database_unavailable() from stalled
        if found is None:
            raise InvalidApiKeyError()
        access = found.access
        memo.put(key, access, now, found.expires_at, changes)
    principal = access.principal
    ip = limiter_of(request.app).client_key(request)
    await resources.api_keys.record_request(principal.credential_id, ip, now)
    refusal: Exception | None = None
    if not access.admits(ip):
        refusal = IpNotAllowedError()
    elif not principal.tier.at_least(KEY_TIER):
        refusal = TierRequiredError(KEY_TIER.value)
    if refusal is not None:
        await resources.api_keys.record_refusal(principal.credential_id, now)
        raise refusal
    return principal


@dataclass(frozen=True)
class _Found:
    access: KeyAccess
    expires_at: datetime | None


async def _look_up(resources: AccessResources, key: str, now: datetime) -> _Found | None:
    async def find(db: AsyncSession) -> tuple[ApiKeyIdentity, Tier, tuple[str, ...]] | None:
        identity = await resources.api_keys.key_identity(db, key, now)
        if identity is None:
            return None
        user = identity.user
        tier = await resources.tiers.tier_of(db, user.id, user.is_admin, now)
        watchlist: tuple[str, ...] = ()
        if tier == Tier.PRO:  # only a pro user's symbols depend on it (credentials.py)
            watchlist = tuple(await resources.accounts.watchlist(db, user.id))
        return identity, tier, watchlist

    found = await in_unit_of_work(resources.session_factory, find)
    if found is None:
        return None
    identity, tier, watchlist = found
    principal = Principal(
        user=identity.user,
        tier=tier,
        scopes=identity.scopes,
        method="api_key",
        credential_id=identity.key_id,
        watchlist=watchlist,
        key_limits=identity.limits,
    )
    return _Found(KeyAccess.of(principal, identity), identity.expires_at)
