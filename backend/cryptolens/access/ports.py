"""What the identity layer asks of the domains that own the data, as protocols.

access/ imports no domain. The accounts domain (auth) answers for sessions, users and
watchlists, the subscriptions domain (billing) for tiers; the composition root
(cryptolens.resources) hands their implementations to this layer. API keys will add one more
source here, so routes never change when a new way to authenticate arrives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.principal import PrincipalUser
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
