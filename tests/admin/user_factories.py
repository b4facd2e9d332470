"""Accounts and subscriptions in a given state for the admin user and subscription tests,
written through the accounts service and the ORM, and the audit rows read back."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.auth.accounts import create_user
from cryptolens.auth.models import User, UserSession
from cryptolens.auth.sessions import ClientInfo, start_session
from cryptolens.billing.models import Subscription
from cryptolens.db import unit_of_work
from cryptolens.resources import app_resources
from tests.auth.helpers import strong_password

USERS = f"{ADMIN_PREFIX}/users"
SUBSCRIPTIONS = f"{ADMIN_PREFIX}/subscriptions"
AUDIT = f"{ADMIN_PREFIX}/audit-log"


async def add_account(
    app: FastAPI,
    now: datetime,
    *,
    email: str | None = None,
    display_name: str | None = None,
    is_admin: bool = False,
    is_verified: bool = True,
    is_active: bool = True,
    locked_until: datetime | None = None,
    failed_logins: int = 0,
) -> User:
    resources = app_resources(app)
    async with unit_of_work(resources.session_factory) as db:
        user = await create_user(
            db,
            resources.auth_toolkit.hasher,
            now,
            email=email or f"user-{secrets.token_hex(4)}@example.com",
            password=strong_password(),
            display_name=display_name,
            is_admin=is_admin,
            is_verified=is_verified,
        )
        user.is_active = is_active
        user.locked_until = locked_until
        user.failed_login_count = failed_logins
    return user


async def add_session(app: FastAPI, user_id: int, now: datetime) -> str:
    resources = app_resources(app)
    async with unit_of_work(resources.session_factory) as db:
        return await start_session(
            db,
            resources.auth_toolkit.security,
            user_id,
            now,
            ClientInfo(ip="192.0.2.7", user_agent="pytest"),
        )


async def set_subscription(
    factory: async_sessionmaker[AsyncSession],
    user_id: int,
    *,
    plan: str,
    status: str,
    started_at: datetime,
    expires_at: datetime | None,
    grace_days: int = 3,
    cancelled_at: datetime | None = None,
) -> None:
    async with unit_of_work(factory) as db:
        row = await db.scalar(select(Subscription).where(Subscription.user_id == user_id))
        if row is None:
            row = Subscription(user_id=user_id)
            db.add(row)
        row.plan = plan
        row.status = status
        row.started_at = started_at
        row.expires_at = expires_at
        row.grace_days = grace_days
        row.cancelled_at = cancelled_at
        row.updated_at = started_at


async def subscription_of(
    factory: async_sessionmaker[AsyncSession], user_id: int
) -> Subscription | None:
    async with factory() as db:
        found: Subscription | None = await db.scalar(
            select(Subscription).where(Subscription.user_id == user_id)
        )
        return found


async def account(factory: async_sessionmaker[AsyncSession], user_id: int) -> User:
    async with factory() as db:
        user = await db.get(User, user_id)
        assert user is not None
        return user


async def session_count(factory: async_sessionmaker[AsyncSession], user_id: int) -> int:
    async with factory() as db:
        rows = await db.scalars(select(UserSession.id).where(UserSession.user_id == user_id))
        return len(rows.all())


async def lock(
    factory: async_sessionmaker[AsyncSession], user_id: int, until: datetime, failures: int
) -> None:
    async with unit_of_work(factory) as db:
        await db.execute(
            update(User)
            .where(User.id == user_id)
            .values(locked_until=until, failed_login_count=failures)
        )


async def audit_rows(admin: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    response = await admin.get(AUDIT, params=params)
    assert response.status_code == 200, response.text
    rows: list[dict[str, Any]] = response.json()["data"]
    return rows
