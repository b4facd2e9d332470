"""Payments in a given state and provider events for the ledger, checkout and job tests,
written through the ledger's own entry points and read back in fresh sessions."""

from __future__ import annotations

import itertools
import secrets
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.billing import ledger
from cryptolens.billing.models import Payment, PaymentEvent, Subscription
from cryptolens.billing.providers.base import EventKind, ProviderEvent, ProviderName
from cryptolens.db import unit_of_work
from cryptolens.settings import PlanSettings

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
