"""`cryptolens users list|show|unlock|grant`: the admin API's user rules from a shell.

They call the same services as /admin/users (admin/users/service.py and the accounts and
subscriptions domains' admin services), and each write adds an audit row with the actor `cli`.
A user is named by id or email."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.admin.subscriptions.schemas import MAX_GRANT_DAYS, AdminSubscriptionOut
from cryptolens.admin.subscriptions.service import grant_plan
from cryptolens.admin.users import service
from cryptolens.admin.users.schemas import AdminUserDetailOut, AdminUserOut
from cryptolens.auth.admin import service as auth_admin
from cryptolens.core.clock import SystemClock
from cryptolens.core.errors import AppError
from cryptolens.core.logging import configure_logging
from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.settings import Settings, get_settings
from cryptolens.system.audit import service as audit_service
from cryptolens.system.audit.service import AuditActor

T = TypeVar("T")

EXIT_OK = 0
EXIT_FAILED = 1
# Who the audit log names for a write made with these commands.
CLI_ACTOR = AuditActor(user_id=None, email="cli")


def register(subparsers: Any) -> None:
    users = subparsers.add_parser("users", help="list, show, unlock users and grant plans")
    actions = users.add_subparsers(dest="users_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="users, newest first")
    listing.add_argument("--q", help="in the email or display name, any case")
    listing.add_argument("--tier", choices=[tier.value for tier in Tier])
    listing.add_argument("--locked", action="store_true", help="only users locked now")
    listing.add_argument("--admins", action="store_true", help="only admins")
    listing.add_argument("--limit", type=_limit, default=50, help="at most N (1-500, default 50)")
    listing.set_defaults(handler=_list)

    show = actions.add_parser("show", help="a user, their subscription and sessions")
    show.add_argument("user", metavar="ID|EMAIL")
    show.set_defaults(handler=_show)

    unlock = actions.add_parser("unlock", help="clear a sign-in lock and the failure count")
    unlock.add_argument("user", metavar="ID|EMAIL")
    unlock.set_defaults(handler=_unlock)

    grant = actions.add_parser("grant", help="grant a plan for days or for life")
    grant.add_argument("user", metavar="ID|EMAIL")
    grant.add_argument("--plan", required=True, choices=["pro", "premium"])
    period = grant.add_mutually_exclusive_group(required=True)
    period.add_argument("--days", type=_days, help=f"1-{MAX_GRANT_DAYS}, added to the current end")
    period.add_argument("--lifetime", action="store_true", help="the plan's tier for ever")
    grant.set_defaults(handler=_grant)


def _bounded(low: int, high: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
            raise argparse.ArgumentTypeError(f"a whole number from {low} to {high}")
        return int(raw)

    return parse


_limit = _bounded(1, 500)
_days = _bounded(1, MAX_GRANT_DAYS)


async def _in_unit_of_work(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        async with unit_of_work(create_session_factory(engine)) as db:
            return await work(db)
    finally:
        await engine.dispose()


def _run(work: Callable[[AsyncSession], Awaitable[str]]) -> int:
    """Runs `work` in one committed unit of work and prints what it returns; a refusal of
    the rules (unknown user, a 409 of the API) prints its message and exits 1."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    try:
        print(asyncio.run(_in_unit_of_work(settings, work)))
    except AppError as refused:
        print(f"users: {refused.message}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


async def _user(db: AsyncSession, reference: str) -> auth_admin.User:
    user = await auth_admin.find_user(db, reference)
    if user is None:
        raise auth_admin.UserNotFoundError()
    return user


def _flags(user: AdminUserOut) -> str:
    flags = [
        "admin" if user.is_admin else "",
        "" if user.is_active else "inactive",
        "" if user.is_verified else "unverified",
        "locked" if user.locked else "",
    ]
    return ",".join(flag for flag in flags if flag) or "-"


def _user_line(user: AdminUserOut) -> str:
    return f"{user.id:>8}  {user.email:<40} {user.tier.value:<8} {_flags(user)}"


def _subscription_line(subscription: AdminSubscriptionOut | None) -> str:
    if subscription is None:
        return "none"
    ends = "lifetime" if subscription.expires_at is None else subscription.expires_at.isoformat()
    return f"{subscription.plan_code} {subscription.status}, until {ends}"


def _detail(user: AdminUserDetailOut) -> str:
    lines = [
        f"id:            {user.id}",
        f"email:         {user.email}",
        f"display name:  {user.display_name or '-'}",
        f"tier:          {user.tier.value}",
        f"flags:         {_flags(user)}",
        f"failed logins: {user.failed_logins}",
        f"locked until:  {user.locked_until.isoformat() if user.locked_until else '-'}",
        f"subscription:  {_subscription_line(user.subscription)}",
        f"sessions:      {len(user.sessions)} open",
        f"deliveries:    {len(user.deliveries)} latest",
    ]
    return "\n".join(lines)


def _list(args: argparse.Namespace) -> int:
    query = service.UserQuery(
        q=args.q,
        tier=None if args.tier is None else Tier(args.tier),
        locked=True if args.locked else None,
        is_admin=True if args.admins else None,
    )

    async def work(db: AsyncSession) -> str:
        page = await service.list_users(db, query, None, args.limit, SystemClock().now())
        lines = [_user_line(user) for user in page.items]
        more = " (more: narrow the query or raise --limit)" if page.next_cursor else ""
        return "\n".join([*lines, f"{len(lines)} users{more}"])

    return _run(work)


def _show(args: argparse.Namespace) -> int:
    async def work(db: AsyncSession) -> str:
        user = await _user(db, args.user)
        return _detail(await service.user_detail(db, user.id, SystemClock().now()))

    return _run(work)


def _unlock(args: argparse.Namespace) -> int:
    async def work(db: AsyncSession) -> str:
        user = await _user(db, args.user)
        before, after = await auth_admin.unlock_user(db, user.id)
        await _audit(db, "user.unlock", "user", user.id, before, after)
        return f"Unlocked {user.email}."

    return _run(work)


def _grant(args: argparse.Namespace) -> int:
    grace_days = get_settings().plans.subscription_grace_days

    async def work(db: AsyncSession) -> str:
        user = await _user(db, args.user)
        days = None if args.lifetime else args.days
        granted = await grant_plan(
            db, user, Tier(args.plan), SystemClock().now(), days=days, grace_days=grace_days
        )
        change = granted.change
        await _audit(db, "subscription.grant", "subscription", user.id, change.before, change.after)
        return f"Granted to {user.email}: {_subscription_line(granted.out)}."

    return _run(work)


async def _audit(
    db: AsyncSession,
    action: str,
    target_type: str,
    target_id: int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    await audit_service.record(
        db,
        CLI_ACTOR,
        action,
        target_type=target_type,
        target_id=target_id,
        now=SystemClock().now(),
        before=before,
        after=after,
    )
