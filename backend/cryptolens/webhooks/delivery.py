"""One automatic attempt of a delivery (the `webhook_attempt` job): recheck the endpoint and
its owner, take the attempt (a job run twice makes one), POST outside any transaction, log
it, then schedule the retry as a deferred job. Never sleeps."""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.webhooks import repository
from cryptolens.webhooks.eligibility import owner_eligible
from cryptolens.webhooks.kit import WebhookKit
from cryptolens.webhooks.outcomes import (
    ENDPOINT_DISABLED,
    OWNER_INELIGIBLE,
    Disabled,
    attempt_row,
    count_attempt,
    end_pending,
    finish_failed,
    retry_delay,
    take_result,
)
from cryptolens.webhooks.transport import AttemptResult

log = logging.getLogger("cryptolens.webhooks")

ATTEMPT_JOB = "webhook_attempt"
NOTICE_JOB = "webhook_disabled_notice"
# An attempt counts as in flight for its time limit and this margin (a crashed worker's
# claim stops counting then).
IN_FLIGHT_MARGIN = timedelta(seconds=30)
# A delivery finding its endpoint's in-flight slots taken waits about this long.
BUSY_WAIT_SECONDS = 2.0


def attempt_job_id(delivery_id: int, expected_attempts: int) -> str:
    return f"webhook-attempt:{delivery_id}:{expected_attempts}"


@dataclass(frozen=True)
class _Claimed:
    url: str
    secrets: list[str]
    message_id: str
    body: str


@dataclass
class AttemptOutcome:
    status: str  # succeeded, retrying, failed, skipped, busy, endpoint_disabled...
    retry_in: float | None = None
    attempts: int = 0
    disabled: Disabled | None = None


async def run_attempt(
    session_factory: async_sessionmaker[AsyncSession],
    kit: WebhookKit,
    delivery_id: int,
    expected_attempts: int,
) -> AttemptOutcome:
    now = kit.clock.now()
    async with unit_of_work(session_factory) as db:
        claimed = await _claim(db, kit, delivery_id, expected_attempts)
    if isinstance(claimed, AttemptOutcome):
        if claimed.status == "busy":
            # Not an attempt: the same one, a little later.
            await kit.queue.enqueue(
                ATTEMPT_JOB,
                defer_seconds=BUSY_WAIT_SECONDS * random.uniform(1, 2),  # noqa: S311
                delivery_id=delivery_id,
                expected_attempts=expected_attempts,
            )
        return claimed
    result = await kit.send(claimed.url, claimed.secrets, claimed.message_id, claimed.body, now)
    async with unit_of_work(session_factory) as db:
        outcome = await _record(db, kit, delivery_id, result, now)
    await after_commit(kit, delivery_id, outcome)
    log.info(
        "webhooks.attempt",
        extra={
            "delivery_id": delivery_id,
            "attempt": outcome.attempts,
            "status": outcome.status,
            "status_code": result.status_code,
            "error": result.error,
        },
    )
    return outcome


async def after_commit(kit: WebhookKit, delivery_id: int, outcome: AttemptOutcome) -> None:
    """The follow-ups of a recorded attempt: its retry, its owner's notice."""
    if outcome.retry_in is not None:
        await kit.queue.enqueue(
            ATTEMPT_JOB,
            job_id=attempt_job_id(delivery_id, outcome.attempts),
            defer_seconds=outcome.retry_in,
            delivery_id=delivery_id,
            expected_attempts=outcome.attempts,
        )
    if outcome.disabled is not None:
        await queue_notice(kit, outcome.disabled)


async def queue_notice(kit: WebhookKit, disabled: Disabled) -> None:
    await kit.queue.enqueue(
        NOTICE_JOB,
        job_id=f"webhook-notice:{disabled.endpoint_id}:{disabled.streak}",
        endpoint_id=disabled.endpoint_id,
        streak=disabled.streak,
        last_error=disabled.last_error,
    )


async def _claim(
    db: AsyncSession, kit: WebhookKit, delivery_id: int, expected_attempts: int
) -> _Claimed | AttemptOutcome:
    now = kit.clock.now()
    delivery = await repository.get_delivery(db, delivery_id)
    if delivery is None or delivery.status != "pending" or delivery.attempts != expected_attempts:
        return AttemptOutcome("skipped")
    endpoint = await repository.get_endpoint(db, delivery.endpoint_id)
    refusal = None
    if endpoint is None or endpoint.status != "active":
        refusal = ENDPOINT_DISABLED
    elif not await owner_eligible(db, endpoint.user_id, now):
        refusal = OWNER_INELIGIBLE
    if refusal is not None:
        finish_failed(delivery, refusal, now)
        return AttemptOutcome(refusal, attempts=delivery.attempts)
    assert endpoint is not None
    if delivery.attempts >= len(kit.settings.retry_schedule_seconds):
        # The last allowed attempt was lost with its worker (the sweep resumed it).
        finish_failed(delivery, None, now)
        return AttemptOutcome("failed", attempts=delivery.attempts)
    if await repository.in_flight_count(db, endpoint.id, now) >= kit.settings.max_in_flight:
        return AttemptOutcome("busy", attempts=delivery.attempts)
    until = now + timedelta(seconds=kit.settings.attempt_timeout_seconds) + IN_FLIGHT_MARGIN
    if not await repository.claim_attempt(db, delivery_id, expected_attempts, now, until):
        return AttemptOutcome("skipped")
    return _Claimed(
        url=endpoint.url,
        secrets=kit.signing_secrets(endpoint, now),
        message_id=delivery.message_id,
        body=delivery.body,
    )


async def _record(
    db: AsyncSession,
    kit: WebhookKit,
    delivery_id: int,
    result: AttemptResult,
    attempted_at: datetime,
) -> AttemptOutcome:
    now = kit.clock.now()
    delivery = await repository.get_delivery(db, delivery_id)
    if delivery is None:  # the endpoint was deleted meanwhile, its log with it
        return AttemptOutcome("skipped")
    db.add(attempt_row(delivery.id, "auto", result, attempted_at))
    take_result(delivery, result, now)
    outcome = AttemptOutcome("succeeded", attempts=delivery.attempts)
    if not result.succeeded:
        delay = retry_delay(kit.settings, delivery.attempts)
        if delay is None:
            finish_failed(delivery, None, now)
            outcome.status = "failed"
        elif delivery.status == "pending":
            delivery.next_attempt_at = now + timedelta(seconds=delay)
            outcome.status, outcome.retry_in = "retrying", delay
        else:  # ended meanwhile (its endpoint disabled): no retry
            outcome.status = delivery.status
    endpoint = await repository.get_endpoint(db, delivery.endpoint_id, for_update=True)
    if endpoint is not None:
        outcome.disabled = count_attempt(endpoint, kit.settings, result, now)
        if outcome.disabled is not None:
            if delivery.status == "pending":
                finish_failed(delivery, ENDPOINT_DISABLED, now)
                outcome.status, outcome.retry_in = "failed", None
            await end_pending(db, endpoint.id, now)
    return outcome
