"""The fetch workflow: brings every followed symbol up to date, one unit of work per step.

A symbol that was never backfilled gets every timeframe fetched back to its depth; after
that, new 1m candles are fetched from the newest stored one (exclusive) to the last closed
minute and the higher timeframes are rebuilt from them. One symbol failing never stops the
others: its error is recorded on the symbol and returned in the report.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.timeframes import MINUTE_MS, timeframe_ms
from cryptolens.db import from_ms, unit_of_work, utcnow
from cryptolens.market import repository
from cryptolens.market.backfill import (
    PageProgress,
    TimeframeFetch,
    backfill_start,
    store_closed_candles,
)
from cryptolens.market.building import build_from_minutes
from cryptolens.market.defaults import BASE_TIMEFRAME, BUILT_TIMEFRAMES
from cryptolens.market.errors import CandleSourceError
from cryptolens.market.models import Symbol
from cryptolens.market.sources.base import CandleSource

log = logging.getLogger(__name__)

DEFAULT_TIMEFRAMES: tuple[str, ...] = (BASE_TIMEFRAME, *BUILT_TIMEFRAMES)


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """What to fetch. By default the regular update: backfill new symbols, else new minutes
    and the buckets they complete. With since/until: that window, each timeframe fetched
    directly. With timeframes only: just those, each from its newest stored candle."""

    symbols: Sequence[str] | None = None  # default: every active symbol of the source
    timeframes: Sequence[str] | None = None  # default: all (the configured detection ones)
    since: int | None = None  # ms, inclusive
    until: int | None = None  # ms, exclusive
    # Days each timeframe is backfilled when a symbol is added (setting backfill_depth_days);
    # None or a timeframe left out: the default depths.
    backfill_depth_days: Mapping[str, int] | None = None

    def backfill_start(self, timeframe: str, server_time: int, align_to: str) -> int:
        return backfill_start(timeframe, server_time, align_to, self.backfill_depth_days)

    @property
    def is_window(self) -> bool:
        return self.since is not None or self.until is not None


@dataclass(slots=True)
class SymbolFetchReport:
    symbol: str
    exchange: str
    stored: dict[str, int] = field(default_factory=dict)  # candles written per timeframe
    rejected: int = 0
    known_gaps: int = 0
    backfilled: bool = False
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def candles_stored(self) -> int:
        return sum(self.stored.values())

    def add(self, fetched: TimeframeFetch) -> None:
        self.stored[fetched.timeframe] = self.stored.get(fetched.timeframe, 0) + fetched.stored
        self.rejected += fetched.rejected
        self.known_gaps += fetched.known_gaps


@dataclass(slots=True)
class FetchReport:
    data_source: str
    exchange: str
    symbols: list[SymbolFetchReport] = field(default_factory=list)

    @property
    def failed(self) -> list[SymbolFetchReport]:
        return [report for report in self.symbols if not report.ok]

    @property
    def candles_stored(self) -> int:
        return sum(report.candles_stored for report in self.symbols)


async def fetch_market_data(
    session_factory: async_sessionmaker[AsyncSession],
    source: CandleSource,
    request: FetchRequest | None = None,
    *,
    timeframes: Sequence[str] = DEFAULT_TIMEFRAMES,
    progress: PageProgress | None = None,
) -> FetchReport:
    """Fetches for each symbol in turn; `timeframes` are the configured detection ones."""
    request = request or FetchRequest()
    report = FetchReport(source.data_source, source.exchange_id)
    async with unit_of_work(session_factory) as session:
        symbols = await repository.list_symbols(
            session, exchange=source.exchange_id, names=request.symbols
        )
    for missing in sorted(set(request.symbols or ()) - {symbol.symbol for symbol in symbols}):
        report.symbols.append(
            SymbolFetchReport(
                missing, source.exchange_id, error=f"{missing} is not an active symbol"
            )
        )
    for symbol in symbols:
        report.symbols.append(
            await _fetch_symbol(session_factory, source, symbol, request, timeframes, progress)
        )
    log.info(
        "market.fetch_done",
        extra={
            "exchange": source.exchange_id,
            "symbols": len(report.symbols),
            "failed": len(report.failed),
            "candles": report.candles_stored,
        },
    )
    return report


async def _fetch_symbol(
    factory: async_sessionmaker[AsyncSession],
    source: CandleSource,
    symbol: Symbol,
    request: FetchRequest,
    timeframes: Sequence[str],
    progress: PageProgress | None,
) -> SymbolFetchReport:
    report = SymbolFetchReport(symbol.symbol, symbol.exchange)
    try:
        server_time = await source.fetch_time()
        if request.is_window:
            await _fetch_window(
                factory, source, symbol, request, timeframes, server_time, report, progress
            )
        elif request.timeframes:
            # Just these timeframes, each from its newest stored candle on.
            if BASE_TIMEFRAME in request.timeframes:
                await _fetch_new_minutes(
                    factory, source, symbol, request, timeframes, server_time, report, progress
                )
            others = [tf for tf in request.timeframes if tf != BASE_TIMEFRAME]
            await _fetch_newer(
                factory, source, symbol, request, others, server_time, report, progress
            )
        elif symbol.backfilled_at is None:
            await _backfill(
                factory, source, symbol, request, timeframes, server_time, report, progress
            )
        else:
            await _fetch_new_minutes(
                factory, source, symbol, request, timeframes, server_time, report, progress
            )
    except CandleSourceError as failure:
        report.error = failure.message
        log.error(
            "market.fetch_failed",
            extra={"symbol": symbol.symbol, "exchange": symbol.exchange, "error": report.error},
        )
    except Exception as bug:
        # Not the exchange's doing (a bug, bad data we did not foresee): still one symbol's
        # problem, so the others go on; the traceback goes to the log.
        report.error = f"internal error: {type(bug).__name__}: {bug}"[:1000]
        log.exception(
            "market.fetch_crashed", extra={"symbol": symbol.symbol, "exchange": symbol.exchange}
        )
    async with unit_of_work(factory) as session:
        await repository.record_fetch_outcome(session, symbol.id, at=utcnow(), error=report.error)
    return report


async def _backfill(
    factory: async_sessionmaker[AsyncSession],
    source: CandleSource,
    symbol: Symbol,
    request: FetchRequest,
    timeframes: Sequence[str],
    server_time: int,
    report: SymbolFetchReport,
    progress: PageProgress | None,
) -> None:
    """Every timeframe fetched directly back to its depth; a commit per timeframe, so an
    interrupted backfill keeps what it stored and the next run goes on from there. A
    timeframe whose stored candles already reach back to its depth (a re-enabled symbol) is
    fetched from its newest stored candle on (admin.md: "within backfill depth")."""
    widest = max(timeframes, key=timeframe_ms)
    for timeframe in timeframes:
        async with unit_of_work(factory) as session:
            start = request.backfill_start(timeframe, server_time, widest)
            span = await repository.stored_span(session, symbol.id, timeframe)
            if span is not None and span[0] <= start:
                start = max(start, span[1] + timeframe_ms(timeframe))
            fetched = await store_closed_candles(
                session,
                source,
                symbol,
                timeframe,
                start=start,
                server_time=server_time,
                progress=progress,
            )
        report.add(fetched)
    async with unit_of_work(factory) as session:
        await repository.mark_backfilled(session, symbol.id, from_ms(server_time))
    report.backfilled = True


async def _fetch_window(
    factory: async_sessionmaker[AsyncSession],
    source: CandleSource,
    symbol: Symbol,
    request: FetchRequest,
    timeframes: Sequence[str],
    server_time: int,
    report: SymbolFetchReport,
    progress: PageProgress | None,
) -> None:
    """Each chosen timeframe fetched directly over the window. Higher timeframes that were
    not fetched themselves are rebuilt from the window's minutes (which may have changed)."""
    chosen = list(request.timeframes or timeframes)
    widest = max(timeframes, key=timeframe_ms)
    for timeframe in chosen:
        start = request.since
        if start is None:
            start = request.backfill_start(timeframe, server_time, widest)
        async with unit_of_work(factory) as session:
            fetched = await store_closed_candles(
                session,
                source,
                symbol,
                timeframe,
                start=start,
                until=request.until,
                server_time=server_time,
                progress=progress,
            )
            report.add(fetched)
            rebuilt = [tf for tf in timeframes if tf != BASE_TIMEFRAME and tf not in chosen]
            if timeframe == BASE_TIMEFRAME and rebuilt:
                await _build(session, symbol, rebuilt, fetched, server_time, report)
    if symbol.backfilled_at is None and set(chosen) >= set(timeframes):
        async with unit_of_work(factory) as session:
            await repository.mark_backfilled(session, symbol.id, from_ms(server_time))
        report.backfilled = True


async def _fetch_newer(
    factory: async_sessionmaker[AsyncSession],
    source: CandleSource,
    symbol: Symbol,
    request: FetchRequest,
    chosen: Sequence[str],
    server_time: int,
    report: SymbolFetchReport,
    progress: PageProgress | None,
) -> None:
    """Chosen higher timeframes fetched directly from their newest stored candle (or from
    their backfill depth when none is stored)."""
    for timeframe in chosen:
        async with unit_of_work(factory) as session:
            newest = await repository.newest_open_time(session, symbol.id, timeframe)
            start = (
                newest + timeframe_ms(timeframe)
                if newest is not None
                else request.backfill_start(timeframe, server_time, timeframe)
            )
            fetched = await store_closed_candles(
                session,
                source,
                symbol,
                timeframe,
                start=start,
                server_time=server_time,
                progress=progress,
            )
        report.add(fetched)


async def _fetch_new_minutes(
    factory: async_sessionmaker[AsyncSession],
    source: CandleSource,
    symbol: Symbol,
    request: FetchRequest,
    timeframes: Sequence[str],
    server_time: int,
    report: SymbolFetchReport,
    progress: PageProgress | None,
) -> None:
    """New 1m candles and the higher-timeframe buckets they complete, in one transaction."""
    built_timeframes = [timeframe for timeframe in timeframes if timeframe != BASE_TIMEFRAME]
    async with unit_of_work(factory) as session:
        newest = await repository.newest_open_time(session, symbol.id, BASE_TIMEFRAME)
        start = (
            newest + MINUTE_MS
            if newest is not None
            else request.backfill_start(
                BASE_TIMEFRAME, server_time, max(timeframes, key=timeframe_ms)
            )
        )
        fetched = await store_closed_candles(
            session,
            source,
            symbol,
            BASE_TIMEFRAME,
            start=start,
            server_time=server_time,
            progress=progress,
        )
        report.add(fetched)
        await _build(session, symbol, built_timeframes, fetched, server_time, report)


async def _build(
    session: AsyncSession,
    symbol: Symbol,
    timeframes: Sequence[str],
    fetched: TimeframeFetch,
    server_time: int,
    report: SymbolFetchReport,
) -> None:
    """Rebuilds the buckets of `timeframes` touched by the minutes just fetched."""
    if fetched.first_touched is None or fetched.last_stored is None:
        return
    built = await build_from_minutes(
        session,
        symbol.id,
        timeframes,
        first_minute=fetched.first_touched,
        last_minute=fetched.last_stored,
        server_time=server_time,
    )
    for timeframe, count in built.items():
        report.stored[timeframe] = report.stored.get(timeframe, 0) + count
