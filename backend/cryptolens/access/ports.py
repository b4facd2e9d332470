"""What the identity layer asks of the domains that own the data, as protocols.

access/ imports no domain. The accounts domain (auth) answers for sessions, users and
watchlists, the subscriptions domain (billing) for tiers; the composition root
(cryptolens.resources) hands their implementations to this layer. The API keys domain answers
for keys (ApiKeySource), so routes never change when a new way to authenticate arrives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.principal import KeyLimits, PrincipalUser
from cryptolens.access.scopes import Scope
from cryptolens.access.tiers import Tier


@dataclass(frozen=True)
class SessionIdentity:
    """The live session a cookie token names."""

    user: PrincipalUser
    session_id: int
    expires_at: datetime
    extended: bool = False  # the sliding expiry moved forward: send the cookie again


class AccountSource(Protocol):
    async def session_identity(
        self, db: AsyncSession, token: str, now: datetime
    ) -> SessionIdentity | None:
        """The live session and active user the token names, or None. May slide the
        session's expiry (the caller commits)."""
        ...

    async def watchlist(self, db: AsyncSession, user_id: int) -> Sequence[str]:
        """The symbols the user picked, in their order."""
        ...


class TierSource(Protocol):
    async def tier_of(self, db: AsyncSession, user_id: int, is_admin: bool, now: datetime) -> Tier:
        """The tier the user has now (admins: premium)."""
        ...


@dataclass(frozen=True)
class ApiKeyIdentity:
    """The live key an `X-API-Key` names, with its active owner."""

    user: PrincipalUser
    key_id: int
    scopes: frozenset[Scope]  # `all` already expanded; admin scopes only for admins
    limits: KeyLimits
    ip_allow: tuple[str, ...]  # IPs and CIDR blocks, v4 or v6 (empty: every address)
    ip_deny: tuple[str, ...]
    expires_at: datetime | None


class ApiKeySource(Protocol):
    async def key_identity(
        self, db: AsyncSession, key: str, now: datetime
    ) -> ApiKeyIdentity | None:
        """The key's identity if the key is well formed, known, active, unexpired and its owner
        active; else None. Reads only (a request writes nothing)."""
        ...

    async def record_request(self, key_id: int, ip: str, now: datetime) -> None:
        """Counts one request made with a valid key (refused ones too), in the cache: the
        counters reach the database in batches (no write per request)."""
        ...

    async def record_refusal(self, key_id: int, now: datetime) -> None:
        """Counts one of those requests as refused (IP rules, scope, rate, tier, route)."""
        ...
