"""The fake provider: checkouts completed on our own SPA page (embedded default and tests).

It sends nothing anywhere: the server plays the provider, building the same signed webhook a
real provider would (`fake_event`) and running it through the webhook intake, so the whole path
(signature, parsing, ledger) is the one real payments take. Body: JSON {event, event_id,
checkout_ref, amount, currency, status}, hex HMAC-SHA256 of the raw body in `X-Signature`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

from cryptolens.billing.providers import event_fields as fields
from cryptolens.billing.providers.base import (
    CheckoutRequest,
    CreatedCheckout,
    EventKind,
    ProviderEvent,
    ProviderName,
    SignatureError,
)
from cryptolens.billing.providers.checkout_expiry import checkout_expires_at
from cryptolens.billing.providers.signing import header, sha256_hex, signatures_match
from cryptolens.core.clock import Clock, SystemClock
from cryptolens.settings import BillingSettings, Settings

SIGNATURE_HEADER = "X-Signature"
FakeOutcome = Literal["paid", "failed"]
EVENT_KINDS: dict[str, EventKind] = {"paid": "paid", "failed": "failed"}
DECLINED = "declined on the fake checkout page"


def fake_secret(settings: Settings) -> str:
    """The configured secret, else one derived from the secret key (stable across restarts,
    never the key itself)."""
    configured = settings.billing.fake_webhook_secret
    if configured is not None and configured.get_secret_value():
        return configured.get_secret_value()
    key = settings.secret_key_value().encode("utf-8")
    return hmac.new(key, b"billing-fake", hashlib.sha256).hexdigest()


def fake_event(
    checkout_ref: str,
    amount: Decimal,
    currency: str,
    outcome: FakeOutcome,
    secret: str,
    event_id: str | None = None,
) -> tuple[bytes, dict[str, str]]:
    """The signed body and headers the fake provider "sends" for a checkout's outcome.

    The default event id is one per checkout and outcome: paying twice is a replay.
    """
    body = json.dumps(
        {
            "event": outcome,
            "event_id": event_id or f"{outcome}:{checkout_ref}",
            "checkout_ref": checkout_ref,
            "amount": str(amount),
            "currency": currency,
            "status": outcome,
        },
        separators=(",", ":"),
    ).encode("utf-8")
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sha256_hex(secret, body),
    }
    return body, headers


class FakeProvider:
    name: ProviderName = "fake"

    def __init__(self, settings: BillingSettings, secret: str, clock: Clock | None = None) -> None:
        self.settings = settings
        self.secret = secret
        self.clock = clock or SystemClock()

    async def create_checkout(self, request: CheckoutRequest) -> CreatedCheckout:
        # A path of the SPA, not a provider's host: the payer stays on our site.
        return CreatedCheckout(
            provider_checkout_id=request.checkout_ref,
            checkout_url=f"/billing/fake-checkout/{request.payment_id}",
            expires_at=checkout_expires_at(self.settings, self.clock.now()),
        )

    async def cancel_subscription(self, provider_subscription_id: str) -> None:
        """No recurring subscription exists at the fake."""

    def sign(
        self, checkout_ref: str, amount: Decimal, currency: str, outcome: FakeOutcome
    ) -> tuple[bytes, dict[str, str]]:
        return fake_event(checkout_ref, amount, currency, outcome, self.secret)

    def verify(self, raw_body: bytes, headers: Mapping[str, str]) -> None:
        if not self.secret:
            raise SignatureError("no webhook secret configured")
        received = header(headers, SIGNATURE_HEADER)
        if not received:
            raise SignatureError("no signature")
        if not signatures_match(sha256_hex(self.secret, raw_body), received):
            raise SignatureError("wrong signature")

    def parse(self, raw_body: bytes) -> ProviderEvent:
        return parse_fake_event(raw_body)

    async def aclose(self) -> None:
        """Nothing to close."""


def parse_fake_event(raw_body: bytes) -> ProviderEvent:
    body = fields.json_body(raw_body)
    event = fields.required_text(body.get("event"), "event")
    kind = EVENT_KINDS.get(event, "ignored")
    paid = kind == "paid"  # a payment to credit must say what it charged
    return ProviderEvent(
        provider="fake",
        event_id=fields.event_id(
            fields.required_text(body.get("event_id"), "event_id", fields.EVENT_ID_MAX)
        ),
        event_type=event,
        kind=kind,
        checkout_ref=fields.checkout_ref(body.get("checkout_ref")),
        amount=(fields.required_amount if paid else fields.amount)(body.get("amount"), "amount"),
        currency=fields.currency(body.get("currency"), "currency", required=paid),
        provider_status=fields.short(body.get("status"), fields.STATUS_MAX),
        reason=DECLINED if kind == "failed" else None,
    )
