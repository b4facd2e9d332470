"""Request and response bodies of /api/v1/webhooks."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from cryptolens.core.iso_times import IsoInstant

EventType = Literal["signal.created", "signal.updated", "pattern.created"]
EVENT_TYPES: tuple[EventType, ...] = ("signal.created", "signal.updated", "pattern.created")
TEST_EVENT = "webhook.test"
DEFAULT_EVENTS: list[EventType] = ["signal.created", "signal.updated"]
Direction = Literal["both", "long", "short"]
EndpointStatus = Literal["active", "disabled", "auto_disabled"]
DeliveryStatus = Literal["pending", "succeeded", "failed"]
AttemptKind = Literal["auto", "redeliver", "test"]

_SYMBOL = re.compile(r"^[A-Z0-9]{1,20}/[A-Z0-9]{1,20}$")


class WebhookFiltersIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    symbols: list[str] = Field(
        default_factory=list, max_length=100, description="BASE/QUOTE; empty: every symbol"
    )
    direction: Direction = Field(
        default="both", description="A bullish pattern is long, a bearish one short"
    )
    min_confluence: int = Field(default=1, ge=1, le=6, description="Signals only")
    only_proven_setups: bool = Field(
        default=False,
        strict=True,
        description="Signals only: only setups with >= 30 resolved signals in 90 days"
        " averaging above 0 R",
    )

    @field_validator("symbols")
    @classmethod
    def _symbols(cls, symbols: list[str]) -> list[str]:
        normalised = []
        for symbol in symbols:
            upper = symbol.strip().upper()
            if not _SYMBOL.fullmatch(upper):
                raise ValueError(f"{symbol[:40]!r} is not a BASE/QUOTE symbol")
            if upper not in normalised:
                normalised.append(upper)
        return normalised


def _events(events: list[EventType]) -> list[EventType]:
    if not events:
        raise ValueError("subscribe to at least one event")
    return [event for event in EVENT_TYPES if event in events]


class WebhookEndpointIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(max_length=2048, examples=["https://example.com/hooks/cryptolens"])
    description: str = Field(default="", max_length=200)
    events: list[EventType] = Field(default_factory=lambda: list(DEFAULT_EVENTS))
    filters: WebhookFiltersIn = Field(default_factory=WebhookFiltersIn)

    _check_events = field_validator("events")(_events)


class WebhookEndpointPatch(BaseModel):
    """Only the fields sent change; `enabled: true` re-activates a disabled endpoint (its
    failure count back to 0), `false` disables it."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(default=None, max_length=2048)
    description: str | None = Field(default=None, max_length=200)
    events: list[EventType] | None = None
    filters: WebhookFiltersIn | None = None
    enabled: bool | None = None

    @field_validator("events")
    @classmethod
    def _check_events(cls, events: list[EventType] | None) -> list[EventType] | None:
        return None if events is None else _events(events)


class WebhookFiltersOut(BaseModel):
    symbols: list[str]
    direction: Direction
    min_confluence: int
    only_proven_setups: bool


class WebhookEndpointOut(BaseModel):
    id: int
    url: str
    description: str
    events: list[EventType]
    filters: WebhookFiltersOut
    status: EndpointStatus
    disabled_reason: str | None = Field(description="Why it was auto-disabled")
    disabled_at: IsoInstant | None
    payload_version: int
    failure_streak: int = Field(description="Consecutive failed attempts (tests excluded)")
    previous_secret_until: IsoInstant | None = Field(
        description="Until when the rotated-out secret still signs (both signatures sent)"
    )
    created_at: IsoInstant
    updated_at: IsoInstant


class WebhookEndpointCreatedOut(WebhookEndpointOut):
    secret: str = Field(description="whsec_...: shown in this answer only")


class WebhookSecretOut(BaseModel):
    secret: str = Field(description="The new whsec_ secret: shown in this answer only")
    previous_secret_until: IsoInstant | None = Field(
        description="Until when the previous secret also signs"
    )


class WebhookDeliveryOut(BaseModel):
    id: str = Field(description="msg_...: the webhook-id header of every attempt")
    type: str
    created_at: IsoInstant
    status: DeliveryStatus
    reason: str | None = Field(description="Why it failed without a receiver's answer")
    attempts: int
    next_attempt_at: IsoInstant | None
    last_status_code: int | None
    last_error: str | None


class WebhookAttemptOut(BaseModel):
    attempted_at: IsoInstant
    duration_ms: int
    kind: AttemptKind
    succeeded: bool
    request_headers: dict[str, str]
    status_code: int | None
    response_headers: dict[str, str]
    response_body: str = Field(description="The first 2,048 bytes, invalid UTF-8 replaced")
    error: str | None = Field(description="timeout, connection, tls or blocked_address")


class WebhookDeliveryDetailOut(WebhookDeliveryOut):
    body: str = Field(description="The exact body sent")
    attempt_log: list[WebhookAttemptOut] = Field(description="Every attempt, oldest first")


class WebhookAttemptRunOut(BaseModel):
    """A redelivery or test: the attempt made within the request, and its delivery after."""

    delivery: WebhookDeliveryOut
    attempt: WebhookAttemptOut


class WebhookDeletedOut(BaseModel):
    message: str
