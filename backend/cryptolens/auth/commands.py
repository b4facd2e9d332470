"""`cryptolens create-admin --email E [--promote]`: asks for the password (twice) on a
terminal, or reads it from the first line of stdin when piped (`--password-stdin` forces that).
An existing account that is no admin is promoted only with `--promote`."""

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
        "create-admin",
        help="create an administrator (or, with --promote, make an existing account one)",
    )
    create_admin.add_argument("--email", required=True, help="the admin's email address")
    create_admin.add_argument(
        "--promote",
        action="store_true",
        help="make an existing account that is no admin an admin (and give it this password)",
    )
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


async def create_admin(
    settings: Settings, email: str, password: str, *, promote: bool
) -> service.AdminOutcome:
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        async with unit_of_work(create_session_factory(engine)) as db:
            return await service.create_or_promote_admin(
                db,
                PasswordHasher.for_settings(settings),
                email,
                password,
                SystemClock().now(),
                promote=promote,
            )
    finally:
        await engine.dispose()


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
    outcome = asyncio.run(create_admin(settings, args.email, password, promote=args.promote))
    email = args.email.strip().lower()
    if outcome == "refused":
        print(
            f"create-admin: {email} is an existing account and no admin; nothing was changed. "
            "Run it again with --promote to make it an admin (its password changes too).",
            file=sys.stderr,
        )
        return 1
    print(f"Admin {email} {_DONE[outcome]}.")
    return 0


_DONE = {
    "created": "created",
    "promoted": "promoted to admin; its password was changed and its sessions ended",
    "password_changed": "already an admin; its password was changed and its sessions ended",
}
