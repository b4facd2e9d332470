"""API key rules: who may hold keys and which scopes, the cap per user, creation (the key shown
once), changes, revocation (the row stays, with its usage), the usage view and its flush."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.errors import AdminRequiredError
from cryptolens.access.principal import PrincipalUser
from cryptolens.access.scopes import ADMIN_SCOPES
from cryptolens.apikeys import keys, repository
from cryptolens.apikeys.models import ApiKey
from cryptolens.apikeys.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyOut,
    ApiKeyUpdate,
    ApiKeyUsageOut,
    KeyStatus,
    UsageDay,
)
from cryptolens.apikeys.usage import TakenUsage
from cryptolens.core.errors import ConflictError, NotFoundError, ValidationFailedError

log = logging.getLogger("cryptolens.apikeys")


class KeyLimitReachedError(ConflictError):
    code = "limit_reached"


@dataclass(frozen=True)
class KeyRef:
    """One of the holder's keys as a request names it, with the unit of work to act in: each
    call below looks it up (404 when it is not theirs), locked where it changes the key."""

    db: AsyncSession
    user: PrincipalUser
    key_id: int


class KeyRevokedError(ConflictError):
    code = "key_revoked"

    def __init__(self) -> None:
        super().__init__("A revoked key cannot be changed")


def status_of(key: ApiKey, now: datetime) -> KeyStatus:
    if key.status == "revoked":
        return "revoked"
    if key.expires_at is not None and key.expires_at <= now:
        return "expired"
    return "active"


def key_out(key: ApiKey, now: datetime) -> ApiKeyOut:
    return ApiKeyOut(
        id=key.id,
        name=key.name,
        prefix=key.prefix,
        scopes=list(key.scopes),
        limit_per_minute=key.limit_per_minute,
        limit_per_hour=key.limit_per_hour,
        limit_per_day=key.limit_per_day,
        ip_allow=list(key.ip_allow),
        ip_deny=list(key.ip_deny),
        expires_at=key.expires_at,
        status=status_of(key, now),
        created_at=key.created_at,
        revoked_at=key.revoked_at,
        last_used_at=key.last_used_at,
        last_used_ip=key.last_used_ip,
        total_requests=key.total_requests,
    )


def _check_scopes(user: PrincipalUser, scopes: list[str]) -> None:
    if not user.is_admin and not ADMIN_SCOPES.isdisjoint(scopes):
        raise AdminRequiredError()


def _future_expiry(expires_at: datetime | None, now: datetime) -> datetime | None:
    if expires_at is None:
        return None
    expires_at = (
        expires_at.replace(tzinfo=UTC) if expires_at.tzinfo is None else expires_at.astimezone(UTC)
    )
    if expires_at <= now:
        raise ValidationFailedError("expires_at: must be in the future")
    return expires_at


async def list_keys(db: AsyncSession, user_id: int, now: datetime) -> list[ApiKeyOut]:
    return [key_out(key, now) for key in await repository.keys_of(db, user_id)]


async def create_key(
    db: AsyncSession, user: PrincipalUser, body: ApiKeyCreate, max_per_user: int, now: datetime
) -> ApiKeyCreated:
    _check_scopes(user, list(body.scopes))
    expires_at = _future_expiry(body.expires_at, now)
    if await repository.count_unrevoked(db, user.id) >= max_per_user:
        raise KeyLimitReachedError(f"at most {max_per_user} keys; revoke one first")
    secret = keys.new_key()
    while await repository.prefix_taken(db, keys.lookup_prefix(secret)):
        secret = keys.new_key()  # 8 random characters: a clash is rare, never reused
    key = ApiKey(
        user_id=user.id,
        name=body.name,
        prefix=keys.lookup_prefix(secret),
        key_hash=keys.key_hash(secret),
        scopes=list(body.scopes),
        limit_per_minute=body.limit_per_minute,
        limit_per_hour=body.limit_per_hour,
        limit_per_day=body.limit_per_day,
        ip_allow=body.ip_allow,
        ip_deny=body.ip_deny,
        expires_at=expires_at,
        status="active",
        created_at=now,
        total_requests=0,
    )
    db.add(key)
    await db.flush()
    log.info("apikey.created", extra={"key_id": key.id, "user_id": user.id})
    return ApiKeyCreated(**key_out(key, now).model_dump(), key=secret)


async def _owned(ref: KeyRef, *, for_update: bool = False) -> ApiKey:
    key = await repository.owned_key(ref.db, ref.user.id, ref.key_id, for_update=for_update)
    if key is None:
        raise NotFoundError("No such API key")
    return key


async def update_key(ref: KeyRef, body: ApiKeyUpdate, now: datetime) -> ApiKeyOut:
    key = await _owned(ref, for_update=True)
    if key.status == "revoked":
        raise KeyRevokedError()
    sent = body.model_fields_set
    if body.scopes is not None:
        _check_scopes(ref.user, list(body.scopes))
        key.scopes = list(body.scopes)
    if "expires_at" in sent:
        key.expires_at = _future_expiry(body.expires_at, now)
    if body.name is not None:
        key.name = body.name
    for field in ("limit_per_minute", "limit_per_hour", "limit_per_day", "ip_allow", "ip_deny"):
        value = getattr(body, field)
        if value is not None:
            setattr(key, field, value)
    await ref.db.flush()
    return key_out(key, now)


async def revoke_key(ref: KeyRef, now: datetime) -> ApiKeyOut:
    key = await _owned(ref, for_update=True)
    if key.status != "revoked":
        key.status, key.revoked_at = "revoked", now
        await ref.db.flush()
        log.info("apikey.revoked", extra={"key_id": key.id, "user_id": ref.user.id})
    return key_out(key, now)


async def usage_view(ref: KeyRef, days: int, now: datetime) -> ApiKeyUsageOut:
    key = await _owned(ref)
    since = (now - timedelta(days=days - 1)).date()
    rows = await repository.usage_of(ref.db, key.id, since)
    return ApiKeyUsageOut(
        key_id=key.id,
        days=[UsageDay(day=row.day, requests=row.requests, refused=row.refused) for row in rows],
        total_requests=sum(row.requests for row in rows),
        total_refused=sum(row.refused for row in rows),
        all_time_requests=key.total_requests,
        last_used_at=key.last_used_at,
        last_used_ip=key.last_used_ip,
    )


async def write_usage(db: AsyncSession, taken: TakenUsage) -> int:
    """Adds counters taken from the cache to the database; returns the keys written."""
    alive = await repository.existing_key_ids(db, taken.key_ids)  # gone with their user
    for (key_id, day), (requests, refused) in taken.days.items():
        if key_id in alive:
            await repository.add_usage(db, key_id, day, requests, refused)
    for key_id in alive:
        await repository.add_use(db, key_id, taken.requests_of(key_id), taken.last_use.get(key_id))
    return len(alive)
