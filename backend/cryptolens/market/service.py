"""Market rules used by routes, health, commands and jobs: following symbols, reading
candles, freshness and retention. Takes an AsyncSession; never commits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.errors import ValidationFailedError
from cryptolens.core.timeframes import DAY_MS
from cryptolens.db import to_ms, utcnow
from cryptolens.market import repository

# The admin's symbol rules (admin_symbols.py) and coverage counting (coverage.py).
from cryptolens.market.admin_symbols import BACKFILL_JOB as BACKFILL_JOB
from cryptolens.market.admin_symbols import LOAD_MARKETS_JOB as LOAD_MARKETS_JOB
from cryptolens.market.admin_symbols import AdminSymbolView as AdminSymbolView
from cryptolens.market.admin_symbols import LoadedMarkets as LoadedMarkets
from cryptolens.market.admin_symbols import SymbolChange as SymbolChange
from cryptolens.market.admin_symbols import TimeframeCoverage as TimeframeCoverage
from cryptolens.market.admin_symbols import add_symbol as add_symbol
from cryptolens.market.admin_symbols import backfill_job_id as backfill_job_id
from cryptolens.market.admin_symbols import listed_markets as listed_markets
from cryptolens.market.admin_symbols import load_markets_job_id as load_markets_job_id
from cryptolens.market.admin_symbols import load_quote_markets as load_quote_markets
from cryptolens.market.admin_symbols import set_symbol_active as set_symbol_active
from cryptolens.market.admin_symbols import source_exchange as source_exchange
from cryptolens.market.admin_symbols import symbol_page as symbol_page
from cryptolens.market.admin_symbols import symbol_view as symbol_view
from cryptolens.market.building import build_from_minutes

# The value types and errors of this interface, named for other domains through here.
from cryptolens.market.candles import CandleSeries as CandleSeries
from cryptolens.market.candles import TimeArray as TimeArray
from cryptolens.market.candles import concat_series as concat_series
from cryptolens.market.coverage import refresh_coverage as refresh_coverage
from cryptolens.market.defaults import (
    BASE_TIMEFRAME,
    BUILT_TIMEFRAMES,
    REPLAY_EXCHANGE_ID,
)
from cryptolens.market.errors import SymbolNotFoundError as SymbolNotFoundError
from cryptolens.market.errors import SymbolNotListedError
from cryptolens.market.forming import forming_candle
from cryptolens.market.freshness import Freshness, freshness_of
from cryptolens.market.gaps import gap_minutes
from cryptolens.market.models import Symbol as Symbol
from cryptolens.market.replay_candles import ReplayCandles as ReplayCandles
from cryptolens.market.schemas import CandleOut, CandlePage, FreshnessCounts, SymbolOut
from cryptolens.market.sources.base import CandleSource, MarketListing
from cryptolens.market.symbols import normalize_symbol, url_symbol
from cryptolens.settings import MarketSettings


class UnsupportedTimeframeError(ValidationFailedError):
    code = "unsupported_timeframe"


# -- following symbols ------------------------------------------------------------------------


async def follow_symbol(
    session: AsyncSession,
    source: CandleSource,
    raw_symbol: str,
    *,
    listings: Sequence[MarketListing] | None = None,
) -> Symbol:
    """Adds a symbol the source lists (or re-activates a removed one). Its backfill is left to
    the next fetch, which sees `backfilled_at` unset. `listings` saves a market listing when
    adding several symbols."""
    name = normalize_symbol(raw_symbol)
    if listings is None:
        listings = await source.list_markets()
    listing = next((market for market in listings if market.symbol == name), None)
    if listing is None:
        raise SymbolNotListedError(name, source.exchange_id)
    existing = await repository.find_symbol(session, source.exchange_id, name)
    if existing is None:
        return await repository.add_symbol(
            session,
            Symbol(
                symbol=name,
                exchange=source.exchange_id,
                base=listing.base,
                quote=listing.quote,
                is_active=True,
                tick_size=listing.tick_size,
                price_precision=listing.price_precision,
                added_at=utcnow(),
            ),
        )
    existing.tick_size = listing.tick_size
    existing.price_precision = listing.price_precision
    if not existing.is_active:
        existing.is_active = True
        existing.removed_at = None
        # Its candles stopped when it was removed: backfill again rather than page through
        # the whole absence minute by minute.
        existing.backfilled_at = None
    await session.flush()
    return existing


async def unfollow_symbol(session: AsyncSession, raw_symbol: str, exchange: str) -> Symbol:
    """Soft delete: the symbol stops being fetched; its candles stay."""
    name = normalize_symbol(raw_symbol)
    symbol = await repository.find_symbol(session, exchange, name)
    if symbol is None or not symbol.is_active:
        raise SymbolNotFoundError(name)
    symbol.is_active = False
    symbol.removed_at = utcnow()
    await session.flush()
    return symbol


async def find_symbol(session: AsyncSession, raw_symbol: str) -> Symbol:
    """The followed symbol of that name (`BTC/USDT` or `BTC-USDT`), or SymbolNotFoundError."""
    name = normalize_symbol(raw_symbol)
    symbol = await repository.find_symbol_by_name(session, name)
    if symbol is None:
        raise SymbolNotFoundError(name)
    return symbol


# -- reading ----------------------------------------------------------------------------------


async def symbol_overviews(
    session: AsyncSession,
    *,
    now: datetime | None = None,
    include_inactive: bool = False,
    exchange: str | None = None,
) -> list[SymbolOut]:
    symbols = await repository.list_symbols(
        session, active_only=not include_inactive, exchange=exchange
    )
    return [await _overview(session, symbol, now or utcnow()) for symbol in symbols]


async def symbol_overview(
    session: AsyncSession, raw_symbol: str, *, now: datetime | None = None
) -> SymbolOut:
    return await _overview(session, await find_symbol(session, raw_symbol), now or utcnow())


async def _overview(session: AsyncSession, symbol: Symbol, now: datetime) -> SymbolOut:
    newest = await repository.newest_candle(session, symbol.id, BASE_TIMEFRAME)
    change = None
    if newest is not None:
        day_ago = await repository.newest_candle(
            session, symbol.id, BASE_TIMEFRAME, at_or_before=newest.open_time - DAY_MS
        )
        if day_ago is not None and day_ago.close > 0:
            change = round((newest.close - day_ago.close) / day_ago.close * 100, 4)
    return SymbolOut(
        symbol=symbol.symbol,
        url_symbol=url_symbol(symbol.symbol),
        exchange=symbol.exchange,
        base=symbol.base,
        quote=symbol.quote,
        is_active=symbol.is_active,
        tick_size=symbol.tick_size,
        price_precision=symbol.price_precision,
        added_at=symbol.added_at,
        freshness=freshness_of(None if newest is None else newest.open_time, to_ms(now)),
        last_candle_time=None if newest is None else newest.open_time,
        last_price=None if newest is None else newest.close,
        change_24h_pct=change,
        last_fetch_error=symbol.last_fetch_error,
    )


def ensure_timeframe(timeframe: str, allowed: Sequence[str]) -> str:
    """A timeframe that is not a configured detection timeframe is a 422."""
    if timeframe not in allowed:
        raise UnsupportedTimeframeError(
            f"timeframe {timeframe!r} is not one of {', '.join(allowed)}"
        )
    return timeframe


async def candle_page(
    session: AsyncSession,
    raw_symbol: str,
    timeframe: str,
    *,
    allowed_timeframes: Sequence[str],
    start: int | None = None,
    end: int | None = None,
    limit: int = 500,
    include_forming: bool = False,
) -> CandlePage:
    """Closed candles ascending by time. With `start`: the first `limit` from it (up to `end`),
    `next_cursor` the next page's start. Without: the newest `limit` up to `end` (or now),
    `next_cursor` the older page's `end` (the newest candle before this page). With
    `include_forming`, the forming candle when the page reaches it (forming.py)."""
    ensure_timeframe(timeframe, allowed_timeframes)
    symbol = await find_symbol(session, raw_symbol)
    if start is None:
        rows = await repository.load_candles(
            session, symbol.id, timeframe, end=end, limit=limit + 1, newest_first=True
        )
        next_cursor = rows[0].open_time if len(rows) > limit else None
        rows = rows[-limit:]
        reaches_newest = True
    else:
        rows = await repository.load_candles(
            session, symbol.id, timeframe, start=start, end=end, limit=limit + 1
        )
        next_cursor = rows[limit].open_time if len(rows) > limit else None
        rows = rows[:limit]
        reaches_newest = next_cursor is None
    forming = None
    if include_forming and reaches_newest:
        candle = await forming_candle(session, symbol.id, timeframe)
        if candle is not None and _within(candle.open_time, start, end):
            forming = CandleOut.model_validate(candle).model_copy(update={"forming": True})
    return CandlePage(
        candles=[CandleOut.model_validate(row) for row in rows],
        next_cursor=next_cursor,
        forming=forming,
    )


def _within(moment: int, start: int | None, end: int | None) -> bool:
    return (start is None or start <= moment) and (end is None or moment <= end)


async def candles_from(
    session: AsyncSession, symbol_id: int, timeframe: str, start: int
) -> CandleSeries:
    """Every stored candle opening at or after `start` (ms), ascending, as arrays."""
    return await repository.load_series(session, symbol_id, timeframe, start, None)


async def recent_candles(
    session: AsyncSession, symbol_id: int, timeframe: str, count: int
) -> CandleSeries:
    """The newest `count` stored candles, ascending, as arrays (detection windows)."""
    return CandleSeries.from_candles(
        await repository.load_candles(session, symbol_id, timeframe, limit=count, newest_first=True)
    )


# -- freshness (health) -----------------------------------------------------------------------


async def symbol_freshness(
    session: AsyncSession, symbol_id: int, *, now: datetime | None = None
) -> Freshness:
    newest = await repository.newest_open_time(session, symbol_id, BASE_TIMEFRAME)
    return freshness_of(newest, to_ms(now or utcnow()))


async def freshness_counts(
    session: AsyncSession, *, now: datetime | None = None, exchange: str | None = None
) -> FreshnessCounts:
    """Active symbols counted by freshness, for /api/health."""
    symbols = await repository.list_symbols(session, exchange=exchange)
    newest = await repository.newest_open_times(
        session, [symbol.id for symbol in symbols], BASE_TIMEFRAME
    )
    now_ms = to_ms(now or utcnow())
    counts = FreshnessCounts()
    for symbol in symbols:
        state = freshness_of(newest.get(symbol.id), now_ms)
        setattr(counts, state.value, getattr(counts, state.value) + 1)
    return counts


# -- retention (maintenance job) --------------------------------------------------------------


async def delete_expired_candles(
    session: AsyncSession,
    *,
    now: datetime | None = None,
    retention_ms: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """Deletes candles older than each timeframe's retention (default: the setting's default),
    and the known gaps among them; returns the candles deleted per timeframe."""
    if retention_ms is None:
        retention = MarketSettings().candle_retention_days
        retention_ms = {timeframe: days * DAY_MS for timeframe, days in retention.items()}
    now_ms = to_ms(now or utcnow())
    deleted: dict[str, int] = {}
    for timeframe, keep_ms in retention_ms.items():
        cutoff = now_ms - keep_ms
        deleted[timeframe] = await repository.delete_candles_before(session, timeframe, cutoff)
        await repository.delete_gaps_before(session, timeframe, cutoff)
    return deleted


async def symbol_names(session: AsyncSession, *, include_inactive: bool = True) -> dict[int, str]:
    """Symbol id -> ccxt name, for other domains' lists (patterns, signals)."""
    symbols = await repository.list_symbols(session, active_only=not include_inactive)
    return {symbol.id: symbol.symbol for symbol in symbols}


# -- reads and builds for the signal cycle ------------------------------------------------------


async def candles_until(
    session: AsyncSession, symbol_id: int, timeframe: str, last_open_time: int, count: int
) -> CandleSeries:
    """The newest `count` stored candles opening at or before `last_open_time`, ascending
    (what a cycle at some T saw, whatever arrived after T)."""
    return CandleSeries.from_candles(
        await repository.load_candles(
            session, symbol_id, timeframe, end=last_open_time, limit=count, newest_first=True
        )
    )


async def candles_between(
    session: AsyncSession, symbol_id: int, timeframe: str, start: int, end: int
) -> CandleSeries:
    """Every stored candle opening in [start, end) (ms), ascending, as arrays."""
    return await repository.load_series(session, symbol_id, timeframe, start, end - 1)


async def store_candles(
    session: AsyncSession, symbol_id: int, timeframe: str, candles: CandleSeries
) -> int:
    """Stores the candles as they are (a replay's own store copies the history it reads)."""
    return await repository.upsert_candles(session, symbol_id, timeframe, candles)


async def known_gap_minutes(
    session: AsyncSession, symbol_id: int, start: int, end: int
) -> TimeArray:
    """Open times of the 1m minutes in [start, end) the exchange reported empty."""
    gaps = await repository.load_gaps(session, symbol_id, BASE_TIMEFRAME, start, end)
    return gap_minutes(gaps, start, end)


async def stored_minutes_span(session: AsyncSession, symbol_id: int) -> tuple[int, int] | None:
    """The oldest and newest stored 1m open time, or None without any."""
    return await repository.stored_span(session, symbol_id, BASE_TIMEFRAME)


async def build_buckets(
    session: AsyncSession,
    symbol_id: int,
    timeframes: Sequence[str],
    *,
    first_minute: int,
    last_minute: int,
    server_time: int,
) -> dict[str, int]:
    """Builds (or rebuilds) the higher-timeframe candles containing the minutes
    [first_minute, last_minute] that are complete and closed at `server_time`."""
    return await build_from_minutes(
        session,
        symbol_id,
        timeframes,
        first_minute=first_minute,
        last_minute=last_minute,
        server_time=server_time,
    )


async def get_symbol(session: AsyncSession, symbol_id: int) -> Symbol | None:
    return await repository.get_symbol(session, symbol_id)


async def store_replayed_minutes(
    session: AsyncSession, raw_symbol: str, minutes: CandleSeries
) -> Symbol:
    """Stores imported 1m candles (a backtest's CSV) for the symbol of that name, adding it
    on the replay exchange (without a tick size) when it is not known yet."""
    name = normalize_symbol(raw_symbol)
    symbol = await repository.find_symbol_by_name(session, name)
    if symbol is None:
        base, _, quote = name.partition("/")
        symbol = await repository.add_symbol(
            session,
            Symbol(
                symbol=name,
                exchange=REPLAY_EXCHANGE_ID,
                base=base,
                quote=quote,
                is_active=True,
                added_at=utcnow(),
            ),
        )
    await repository.upsert_candles(session, symbol.id, BASE_TIMEFRAME, minutes)
    return symbol


async def active_symbols(session: AsyncSession, exchange: str) -> list[Symbol]:
    """The symbols a source's fetch and scan follow."""
    return await repository.list_symbols(session, exchange=exchange)


async def active_symbols_all(session: AsyncSession) -> list[Symbol]:
    """Every followed symbol, whatever its exchange (the matrix and statistics)."""
    return await repository.list_symbols(session)


@dataclass(frozen=True)
class CandleHealth:
    symbol: str
    invalid_candles: int
    rebuilt: dict[str, int]


async def check_candle_health(
    session: AsyncSession, symbol: Symbol, now_ms: int, *, days: int = 2
) -> CandleHealth:
    """db_health for one symbol: counts candles breaking the sanity rules (reported, never
    silently deleted) and rebuilds the recent higher-timeframe buckets from the stored 1m
    candles, which repairs any that disagree with their minutes."""
    invalid = await repository.count_invalid_candles(session, symbol.id)
    newest = await repository.newest_open_time(session, symbol.id, BASE_TIMEFRAME)
    rebuilt: dict[str, int] = {}
    if newest is not None:
        rebuilt = await build_from_minutes(
            session,
            symbol.id,
            BUILT_TIMEFRAMES,
            first_minute=max(0, newest - days * DAY_MS),
            last_minute=newest,
            server_time=now_ms,
        )
    return CandleHealth(symbol=symbol.symbol, invalid_candles=invalid, rebuilt=rebuilt)
