"""A fake NOWPayments on a real loopback socket: invoices through its REST API, and IPNs signed
as NOWPayments signs them.

    async with FakeNowPayments() as nowpayments:
        settings = make_settings(var_dir, **nowpayments.settings_overrides())
        ... create a checkout through the crypto provider ...
        delivery = nowpayments.ipn(invoice_id, "finished")   # POST it to .../webhooks/crypto
        nowpayments.fail_next = 1                             # the next API call gets 500

API: POST /v1/invoice with `x-api-key` (401 otherwise). IPN: the payment's JSON, hex
HMAC-SHA512 in x-nowpayments-sig over the body re-serialised with sorted keys and compact
separators (the body itself is sent as NOWPayments does, neither sorted nor compact).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Self

from aiohttp import web

from cryptolens.settings import BillingSettings
from tests.fakes.lemonsqueezy import Delivery

PAID_STATUSES = ("confirming", "confirmed", "sending", "finished")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def sign_ipn(secret: str, payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(secret.encode(), canonical.encode("utf-8"), hashlib.sha512).hexdigest()


@dataclass
class ApiRequest:
    method: str
    path: str
    api_key: str | None
    body: dict[str, Any] | None
    status: int


@dataclass
class FakeNowPayments:
    provider = "crypto"  # not a field: the name settings_overrides enables
    api_key: str = field(default_factory=lambda: "np_key_" + secrets.token_hex(12))
    ipn_secret: str = field(default_factory=lambda: "np_ipn_" + secrets.token_hex(12))
    invoices: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[ApiRequest] = field(default_factory=list)
    fail_next: int = 0
    delay_s: float = 0.0
    invoice_overrides: dict[str, Any] = field(default_factory=dict)  # merged into answers
    base_url: str = ""
    # invoice id -> its payment id (NOWPayments opens one payment when the payer picks a coin)
    payments: dict[str, str] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(4_522_625_001))
    _runner: web.AppRunner | None = None

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_post("/v1/invoice", self._create_invoice)
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
        """BillingSettings' fields pointing the crypto provider at this fake."""
        return {
            "nowpayments_api_url": self.base_url,
            "nowpayments_api_key": self.api_key,
            "nowpayments_ipn_secret": self.ipn_secret,
        }

    def settings_overrides(self, *others: Any, providers: tuple[str, ...] = ()) -> dict[str, Any]:
        """make_settings(...) keywords enabling crypto with this fake; `others` are more fakes
        (FakeLemonSqueezy) to enable beside it, `providers` more names ("fake")."""
        values = self.billing_fields()
        enabled = ["crypto", *providers]
        for other in others:
            values.update(other.billing_fields())
            enabled.append(other.provider)
        return {"billing": BillingSettings(providers=tuple(enabled), **values)}

    # -- API ----------------------------------------------------------------------------------

    def _error(self, record: ApiRequest, status: int, code: str, message: str) -> web.Response:
        record.status = status
        return web.json_response(
            {"status": False, "statusCode": status, "code": code, "message": message},
            status=status,
        )

    async def _create_invoice(self, request: web.Request) -> web.Response:
        try:
            body = json.loads(await request.read())
        except ValueError:
            body = None
        record = ApiRequest(
            request.method,
            request.path,
            request.headers.get("x-api-key"),
            body if isinstance(body, dict) else None,
            200,
        )
        self.requests.append(record)
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        if self.fail_next > 0:
            self.fail_next -= 1
            return self._error(record, 500, "INTERNAL_ERROR", "Internal server error")
        if record.api_key != self.api_key:
            return self._error(record, 401, "INVALID_API_KEY", "Invalid api key")
        if record.body is None:
            return self._error(record, 400, "BAD_REQUEST", "body is not JSON")
        price = record.body.get("price_amount")
        if isinstance(price, bool) or not isinstance(price, int | float) or price <= 0:
            return self._error(record, 400, "INVALID_REQUEST_PARAMS", "price_amount")
        if not record.body.get("price_currency") or not record.body.get("order_id"):
            return self._error(record, 400, "INVALID_REQUEST_PARAMS", "currency or order_id")
        invoice_id = str(next(self._ids))
        invoice = {
            "id": invoice_id,
            "token_id": secrets.token_hex(5),
            "order_id": record.body["order_id"],
            "order_description": record.body.get("order_description"),
            "price_amount": str(price),
            "price_currency": record.body["price_currency"],
            "pay_currency": record.body.get("pay_currency"),
            "ipn_callback_url": record.body.get("ipn_callback_url"),
            "invoice_url": f"{self.base_url}/?iid={invoice_id}",
            "success_url": record.body.get("success_url"),
            "cancel_url": record.body.get("cancel_url"),
            "created_at": _now(),
            "updated_at": _now(),
        }
        self.invoices[invoice_id] = invoice
        return web.json_response({**invoice, **self.invoice_overrides})

    # -- IPN ----------------------------------------------------------------------------------

    def ipn(
        self,
        invoice_id: str,
        status: str,
        *,
        actually_paid: float | Decimal | None = None,
        pay_amount: float | Decimal | None = None,
        price_amount: float | Decimal | None = None,
        price_currency: str = "usd",
        pay_currency: str = "usdttrc20",
    ) -> Delivery:
        """The IPN of the invoice's payment in `status`. Defaults: the invoice's price, a
        stablecoin at par (pay_amount = price), and everything paid once confirming (none
        before, half when partially_paid)."""
        invoice = self.invoices[invoice_id]
        payment_id = self.payments.setdefault(invoice_id, str(next(self._ids)))
        price = float(price_amount if price_amount is not None else invoice["price_amount"])
        asked = float(pay_amount) if pay_amount is not None else price
        if actually_paid is not None:
            paid = float(actually_paid)
        elif status in PAID_STATUSES:
            paid = asked
        elif status == "partially_paid":
            paid = asked / 2
        else:
            paid = 0
        payload: dict[str, Any] = {
            "payment_id": int(payment_id),
            "parent_payment_id": None,
            "invoice_id": int(invoice_id),
            "payment_status": status,
            "pay_address": "TXn" + secrets.token_hex(15),
            "payin_extra_id": None,
            "price_amount": price,
            "price_currency": price_currency,
            "pay_amount": asked,
            "actually_paid": paid,
            "actually_paid_at_fiat": paid,
            "pay_currency": pay_currency,
            "order_id": invoice["order_id"],
            "order_description": invoice["order_description"],
            "purchase_id": str(int(payment_id) + 7),
            "outcome_amount": round(paid * 0.995, 6),
            "outcome_currency": pay_currency,
            "payment_extra_ids": None,
            "fee": {"currency": pay_currency, "depositFee": 0, "withdrawalFee": 0, "serviceFee": 0},
            "updated_at": int(datetime.now(UTC).timestamp() * 1000),
        }
        body = json.dumps(payload).encode("utf-8")  # as sent: key order kept, with spaces
        headers = {
            "Content-Type": "application/json",
            "x-nowpayments-sig": sign_ipn(self.ipn_secret, payload),
        }
        return Delivery(body=body, headers=headers, object_id=payment_id)
