"""Payments and provider events in a given state, written straight through the ORM (the
provider paths that create them are the billing tests'), a subscription they fund, and the
admin's desk over them (`desk`: the admin's client, the database and the clock's now)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.billing.models import Payment, PaymentEvent, Subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from tests.admin.user_factories import add_account
from tests.clients import MakeUserClient, UserClient

Factory = async_sessionmaker[AsyncSession]
PRICES = {("pro", "monthly"): Decimal("19.00"), ("premium", "monthly"): Decimal("49.00")}
CYCLE_DAYS = {"monthly": 30, "yearly": 365}


async def add_payment(
    factory: Factory,
    user_id: int,
    created_at: datetime,
    *,
    status: str = "completed",
    provider: str = "fake",
    plan: str = "pro",
    cycle: str = "monthly",
    amount: Decimal | None = None,
    completed_at: datetime | None = None,
    refunded_at: datetime | None = None,
) -> int:
    """A payment created at `created_at`; a completed (or refunded) one completed then
    unless told, funding the cycle's days from that moment."""
    done = status in ("completed", "refunded")
    completed = completed_at or (created_at if done else None)
    async with unit_of_work(factory) as db:
        payment = Payment(
            user_id=user_id,
            provider=provider,
            method="crypto" if provider == "crypto" else "card",
            kind="checkout",
            plan=plan,
            cycle=cycle,
            amount=amount if amount is not None else PRICES[(plan, cycle)],
            currency="USD",
            status=status,
            provider_status="paid" if done else None,
            checkout_ref=secrets.token_urlsafe(24),
            provider_checkout_id=f"chk_{secrets.token_hex(4)}",
            provider_object_id=f"ord_{secrets.token_hex(4)}" if done else None,
            checkout_url="https://pay.example.com/checkout/x",
            created_at=created_at,
            updated_at=created_at,
            completed_at=completed,
            period_start=completed,
            expires_at=None if completed is None else completed + timedelta(days=CYCLE_DAYS[cycle]),
            refunded_at=refunded_at,
            refunded_by="provider" if refunded_at is not None else None,
        )
        db.add(payment)
        await db.flush()
        return payment.id


async def add_event(
    factory: Factory,
    payment_id: int,
    received_at: datetime,
    *,
    event_type: str,
    outcome: str = "applied",
    detail: str | None = None,
    provider: str = "fake",
) -> str:
    event_id = f"{event_type}:{secrets.token_hex(6)}"
    async with unit_of_work(factory) as db:
        db.add(
            PaymentEvent(
                provider=provider,
                event_id=event_id,
                event_type=event_type,
                payment_id=payment_id,
                outcome=outcome,
                detail=detail,
                received_at=received_at,
            )
        )
    return event_id


async def fund_subscription(
    factory: Factory,
    user_id: int,
    payment_id: int,
    *,
    plan: str,
    started_at: datetime,
    expires_at: datetime,
    cycle: str = "monthly",
) -> None:
    """The user's subscription, active and funded by the payment (replacing any)."""
    async with unit_of_work(factory) as db:
        row = await db.scalar(select(Subscription).where(Subscription.user_id == user_id))
        if row is None:
            row = Subscription(user_id=user_id)
            db.add(row)
        row.plan = plan
        row.status = "active"
        row.cycle = cycle
        row.started_at = started_at
        row.expires_at = expires_at
        row.grace_days = 3
        row.cancelled_at = None
        row.updated_at = started_at
        row.funded_by_payment_id = payment_id


async def subscription_of(factory: Factory, user_id: int) -> Subscription | None:
    async with factory() as db:
        found: Subscription | None = await db.scalar(
            select(Subscription).where(Subscription.user_id == user_id)
        )
        return found


@dataclass(frozen=True)
class PaymentDesk:
    """A signed-in admin, and the accounts and payments a test writes for them to look at."""

    app: FastAPI
    admin: UserClient
    factory: Factory
    now: datetime

    async def account(self, **fields: Any) -> int:
        """A user who never signs in (tests/admin/user_factories.py : add_account); its id."""
        return (await add_account(self.app, self.now, **fields)).id

    async def payment(self, user_id: int, created_at: datetime, **fields: Any) -> int:
        return await add_payment(self.factory, user_id, created_at, **fields)


@pytest.fixture
async def desk(
    app: FastAPI, make_user_client: MakeUserClient, session_factory: Factory, clock: FrozenClock
) -> PaymentDesk:
    admin = await make_user_client(admin=True)
    return PaymentDesk(app, admin, session_factory, clock.now())
