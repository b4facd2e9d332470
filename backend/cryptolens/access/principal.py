"""Who a request is from: the principal every route receives, whatever authenticated it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from cryptolens.access.errors import ScopeRequiredError
from cryptolens.access.scopes import Scope
from cryptolens.access.tiers import Tier
from cryptolens.access.user_access import UserAccess

# How the request proved who it is: the session cookie, or an API key.
AuthMethod = Literal["session", "api_key"]


@dataclass(frozen=True)
class KeyLimits:
    """An API key's own rate limits (requests per minute, hour and day)."""

    per_minute: int
    per_hour: int
    per_day: int


@dataclass(frozen=True)
class PrincipalUser:
    """The account behind a principal, as it was when the credential was checked (a copy:
    routes that change the account load it from the accounts domain)."""

    id: int
    email: str
    is_admin: bool
    is_verified: bool
    display_name: str | None = None
    timezone: str = "UTC"


@dataclass(frozen=True)
class Principal:
    user: PrincipalUser
    tier: Tier  # admins are premium
    scopes: frozenset[Scope]
    method: AuthMethod
    credential_id: int  # the session's id (the API key's, for a key)
    watchlist: tuple[str, ...] = ()  # read only for pro users, whose symbols it decides
    key_limits: KeyLimits | None = None  # an API key's (method "api_key") own limits

    @cached_property
    def access(self) -> UserAccess:
        """What the tier lets this principal see (symbols, pattern types, history)."""
        return UserAccess(
            user_id=self.user.id,
            tier=self.tier,
            is_admin=self.user.is_admin,
            watchlist=self.watchlist,
        )

    def has_scope(self, scope: Scope) -> bool:
        return scope in self.scopes

    def require_scope(self, scope: Scope) -> None:
        if not self.has_scope(scope):
            raise ScopeRequiredError(scope)
