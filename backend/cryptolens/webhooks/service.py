"""The signed-in owner's endpoints: create, read, change, delete, rotate the secret, the log,
a redelivery and a test event (one attempt each, within the request)."""

from __future__ import annotations

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


class EndpointLimitError(ConflictError):
    code = "limit_reached"


class DeliveryPendingError(ConflictError):
    code = "delivery_pending"


class EndpointDisabledError(ConflictError):
    code = "endpoint_disabled"


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


async def _owned(
    db: AsyncSession, user_id: int, endpoint_id: int, *, for_update: bool = False
) -> WebhookEndpoint:
    endpoint = await repository.owned_endpoint(db, user_id, endpoint_id, for_update=for_update)
    if endpoint is None:  # another user's is "not found" too
        raise NotFoundError("Webhook endpoint not found")
    return endpoint


async def get_endpoint(db: AsyncSession, user_id: int, endpoint_id: int) -> WebhookEndpointOut:
    return endpoint_out(await _owned(db, user_id, endpoint_id))


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
    db: AsyncSession, kit: WebhookKit, user_id: int, endpoint_id: int, wanted: WebhookEndpointPatch
) -> WebhookEndpointOut:
    endpoint = await _owned(db, user_id, endpoint_id, for_update=True)
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
    if wanted.enabled is True and endpoint.status != "active":
        # Missed events are not replayed; the logged ones can be redelivered.
        endpoint.status, endpoint.disabled_reason, endpoint.disabled_at = "active", None, None
        endpoint.failure_streak, endpoint.streak_started_at = 0, None
    elif wanted.enabled is False and endpoint.status == "active":
        endpoint.status, endpoint.disabled_at = "disabled", now
    endpoint.updated_at = now
    await db.flush()
    return endpoint_out(endpoint)


async def delete_endpoint(db: AsyncSession, user_id: int, endpoint_id: int) -> None:
    await repository.delete_endpoint(db, await _owned(db, user_id, endpoint_id, for_update=True))


async def rotate_secret(
    db: AsyncSession, kit: WebhookKit, user_id: int, endpoint_id: int
) -> WebhookSecretOut:
    """The new secret signs first; the one it replaces signs too for a while. Rotating again
    meanwhile drops the oldest: two secrets at most."""
    endpoint = await _owned(db, user_id, endpoint_id, for_update=True)
    now = kit.clock.now()
    secret = new_secret()
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_until = now + timedelta(hours=kit.settings.previous_secret_hours)
    endpoint.secret = kit.box.encrypt(secret)
    endpoint.updated_at = now
    await db.flush()
    return WebhookSecretOut(secret=secret, previous_secret_until=endpoint.previous_secret_until)


async def subscribed_event_types(db: AsyncSession) -> set[str]:
    """What any active endpoint wants: the minute's pipeline queues no fan-out for the rest
    (pattern.created comes many times a minute)."""
    return await repository.subscribed_event_types(db)


# The log


async def list_deliveries(
    db: AsyncSession, user_id: int, endpoint_id: int, filters: DeliveryFilters, page: PageQuery
) -> Page[WebhookDeliveryOut]:
    endpoint = await _owned(db, user_id, endpoint_id)
    request = PageRequest.from_cursor(page.cursor, key_size=1, limit=page.limit)
    rows = await repository.deliveries_page(db, endpoint.id, filters, request)
    return rows.map(delivery_out)


async def _owned_delivery(
    db: AsyncSession, user_id: int, endpoint_id: int, message_id: str
) -> tuple[WebhookEndpoint, WebhookDelivery]:
    endpoint = await _owned(db, user_id, endpoint_id)
    delivery = await repository.delivery_of_endpoint(db, endpoint.id, message_id)
    if delivery is None:
        raise NotFoundError("Delivery not found")
    return endpoint, delivery


async def get_delivery(
    db: AsyncSession, user_id: int, endpoint_id: int, message_id: str
) -> WebhookDeliveryDetailOut:
    _, delivery = await _owned_delivery(db, user_id, endpoint_id, message_id)
    attempts = await repository.attempts_of(db, delivery.id)
    return WebhookDeliveryDetailOut(
        **delivery_out(delivery).model_dump(),
        body=delivery.body,
        attempt_log=[attempt_out(row) for row in attempts],
    )


# One attempt within the request


async def redeliver(
    db: AsyncSession, kit: WebhookKit, user_id: int, endpoint_id: int, message_id: str
) -> WebhookAttemptRunOut:
    """Same webhook-id and body, new timestamp and signatures; the delivery takes the
    result; no retries follow. Counts in the endpoint's failure streak."""
    endpoint, delivery = await _owned_delivery(db, user_id, endpoint_id, message_id)
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


async def send_test(
    db: AsyncSession, kit: WebhookKit, user_id: int, endpoint_id: int
) -> WebhookAttemptRunOut:
    """A signed `webhook.test` event, whatever the endpoint's status: logged as a delivery,
    never retried, outside the failure streak."""
    endpoint = await _owned(db, user_id, endpoint_id)
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
    await repository.add(db, delivery)
    attempt = attempt_row(delivery.id, "test", result, now)
    await repository.add(db, attempt)
    return WebhookAttemptRunOut(delivery=delivery_out(delivery), attempt=attempt_out(attempt))
