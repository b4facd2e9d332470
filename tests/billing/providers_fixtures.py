"""The app with the card and crypto providers enabled and pointed at the loopback fakes
(tests/fakes/lemonsqueezy.py, nowpayments.py), mail going to the SMTP sink, and the steps the
acceptance tests share: checkout, posting a provider's delivery, reading rows.

A test module imports `app`, `lemonsqueezy` and `nowpayments` from here; `make_user_client` and
`make_client` (tests/conftest.py) then build their clients on this app."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.billing.models import Payment, PaymentEvent, Subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.core.ratelimit import reset_rate_limits
from cryptolens.resources import app_resources
from cryptolens.settings import MailSettings, Settings
from tests.auth.conftest import create_mailing_app, mail_settings
from tests.conftest import make_settings
from tests.fakes.lemonsqueezy import Delivery, FakeLemonSqueezy
from tests.fakes.nowpayments import FakeNowPayments
from tests.fakes.smtp import smtp_server, smtp_sink

__all__ = [
    "app",
    "lemonsqueezy",
    "mail_settings",
    "nowpayments",
    "provider_settings",
    "smtp_server",
    "smtp_sink",
]

BILLING = "/api/v1/billing"


@pytest.fixture
async def lemonsqueezy() -> AsyncIterator[FakeLemonSqueezy]:
    async with FakeLemonSqueezy() as fake:
        yield fake


@pytest.fixture
async def nowpayments() -> AsyncIterator[FakeNowPayments]:
    async with FakeNowPayments() as fake:
        yield fake


@pytest.fixture
def provider_settings(
    db_engine: AsyncEngine,
    var_dir: Path,
    lemonsqueezy: FakeLemonSqueezy,
    nowpayments: FakeNowPayments,
) -> Settings:
    overrides = lemonsqueezy.settings_overrides(nowpayments)
    return make_settings(
        var_dir, database_url=db_engine.url.render_as_string(hide_password=False), **overrides
    )


@pytest.fixture
async def app(
    provider_settings: Settings,
    db_engine: AsyncEngine,
    session_factory: object,
    clock: FrozenClock,
    mail_settings: MailSettings,
) -> AsyncIterator[FastAPI]:
    application = create_mailing_app(provider_settings, db_engine, clock, mail_settings)
    reset_rate_limits(application)
    async with application.router.lifespan_context(application):
        yield application
    reset_rate_limits(application)


# -- steps ------------------------------------------------------------------------------------


def data_of(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["success"] is True, body
    return body["data"]


async def deliver(
    client: httpx.AsyncClient, provider: str, delivery: Delivery | tuple[bytes, Mapping[str, str]]
) -> httpx.Response:
    """POSTs a provider's signed body with its headers, as the provider would."""
    body, headers = (
        (delivery.body, delivery.headers) if isinstance(delivery, Delivery) else delivery
    )
    return await client.post(
        f"{BILLING}/webhooks/{provider}",
        content=body,
        headers={**headers, "Content-Type": "application/json"},
    )


def resigned(fake: FakeLemonSqueezy, body: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    """A card webhook body we changed, signed as the provider signs: a valid signature over
    whatever the body now says."""
    event_name = str(body["meta"]["event_name"])
    raw = json.dumps(body).encode()
    return raw, fake.sign(raw, event_name)


def outcome_of(response: httpx.Response) -> str:
    status: str = data_of(response)["status"]
    return status


async def checkout(
    client: httpx.AsyncClient, plan: str, cycle: str, method: str, status: int = 201
) -> dict[str, Any]:
    response = await client.post(
        f"{BILLING}/checkout", json={"plan": plan, "cycle": cycle, "method": method}
    )
    found: dict[str, Any] = data_of(response, status)
    return found


async def tier_now(client: httpx.AsyncClient) -> str:
    tier: str = data_of(await client.get("/api/v1/auth/me"))["tier"]
    return tier


async def payment_rows(app: FastAPI, user_id: int | None = None) -> list[Payment]:
    statement = select(Payment).order_by(Payment.id)
    if user_id is not None:
        statement = statement.where(Payment.user_id == user_id)
    async with app_resources(app).session_factory() as db:
        return list((await db.scalars(statement)).all())


async def event_rows(app: FastAPI) -> list[PaymentEvent]:
    async with app_resources(app).session_factory() as db:
        return list((await db.scalars(select(PaymentEvent).order_by(PaymentEvent.id))).all())


async def subscription_row(app: FastAPI, user_id: int) -> Subscription | None:
    async with app_resources(app).session_factory() as db:
        found: Subscription | None = await db.scalar(
            select(Subscription).where(Subscription.user_id == user_id)
        )
        return found


async def raw_values(app: FastAPI, tables: tuple[str, ...]) -> list[str]:
    """Every non-null value of every column of `tables`, as text."""
    values: list[str] = []
    async with app_resources(app).engine.connect() as connection:
        for table in tables:
            rows = (await connection.execute(text(f"SELECT * FROM {table}"))).all()
            values += [str(value) for row in rows for value in row if value is not None]
    return values
