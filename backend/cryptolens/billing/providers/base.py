"""What every payment provider offers the billing domain, and what it hands back.

A provider creates hosted checkouts through its REST API, cancels recurring subscriptions, and
turns a signed webhook into one `ProviderEvent`. The ledger (billing/ledger.py) decides what an
event does; a provider never touches the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal, Protocol

ProviderName = Literal["card", "crypto", "fake"]
Method = Literal["card", "crypto"]
PlanName = Literal["pro", "premium"]
Cycle = Literal["monthly", "yearly"]

# What an event means for our payment or subscription, whatever the provider calls it:
#   paid                  the checkout's (first) payment is complete: credit it
#   renewed               a recurring subscription was charged again: credit one more period
#   progress              still being paid (waiting, confirming): status only
#   partially_paid        a crypto underpayment: stays pending until topped up or expired
#   failed / expired      the checkout will never be paid
#   refunded              the payment was refunded
#   subscription_linked   the provider's recurring subscription id for a checkout (no credit)
#   subscription_cancelled / subscription_expired   the recurring subscription ended
#   ignored               nothing to do (an event type we do not use)
EventKind = Literal[
    "paid",
    "renewed",
    "progress",
    "partially_paid",
    "failed",
    "expired",
    "refunded",
    "subscription_linked",
    "subscription_cancelled",
    "subscription_expired",
    "ignored",
]


class SignatureError(Exception):
    """No secret configured, no signature, or a wrong one: 401, the body is not looked at."""


class MalformedEvent(Exception):  # noqa: N818 - reads as the outcome
    """Signed, but not an event we can read (400; the provider will retry or give up)."""


class ProviderUnavailable(Exception):  # noqa: N818 - reads as the outcome
    """The provider's API could not be reached or refused the call (503 to our caller)."""


@dataclass(frozen=True)
class CheckoutRequest:
    payment_id: int
    checkout_ref: str  # ours: the provider echoes it (custom data, order id)
    user_email: str
    plan: PlanName
    cycle: Cycle
    amount: Decimal  # the plan's price for the cycle
    currency: str  # "USD"
    return_url: str  # where the provider sends the payer back (our return page)
    callback_url: str  # our webhook endpoint for this provider


@dataclass(frozen=True)
class CreatedCheckout:
    provider_checkout_id: str
    checkout_url: str
    expires_at: datetime | None = None  # the provider's own end of the checkout, if any


@dataclass(frozen=True)
class ProviderEvent:
    provider: ProviderName
    event_id: str  # unique per provider: the key that makes a replay a no-op
    event_type: str  # the provider's own name (order_created, finished, ...)
    kind: EventKind
    # How the ledger finds our payment, in this order: the reference we gave the checkout,
    # the provider's checkout or invoice id, its subscription id (renewals, cancellations),
    # its object id (refunds). Body claims such as a user id are never read.
    checkout_ref: str | None = None
    provider_checkout_id: str | None = None
    provider_subscription_id: str | None = None
    provider_object_id: str | None = None  # the order, invoice payment or renewal invoice
    amount: Decimal | None = None  # the price charged, in `currency` (checked against the plan)
    currency: str | None = None  # upper case, e.g. "USD"
    paid_amount: Decimal | None = None  # crypto: what arrived, in paid_currency
    paid_currency: str | None = None
    provider_status: str | None = None
    reason: str | None = None  # a failure's reason in the provider's words


class PaymentProvider(Protocol):
    name: ProviderName

    async def create_checkout(self, request: CheckoutRequest) -> CreatedCheckout:
        """Raises ProviderUnavailable."""
        ...

    async def cancel_subscription(self, provider_subscription_id: str) -> None:
        """Stops future renewals at the provider (card only; the others have none).
        Raises ProviderUnavailable."""
        ...

    def verify(self, raw_body: bytes, headers: Mapping[str, str]) -> None:
        """Constant-time signature check of the raw body; raises SignatureError."""
        ...

    def parse(self, raw_body: bytes) -> ProviderEvent:
        """Only after verify; raises MalformedEvent."""
        ...
