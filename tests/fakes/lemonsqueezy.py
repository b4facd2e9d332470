"""A fake LemonSqueezy on a real loopback socket: its JSON:API for checkouts and subscription
cancellation, and webhooks signed as LemonSqueezy signs them.

    async with FakeLemonSqueezy() as lemon:
        settings = make_settings(var_dir, **lemon.settings_overrides())
        ... create a checkout through the card provider ...
        delivery = lemon.order_created(checkout_id)       # POST it to /api/v1/billing/webhooks/card
        lemon.fail_next = 2                               # the next two API calls get 500
        lemon.delay_s = 1.0                               # API answers come this late

API: POST /v1/checkouts and DELETE /v1/subscriptions/{id}, `Authorization: Bearer <api_key>`
(401 otherwise), JSON:API media type. Webhooks: {"meta": {"event_name", "custom_data",
"webhook_id"}, "data": {"type", "id", "attributes"}}, hex HMAC-SHA256 of the raw body in
X-Signature, the event name in X-Event-Name.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Self

from aiohttp import web

from cryptolens.settings import BillingSettings, PlanSettings

JSON_API = "application/vnd.api+json"
PLANS = (("pro", "monthly"), ("pro", "yearly"), ("premium", "monthly"), ("premium", "yearly"))


@dataclass
class Delivery:
    """A webhook as the provider sends it: POST `body` with `headers` to our endpoint."""

    body: bytes
    headers: dict[str, str]
    object_id: str  # the order, subscription or invoice id the event is about


@dataclass
class ApiRequest:
    method: str
    path: str  # as sent, still percent-encoded
    authorization: str | None
    content_type: str | None
    accept: str | None
    body: dict[str, Any] | None
    status: int


def _default_prices() -> dict[tuple[str, str], int]:
    plans = PlanSettings()
    return {
        (plan, cycle): int(getattr(plans, f"price_{plan}_{cycle}") * 100) for plan, cycle in PLANS
    }


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


@dataclass
class FakeLemonSqueezy:
    provider = "card"  # not a field: the name settings_overrides enables
    api_key: str = field(default_factory=lambda: "ls_key_" + secrets.token_hex(12))
    store_id: str = "4242"
    webhook_secret: str = field(default_factory=lambda: "ls_whsec_" + secrets.token_hex(12))
    variants: dict[tuple[str, str], str] = field(
        default_factory=lambda: {plan: str(1000 + index) for index, plan in enumerate(PLANS)}
    )
    prices: dict[tuple[str, str], int] = field(default_factory=_default_prices)  # cents
    checkouts: dict[str, dict[str, Any]] = field(default_factory=dict)
    cancelled: list[str] = field(default_factory=list)
    requests: list[ApiRequest] = field(default_factory=list)
    fail_next: int = 0
    delay_s: float = 0.0
    base_url: str = ""
    last_order_id: str | None = None
    # order id -> checkout id; subscription id -> checkout id
    orders: dict[str, str] = field(default_factory=dict)
    subscriptions: dict[str, str] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(5001))
    _runner: web.AppRunner | None = None

    # -- serving ------------------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_post("/v1/checkouts", self._create_checkout)
        app.router.add_delete("/v1/subscriptions/{subscription_id}", self._cancel_subscription)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def billing_fields(self) -> dict[str, Any]:
        """BillingSettings' fields pointing the card provider at this fake."""
        return {
            "lemonsqueezy_api_url": self.base_url,
            "lemonsqueezy_api_key": self.api_key,
            "lemonsqueezy_store_id": self.store_id,
            "lemonsqueezy_webhook_secret": self.webhook_secret,
            **{
                f"lemonsqueezy_variant_{plan}_{cycle}": variant
                for (plan, cycle), variant in self.variants.items()
            },
        }

    def settings_overrides(self, *others: Any, providers: tuple[str, ...] = ()) -> dict[str, Any]:
        """make_settings(...) keywords enabling card with this fake; `others` are more fakes
        (FakeNowPayments) to enable beside it, `providers` more names ("fake")."""
        values = self.billing_fields()
        enabled = ["card", *providers]
        for other in others:
            values.update(other.billing_fields())
            enabled.append(other.provider)
        return {"billing": BillingSettings(providers=tuple(enabled), **values)}

    async def _answer_api(self, request: web.Request) -> tuple[web.Response | None, Any]:
        """The checks every API call goes through: faults first, then key and media type."""
        raw = await request.read()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        record = ApiRequest(
            request.method,
            request.raw_path,
            request.headers.get("Authorization"),
            request.headers.get("Content-Type"),
            request.headers.get("Accept"),
            body if isinstance(body, dict) else None,
            200,
        )
        self.requests.append(record)
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        if self.fail_next > 0:
            self.fail_next -= 1
            return self._error(record, 500, "Server Error", "Internal error"), body
        if record.authorization != f"Bearer {self.api_key}":
            return self._error(record, 401, "Unauthenticated.", "Unauthenticated."), body
        if JSON_API not in (record.accept or ""):
            return self._error(record, 406, "Not Acceptable", "Accept " + JSON_API), body
        if request.method == "POST" and JSON_API not in (record.content_type or ""):
            return self._error(record, 415, "Unsupported Media Type", JSON_API), body
        return None, body

    def _error(self, record: ApiRequest, status: int, title: str, detail: str) -> web.Response:
        record.status = status
        payload = {
            "jsonapi": {"version": "1.0"},
            "errors": [{"status": str(status), "title": title, "detail": detail}],
        }
        return web.Response(status=status, text=json.dumps(payload), content_type=JSON_API)

    async def _create_checkout(self, request: web.Request) -> web.Response:
        refused, body = await self._answer_api(request)
        if refused is not None:
            return refused
        record = self.requests[-1]
        data = (body or {}).get("data") if isinstance(body, dict) else None
        if not isinstance(data, dict) or data.get("type") != "checkouts":
            return self._error(record, 422, "Unprocessable Entity", "data.type must be checkouts")
        attributes = data.get("attributes") or {}
        relationships = data.get("relationships") or {}
        store = ((relationships.get("store") or {}).get("data") or {}).get("id")
        variant = ((relationships.get("variant") or {}).get("data") or {}).get("id")
        plans = {value: key for key, value in self.variants.items()}
        if str(store) != self.store_id or str(variant) not in plans:
            return self._error(record, 422, "Unprocessable Entity", "unknown store or variant")
        checkout_data = attributes.get("checkout_data") or {}
        checkout_id = str(uuid.uuid4())
        expires_at = attributes.get("expires_at")
        plan, cycle = plans[str(variant)]
        self.checkouts[checkout_id] = {
            "plan": plan,
            "cycle": cycle,
            "variant_id": str(variant),
            "email": checkout_data.get("email"),
            "custom": dict(checkout_data.get("custom") or {}),
            "redirect_url": (attributes.get("product_options") or {}).get("redirect_url"),
            "expires_at": expires_at,
        }
        answer = {
            "jsonapi": {"version": "1.0"},
            "data": {
                "type": "checkouts",
                "id": checkout_id,
                "attributes": {
                    "store_id": int(self.store_id),
                    "variant_id": int(str(variant)),
                    "custom_price": None,
                    "product_options": attributes.get("product_options") or {},
                    "checkout_data": checkout_data,
                    "expires_at": expires_at,
                    "created_at": _now(),
                    "updated_at": _now(),
                    "test_mode": True,
                    "url": f"{self.base_url}/checkout/custom/{checkout_id}?signature=x",
                },
            },
        }
        record.status = 201
        return web.Response(status=201, text=json.dumps(answer), content_type=JSON_API)

    async def _cancel_subscription(self, request: web.Request) -> web.Response:
        refused, _ = await self._answer_api(request)
        if refused is not None:
            return refused
        subscription_id = request.match_info["subscription_id"]
        if subscription_id not in self.subscriptions:
            return self._error(self.requests[-1], 404, "Not Found", "subscription not found")
        self.cancelled.append(subscription_id)
        answer = {
            "jsonapi": {"version": "1.0"},
            "data": self._subscription_object(subscription_id, "cancelled"),
        }
        return web.Response(status=200, text=json.dumps(answer), content_type=JSON_API)

    # -- webhooks -----------------------------------------------------------------------------

    def _next_id(self) -> str:
        return str(next(self._ids))

    def _price(self, checkout_id: str) -> int:
        checkout = self.checkouts[checkout_id]
        return self.prices[(checkout["plan"], checkout["cycle"])]

    def sign(self, body: bytes, event_name: str) -> dict[str, str]:
        signature = hmac.new(self.webhook_secret.encode(), body, hashlib.sha256).hexdigest()
        return {
            "Content-Type": "application/json",
            "X-Event-Name": event_name,
            "X-Signature": signature,
        }

    def _deliver(
        self, event_name: str, custom: dict[str, Any], data: dict[str, Any], object_id: str
    ) -> Delivery:
        payload = {
            "meta": {
                "test_mode": True,
                "event_name": event_name,
                "webhook_id": str(uuid.uuid4()),
                "custom_data": custom,
            },
            "data": data,
        }
        body = json.dumps(payload).encode("utf-8")
        return Delivery(body=body, headers=self.sign(body, event_name), object_id=object_id)

    def order_created(
        self,
        checkout_id: str,
        *,
        total_cents: int | None = None,
        currency: str = "USD",
        status: str = "paid",
        extra_custom: dict[str, Any] | None = None,
    ) -> Delivery:
        checkout = self.checkouts[checkout_id]
        order_id = self._next_id()
        self.orders[order_id] = checkout_id
        self.last_order_id = order_id
        total = self._price(checkout_id) if total_cents is None else total_cents
        data = self._order_object(order_id, checkout_id, total, currency, status)
        custom = {**checkout["custom"], **(extra_custom or {})}
        return self._deliver("order_created", custom, data, order_id)

    def order_refunded(self, order_id: str) -> Delivery:
        checkout_id = self.orders[order_id]
        data = self._order_object(
            order_id, checkout_id, self._price(checkout_id), "USD", "refunded"
        )
        data["attributes"]["refunded"] = True
        data["attributes"]["refunded_at"] = _now()
        custom = self.checkouts[checkout_id]["custom"]
        return self._deliver("order_refunded", custom, data, order_id)

    def _order_object(
        self, order_id: str, checkout_id: str, total: int, currency: str, status: str
    ) -> dict[str, Any]:
        checkout = self.checkouts[checkout_id]
        return {
            "type": "orders",
            "id": order_id,
            "attributes": {
                "store_id": int(self.store_id),
                "customer_id": 77,
                "identifier": str(uuid.uuid4()),
                "order_number": int(order_id),
                "user_name": "Test Payer",
                "user_email": checkout["email"],
                "currency": currency,
                "subtotal": total,
                "total": total,
                "status": status,
                "refunded": False,
                "refunded_at": None,
                "first_order_item": {
                    "order_id": int(order_id),
                    "variant_id": int(checkout["variant_id"]),
                    "price": total,
                },
                "created_at": _now(),
                "updated_at": _now(),
                "test_mode": True,
            },
        }

    def subscription_created(self, checkout_id: str) -> Delivery:
        subscription_id = self._next_id()
        self.subscriptions[subscription_id] = checkout_id
        data = self._subscription_object(subscription_id, "active")
        return self._deliver(
            "subscription_created", self.checkouts[checkout_id]["custom"], data, subscription_id
        )

    def subscription_payment_success(
        self,
        subscription_id: str,
        *,
        billing_reason: str = "renewal",
        total_cents: int | None = None,
    ) -> Delivery:
        checkout_id = self.subscriptions[subscription_id]
        invoice_id = self._next_id()
        total = self._price(checkout_id) if total_cents is None else total_cents
        data = {
            "type": "subscription-invoices",
            "id": invoice_id,
            "attributes": {
                "store_id": int(self.store_id),
                "subscription_id": int(subscription_id),
                "customer_id": 77,
                "user_email": self.checkouts[checkout_id]["email"],
                "billing_reason": billing_reason,
                "currency": "USD",
                "status": "paid",
                "refunded": False,
                "subtotal": total,
                "total": total,
                "created_at": _now(),
                "updated_at": _now(),
                "test_mode": True,
            },
        }
        custom = self.checkouts[checkout_id]["custom"]
        return self._deliver("subscription_payment_success", custom, data, invoice_id)

    def subscription_cancelled(self, subscription_id: str) -> Delivery:
        return self._subscription_event("subscription_cancelled", subscription_id, "cancelled")

    def subscription_expired(self, subscription_id: str) -> Delivery:
        return self._subscription_event("subscription_expired", subscription_id, "expired")

    def _subscription_event(self, event_name: str, subscription_id: str, status: str) -> Delivery:
        checkout_id = self.subscriptions[subscription_id]
        data = self._subscription_object(subscription_id, status)
        custom = self.checkouts[checkout_id]["custom"]
        return self._deliver(event_name, custom, data, subscription_id)

    def _subscription_object(self, subscription_id: str, status: str) -> dict[str, Any]:
        checkout_id = self.subscriptions[subscription_id]
        checkout = self.checkouts[checkout_id]
        order_id = next(
            (order for order, checkout_of in self.orders.items() if checkout_of == checkout_id),
            None,
        )
        days = 365 if checkout["cycle"] == "yearly" else 30
        period_end = (datetime.now(UTC) + timedelta(days=days)).isoformat()
        return {
            "type": "subscriptions",
            "id": subscription_id,
            "attributes": {
                "store_id": int(self.store_id),
                "customer_id": 77,
                "order_id": int(order_id) if order_id else None,
                "variant_id": int(checkout["variant_id"]),
                "user_email": checkout["email"],
                "status": status,
                "cancelled": status == "cancelled",
                "renews_at": period_end,
                "ends_at": period_end if status != "active" else None,
                "created_at": _now(),
                "updated_at": _now(),
                "test_mode": True,
            },
        }
