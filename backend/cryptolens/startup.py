"""What a serving process does before it takes requests: decide the market data source and,
in the embedded default only, create the demo accounts of a fresh installation."""

from __future__ import annotations

import logging
import sys

from fastapi import FastAPI

from cryptolens.auth.demo_accounts import describe_demo_accounts, ensure_demo_accounts
from cryptolens.db import unit_of_work
from cryptolens.market.bootstrap import bootstrap_market

log = logging.getLogger("cryptolens.startup")


async def prepare_embedded_start(app: FastAPI) -> None:
    settings = app.state.settings
    state = app.state
    state.data_source = await bootstrap_market(state.session_factory, settings)
    state.jobs.ctx.data_source = state.data_source
    log.info("startup.data_source", extra={"data_source": state.data_source})
    if settings.is_production or not settings.is_sqlite:
        return
    async with unit_of_work(state.session_factory) as session:
        accounts = await ensure_demo_accounts(session, settings, state.clock)
    if accounts:
        # The console, never the log: these are the passwords, shown this once.
        print(describe_demo_accounts(accounts), file=sys.stderr, flush=True)
