"""`cryptolens demo-accounts [--reset]`: the demo accounts of the embedded default, and new
passwords for them when the ones shown at the first start are lost. Rights and plans stay."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from cryptolens.core.clock import SystemClock
from cryptolens.core.logging import configure_logging
from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.settings import Settings, get_settings
from cryptolens.startup.console import framed
from cryptolens.startup.demo_accounts import existing_demo_emails, reset_demo_accounts


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo-accounts", help="list the demo accounts, or --reset their passwords"
    )
    demo.add_argument(
        "--reset",
        action="store_true",
        help="give each demo account a new password and print it (roles and plans unchanged)",
    )
    demo.set_defaults(handler=_demo_accounts)


async def demo_accounts(settings: Settings, reset: bool) -> list[tuple[str, str | None]]:
    """(email, new password or None) for each demo account that exists."""
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        factory = create_session_factory(engine)
        if reset:
            async with unit_of_work(factory) as db:
                pairs = await reset_demo_accounts(db, settings, SystemClock())
            return [(email, password) for email, password in pairs]
        async with factory() as db:
            return [(email, None) for email in await existing_demo_emails(db)]
    finally:
        await engine.dispose()


def _demo_accounts(args: argparse.Namespace) -> int:
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    if settings.is_production:
        print("demo-accounts: production has no demo accounts", file=sys.stderr)
        return 1
    accounts = asyncio.run(demo_accounts(settings, args.reset))
    if not accounts:
        print(
            "demo-accounts: there are none here (the first start of the embedded default, "
            "development on SQLite, creates them on an empty database)",
            file=sys.stderr,
        )
        return 1
    url = settings.public_url.rstrip("/") + "/"
    if args.reset:
        lines = [f"New demo passwords (sign in at {url}; old sessions ended):", ""]
        lines += [f"  {email:<28} {password}" for email, password in accounts]
    else:
        lines = [f"Demo accounts (sign in at {url}):", ""]
        lines += [f"  {email}" for email, _ in accounts]
        lines += ["", "Their passwords: `cryptolens demo-accounts --reset` prints new ones."]
    print(framed(lines))
    return 0
