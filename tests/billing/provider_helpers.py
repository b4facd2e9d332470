"""What the provider tests share: a checkout request, and a port nothing listens on."""

from __future__ import annotations

import socket
from decimal import Decimal

from cryptolens.billing.providers.base import CheckoutRequest, Cycle, PlanName


def checkout_request(
    plan: PlanName = "pro",
    cycle: Cycle = "monthly",
    amount: str = "19.00",
    *,
    payment_id: int = 7,
    checkout_ref: str = "ref-7-abcdefghijklmnopqrstuvwx",
) -> CheckoutRequest:
    return CheckoutRequest(
        payment_id=payment_id,
        checkout_ref=checkout_ref,
        user_email="payer@example.com",
        plan=plan,
        cycle=cycle,
        amount=Decimal(amount),
        currency="USD",
        return_url="http://127.0.0.1:8000/billing/return",
        callback_url="http://127.0.0.1:8000/api/v1/billing/webhooks/card",
    )


def closed_port_url() -> str:
    """A loopback URL whose port was just free: connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
