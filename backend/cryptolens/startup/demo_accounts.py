"""Demo accounts for the embedded default: on a fresh SQLite database in development, four
accounts (admin, free, pro, premium) with random passwords the caller prints once.

It composes two domains (an account from auth, a plan granted by billing), which never import
each other, so it lives here in the composition root and calls both through their services."""

from __future__ import annotations

import logging
import secrets

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import service as auth_service
from cryptolens.billing import service as billing_service
from cryptolens.core.clock import Clock
from cryptolens.core.security import PasswordHasher
from cryptolens.settings import Settings

log = logging.getLogger("cryptolens.startup")

DEMO_DOMAIN = "cryptolens.local"
# (local part, plan granted without expiry, admin)
DEMO_ACCOUNTS: tuple[tuple[str, str | None, bool], ...] = (
    ("admin", None, True),
    ("free", None, False),
    ("pro", "pro_monthly", False),
    ("premium", "premium_monthly", False),
)


def _demo_password(email: str) -> str:
    while True:
        password = secrets.token_urlsafe(12)
        if auth_service.password_problem(password, email) is None:
            return password


async def ensure_demo_accounts(
    session: AsyncSession, settings: Settings, clock: Clock
) -> list[tuple[str, str]]:
    """Creates the demo accounts when the app runs embedded (development, SQLite) on an empty
    users table; returns (email, password) pairs to show once, else [].

    The caller commits (like any service here, this only flushes)."""
    if settings.env != "development" or not settings.is_sqlite:
        return []
    if await auth_service.count_users(session) > 0:
        return []
    hasher = PasswordHasher.for_settings(settings)
    now = clock.now()
    created: list[tuple[str, str]] = []
    for local_part, plan, is_admin in DEMO_ACCOUNTS:
        email = f"{local_part}@{DEMO_DOMAIN}"
        password = _demo_password(email)
        user = await auth_service.create_user(
            session,
            hasher,
            now,
            email=email,
            password=password,
            display_name=f"Demo {local_part}",
            is_admin=is_admin,
            is_verified=True,
        )
        if plan is not None:
            await billing_service.grant_subscription(session, user.id, plan, now)
        created.append((email, password))
    log.info("auth.demo_accounts_created", extra={"count": len(created)})
    return created


def demo_emails() -> list[str]:
    return [f"{local_part}@{DEMO_DOMAIN}" for local_part, _, _ in DEMO_ACCOUNTS]


async def existing_demo_emails(session: AsyncSession) -> list[str]:
    return await auth_service.existing_emails(session, demo_emails())


async def reset_demo_accounts(
    session: AsyncSession, settings: Settings, clock: Clock
) -> list[tuple[str, str]]:
    """New passwords for the demo accounts that exist, their rights and plans untouched (and
    their sessions ended); returns (email, password) pairs to show once. The caller commits."""
    hasher = PasswordHasher.for_settings(settings)
    now = clock.now()
    reset: list[tuple[str, str]] = []
    for email in demo_emails():
        password = _demo_password(email)
        if await auth_service.set_password(session, hasher, email, password, now):
            reset.append((email, password))
    log.info("auth.demo_accounts_reset", extra={"count": len(reset)})
    return reset


def describe_demo_accounts(accounts: list[tuple[str, str]]) -> str:
    """The console text for the demo accounts (passwords appear here and nowhere else)."""
    lines = ["Demo accounts (passwords shown once):"]
    lines += [f"  {email:<28} {password}" for email, password in accounts]
    return "\n".join(lines)
