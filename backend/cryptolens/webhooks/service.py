"""The signed-in owner's endpoints: create, read, change, delete, rotate the secret, the log,
a redelivery and a test event (one attempt each, within the request)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.errors import ConflictError, NotFoundError
from cryptolens.core.paging import Page, PageQuery, PageRequest
from cryptolens.webhooks import repository
from cryptolens.webhooks.delivery import queue_notice
from cryptolens.webhooks.events import PAYLOAD_VERSION, test_body
from cryptolens.webhooks.kit import WebhookKit
from cryptolens.webhooks.models import WebhookDelivery, WebhookEndpoint
from cryptolens.webhooks.outcomes import (
    attempt_row,
    count_attempt,
    end_pending,
    finish_failed,
    take_result,
)
from cryptolens.webhooks.repository import DeliveryFilters
from cryptolens.webhooks.schemas import (
    TEST_EVENT,
    WebhookAttemptOut,
    WebhookAttemptRunOut,
    WebhookDeliveryDetailOut,
    WebhookDeliveryOut,
    WebhookEndpointCreatedOut,
    WebhookEndpointIn,
    WebhookEndpointOut,
    WebhookEndpointPatch,
    WebhookFiltersOut,
    WebhookSecretOut,
)
from cryptolens.webhooks.signing import new_message_id, new_secret
from cryptolens.webhooks.urls import check_url

# Fernet ciphertexts (SecretBox): re-encrypted with the newest key by `cryptolens
# rotate-encryption` (system/key_rotation.py).
ENCRYPTED_COLUMNS = (WebhookEndpoint.secret, WebhookEndpoint.previous_secret)


class EndpointLimitError(ConflictError):
    code = "limit_reached"


class DeliveryPendingError(ConflictError):
    code = "delivery_pending"


class EndpointDisabledError(ConflictError):
    code = "endpoint_disabled"


@dataclass(frozen=True)
class EndpointRef:
    """One of the owner's endpoints as a request names it, with the unit of work to act in:
    each call below looks it up (404 when it is not theirs) under the lock its change needs."""

    db: AsyncSession
    user_id: int
    endpoint_id: int


@dataclass(frozen=True)
class DeliveryRef:
    """One delivery of one of the owner's endpoints, by its message id (`msg_...`)."""

    endpoint: EndpointRef
    message_id: str


# Views


def endpoint_out(endpoint: WebhookEndpoint) -> WebhookEndpointOut:
    return WebhookEndpointOut(
        id=endpoint.id,
        url=endpoint.url,
        description=endpoint.description,
        events=list(endpoint.events),
        filters=WebhookFiltersOut(
            symbols=list(endpoint.symbols),
            direction=endpoint.direction,
            min_confluence=endpoint.min_confluence,
            only_proven_setups=endpoint.only_proven_setups,
        ),
        status=endpoint.status,
        disabled_reason=endpoint.disabled_reason,
        disabled_at=endpoint.disabled_at,
        payload_version=endpoint.payload_version,
        failure_streak=endpoint.failure_streak,
        previous_secret_until=endpoint.previous_secret_until,
        created_at=endpoint.created_at,
        updated_at=endpoint.updated_at,
    )


def delivery_out(delivery: WebhookDelivery) -> WebhookDeliveryOut:
    return WebhookDeliveryOut(
        id=delivery.message_id,
        type=delivery.event_type,
        created_at=delivery.created_at,
        status=delivery.status,
        reason=delivery.reason,
        attempts=delivery.attempts,
        next_attempt_at=delivery.next_attempt_at,
        last_status_code=delivery.last_status_code,
        last_error=delivery.last_error,
    )


def attempt_out(row: object) -> WebhookAttemptOut:
    return WebhookAttemptOut.model_validate(row, from_attributes=True)


# Endpoints


async def list_endpoints(db: AsyncSession, user_id: int) -> list[WebhookEndpointOut]:
    return [endpoint_out(endpoint) for endpoint in await repository.endpoints_of(db, user_id)]


async def _owned(ref: EndpointRef, *, for_update: bool = False) -> WebhookEndpoint:
    endpoint = await repository.owned_endpoint(
        ref.db, ref.user_id, ref.endpoint_id, for_update=for_update
    )
    if endpoint is None:  # another user's is "not found" too
        raise NotFoundError("Webhook endpoint not found")
    return endpoint


async def get_endpoint(ref: EndpointRef) -> WebhookEndpointOut:
    return endpoint_out(await _owned(ref))


async def _checked_url(kit: WebhookKit, url: str) -> str:
    checked = await check_url(url, production=kit.production, resolver=kit.sender.resolver)
    return checked.url


async def create_endpoint(
    db: AsyncSession, kit: WebhookKit, user_id: int, wanted: WebhookEndpointIn
) -> WebhookEndpointCreatedOut:
    if await repository.count_endpoints(db, user_id) >= kit.settings.max_endpoints:
        raise EndpointLimitError(f"at most {kit.settings.max_endpoints} endpoints per user")
    url = await _checked_url(kit, wanted.url)
    now = kit.clock.now()
    secret = new_secret()
    endpoint = WebhookEndpoint(
        user_id=user_id,
        url=url,
        description=wanted.description,
        events=list(wanted.events),
        symbols=list(wanted.filters.symbols),
        direction=wanted.filters.direction,
        min_confluence=wanted.filters.min_confluence,
        only_proven_setups=wanted.filters.only_proven_setups,
        status="active",
        payload_version=PAYLOAD_VERSION,
        secret=kit.box.encrypt(secret),
        failure_streak=0,
        created_at=now,
        updated_at=now,
    )
    await repository.add(db, endpoint)
    return WebhookEndpointCreatedOut(**endpoint_out(endpoint).model_dump(), secret=secret)


async def update_endpoint(
    ref: EndpointRef, kit: WebhookKit, wanted: WebhookEndpointPatch
) -> WebhookEndpointOut:
    endpoint = await _owned(ref, for_update=True)
    now = kit.clock.now()
    if wanted.url is not None:
        endpoint.url = await _checked_url(kit, wanted.url)
    if wanted.description is not None:
        endpoint.description = wanted.description
    if wanted.events is not None:
        endpoint.events = list(wanted.events)
    if wanted.filters is not None:
        endpoint.symbols = list(wanted.filters.symbols)
        endpoint.direction = wanted.filters.direction
        endpoint.min_confluence = wanted.filters.min_confluence
        endpoint.only_proven_setups = wanted.filters.only_proven_setups
    if wanted.enabled is True and endpoint.status != "active":
        # Missed events are not replayed; the logged ones can be redelivered.
        endpoint.status, endpoint.disabled_reason, endpoint.disabled_at = "active", None, None
        endpoint.failure_streak, endpoint.streak_started_at = 0, None
    elif wanted.enabled is False and endpoint.status == "active":
        endpoint.status, endpoint.disabled_at = "disabled", now
    endpoint.updated_at = now
    await ref.db.flush()
    return endpoint_out(endpoint)


async def delete_endpoint(ref: EndpointRef) -> None:
    await repository.delete_endpoint(ref.db, await _owned(ref, for_update=True))


async def rotate_secret(ref: EndpointRef, kit: WebhookKit) -> WebhookSecretOut:
    """The new secret signs first; the one it replaces signs too for a while. Rotating again
    meanwhile drops the oldest: two secrets at most."""
    endpoint = await _owned(ref, for_update=True)
    now = kit.clock.now()
    secret = new_secret()
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_until = now + timedelta(hours=kit.settings.previous_secret_hours)
    endpoint.secret = kit.box.encrypt(secret)
    endpoint.updated_at = now
    await ref.db.flush()
    return WebhookSecretOut(secret=secret, previous_secret_until=endpoint.previous_secret_until)


async def subscribed_event_types(db: AsyncSession) -> set[str]:
    """What any active endpoint wants: the minute's pipeline queues no fan-out for the rest
    (pattern.created comes many times a minute)."""
    return await repository.subscribed_event_types(db)


# The log


async def list_deliveries(
    ref: EndpointRef, filters: DeliveryFilters, page: PageQuery
) -> Page[WebhookDeliveryOut]:
    endpoint = await _owned(ref)
    request = PageRequest.from_cursor(page.cursor, key_size=1, limit=page.limit)
    rows = await repository.deliveries_page(ref.db, endpoint.id, filters, request)
    return rows.map(delivery_out)


async def _owned_delivery(ref: DeliveryRef) -> tuple[WebhookEndpoint, WebhookDelivery]:
    endpoint = await _owned(ref.endpoint)
    delivery = await repository.delivery_of_endpoint(ref.endpoint.db, endpoint.id, ref.message_id)
    if delivery is None:
        raise NotFoundError("Delivery not found")
    return endpoint, delivery


async def get_delivery(ref: DeliveryRef) -> WebhookDeliveryDetailOut:
    _, delivery = await _owned_delivery(ref)
    attempts = await repository.attempts_of(ref.endpoint.db, delivery.id)
    return WebhookDeliveryDetailOut(
        **delivery_out(delivery).model_dump(),
        body=delivery.body,
        attempt_log=[attempt_out(row) for row in attempts],
    )


# One attempt within the request


async def redeliver(ref: DeliveryRef, kit: WebhookKit) -> WebhookAttemptRunOut:
    """Same webhook-id and body, new timestamp and signatures; the delivery takes the
    result; no retries follow. Counts in the endpoint's failure streak."""
    endpoint, delivery = await _owned_delivery(ref)
    db = ref.endpoint.db
    if delivery.status == "pending":
        raise DeliveryPendingError("the delivery is still being attempted")
    if endpoint.status != "active":
        raise EndpointDisabledError("enable the endpoint first")
    now = kit.clock.now()
    secrets = kit.signing_secrets(endpoint, now)
    result = await kit.send(endpoint.url, secrets, delivery.message_id, delivery.body, now)
    done = kit.clock.now()
    attempt = attempt_row(delivery.id, "redeliver", result, now)
    db.add(attempt)
    delivery.attempts += 1
    take_result(delivery, result, done)
    if not result.succeeded:
        finish_failed(delivery, None, done)
    await db.refresh(endpoint, with_for_update=True)
    disabled = count_attempt(endpoint, kit.settings, result, done)
    await db.flush()
    if disabled is not None:
        await end_pending(db, endpoint.id, done)
        await queue_notice(kit, disabled)
    return WebhookAttemptRunOut(delivery=delivery_out(delivery), attempt=attempt_out(attempt))


async def send_test(ref: EndpointRef, kit: WebhookKit) -> WebhookAttemptRunOut:
    """A signed `webhook.test` event, whatever the endpoint's status: logged as a delivery,
    never retried, outside the failure streak."""
    endpoint = await _owned(ref)
    now = kit.clock.now()
    message_id = new_message_id()
    body = test_body(endpoint.id, now)
    result = await kit.send(endpoint.url, kit.signing_secrets(endpoint, now), message_id, body, now)
    done = kit.clock.now()
    delivery = WebhookDelivery(
        message_id=message_id,
        endpoint_id=endpoint.id,
        event_key=f"{TEST_EVENT}:{message_id}",
        event_type=TEST_EVENT,
        body=body,
        status="pending",
        attempts=1,
        created_at=now,
    )
    take_result(delivery, result, done)
    if not result.succeeded:
        finish_failed(delivery, None, done)
    await repository.add(ref.db, delivery)
    attempt = attempt_row(delivery.id, "test", result, now)
    await repository.add(ref.db, attempt)
    return WebhookAttemptRunOut(delivery=delivery_out(delivery), attempt=attempt_out(attempt))
