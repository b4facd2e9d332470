"""What a serving process does before it takes requests: decide the market data source and,
in the embedded default only, create the demo accounts of a fresh installation.

Part of the composition root (with app.py and resources.py): it may call any domain.
"""

from __future__ import annotations

import logging
import sys

from sqlalchemy.exc import IntegrityError

from cryptolens.auth.errors import EmailTakenError
from cryptolens.db import unit_of_work
from cryptolens.market.bootstrap import bootstrap_market
from cryptolens.resources import AppResources
from cryptolens.startup.demo_accounts import describe_demo_accounts, ensure_demo_accounts

log = logging.getLogger("cryptolens.startup")


async def prepare_embedded_start(resources: AppResources) -> None:
    settings = resources.settings
    resources.jobs.ctx.data_source = await bootstrap_market(resources.session_factory, settings)
    log.info("startup.data_source", extra={"data_source": resources.data_source})
    if settings.is_production or not settings.is_sqlite:
        return
    try:
        async with unit_of_work(resources.session_factory) as session:
            accounts = await ensure_demo_accounts(session, settings, resources.clock)
    except (EmailTakenError, IntegrityError):
        # `serve --workers N` starts N processes at once on a fresh database: one of them
        # creates the accounts (and shows them), the others find them taken and go on.
        log.info("startup.demo_accounts_made_by_another_process")
        return
    if accounts:
        # The console, never the log: these are the passwords, shown this once.
        print(describe_demo_accounts(accounts), file=sys.stderr, flush=True)
