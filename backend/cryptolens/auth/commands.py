"""`cryptolens create-admin --email E`: asks for the password (twice) on a terminal, or reads
it from the first line of stdin when piped (`--password-stdin` forces that)."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from typing import Any

from cryptolens.auth import service
from cryptolens.auth.passwords import password_problem
from cryptolens.core.clock import SystemClock
from cryptolens.core.logging import configure_logging
from cryptolens.core.security import PasswordHasher
from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.settings import Settings, get_settings


def register(subparsers: Any) -> None:
    create_admin = subparsers.add_parser(
        "create-admin", help="create an administrator (or promote an existing account)"
    )
    create_admin.add_argument("--email", required=True, help="the admin's email address")
    create_admin.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from stdin instead of prompting",
    )
    create_admin.set_defaults(handler=_create_admin)


def _read_password(email: str, from_stdin: bool) -> str | None:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Password for {email}: ")
    if getpass.getpass("Again: ") != first:
        print("create-admin: the passwords differ", file=sys.stderr)
        return None
    return first


async def create_admin(settings: Settings, email: str, password: str) -> bool:
    """Returns True when the account was created, False when an existing one was promoted."""
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        async with unit_of_work(create_session_factory(engine)) as db:
            _user, created = await service.create_or_promote_admin(
                db, PasswordHasher.for_settings(settings), email, password, SystemClock().now()
            )
    finally:
        await engine.dispose()
    return created


def _create_admin(args: argparse.Namespace) -> int:
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    password = _read_password(args.email, args.password_stdin)
    if password is None:
        return 1
    problem = password_problem(password, args.email)
    if problem is not None:
        print(f"create-admin: {problem}", file=sys.stderr)
        return 1
    created = asyncio.run(create_admin(settings, args.email, password))
    verb = "created" if created else "promoted to admin (its sessions were ended)"
    print(f"Admin {args.email.strip().lower()} {verb}.")
    return 0
