"""Start-up of the embedded mode: decide where market data comes from.

On an empty database with an unreachable exchange the app switches to the replay market and
loads the demo, so a first `make run` offline still shows a live-looking market.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, nullcontext

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.retry import RetryPolicy
from cryptolens.db import unit_of_work
from cryptolens.market import repository, service
from cryptolens.market.defaults import EXCHANGE_PROBE_TIMEOUT_MS, REPLAY_EXCHANGE_ID
from cryptolens.market.demo import load_demo_market
from cryptolens.market.errors import CandleSourceError, SymbolNotListedError
from cryptolens.market.sources.base import DataSource
from cryptolens.market.sources.ccxt_source import CcxtSource
from cryptolens.settings import MarketSettings, Settings

log = logging.getLogger(__name__)


async def probe_exchange(
    settings: MarketSettings, *, timeout_ms: int = EXCHANGE_PROBE_TIMEOUT_MS
) -> str | None:
    """None when the exchange answers its time endpoint quickly, else why it did not."""
    source = CcxtSource(
        settings.exchange,
        api_url=settings.exchange_api_url,
        timeout_ms=timeout_ms,
        retry=RetryPolicy(max_tries=1),
    )
    try:
        await source.fetch_time()
    except CandleSourceError as failure:
        return failure.message
    finally:
        await source.close()
    return None


# Enters the section where one process at a time writes (the start-up lock); the default, for
# one process alone, is none.
Exclusive = Callable[[], AbstractAsyncContextManager[None]]


def _alone() -> AbstractAsyncContextManager[None]:
    return nullcontext()


async def bootstrap_market(
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    exclusive: Exclusive = _alone,
) -> DataSource:
    """Returns the data source in use, "exchange" or "replay". The exchange is asked before
    `exclusive` is entered: processes starting together probe at once, not one after another
    (each probe may take its whole timeout); only the writes take turns."""
    market = settings.market
    if market.data_source == "replay":
        async with exclusive():
            await _ensure_demo(session_factory, settings)
        return "replay"
    async with unit_of_work(session_factory) as session:
        if await repository.any_candles(session, exchange=market.exchange):
            return "exchange"
    unreachable = await probe_exchange(market)
    if unreachable is not None:
        _falling_back(market, unreachable)
    async with exclusive():
        if unreachable is None:
            unreachable = await _follow_default_symbols(session_factory, market)
            if unreachable is None:
                log.info(
                    "market.data_source",
                    extra={"data_source": "exchange", "exchange": market.exchange},
                )
                return "exchange"
            _falling_back(market, unreachable)
        await _ensure_demo(session_factory, settings)
    return "replay"


def _falling_back(market: MarketSettings, reason: str) -> None:
    log.warning(
        "market.replay_fallback: exchange unreachable on an empty database, serving the "
        "replay market",
        extra={"exchange": market.exchange, "reason": reason},
    )


async def _ensure_demo(
    session_factory: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    async with unit_of_work(session_factory) as session:
        loaded = await repository.any_candles(session, exchange=REPLAY_EXCHANGE_ID)
    if loaded:
        return
    report = await load_demo_market(
        session_factory, settings.market, timeframes=settings.scan.timeframes
    )
    log.info(
        "market.demo_loaded",
        extra={"symbols": len(report.symbols), "candles": report.candles_stored},
    )


async def _follow_default_symbols(
    session_factory: async_sessionmaker[AsyncSession], settings: MarketSettings
) -> str | None:
    """On a fresh installation, follows the default symbols on the exchange (their backfill
    runs with the first fetch) and retires demo symbols. None on success, else the reason."""
    async with unit_of_work(session_factory) as session:
        if await repository.list_symbols(session, exchange=settings.exchange):
            return None
    source = CcxtSource(settings.exchange, api_url=settings.exchange_api_url)
    try:
        listings = await source.list_markets()
        async with unit_of_work(session_factory) as session:
            for symbol in settings.default_symbols:
                try:
                    await service.follow_symbol(session, source, symbol, listings=listings)
                except SymbolNotListedError as missing:
                    log.warning("market.default_symbol_missing", extra={"reason": missing.message})
            await repository.deactivate_symbols(session, REPLAY_EXCHANGE_ID)
    except CandleSourceError as failure:
        return failure.message
    finally:
        await source.close()
    return None
