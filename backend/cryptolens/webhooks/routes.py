"""`/api/v1/webhooks`: a premium owner's outbound webhook endpoints, their log, redelivery
and test events. Session only (CSRF-checked like every session route), verified email."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from cryptolens.access.deps import PerUserRateLimit, VerifiedPremiumUser
from cryptolens.core.deps import ClockDep, JobQueueDep, SessionDep, SettingsDep, SharedClientsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import PageParams, ok_page
from cryptolens.core.params import EntityId, OptionalInstant, instant_query
from cryptolens.db import from_ms
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


# A session user (an API key is refused) with a verified email and the premium tier.
Owner = VerifiedPremiumUser


async def _kit(
    settings: SettingsDep, clients: SharedClientsDep, clock: ClockDep, queue: JobQueueDep
) -> WebhookKit:
    return WebhookKit.build(settings, clients, clock, queue)


KitDep = Annotated[WebhookKit, Depends(_kit)]


DeliveryId = Annotated[
    str, Path(min_length=5, max_length=40, pattern=r"^msg_[A-Za-z0-9]+$", examples=["msg_..."])
]


async def _endpoint(endpoint_id: EntityId, owner: Owner, db: SessionDep) -> service.EndpointRef:
    # Named, not loaded: the service looks it up (404) under the lock its change needs, after
    # the request has passed validation (a bad body is a 422 whether or not the id is theirs).
    return service.EndpointRef(db, owner.id, endpoint_id)


# The caller's endpoint that the path names.
TheirEndpoint = Annotated[service.EndpointRef, Depends(_endpoint)]


async def _delivery(
    endpoint_id: EntityId, delivery_id: DeliveryId, owner: Owner, db: SessionDep
) -> service.DeliveryRef:
    # Both ids here, in the path's order (the document lists a dependency's own ones first).
    return service.DeliveryRef(service.EndpointRef(db, owner.id, endpoint_id), delivery_id)


# One delivery of the caller's endpoint that the path names.
TheirDelivery = Annotated[service.DeliveryRef, Depends(_delivery)]


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
async def get_endpoint(endpoint: TheirEndpoint) -> Envelope[WebhookEndpointOut]:
    return ok(await service.get_endpoint(endpoint))


@router.patch(
    "/{endpoint_id}",
    operation_id="webhooks-update",
    summary="Change url, description, events, filters; enable or disable",
    response_model=Envelope[WebhookEndpointOut],
    responses=_errors(401, 403, 404, 422),
)
async def update_endpoint(
    endpoint: TheirEndpoint, body: WebhookEndpointPatch, kit: KitDep
) -> Envelope[WebhookEndpointOut]:
    return ok(await service.update_endpoint(endpoint, kit, body))


@router.delete(
    "/{endpoint_id}",
    operation_id="webhooks-delete",
    summary="Remove an endpoint with its log and pending deliveries",
    response_model=Envelope[WebhookDeletedOut],
    responses=_errors(401, 403, 404),
)
async def delete_endpoint(endpoint: TheirEndpoint) -> Envelope[WebhookDeletedOut]:
    await service.delete_endpoint(endpoint)
    return ok(WebhookDeletedOut(message="Endpoint deleted"))


@router.post(
    "/{endpoint_id}/rotate-secret",
    operation_id="webhooks-rotate-secret",
    summary="A new secret (shown once); the previous one also signs for 24 h",
    response_model=Envelope[WebhookSecretOut],
    responses=_errors(401, 403, 404),
)
async def rotate_secret(endpoint: TheirEndpoint, kit: KitDep) -> Envelope[WebhookSecretOut]:
    return ok(await service.rotate_secret(endpoint, kit))


@router.post(
    "/{endpoint_id}/test",
    operation_id="webhooks-test",
    summary="Send a signed webhook.test event now (one attempt, 5 a minute)",
    response_model=Envelope[WebhookAttemptRunOut],
    responses=_errors(401, 403, 404, 429),
    dependencies=[Depends(PerUserRateLimit(TEST_RATE, scope="webhook-test"))],
)
async def send_test(endpoint: TheirEndpoint, kit: KitDep) -> Envelope[WebhookAttemptRunOut]:
    return ok(await service.send_test(endpoint, kit))


@router.get(
    "/{endpoint_id}/deliveries",
    operation_id="webhooks-deliveries",
    summary="The endpoint's deliveries, newest first",
    response_model=Envelope[list[WebhookDeliveryOut]],
    responses=_errors(401, 403, 404, 422),
)
async def list_deliveries(
    endpoint: TheirEndpoint,
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
    return ok_page(await service.list_deliveries(endpoint, filters, page))


@router.get(
    "/{endpoint_id}/deliveries/{delivery_id}",
    operation_id="webhooks-delivery",
    summary="One delivery: the body sent and every attempt",
    response_model=Envelope[WebhookDeliveryDetailOut],
    responses=_errors(401, 403, 404),
)
async def get_delivery(delivery: TheirDelivery) -> Envelope[WebhookDeliveryDetailOut]:
    return ok(await service.get_delivery(delivery))


@router.post(
    "/{endpoint_id}/deliveries/{delivery_id}/redeliver",
    operation_id="webhooks-redeliver",
    summary="One more attempt of a finished delivery, now (10 a minute)",
    response_model=Envelope[WebhookAttemptRunOut],
    responses=_errors(401, 403, 404, 409, 429),
    dependencies=[Depends(PerUserRateLimit(REDELIVER_RATE, scope="webhook-redeliver"))],
)
async def redeliver(delivery: TheirDelivery, kit: KitDep) -> Envelope[WebhookAttemptRunOut]:
    return ok(await service.redeliver(delivery, kit))
