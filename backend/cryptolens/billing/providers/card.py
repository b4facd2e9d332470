"""The card provider, LemonSqueezy-style: hosted checkouts through its JSON:API, recurring
subscriptions, webhooks signed with hex HMAC-SHA256 of the raw body in `X-Signature`.

Webhook bodies: {"meta": {"event_name", "custom_data": {"checkout_ref"}}, "data": {"type", "id",
"attributes"}}. The custom data sits in the ROOT meta (the original read `data.meta` and never
found it). Only our checkout_ref is taken from it; the ledger finds the payment by it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import httpx

from cryptolens.billing.providers import event_fields as fields
from cryptolens.billing.providers.api_client import ProviderApi, json_object
from cryptolens.billing.providers.base import (
    CheckoutRequest,
    CreatedCheckout,
    EventKind,
    ProviderEvent,
    ProviderName,
    ProviderUnavailable,
    SignatureError,
)
from cryptolens.billing.providers.checkout_expiry import checkout_expires_at
from cryptolens.billing.providers.signing import header, sha256_hex, signatures_match
from cryptolens.core.clock import Clock, SystemClock
from cryptolens.settings import BillingSettings

JSON_API = "application/vnd.api+json"
SIGNATURE_HEADER = "X-Signature"
CENTS = Decimal(100)

# The subscription events we act on; the others (updated, resumed, paused...) are ignored.
SUBSCRIPTION_KINDS: dict[str, EventKind] = {
    "subscription_created": "subscription_linked",
    "subscription_cancelled": "subscription_cancelled",
    "subscription_expired": "subscription_expired",
}


class CardProvider:
    name: ProviderName = "card"

    def __init__(
        self,
        settings: BillingSettings,
        http: httpx.AsyncClient | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock or SystemClock()
        self._api = ProviderApi("card", settings.provider_timeout_seconds, http)

    def _headers(self) -> dict[str, str]:
        key = self.settings.lemonsqueezy_api_key
        return {
            "Accept": JSON_API,
            "Content-Type": JSON_API,
            "Authorization": f"Bearer {key.get_secret_value() if key else ''}",
        }

    def _url(self, path: str) -> str:
        return self.settings.lemonsqueezy_api_url.rstrip("/") + path

    async def create_checkout(self, request: CheckoutRequest) -> CreatedCheckout:
        variant = self.settings.variant_of(request.plan, request.cycle)
        store = self.settings.lemonsqueezy_store_id
        if not variant or not store:
            raise ProviderUnavailable(f"card: no variant for {request.plan} {request.cycle}")
        expires_at = checkout_expires_at(self.settings, self.clock.now())
        body = {
            "data": {
                "type": "checkouts",
                "attributes": {
                    "checkout_data": {
                        "email": request.user_email,
                        "custom": {"checkout_ref": request.checkout_ref},
                    },
                    "product_options": {"redirect_url": request.return_url},
                    "expires_at": expires_at.isoformat().replace("+00:00", "Z"),
                },
                "relationships": {
                    "store": {"data": {"type": "stores", "id": store}},
                    "variant": {"data": {"type": "variants", "id": variant}},
                },
            }
        }
        response = await self._api.call(
            "POST", self._url("/v1/checkouts"), "checkout", headers=self._headers(), json=body
        )
        data = fields.optional_mapping((json_object(response) or {}).get("data"))
        attributes = fields.optional_mapping(data.get("attributes"))
        checkout_id, url = data.get("id"), attributes.get("url")
        if not isinstance(checkout_id, str | int) or not isinstance(url, str):
            raise self._api.unexpected("checkout", "data.id or data.attributes.url")
        return CreatedCheckout(
            provider_checkout_id=str(checkout_id),
            checkout_url=url,
            expires_at=_timestamp(attributes.get("expires_at")) or expires_at,
        )

    async def cancel_subscription(self, provider_subscription_id: str) -> None:
        # LemonSqueezy's DELETE cancels at the end of the paid period (it can be resumed).
        path = "/v1/subscriptions/" + quote(provider_subscription_id, safe="")
        await self._api.call("DELETE", self._url(path), "cancel", headers=self._headers())

    def verify(self, raw_body: bytes, headers: Mapping[str, str]) -> None:
        secret = self.settings.lemonsqueezy_webhook_secret
        if secret is None or not secret.get_secret_value():
            raise SignatureError("no webhook secret configured")
        received = header(headers, SIGNATURE_HEADER)
        if not received:
            raise SignatureError("no signature")
        if not signatures_match(sha256_hex(secret.get_secret_value(), raw_body), received):
            raise SignatureError("wrong signature")

    def parse(self, raw_body: bytes) -> ProviderEvent:
        return parse_card_event(raw_body)

    async def aclose(self) -> None:
        await self._api.aclose()


def parse_card_event(raw_body: bytes) -> ProviderEvent:
    body = fields.json_body(raw_body)
    meta = fields.mapping(body.get("meta"), "meta")
    data = fields.mapping(body.get("data"), "data")
    event_name = fields.required_text(meta.get("event_name"), "meta.event_name")
    data_type = fields.required_text(data.get("type"), "data.type")
    data_id = fields.identifier(data.get("id"), "data.id", required=True)
    attributes = fields.optional_mapping(data.get("attributes"))
    custom = fields.optional_mapping(meta.get("custom_data"))
    event = ProviderEvent(
        provider="card",
        event_id=fields.event_id(f"{event_name}:{data_type}:{data_id}"),
        event_type=event_name,
        kind="ignored",
        checkout_ref=fields.checkout_ref(custom.get("checkout_ref")),
        provider_status=fields.short(attributes.get("status"), fields.STATUS_MAX),
    )
    if event_name in ("order_created", "order_refunded"):
        return _order_event(event, data_id, attributes)
    if event_name in SUBSCRIPTION_KINDS:
        return replace(event, kind=SUBSCRIPTION_KINDS[event_name], provider_subscription_id=data_id)
    if event_name in ("subscription_payment_success", "subscription_payment_refunded"):
        return _invoice_event(event, data_id, attributes)
    return event


def _order_event(
    event: ProviderEvent, order_id: str | None, attributes: dict[str, Any]
) -> ProviderEvent:
    if event.event_type == "order_refunded":
        return replace(event, kind="refunded", provider_object_id=order_id)
    if attributes.get("status") != "paid":
        return replace(event, kind="progress", provider_object_id=order_id)
    return replace(event, kind="paid", provider_object_id=order_id, **_charged(attributes))


def _invoice_event(
    event: ProviderEvent, invoice_id: str | None, attributes: dict[str, Any]
) -> ProviderEvent:
    subscription_id = fields.identifier(
        attributes.get("subscription_id"), "attributes.subscription_id", required=True
    )
    if event.event_type == "subscription_payment_refunded":
        # A renewal's refund: found by the invoice id alone (the ledger tries the checkout_ref
        # and the subscription id first, and both name the first payment, not this one).
        return replace(event, kind="refunded", checkout_ref=None, provider_object_id=invoice_id)
    # "initial" is the checkout's own charge, already credited by order_created (the original
    # credited both); "updated" (a plan change's proration) is not a period either.
    if attributes.get("billing_reason") != "renewal" or attributes.get("status") != "paid":
        return replace(event, provider_subscription_id=subscription_id)
    return replace(
        event,
        kind="renewed",
        provider_subscription_id=subscription_id,
        provider_object_id=invoice_id,
        **_charged(attributes),
    )


def _charged(attributes: dict[str, Any]) -> dict[str, Any]:
    """What was charged: `total` in cents, and the currency."""
    total = fields.required_amount(attributes.get("total"), "attributes.total")
    return {
        "amount": total / CENTS,
        "currency": fields.currency(
            attributes.get("currency"), "attributes.currency", required=True
        ),
    }


def _timestamp(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        found = datetime.fromisoformat(value)
    except ValueError:
        return None
    return found if found.tzinfo is not None else None
