"""The crypto provider, NOWPayments-style: one invoice per period through its REST API (no
recurrence), and IPNs signed with hex HMAC-SHA512 in `x-nowpayments-sig` over the body's JSON
re-serialised with sorted keys and compact separators.

The ledger judges the amounts; here a `finished` payment that received less than it asked for
is reported as `partially_paid` ("underpaid"), so nothing can credit it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import httpx

from cryptolens.billing.providers import event_fields as fields
from cryptolens.billing.providers.api_client import ProviderApi, json_object
from cryptolens.billing.providers.base import (
    CheckoutRequest,
    CreatedCheckout,
    EventKind,
    ProviderEvent,
    ProviderName,
    SignatureError,
)
from cryptolens.billing.providers.signing import header, sha512_hex_of_json, signatures_match
from cryptolens.settings import BillingSettings

SIGNATURE_HEADER = "x-nowpayments-sig"

STATUS_KINDS: dict[str, EventKind] = {
    "waiting": "progress",
    "confirming": "progress",
    "confirmed": "progress",
    "sending": "progress",
    "partially_paid": "partially_paid",
    "finished": "paid",
    "failed": "failed",
    "expired": "expired",
    "refunded": "refunded",
}


class CryptoProvider:
    name: ProviderName = "crypto"

    def __init__(self, settings: BillingSettings, http: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self._api = ProviderApi("crypto", settings.provider_timeout_seconds, http)

    async def create_checkout(self, request: CheckoutRequest) -> CreatedCheckout:
        key = self.settings.nowpayments_api_key
        body: dict[str, Any] = {
            "price_amount": float(request.amount),
            "price_currency": request.currency.lower(),
            "order_id": request.checkout_ref,
            "order_description": f"CryptoLens {request.plan} {request.cycle}",
            "ipn_callback_url": request.callback_url,
            "success_url": request.return_url,
            "cancel_url": request.return_url,
        }
        if self.settings.nowpayments_pay_currency:
            body["pay_currency"] = self.settings.nowpayments_pay_currency
        response = await self._api.call(
            "POST",
            self.settings.nowpayments_api_url.rstrip("/") + "/v1/invoice",
            "checkout",
            headers={"x-api-key": key.get_secret_value() if key else ""},
            json=body,
        )
        invoice = json_object(response) or {}
        invoice_id, url = invoice.get("id"), invoice.get("invoice_url")
        if not isinstance(invoice_id, str | int) or not isinstance(url, str):
            raise self._api.unexpected("checkout", "id or invoice_url")
        return CreatedCheckout(provider_checkout_id=str(invoice_id), checkout_url=url)

    async def cancel_subscription(self, provider_subscription_id: str) -> None:
        """An invoice pays one period; there is nothing recurring to stop."""

    def verify(self, raw_body: bytes, headers: Mapping[str, str]) -> None:
        secret = self.settings.nowpayments_ipn_secret
        if secret is None or not secret.get_secret_value():
            raise SignatureError("no IPN secret configured")
        received = header(headers, SIGNATURE_HEADER)
        if not received:
            raise SignatureError("no signature")
        # The signature covers the parsed body, so parsing comes first; nothing parsed is used
        # before the check passes.
        try:
            payload = json.loads(raw_body)
        except (ValueError, UnicodeDecodeError):
            raise SignatureError("the body is not JSON") from None
        if not isinstance(payload, dict):
            raise SignatureError("the body is not a JSON object")
        if not signatures_match(sha512_hex_of_json(secret.get_secret_value(), payload), received):
            raise SignatureError("wrong signature")

    def parse(self, raw_body: bytes) -> ProviderEvent:
        return parse_crypto_event(raw_body)

    async def aclose(self) -> None:
        await self._api.aclose()


def parse_crypto_event(raw_body: bytes) -> ProviderEvent:
    body = fields.json_body(raw_body)
    status = fields.required_text(body.get("payment_status"), "payment_status", fields.STATUS_MAX)
    payment_id = fields.identifier(body.get("payment_id"), "payment_id", required=True)
    actually_paid = fields.amount(body.get("actually_paid"), "actually_paid")
    kind = STATUS_KINDS.get(status, "ignored")
    reason: str | None = status if kind in ("failed", "expired") else None
    if kind == "paid":
        pay_amount = fields.required_amount(body.get("pay_amount"), "pay_amount")
        received = fields.required_amount(body.get("actually_paid"), "actually_paid")
        if received < pay_amount:
            kind, reason = "partially_paid", "underpaid"
        # What the ledger checks against the plan's price: absent, it could not judge.
        fields.required_amount(body.get("price_amount"), "price_amount")
        fields.currency(body.get("price_currency"), "price_currency", required=True)
    return ProviderEvent(
        provider="crypto",
        # The same payment reports each status once per amount received so far.
        event_id=fields.event_id(f"{payment_id}:{status}:{body.get('actually_paid')}"),
        event_type=status,
        kind=kind,
        checkout_ref=fields.checkout_ref(body.get("order_id")),
        provider_checkout_id=fields.identifier(body.get("invoice_id"), "invoice_id"),
        provider_object_id=payment_id,
        amount=fields.amount(body.get("price_amount"), "price_amount"),
        currency=fields.currency(body.get("price_currency"), "price_currency"),
        paid_amount=actually_paid,
        paid_currency=fields.currency(body.get("pay_currency"), "pay_currency"),
        provider_status=status,
        reason=reason,
    )
