"""What an attempt's result does: its log row, the delivery's state, the retry delay and the
endpoint's failure streak (which may disable it)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.settings import WebhookSettings
from cryptolens.webhooks import repository
from cryptolens.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from cryptolens.webhooks.transport import AttemptResult

ENDPOINT_DISABLED = "endpoint_disabled"
OWNER_INELIGIBLE = "owner_ineligible"


def retry_delay(settings: WebhookSettings, attempts_made: int) -> float | None:
    """Seconds before the next attempt after `attempts_made` failed ones (+- the jitter);
    None once the schedule is used up."""
    schedule = settings.retry_schedule_seconds
    if attempts_made >= len(schedule):
        return None
    base = schedule[attempts_made]
    jitter = settings.retry_jitter
    # Spreads retries of many deliveries that failed together (not a secret: random is fine).
    return base * random.uniform(max(0.0, 1 - jitter), 1 + jitter)  # noqa: S311


def failure_text(result: AttemptResult) -> str:
    if result.error is not None:
        return result.error
    return f"HTTP {result.status_code}"


def attempt_row(
    delivery_id: int, kind: str, result: AttemptResult, attempted_at: datetime
) -> WebhookAttempt:
    return WebhookAttempt(
        delivery_id=delivery_id,
        kind=kind,
        attempted_at=attempted_at,
        duration_ms=result.duration_ms,
        succeeded=result.succeeded,
        request_headers=dict(result.request_headers),
        status_code=result.status_code,
        response_headers=dict(result.response_headers),
        response_body=result.response_body,
        error=result.error,
    )


def take_result(delivery: WebhookDelivery, result: AttemptResult, now: datetime) -> None:
    delivery.last_status_code = result.status_code
    delivery.last_error = result.error
    delivery.in_flight_until = None
    delivery.next_attempt_at = None
    if result.succeeded:
        delivery.status, delivery.reason, delivery.finished_at = "succeeded", None, now


def finish_failed(delivery: WebhookDelivery, reason: str | None, now: datetime) -> None:
    delivery.status, delivery.reason, delivery.finished_at = "failed", reason, now
    delivery.next_attempt_at = None
    delivery.in_flight_until = None


@dataclass(frozen=True)
class Disabled:
    """An endpoint this attempt auto-disabled: what its owner's notice names."""

    endpoint_id: int
    streak: int
    last_error: str


def count_attempt(
    endpoint: WebhookEndpoint, settings: WebhookSettings, result: AttemptResult, now: datetime
) -> Disabled | None:
    """Moves the endpoint's streak of failed attempts (tests never come here); returns what
    to tell the owner when the streak disables it now."""
    if result.succeeded:
        endpoint.failure_streak, endpoint.streak_started_at = 0, None
        return None
    endpoint.failure_streak += 1
    endpoint.streak_started_at = endpoint.streak_started_at or now
    endpoint.last_error = failure_text(result)
    long_enough = now - endpoint.streak_started_at >= timedelta(hours=settings.auto_disable_hours)
    if (
        endpoint.status != "active"
        or endpoint.failure_streak < settings.auto_disable_failures
        or not long_enough
    ):
        return None
    endpoint.status = "auto_disabled"
    endpoint.disabled_at = now
    endpoint.disabled_reason = (
        f"{endpoint.failure_streak} consecutive failed attempts since "
        f"{endpoint.streak_started_at:%Y-%m-%d %H:%M} UTC; last: {endpoint.last_error}"
    )
    endpoint.updated_at = now
    return Disabled(endpoint.id, endpoint.failure_streak, endpoint.last_error)


async def end_pending(db: AsyncSession, endpoint_id: int, now: datetime) -> int:
    """An endpoint just disabled: its pending deliveries end failed, no more attempts."""
    await db.flush()
    return await repository.fail_pending_of(db, endpoint_id, ENDPOINT_DISABLED, now)
