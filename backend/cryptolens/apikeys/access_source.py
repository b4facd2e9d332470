"""The API keys domain's answer to the identity layer (access.ports.ApiKeySource): the live key
a request presents, with its active owner, and the usage counters it feeds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.ports import ApiKeyIdentity
from cryptolens.access.principal import KeyLimits, PrincipalUser
from cryptolens.access.scopes import Scope, scopes_of_user
from cryptolens.apikeys import keys, repository
from cryptolens.apikeys.usage import UsageCounters
from cryptolens.auth import service as auth_service
from cryptolens.core.cache import Cache


class ApiKeyDirectory:
    def __init__(self, cache: Cache, usage_days_kept: int) -> None:
        self._counters = UsageCounters(cache, usage_days_kept)

    async def key_identity(
        self, db: AsyncSession, key: str, now: datetime
    ) -> ApiKeyIdentity | None:
        if not keys.is_well_formed(key):
            return None
        row = await repository.key_by_prefix(db, keys.lookup_prefix(key))
        if row is None or not keys.hash_matches(key, row.key_hash):
            return None
        if row.status != "active" or (row.expires_at is not None and row.expires_at <= now):
            return None
        user = await auth_service.get_user(db, row.user_id)
        if user is None or not user.is_active:
            return None
        # What the owner may hold now: `all` is every user scope, and an owner no longer
        # admin loses the admin scopes their key was given.
        allowed = scopes_of_user(user.is_admin)
        granted: set[str] = set(row.scopes)
        scopes: frozenset[Scope] = frozenset(
            scope
            for scope in allowed
            if scope in granted or ("all" in granted and not scope.startswith("admin:"))
        )
        return ApiKeyIdentity(
            user=PrincipalUser(
                id=user.id,
                email=user.email,
                is_admin=user.is_admin,
                is_verified=user.is_verified,
                display_name=user.display_name,
                timezone=user.timezone,
            ),
            key_id=row.id,
            scopes=scopes,
            limits=KeyLimits(row.limit_per_minute, row.limit_per_hour, row.limit_per_day),
            ip_allow=tuple(row.ip_allow),
            ip_deny=tuple(row.ip_deny),
            expires_at=row.expires_at,
        )

    async def record_request(self, key_id: int, ip: str, now: datetime) -> None:
        await self._counters.count_request(key_id, ip, now)

    async def record_refusal(self, key_id: int, now: datetime) -> None:
        await self._counters.count_refusal(key_id, now)
