"""`/api/v1/webhooks`: a premium owner's outbound webhook endpoints, their log, redelivery
and test events. Session only (CSRF-checked like every session route), verified email."""

from __future__ import annotations

from typing import Annotated, Protocol

from fastapi import APIRouter, Depends, Path, Query, Request

from cryptolens.access.deps import PerUserRateLimit, PremiumAccess, VerifiedUser
from cryptolens.access.principal import PrincipalUser
from cryptolens.core.deps import ClockDep, SessionDep, SettingsDep, SharedClientsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import PageParams, ok_page
from cryptolens.core.params import EntityId, OptionalInstant, instant_query
from cryptolens.core.resources import RESOURCES_ATTRIBUTE
from cryptolens.db import from_ms
from cryptolens.job_context import JobQueue
from cryptolens.webhooks import service
from cryptolens.webhooks.kit import WebhookKit
from cryptolens.webhooks.repository import DeliveryFilters
from cryptolens.webhooks.schemas import (
    DeliveryStatus,
    WebhookAttemptRunOut,
    WebhookDeletedOut,
    WebhookDeliveryDetailOut,
    WebhookDeliveryOut,
    WebhookEndpointCreatedOut,
    WebhookEndpointIn,
    WebhookEndpointOut,
    WebhookEndpointPatch,
    WebhookSecretOut,
)

router = APIRouter(prefix="/api/v1/webhooks", tags=["webhooks"])

TEST_RATE = "5/minute"
REDELIVER_RATE = "10/minute"

_DESCRIPTIONS = {
    401: "Not signed in",
    403: "CSRF header missing, an API key (session only), email not verified, or not premium",
    404: "No such endpoint or delivery of the caller's",
    409: "limit_reached, delivery_pending or endpoint_disabled",
    422: "Invalid field (validation_error) or URL not allowed (url_not_allowed)",
    429: "Too many requests; see Retry-After",
}


def _errors(*statuses: int) -> dict[int | str, dict[str, object]]:
    return error_responses({status: _DESCRIPTIONS[status] for status in statuses})


async def _owner(user: VerifiedUser, access: PremiumAccess) -> PrincipalUser:
    """A session user (an API key is refused) with a verified email and the premium tier
    (admins count as premium), through the access aliases the authorization table reads."""
    del access  # asked for its check only
    return user


Owner = Annotated[PrincipalUser, Depends(_owner)]


class _QueueResources(Protocol):
    @property
    def job_queue(self) -> JobQueue: ...


async def _kit(
    request: Request, settings: SettingsDep, clients: SharedClientsDep, clock: ClockDep
) -> WebhookKit:
    resources: _QueueResources = getattr(request.app.state, RESOURCES_ATTRIBUTE)
    return WebhookKit.build(settings, clients, clock, resources.job_queue)


KitDep = Annotated[WebhookKit, Depends(_kit)]


DeliveryId = Annotated[
    str, Path(min_length=5, max_length=40, pattern=r"^msg_[A-Za-z0-9]+$", examples=["msg_..."])
]


@router.get(
    "",
    operation_id="webhooks-list",
    summary="The caller's webhook endpoints",
    response_model=Envelope[list[WebhookEndpointOut]],
    responses=_errors(401, 403),
)
async def list_endpoints(owner: Owner, db: SessionDep) -> Envelope[list[WebhookEndpointOut]]:
    return ok(await service.list_endpoints(db, owner.id))


@router.post(
    "",
    status_code=201,
    operation_id="webhooks-create",
    summary="Add an endpoint (the secret is shown in this answer only)",
    response_model=Envelope[WebhookEndpointCreatedOut],
    responses=_errors(401, 403, 409, 422),
)
async def create_endpoint(
    body: WebhookEndpointIn, owner: Owner, db: SessionDep, kit: KitDep
) -> Envelope[WebhookEndpointCreatedOut]:
    return ok(await service.create_endpoint(db, kit, owner.id, body))


@router.get(
    "/{endpoint_id}",
    operation_id="webhooks-get",
    summary="One of the caller's endpoints",
    response_model=Envelope[WebhookEndpointOut],
    responses=_errors(401, 403, 404),
)
async def get_endpoint(
    endpoint_id: EntityId, owner: Owner, db: SessionDep
) -> Envelope[WebhookEndpointOut]:
    return ok(await service.get_endpoint(db, owner.id, endpoint_id))


@router.patch(
    "/{endpoint_id}",
    operation_id="webhooks-update",
    summary="Change url, description, events, filters; enable or disable",
    response_model=Envelope[WebhookEndpointOut],
    responses=_errors(401, 403, 404, 422),
)
async def update_endpoint(
    endpoint_id: EntityId, body: WebhookEndpointPatch, owner: Owner, db: SessionDep, kit: KitDep
) -> Envelope[WebhookEndpointOut]:
    return ok(await service.update_endpoint(db, kit, owner.id, endpoint_id, body))


@router.delete(
    "/{endpoint_id}",
    operation_id="webhooks-delete",
    summary="Remove an endpoint with its log and pending deliveries",
    response_model=Envelope[WebhookDeletedOut],
    responses=_errors(401, 403, 404),
)
async def delete_endpoint(
    endpoint_id: EntityId, owner: Owner, db: SessionDep
) -> Envelope[WebhookDeletedOut]:
    await service.delete_endpoint(db, owner.id, endpoint_id)
    return ok(WebhookDeletedOut(message="Endpoint deleted"))


@router.post(
    "/{endpoint_id}/rotate-secret",
    operation_id="webhooks-rotate-secret",
    summary="A new secret (shown once); the previous one also signs for 24 h",
    response_model=Envelope[WebhookSecretOut],
    responses=_errors(401, 403, 404),
)
async def rotate_secret(
    endpoint_id: EntityId, owner: Owner, db: SessionDep, kit: KitDep
) -> Envelope[WebhookSecretOut]:
    return ok(await service.rotate_secret(db, kit, owner.id, endpoint_id))


@router.post(
    "/{endpoint_id}/test",
    operation_id="webhooks-test",
    summary="Send a signed webhook.test event now (one attempt, 5 a minute)",
    response_model=Envelope[WebhookAttemptRunOut],
    responses=_errors(401, 403, 404, 429),
    dependencies=[Depends(PerUserRateLimit(TEST_RATE, scope="webhook-test"))],
)
async def send_test(
    endpoint_id: EntityId, owner: Owner, db: SessionDep, kit: KitDep
) -> Envelope[WebhookAttemptRunOut]:
    return ok(await service.send_test(db, kit, owner.id, endpoint_id))


@router.get(
    "/{endpoint_id}/deliveries",
    operation_id="webhooks-deliveries",
    summary="The endpoint's deliveries, newest first",
    response_model=Envelope[list[WebhookDeliveryOut]],
    responses=_errors(401, 403, 404, 422),
)
async def list_deliveries(
    endpoint_id: EntityId,
    owner: Owner,
    db: SessionDep,
    page: PageParams,
    status: Annotated[DeliveryStatus | None, Query()] = None,
    type: Annotated[str | None, Query(max_length=20, examples=["signal.created"])] = None,
    since: Annotated[OptionalInstant, instant_query("created at or after")] = None,
    until: Annotated[OptionalInstant, instant_query("created before")] = None,
) -> Envelope[list[WebhookDeliveryOut]]:
    filters = DeliveryFilters(
        status=status,
        type=type,
        since=None if since is None else from_ms(since),
        until=None if until is None else from_ms(until),
    )
    return ok_page(await service.list_deliveries(db, owner.id, endpoint_id, filters, page))


@router.get(
    "/{endpoint_id}/deliveries/{delivery_id}",
    operation_id="webhooks-delivery",
    summary="One delivery: the body sent and every attempt",
    response_model=Envelope[WebhookDeliveryDetailOut],
    responses=_errors(401, 403, 404),
)
async def get_delivery(
    endpoint_id: EntityId, delivery_id: DeliveryId, owner: Owner, db: SessionDep
) -> Envelope[WebhookDeliveryDetailOut]:
    return ok(await service.get_delivery(db, owner.id, endpoint_id, delivery_id))


@router.post(
    "/{endpoint_id}/deliveries/{delivery_id}/redeliver",
    operation_id="webhooks-redeliver",
    summary="One more attempt of a finished delivery, now (10 a minute)",
    response_model=Envelope[WebhookAttemptRunOut],
    responses=_errors(401, 403, 404, 409, 429),
    dependencies=[Depends(PerUserRateLimit(REDELIVER_RATE, scope="webhook-redeliver"))],
)
async def redeliver(
    endpoint_id: EntityId, delivery_id: DeliveryId, owner: Owner, db: SessionDep, kit: KitDep
) -> Envelope[WebhookAttemptRunOut]:
    return ok(await service.redeliver(db, kit, owner.id, endpoint_id, delivery_id))
