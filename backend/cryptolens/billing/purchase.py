"""Buying and cancelling, around the provider's API: no transaction is open while a provider
is called (a slow provider must not hold row locks or a pooled connection).

A checkout is three units of work' worth of steps: prepare (commit), create at the provider,
record (or fail). A cancel: what to stop (commit), stop it at the provider, mark cancelled.
The rules themselves are checkout.py's.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.billing import checkout, mail_outbox
from cryptolens.billing.models import Payment, Subscription
from cryptolens.billing.providers.base import (
    CheckoutRequest,
    CreatedCheckout,
    Cycle,
    Method,
    PaymentProvider,
    PlanName,
    ProviderName,
    ProviderUnavailable,
)
from cryptolens.billing.providers.registry import (
    PaymentMethodUnavailable,
    provider_for_method,
    provider_named,
)
from cryptolens.core.clock import Clock
from cryptolens.core.errors import ServiceUnavailableError
from cryptolens.db import in_unit_of_work
from cryptolens.settings import Settings

log = logging.getLogger("cryptolens.billing")

RETRY_AFTER_SECONDS = 30


class ProviderDownError(ServiceUnavailableError):
    code = "provider_unavailable"

    def __init__(self) -> None:
        super().__init__(
            "The payment provider cannot be reached; try again in a minute",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )


class MethodUnavailableError(ServiceUnavailableError):
    code = "payment_method_unavailable"

    def __init__(self, method: str) -> None:
        super().__init__(f"Paying by {method} is not available")


@dataclass(frozen=True)
class Buyer:
    user_id: int
    email: str


@dataclass(frozen=True)
class Purchase:
    """What a checkout needs from the app: its providers, database, clock and settings."""

    providers: Mapping[ProviderName, PaymentProvider]
    session_factory: async_sessionmaker[AsyncSession]
    clock: Clock
    settings: Settings

    def link(self, path: str) -> str:
        return f"{self.settings.public_url.rstrip('/')}{path}"


@dataclass(frozen=True)
class StartedCheckout:
    payment: Payment
    reused: bool


async def start_checkout(
    purchase: Purchase, buyer: Buyer, plan: PlanName, cycle: Cycle, method: Method
) -> StartedCheckout:
    """A new checkout at the provider, or the pending one of the same choice made within the
    reuse window. 409s of the rules pass through; an unreachable provider leaves the payment
    failed ("provider unavailable") and answers 503 with Retry-After."""
    try:
        provider = provider_for_method(purchase.providers, method)
    except PaymentMethodUnavailable:
        raise MethodUnavailableError(method) from None
    now = purchase.clock.now()
    reuse = timedelta(minutes=purchase.settings.billing.checkout_reuse_minutes)

    async def prepare(db: AsyncSession) -> Payment | checkout.ExistingCheckout:
        plans = purchase.settings.plans
        return await checkout.prepare_checkout(
            db, buyer.user_id, plan, cycle, method, provider.name, now, plans, reuse
        )

    prepared = await in_unit_of_work(purchase.session_factory, prepare)
    if isinstance(prepared, checkout.ExistingCheckout):
        return StartedCheckout(prepared.payment, reused=True)
    payment_id = prepared.id
    request = CheckoutRequest(
        payment_id=payment_id,
        checkout_ref=prepared.checkout_ref,
        user_email=buyer.email,
        plan=plan,
        cycle=cycle,
        amount=prepared.amount,
        currency=prepared.currency,
        return_url=purchase.link(f"/billing/return/{payment_id}"),
        callback_url=purchase.link(f"/api/v1/billing/webhooks/{provider.name}"),
    )
    try:
        created = await provider.create_checkout(request)
    except ProviderUnavailable as failure:
        log.warning(
            "billing.checkout_provider_down",
            extra={
                "provider": provider.name,
                "payment_id": payment_id,
                "error": str(failure)[:200],
            },
        )

        async def fail(db: AsyncSession) -> Payment:
            return await checkout.fail_checkout(db, payment_id, purchase.clock.now())

        await in_unit_of_work(purchase.session_factory, fail)
        raise ProviderDownError() from None

    async def record(db: AsyncSession, created: CreatedCheckout = created) -> Payment:
        return await checkout.record_checkout(db, payment_id, created, purchase.clock.now())

    return StartedCheckout(await in_unit_of_work(purchase.session_factory, record), reused=False)


async def cancel(purchase: Purchase, user_id: int) -> Subscription:
    """409 `no_subscription` / `already_cancelled`; a card subscription is stopped at the
    provider first, and if that fails nothing changes here (503)."""
    now = purchase.clock.now()

    async def rules(db: AsyncSession) -> checkout.CancelPlan:
        return await checkout.cancel_subscription_rules(db, user_id, now)

    plan = await in_unit_of_work(purchase.session_factory, rules)
    if plan.provider is not None and plan.provider_subscription_id is not None:
        provider = provider_named(purchase.providers, plan.provider)
        if provider is None:  # disabled since: renewals cannot be stopped from here
            raise ProviderDownError()
        try:
            await provider.cancel_subscription(plan.provider_subscription_id)
        except ProviderUnavailable as failure:
            log.warning(
                "billing.cancel_provider_down",
                extra={"provider": plan.provider, "error": str(failure)[:200]},
            )
            raise ProviderDownError() from None

    async def mark(db: AsyncSession) -> Subscription:
        now = purchase.clock.now()
        cancelled = await checkout.mark_cancelled(db, user_id, now)
        if cancelled.funded_by_payment_id is not None:  # its mail, in the same transaction
            await mail_outbox.record(db, "cancellation", cancelled.funded_by_payment_id, now)
        return cancelled

    return await in_unit_of_work(purchase.session_factory, mark)
