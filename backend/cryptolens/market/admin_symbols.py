"""The admin's symbol rules (admin.md, "Symbols"): the list with freshness and coverage,
adding a listed spot market, disabling (soft delete) and enabling, and loading every market
of a quote as inactive rows. Called through market.service; never commits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.errors import ConflictError, NotFoundError, ValidationFailedError
from cryptolens.core.paging import Page, PageRequest
from cryptolens.core.retry import RetryPolicy
from cryptolens.core.timeframes import TIMEFRAME_MS
from cryptolens.db import to_ms
from cryptolens.market import admin_repository, repository
from cryptolens.market.defaults import BASE_TIMEFRAME, REPLAY_EXCHANGE_ID
from cryptolens.market.freshness import Freshness, freshness_of
from cryptolens.market.models import Symbol
from cryptolens.market.sources.base import DataSource, MarketListing
from cryptolens.market.sources.factory import open_candle_source
from cryptolens.market.symbols import InvalidSymbolError, normalize_symbol, url_symbol
from cryptolens.settings import MarketSettings

# Whatever the setting says: the market every installation follows.
ALWAYS_MANDATORY = "BTC/USDT"
# The job that backfills a symbol: the symbol's own scan, whose fetch backfills a symbol not
# backfilled yet. Sharing it means one copy per symbol at a time (the job lock of its name and
# arguments), so the minute's scan and an admin's add never backfill the same symbol twice.
BACKFILL_JOB = "scan_symbol"
LOAD_MARKETS_JOB = "load_markets"
SYMBOL_MAX_CHARS = 40  # the column's width


class UnknownSymbolError(ValidationFailedError):
    code = "unknown_symbol"


class SymbolExistsError(ConflictError):
    code = "symbol_exists"


class SymbolMandatoryError(ConflictError):
    code = "symbol_mandatory"


@dataclass(frozen=True, slots=True)
class TimeframeCoverage:
    timeframe: str
    first_open_time: int | None
    last_open_time: int | None
    candle_count: int
    coverage: float | None
    computed_at: datetime | None


@dataclass(frozen=True, slots=True)
class AdminSymbolView:
    id: int
    symbol: str
    url_symbol: str
    exchange: str
    base: str
    quote: str
    is_active: bool
    is_mandatory: bool
    tick_size: float | None
    price_precision: int | None
    added_at: datetime
    removed_at: datetime | None
    backfilled_at: datetime | None
    last_fetch_at: datetime | None
    last_fetch_error: str | None
    freshness: Freshness
    last_candle_time: int | None
    coverage: list[TimeframeCoverage] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SymbolChange:
    """What a write did: the symbol, the changed fields before and after (the audit row), and
    whether its backfill must be queued once the change is committed."""

    symbol: Symbol
    before: dict[str, Any] | None
    after: dict[str, Any]
    needs_backfill: bool


@dataclass(frozen=True, slots=True)
class LoadedMarkets:
    added: int
    existing: int


# -- who may be disabled ----------------------------------------------------------------------


def mandatory_symbols(settings: MarketSettings) -> frozenset[str]:
    names = {ALWAYS_MANDATORY}
    for raw in settings.mandatory_symbols:
        try:
            names.add(normalize_symbol(raw))
        except InvalidSymbolError:
            continue  # a typo in the setting protects nothing, and breaks nothing either
    return frozenset(names)


def source_exchange(data_source: DataSource, settings: MarketSettings) -> str:
    """The exchange id the data source in use stores on its symbols."""
    return REPLAY_EXCHANGE_ID if data_source == "replay" else settings.exchange


def backfill_job_id(symbol: str) -> str:
    return f"backfill:{url_symbol(symbol)}:{uuid.uuid4().hex[:12]}"


def load_markets_job_id(quote: str) -> str:
    return f"load_markets:{quote}:{uuid.uuid4().hex[:12]}"


async def listed_markets(
    data_source: DataSource, settings: MarketSettings, *, in_request: bool = False
) -> list[MarketListing]:
    """The spot markets the data source lists now (a fresh listing, not a cached one). In a
    request the exchange gets two quick tries, not a job's patient five."""
    retry = RetryPolicy(max_tries=2, max_delay=2.0) if in_request else None
    source = open_candle_source(data_source, settings, retry=retry)
    try:
        return await source.list_markets()
    finally:
        await source.close()


# -- the list ---------------------------------------------------------------------------------


async def symbol_page(
    session: AsyncSession,
    request: PageRequest,
    *,
    exchange: str,
    settings: MarketSettings,
    now: datetime,
    is_active: bool | None = None,
    q: str | None = None,
) -> Page[AdminSymbolView]:
    name_contains = q.strip().upper().replace("-", "/") if q else None
    page = await admin_repository.list_symbols_page(
        session, request, exchange=exchange, is_active=is_active, name_contains=name_contains
    )
    views = await _views(session, page.items, settings=settings, now=now)
    return Page(views, page.next_cursor)


async def symbol_view(
    session: AsyncSession, symbol: Symbol, *, settings: MarketSettings, now: datetime
) -> AdminSymbolView:
    [view] = await _views(session, [symbol], settings=settings, now=now)
    return view


async def _views(
    session: AsyncSession, symbols: Sequence[Symbol], *, settings: MarketSettings, now: datetime
) -> list[AdminSymbolView]:
    """Each symbol with its freshness and stored coverage: two queries for the whole page."""
    ids = [symbol.id for symbol in symbols]
    newest = await repository.newest_open_times(session, ids, BASE_TIMEFRAME)
    coverage = await admin_repository.coverage_of(session, ids)
    mandatory = mandatory_symbols(settings)
    now_ms = to_ms(now)
    return [
        _view(
            symbol,
            is_mandatory=symbol.symbol in mandatory,
            newest_minute=newest.get(symbol.id),
            coverage=[
                TimeframeCoverage(
                    timeframe=row.timeframe,
                    first_open_time=row.first_open_time,
                    last_open_time=row.last_open_time,
                    candle_count=row.candle_count,
                    coverage=row.coverage,
                    computed_at=row.computed_at,
                )
                for row in sorted(
                    coverage.get(symbol.id, []), key=lambda row: TIMEFRAME_MS.get(row.timeframe, 0)
                )
            ],
            now_ms=now_ms,
        )
        for symbol in symbols
    ]


def _view(
    symbol: Symbol,
    *,
    is_mandatory: bool,
    newest_minute: int | None,
    coverage: list[TimeframeCoverage],
    now_ms: int,
) -> AdminSymbolView:
    return AdminSymbolView(
        id=symbol.id,
        symbol=symbol.symbol,
        url_symbol=url_symbol(symbol.symbol),
        exchange=symbol.exchange,
        base=symbol.base,
        quote=symbol.quote,
        is_active=symbol.is_active,
        is_mandatory=is_mandatory,
        tick_size=symbol.tick_size,
        price_precision=symbol.price_precision,
        added_at=symbol.added_at,
        removed_at=symbol.removed_at,
        backfilled_at=symbol.backfilled_at,
        last_fetch_at=symbol.last_fetch_at,
        last_fetch_error=symbol.last_fetch_error,
        freshness=freshness_of(newest_minute, now_ms),
        last_candle_time=newest_minute,
        coverage=coverage,
    )


# -- writes -----------------------------------------------------------------------------------


async def add_symbol(
    session: AsyncSession,
    raw_symbol: str,
    *,
    exchange: str,
    listings: Sequence[MarketListing],
    now: datetime,
) -> SymbolChange:
    """A listed, active spot market is added (or a disabled one re-enabled); its backfill is
    queued by the caller after the commit."""
    name = normalize_symbol(raw_symbol)
    listing = next((item for item in listings if item.symbol == name), None)
    if listing is None or not listing.active:
        raise UnknownSymbolError(f"symbol: {exchange} has no active spot market {name}")
    existing = await repository.find_symbol(session, exchange, name)
    if existing is not None and existing.is_active:
        raise SymbolExistsError(f"{name} is already followed")
    if existing is None:
        try:
            symbol = await repository.add_symbol(
                session,
                Symbol(
                    symbol=name,
                    exchange=exchange,
                    base=listing.base,
                    quote=listing.quote,
                    is_active=True,
                    tick_size=listing.tick_size,
                    price_precision=listing.price_precision,
                    added_at=now,
                ),
            )
        except IntegrityError:
            # Stored by another request (or the loader) since the look-up: the unique key
            # decides, and this request rolls back.
            raise SymbolExistsError(f"{name} was added meanwhile") from None
        return SymbolChange(symbol, None, {"symbol": name, "is_active": True}, needs_backfill=True)
    existing.tick_size = listing.tick_size
    existing.price_precision = listing.price_precision
    _enable(existing)
    await session.flush()
    return SymbolChange(existing, {"is_active": False}, {"is_active": True}, needs_backfill=True)


async def set_symbol_active(
    session: AsyncSession,
    raw_symbol: str,
    is_active: bool,
    *,
    exchange: str,
    settings: MarketSettings,
    now: datetime,
) -> SymbolChange:
    """Disabling is the soft delete (fetching stops, candles stay); a mandatory symbol cannot
    be disabled. Enabling asks for a backfill from the newest stored candle (within depth)."""
    name = normalize_symbol(raw_symbol)
    symbol = await repository.find_symbol(session, exchange, name)
    if symbol is None:
        raise NotFoundError(f"Symbol {name} not found")
    if not is_active and name in mandatory_symbols(settings):
        raise SymbolMandatoryError(f"{name} is mandatory and cannot be disabled")
    before = {"is_active": symbol.is_active}
    if symbol.is_active == is_active:
        return SymbolChange(symbol, before, {"is_active": is_active}, needs_backfill=False)
    if is_active:
        _enable(symbol)
    else:
        symbol.is_active = False
        symbol.removed_at = now
    await session.flush()
    return SymbolChange(symbol, before, {"is_active": is_active}, needs_backfill=is_active)


def _enable(symbol: Symbol) -> None:
    symbol.is_active = True
    symbol.removed_at = None
    # Its candles stopped when it was disabled: the next fetch backfills (each timeframe from
    # its newest stored candle, within its depth) rather than page minute by minute.
    symbol.backfilled_at = None


async def load_quote_markets(
    session: AsyncSession, listings: Sequence[MarketListing], *, exchange: str, quote: str
) -> LoadedMarkets:
    """Each active spot market quoted in `quote` is added as an inactive symbol; symbols
    already stored (active or not) are left as they are."""
    known = await admin_repository.symbol_names(session, exchange)
    added: list[Symbol] = []
    existing = 0
    for listing in sorted(listings, key=lambda item: item.symbol):
        if not listing.active or listing.quote.upper() != quote:
            continue
        try:
            name = normalize_symbol(listing.symbol)
        except InvalidSymbolError:
            continue  # a name this installation cannot store or show (not BASE/QUOTE)
        if len(name) > SYMBOL_MAX_CHARS:
            continue
        if name in known:
            existing += 1
            continue
        added.append(
            Symbol(
                symbol=name,
                exchange=exchange,
                base=listing.base,
                quote=listing.quote,
                is_active=False,
                tick_size=listing.tick_size,
                price_precision=listing.price_precision,
            )
        )
        known.add(name)
    await repository.add_symbols(session, added)
    return LoadedMarkets(added=len(added), existing=existing)
