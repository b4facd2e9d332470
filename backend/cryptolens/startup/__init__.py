"""What a serving process does before it takes requests: decide the market data source and,
in the embedded default only, create the demo accounts of a fresh installation; and, once it is
ready, the console block saying where to open the app and how to sign in.

Part of the composition root (with app.py and resources.py): it may call any domain.
"""

from __future__ import annotations

import logging
import sys
from contextlib import AbstractAsyncContextManager

from sqlalchemy.exc import IntegrityError

from cryptolens.auth.errors import EmailTakenError
from cryptolens.core.launch import claim_announcement
from cryptolens.db import unit_of_work
from cryptolens.market.bootstrap import bootstrap_market
from cryptolens.resources import AppResources
from cryptolens.startup.console import start_block
from cryptolens.startup.demo_accounts import ensure_demo_accounts, existing_demo_emails
from cryptolens.startup.exclusive import one_process_at_a_time

log = logging.getLogger("cryptolens.startup")


async def prepare_embedded_start(resources: AppResources) -> str | None:
    """Returns the console block to print once the app is ready (None in production, whose
    console is a log, and in all but one process of a `serve --workers N` launch).

    The writes take turns (startup/exclusive.py); asking the exchange does not, so processes
    starting together do not wait for each other's probe."""

    def exclusive() -> AbstractAsyncContextManager[None]:
        return one_process_at_a_time(resources.engine)

    settings = resources.settings
    resources.jobs.ctx.data_source = await bootstrap_market(
        resources.session_factory, settings, exclusive
    )
    log.info("startup.data_source", extra={"data_source": resources.data_source})
    if settings.is_production:
        return None
    async with exclusive():
        block = await _start_block(resources)
        # Claimed in turn, so the first process through, which made the demo accounts and
        # holds their passwords, is the one that prints (core/launch.py).
        return block if claim_announcement() else None


async def _start_block(resources: AppResources) -> str:
    settings = resources.settings
    if not settings.is_sqlite:
        return start_block(settings.public_url)
    try:
        async with unit_of_work(resources.session_factory) as session:
            accounts = await ensure_demo_accounts(session, settings, resources.clock)
    except (EmailTakenError, IntegrityError):
        # Another process sharing the database but not its start-up lock (a one-off command)
        # made them first: they are taken, go on.
        log.info("startup.demo_accounts_made_by_another_process")
        accounts = []
    if accounts:
        return start_block(settings.public_url, passwords=accounts)
    async with resources.session_factory() as session:
        emails = await existing_demo_emails(session)
    return start_block(settings.public_url, demo_emails=emails)


def announce(block: str | None) -> None:
    """The console, never the log: the block may hold passwords, shown this once."""
    if block is not None:
        print(f"\n{block}\n", file=sys.stderr, flush=True)
