"""Payments in a given state and provider events for the ledger, checkout and job tests,
written through the ledger's own entry points and read back in fresh sessions."""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.billing import ledger
from cryptolens.billing.models import Payment, PaymentEvent, Subscription
from cryptolens.billing.providers.base import EventKind, ProviderEvent, ProviderName
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.settings import PlanSettings
from tests.admin.user_factories import add_account

PLANS = PlanSettings()
PRICES = {
    ("pro", "monthly"): Decimal("19.00"),
    ("pro", "yearly"): Decimal("190.00"),
    ("premium", "monthly"): Decimal("49.00"),
    ("premium", "yearly"): Decimal("490.00"),
}
_event_numbers = itertools.count(1)

Factory = async_sessionmaker[AsyncSession]


async def add_pending(
    factory: Factory,
    user_id: int,
    now: datetime,
    *,
    provider: ProviderName = "fake",
    plan: str = "pro",
    cycle: str = "monthly",
    checkout_url: str | None = "https://pay.example/checkout",
    checkout_expires_at: datetime | None = None,
) -> Payment:
    async with unit_of_work(factory) as db:
        payment = Payment(
            user_id=user_id,
            provider=provider,
            method="crypto" if provider == "crypto" else "card",
            kind="checkout",
            plan=plan,
            cycle=cycle,
            amount=PRICES[(plan, cycle)],
            currency="USD",
            status="pending",
            checkout_ref=secrets.token_urlsafe(24),
            provider_checkout_id=f"co_{secrets.token_hex(4)}",
            checkout_url=checkout_url,
            checkout_expires_at=checkout_expires_at,
            created_at=now,
            updated_at=now,
        )
        db.add(payment)
    return payment


def event_for(payment: Payment, kind: EventKind, **fields: Any) -> ProviderEvent:
    """A signed-and-parsed event naming the payment by our checkout ref; `fields` override."""
    number = next(_event_numbers)
    base = ProviderEvent(
        provider=payment.provider,  # type: ignore[arg-type]
        event_id=f"evt-{number}-{secrets.token_hex(4)}",
        event_type=kind,
        kind=kind,
        checkout_ref=payment.checkout_ref,
    )
    if kind == "paid":
        base = replace(base, amount=payment.amount, currency="USD", provider_object_id=f"o{number}")
        if payment.provider == "crypto":
            base = replace(base, paid_amount=Decimal("19.5"), paid_currency="usdttrc20")
    return replace(base, **fields)


def renewal_of(
    checkout: Payment, subscription_id: str, invoice_id: str, amount: str
) -> ProviderEvent:
    """The provider's `renewed` event of a card subscription: it names the subscription and
    its invoice, never our checkout (a new event id each call)."""
    return event_for(
        checkout,
        "renewed",
        checkout_ref=None,
        provider_subscription_id=subscription_id,
        provider_object_id=invoice_id,
        amount=Decimal(amount),
        currency="USD",
    )


async def apply(factory: Factory, event: ProviderEvent, now: datetime) -> ledger.Applied:
    async with unit_of_work(factory) as db:
        return await ledger.apply_event(db, event, now, PLANS)


async def paid(factory: Factory, payment: Payment, now: datetime) -> ledger.Applied:
    applied = await apply(factory, event_for(payment, "paid"), now)
    assert applied.outcome == "applied", applied
    return applied


async def buy(
    factory: Factory,
    user_id: int,
    now: datetime,
    *,
    provider: ProviderName = "fake",
    plan: str = "pro",
    cycle: str = "monthly",
) -> Payment:
    """A checkout paid at `now`."""
    payment = await add_pending(factory, user_id, now, provider=provider, plan=plan, cycle=cycle)
    await paid(factory, payment, now)
    return await payment_row(factory, payment.id)


async def payment_row(factory: Factory, payment_id: int) -> Payment:
    async with factory() as db:
        found = await db.get(Payment, payment_id)
        assert found is not None
        return found


async def payments_of(factory: Factory, user_id: int) -> list[Payment]:
    async with factory() as db:
        rows = await db.scalars(
            select(Payment).where(Payment.user_id == user_id).order_by(Payment.id)
        )
        return list(rows)


async def subscription_row(factory: Factory, user_id: int) -> Subscription | None:
    async with factory() as db:
        found: Subscription | None = await db.scalar(
            select(Subscription).where(Subscription.user_id == user_id)
        )
        return found


async def events_recorded(factory: Factory) -> list[PaymentEvent]:
    async with factory() as db:
        return list(await db.scalars(select(PaymentEvent).order_by(PaymentEvent.id)))


def days(n: int) -> timedelta:
    return timedelta(days=n)


@dataclass(frozen=True)
class Buyer:
    """An account that has bought nothing yet, made at `now`, and the ledger's steps for it
    (checkouts default to `now`; events are applied at the time each test names)."""

    factory: Factory
    user_id: int
    now: datetime

    async def pending(self, at: datetime | None = None, **fields: Any) -> Payment:
        return await add_pending(self.factory, self.user_id, at or self.now, **fields)

    async def buy(self, at: datetime | None = None, **fields: Any) -> Payment:
        return await buy(self.factory, self.user_id, at or self.now, **fields)

    async def card_subscription(self, subscription_id: str) -> Payment:
        """A card checkout paid at `now` and linked to the provider's subscription."""
        checkout = await self.buy(provider="card")
        linked = event_for(
            checkout, "subscription_linked", provider_subscription_id=subscription_id
        )
        assert (await self.apply(linked, self.now)).outcome == "applied"
        return checkout

    async def apply(self, event: ProviderEvent, at: datetime) -> ledger.Applied:
        return await apply(self.factory, event, at)

    async def payment(self, payment_id: int) -> Payment:
        return await payment_row(self.factory, payment_id)

    async def payments(self) -> list[Payment]:
        return await payments_of(self.factory, self.user_id)

    async def subscription(self) -> Subscription | None:
        return await subscription_row(self.factory, self.user_id)

    async def events(self) -> list[PaymentEvent]:
        return await events_recorded(self.factory)


@pytest.fixture
async def buyer(app: FastAPI, session_factory: Factory, clock: FrozenClock) -> Buyer:
    now = clock.now()
    user = await add_account(app, now)
    return Buyer(session_factory, user.id, now)
