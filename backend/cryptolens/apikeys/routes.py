"""`/api/v1/api-keys`: a premium (or admin) user's keys, managed from a signed-in session with
a verified email (a key cannot manage keys)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from cryptolens.access.deps import VerifiedPremiumUser
from cryptolens.apikeys import service
from cryptolens.apikeys.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyOut,
    ApiKeyUpdate,
    ApiKeyUsageOut,
)
from cryptolens.core.deps import ClockDep, SessionDep, SettingsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.params import EntityId

router = APIRouter(prefix="/api/v1/api-keys", tags=["api-keys"])


_DESCRIPTIONS = {
    401: "Not signed in",
    403: "CSRF header missing, email not verified, tier below premium, an API key used "
    "instead of a session, or an admin scope asked by a non-admin",
    404: "No such key among the caller's",
    409: "20 keys already (limit_reached), or the key is revoked",
    422: "Invalid body (the error names the field)",
}


def _errors(*statuses: int) -> dict[int | str, dict[str, object]]:
    return error_responses({status: _DESCRIPTIONS[status] for status in statuses})


# A verified premium user (admins count as premium), signed in with a session.
KeyHolder = VerifiedPremiumUser


async def _key(key_id: EntityId, user: KeyHolder, db: SessionDep) -> service.KeyRef:
    # Named, not loaded: the service looks it up (404), locked where it changes it, after the
    # request has passed validation (a bad body is a 422 whether or not the key is theirs).
    return service.KeyRef(db, user, key_id)


# The caller's key that the path names.
TheirKey = Annotated[service.KeyRef, Depends(_key)]


@router.get(
    "",
    operation_id="api-keys-list",
    summary="The caller's API keys (never the key itself: its prefix)",
    response_model=Envelope[list[ApiKeyOut]],
    responses=_errors(401, 403),
)
async def list_keys(user: KeyHolder, db: SessionDep, clock: ClockDep) -> Envelope[list[ApiKeyOut]]:
    return ok(await service.list_keys(db, user.id, clock.now()))


@router.post(
    "",
    status_code=201,
    operation_id="api-keys-create",
    summary="Create a key; the answer holds the key, shown this once",
    response_model=Envelope[ApiKeyCreated],
    responses=_errors(401, 403, 409, 422),
)
async def create_key(
    body: ApiKeyCreate, user: KeyHolder, db: SessionDep, clock: ClockDep, settings: SettingsDep
) -> Envelope[ApiKeyCreated]:
    created = await service.create_key(db, user, body, settings.api_keys.max_per_user, clock.now())
    return ok(created)


@router.patch(
    "/{key_id}",
    operation_id="api-keys-update",
    summary="Change a key's name, scopes, limits, IP rules or expiry",
    response_model=Envelope[ApiKeyOut],
    responses=_errors(401, 403, 404, 409, 422),
)
async def update_key(key: TheirKey, body: ApiKeyUpdate, clock: ClockDep) -> Envelope[ApiKeyOut]:
    return ok(await service.update_key(key, body, clock.now()))


@router.delete(
    "/{key_id}",
    operation_id="api-keys-revoke",
    summary="Revoke a key (at once in this process, within seconds in the others)",
    response_model=Envelope[ApiKeyOut],
    responses=_errors(401, 403, 404),
)
async def revoke_key(key: TheirKey, clock: ClockDep) -> Envelope[ApiKeyOut]:
    return ok(await service.revoke_key(key, clock.now()))


@router.get(
    "/{key_id}/usage",
    operation_id="api-keys-usage",
    summary="A key's requests and refusals per UTC day (counted within about a minute)",
    response_model=Envelope[ApiKeyUsageOut],
    responses=_errors(401, 403, 404, 422),
)
async def key_usage(
    key: TheirKey, clock: ClockDep, days: Annotated[int, Query(ge=1, le=365)] = 30
) -> Envelope[ApiKeyUsageOut]:
    return ok(await service.usage_view(key, days, clock.now()))
