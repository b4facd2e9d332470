"""Signals as users read them: lists and detail within their tier, the pattern matrix and the
statistics. The matrix and global statistics are cached (60 s / 300 s); a scan that changes
patterns or signals forgets its symbol's matrix row and renews the statistics' generation, so
the next read after its commit recomputes what it changed."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.access.history import plan_history_page
from cryptolens.access.user_access import UserAccess
from cryptolens.core.cache import Cache, get_or_compute, get_or_compute_text
from cryptolens.core.errors import NotFoundError
from cryptolens.core.paging import Page, PageQuery
from cryptolens.db import to_ms, unit_of_work
from cryptolens.market import service as market
from cryptolens.market.schemas import symbol_names_context
from cryptolens.patterns import reads as patterns
from cryptolens.signals import repository, stats_repository
from cryptolens.signals.models import Signal
from cryptolens.signals.proven import PROVEN_WINDOW_DAYS, judge_setup
from cryptolens.signals.proven import SetupProof as SetupProof
from cryptolens.signals.proven import setup_proof as setup_proof

# A replay in its own store reads the live tables and writes none (backtests, studies).
from cryptolens.signals.replay import WARM_UP_MS as WARM_UP_MS
from cryptolens.signals.replay import InsufficientHistoryError as InsufficientHistoryError
from cryptolens.signals.replay import ReplayOutcome as ReplayOutcome
from cryptolens.signals.replay import ReplayProgress as ReplayProgress
from cryptolens.signals.replay import ReplayStoppedError as ReplayStoppedError
from cryptolens.signals.replay import replay_range as replay_range
from cryptolens.signals.repository import SignalFilters
from cryptolens.signals.schemas import (
    GlobalStatsOut,
    MatrixCell,
    MatrixRow,
    SetupLineOut,
    SetupStatsOut,
    SignalDetailOut,
    SignalOut,
    StatsScopeOut,
    StatusEvent,
)
from cryptolens.signals.settings import CycleSettings as CycleSettings
from cryptolens.signals.setups import setup_statistics

MATRIX_TTL_SECONDS = 60
STATS_TTL_SECONDS = 300
MATRIX_KEY = "matrix:{types}"
MATRIX_ROW_KEY = "matrix:{types}:symbol:{symbol_id}"
STATS_KEY = "stats:global"
# Part of every statistics key (each tier's scope): a new generation after a scan's commit that
# changed signals or patterns sends the next reads to new keys, the old entries expire by their
# TTL. A random token, not a counter: set by any process without a read, never reused. It
# outlives every entry cached under it, so when it expires (no change for days) the default
# generation finds no entry left from before.
STATS_GENERATION_KEY = "stats:generation"
STATS_GENERATION_TTL_SECONDS = 7 * 24 * 3600
DEFAULT_STATS_GENERATION = "0"

# Status times in the order a signal can pass through them.
_STATUS_TIMES = (
    ("pending", "created_at"),
    ("triggered", "triggered_at"),
    ("tp1", "tp1_at"),
    ("tp2", "tp2_at"),
    ("tp3", "tp3_at"),
    ("stopped", "stopped_at"),
    ("closed", "closed_at"),
    ("expired", "expired_at"),
    ("cancelled", "cancelled_at"),
)


@dataclass(frozen=True)
class SignalQuery:
    symbol: str | None = None
    direction: str | None = None
    status: str | None = None
    since_ms: int | None = None


def signal_out(signal: Signal, names: dict[int, str]) -> SignalOut:
    return SignalOut.model_validate(signal, context=symbol_names_context(names))


def _visible_symbol_ids(access: UserAccess, names: dict[int, str]) -> list[int] | None:
    followed = access.followed_symbols
    if followed is None:
        return None
    return [symbol_id for symbol_id, name in names.items() if name in followed]


async def list_signals(
    session: AsyncSession,
    access: UserAccess,
    query: SignalQuery,
    page: PageQuery,
    now: datetime,
) -> Page[SignalOut]:
    names = await market.symbol_names(session)
    if query.symbol is not None:
        symbol = await market.find_symbol(session, query.symbol)
        access.require_symbol(symbol.symbol)
        symbol_ids: list[int] | None = [symbol.id]
    else:
        symbol_ids = _visible_symbol_ids(access, names)
    request = plan_history_page(
        access, "signals", since_ms=query.since_ms, cursor=page.cursor, limit=page.limit, now=now
    )
    filters = SignalFilters(
        symbol_ids=symbol_ids,
        direction=query.direction,
        statuses=None if query.status is None else [query.status],
        created_since=request.since_ms,
    )
    rows = await repository.list_page(session, filters, request)
    return rows.map(lambda signal: signal_out(signal, names))


async def get_signal(
    session: AsyncSession, access: UserAccess, signal_id: int, now: datetime
) -> SignalDetailOut:
    signal = await repository.get(session, signal_id)
    names = await market.symbol_names(session)
    if signal is None or not shows_signal(
        access, names.get(signal.symbol_id, ""), signal.created_at, now
    ):
        raise NotFoundError("Signal not found")
    return await _signal_detail(session, signal, names)


def shows_signal(access: UserAccess, symbol: str, created_at: int, now: datetime) -> bool:
    """Whether the caller's reads show a signal (also the live stream's test, on the event's
    object: signals/stream_viewer.py)."""
    oldest = access.history_start("signals", now)
    return access.allows_symbol(symbol) and (oldest is None or created_at >= to_ms(oldest))


async def live_objects(
    session: AsyncSession, pattern_ids: list[int], signal_ids: list[int]
) -> tuple[dict[int, dict[str, object]], dict[int, dict[str, object]]]:
    """Patterns and signals by id as GET /patterns/{id} and GET /signals/{id} show them (JSON
    form), for every tier alike: the live stream's events (signals/tasks.py)."""
    patterns_json = {
        pattern.id: pattern.model_dump(mode="json")
        for pattern in await patterns.patterns_out(session, pattern_ids)
    }
    names = await market.symbol_names(session)
    signals_json: dict[int, dict[str, object]] = {}
    for signal_id in signal_ids:
        signal = await repository.get(session, signal_id)
        if signal is not None:
            detail = await _signal_detail(session, signal, names)
            signals_json[signal_id] = detail.model_dump(mode="json")
    return patterns_json, signals_json


async def _signal_detail(
    session: AsyncSession, signal: Signal, names: dict[int, str]
) -> SignalDetailOut:
    pattern_ids = (await repository.contributing_ids(session, [signal.id]))[signal.id]
    history = [
        StatusEvent(status=status, at=getattr(signal, column))
        for status, column in _STATUS_TIMES
        if getattr(signal, column) is not None
    ]
    history.sort(key=lambda event: event.at)
    return SignalDetailOut(
        **signal_out(signal, names).model_dump(),
        contributing_patterns=await patterns.patterns_out(session, pattern_ids),
        status_history=history,
    )


def _matrix_key(types: list[str]) -> str:
    return MATRIX_KEY.format(types=",".join(types))


def _matrix_row_key(types: list[str], symbol_id: int) -> str:
    return MATRIX_ROW_KEY.format(types=",".join(types), symbol_id=symbol_id)


async def _compute_rows(
    session: AsyncSession,
    symbols: list[market.Symbol],
    types: list[str],
    timeframes: list[str],
    now: datetime,
) -> dict[int, dict[str, object]]:
    ids = [symbol.id for symbol in symbols]
    names = {symbol.id: symbol.symbol for symbol in symbols}
    cells = await patterns.matrix_cells(session, ids, types, to_ms(now))
    open_signals = {s.symbol_id: s for s in await repository.newest_open_by_symbol(session, ids)}
    rows: dict[int, dict[str, object]] = {}
    for symbol in symbols:
        row_cells = []
        for timeframe in timeframes:
            data = cells.get((symbol.id, timeframe))
            newest = None if data is None else data.newest
            row_cells.append(
                MatrixCell(
                    timeframe=timeframe,
                    pattern_id=None if newest is None else newest.id,
                    type=None if newest is None else newest.type,
                    direction=None if newest is None else newest.direction,
                    strength=None if newest is None else newest.strength,
                    zone_low=None if newest is None else newest.zone_low,
                    zone_high=None if newest is None else newest.zone_high,
                    bullish=0 if data is None else data.bullish,
                    bearish=0 if data is None else data.bearish,
                )
            )
        signal = open_signals.get(symbol.id)
        rows[symbol.id] = MatrixRow(
            symbol=symbol.symbol,
            cells=row_cells,
            open_signal=None if signal is None else signal_out(signal, names),
        ).model_dump(mode="json")
    return rows


async def _assemble_matrix(
    session: AsyncSession,
    cache: Cache,
    types: list[str],
    timeframes: list[str],
    now: datetime,
) -> list[dict[str, object]]:
    """The whole matrix from per-symbol rows: rows still cached are reused, so a scan that
    changed one symbol costs that symbol's row only."""
    symbols = await market.active_symbols_all(session)
    cached = await cache.get_many([_matrix_row_key(types, symbol.id) for symbol in symbols])
    missing = [symbol for symbol, row in zip(symbols, cached, strict=True) if row is None]
    fresh = await _compute_rows(session, missing, types, timeframes, now) if missing else {}
    for symbol_id, row in fresh.items():
        await cache.set(_matrix_row_key(types, symbol_id), row, MATRIX_TTL_SECONDS)
    return [
        row if row is not None else fresh[symbol.id]
        for symbol, row in zip(symbols, cached, strict=True)
    ]


@dataclass(frozen=True)
class EncodedMatrix:
    rows_json: str
    count: int


async def _encoded_matrix(
    factory: async_sessionmaker[AsyncSession],
    cache: Cache,
    types: list[str],
    timeframes: list[str],
    now: datetime,
) -> str:
    """`count:rows-json`, the form the matrix is cached in."""
    async with unit_of_work(factory) as session:
        rows = await _assemble_matrix(session, cache, types, timeframes, now)
    return f"{len(rows)}:{json.dumps(rows, separators=(',', ':'))}"


async def pattern_matrix_json(
    factory: async_sessionmaker[AsyncSession],
    cache: Cache,
    access: UserAccess,
    timeframes: list[str],
    now: datetime,
) -> EncodedMatrix:
    """The matrix rows the caller may see, as JSON (MatrixRow objects). Cached encoded, so a
    caller who sees every symbol gets the cached text as is; a unit of work is opened only
    when the cache misses."""
    types = access.visible_pattern_types(patterns.ALL_PATTERN_TYPES)
    cached = await get_or_compute_text(
        cache,
        _matrix_key(types),
        MATRIX_TTL_SECONDS,
        lambda: _encoded_matrix(factory, cache, types, timeframes, now),
    )
    count_text, _, rows_json = cached.partition(":")
    count = int(count_text)
    if access.followed_symbols is None:
        return EncodedMatrix(rows_json, count)
    rows = [row for row in json.loads(rows_json) if access.allows_symbol(str(row["symbol"]))]
    return EncodedMatrix(json.dumps(rows, separators=(",", ":")), len(rows))


async def forget_matrix(cache: Cache, symbol_id: int) -> None:
    """A scan changed this symbol's patterns or signals: its row is recomputed at the next
    matrix read, the other symbols' rows are reused."""
    type_sets = [list(patterns.ALL_PATTERN_TYPES), ["fvg"]]
    await cache.delete(
        *(_matrix_key(types) for types in type_sets),
        *(_matrix_row_key(types, symbol_id) for types in type_sets),
    )


def _stats_out(windows: list[object]) -> list[SetupStatsOut]:
    return [SetupStatsOut.model_validate(window) for window in windows]


async def setup_lines(
    session: AsyncSession, access: UserAccess, windows_days: tuple[int, ...], now: datetime
) -> list[SetupLineOut]:
    names = await market.symbol_names(session)
    # The every-symbol line covers the caller's symbols only, like the per-symbol lines.
    visible = _visible_symbol_ids(access, names)
    lines = await setup_statistics(session, to_ms(now), windows_days, visible_symbol_ids=visible)
    context = symbol_names_context(names)
    return [SetupLineOut.model_validate(line, context=context) for line in lines]


async def proven_setups_now(session: AsyncSession, access: UserAccess, now: datetime) -> int:
    """How many setups (anchor type x timeframe x symbol, of the caller's symbols and pattern
    types) pass the proven-setup rule on their live 90-day statistics."""
    names = await market.symbol_names(session)
    visible = _visible_symbol_ids(access, names)
    lines = await setup_statistics(
        session, to_ms(now), (PROVEN_WINDOW_DAYS,), visible_symbol_ids=visible
    )
    return sum(
        judge_setup(line.windows[0].resolved, line.windows[0].avg_r).proven
        for line in lines
        if line.symbol_id is not None
        and line.anchor_type is not None
        and access.allows_pattern_type(line.anchor_type)
    )


@dataclass(frozen=True)
class StatsScope:
    """What a tier's global statistics count: its symbols (None: all), pattern types and
    pattern age, so the dashboard's numbers match the lists the same user opens."""

    symbols: tuple[str, ...] | None
    pattern_types: tuple[str, ...]
    pattern_history_hours: int | None

    @classmethod
    def of(cls, access: UserAccess) -> StatsScope:
        max_age = access.pattern_history.max_age
        return cls(
            symbols=access.followed_symbols,
            pattern_types=tuple(access.visible_pattern_types(patterns.ALL_PATTERN_TYPES)),
            pattern_history_hours=None if max_age is None else int(max_age.total_seconds() // 3600),
        )

    def cache_key(self, generation: str) -> str:
        key = f"{STATS_KEY}:{generation}"
        if self == EVERYTHING:
            return key
        symbols = "*" if self.symbols is None else ",".join(sorted(self.symbols))
        return (
            f"{key}:symbols={symbols}:types={','.join(self.pattern_types)}"
            f":hours={self.pattern_history_hours}"
        )


EVERYTHING = StatsScope(None, tuple(patterns.ALL_PATTERN_TYPES), None)


async def _compute_global_stats(
    session: AsyncSession, scope: StatsScope, windows_days: tuple[int, ...], now: datetime
) -> dict[str, object]:
    symbols = await market.active_symbols_all(session)
    if scope.symbols is not None:
        symbols = [symbol for symbol in symbols if symbol.symbol in scope.symbols]
    ids = None if scope.symbols is None else [symbol.id for symbol in symbols]
    hours = scope.pattern_history_hours
    counts = await patterns.active_by_direction(
        session,
        symbol_ids=ids,
        types=list(scope.pattern_types),
        confirmed_since=None if hours is None else to_ms(now) - hours * 3_600_000,
    )
    active: dict[str, dict[str, int]] = {}
    for (pattern_type, direction), count in counts.items():
        active.setdefault(pattern_type, {})[direction] = count
    midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    lines = await setup_statistics(session, to_ms(now), windows_days, visible_symbol_ids=ids)
    overall = next((line for line in lines if line.symbol_id is None), None)
    return GlobalStatsOut(
        scope=StatsScopeOut(
            symbols=None if ids is None else [symbol.symbol for symbol in symbols],
            pattern_types=list(scope.pattern_types),
            pattern_history_hours=hours,
        ),
        symbols=len(symbols),
        active_patterns=active,
        signals_today=await repository.count_created_since(session, to_ms(midnight), ids),
        overall=[] if overall is None else _stats_out(list(overall.windows)),
    ).model_dump(mode="json")


async def stats_generation(cache: Cache) -> str:
    generation = await cache.get(STATS_GENERATION_KEY)
    return DEFAULT_STATS_GENERATION if generation is None else str(generation)


async def renew_stats_generation(cache: Cache) -> None:
    """A committed scan changed signals or patterns: every scope's statistics are recomputed
    at their next read. Called before the scan's live events go out, since the SPA refetches
    /stats on them."""
    await cache.set(STATS_GENERATION_KEY, secrets.token_hex(8), STATS_GENERATION_TTL_SECONDS)


async def stats_cache_key(cache: Cache, scope: StatsScope) -> str:
    """The scope's key in the current generation. Read before computing: figures computed
    while a scan commits land under the generation it then leaves behind."""
    return scope.cache_key(await stats_generation(cache))


async def global_stats(
    factory: async_sessionmaker[AsyncSession],
    cache: Cache,
    access: UserAccess,
    windows_days: tuple[int, ...],
    now: datetime,
) -> GlobalStatsOut:
    """The dashboard's counts over what the caller's tier shows (cached per scope). A miss is
    computed in a unit of work begun after the generation was read, not in the request's
    transaction: an older snapshot could miss the scan that renewed the generation and cache
    its figures as current."""
    scope = StatsScope.of(access)
    key = await stats_cache_key(cache, scope)

    async def compute() -> dict[str, object]:
        async with unit_of_work(factory) as session:
            return await _compute_global_stats(session, scope, windows_days, now)

    stats = await get_or_compute(cache, key, STATS_TTL_SECONDS, compute)
    return GlobalStatsOut.model_validate(stats)


async def refresh_global_stats(
    session: AsyncSession, cache: Cache, windows_days: tuple[int, ...], now: datetime
) -> None:
    """The refresh_stats job: recompute the every-symbol statistics into the cache ahead of
    readers (the narrower tiers' scopes are computed on read)."""
    key = await stats_cache_key(cache, EVERYTHING)
    stats = await _compute_global_stats(session, EVERYTHING, windows_days, now)
    await cache.set(key, stats, STATS_TTL_SECONDS)


async def signals_created_per_day(session: AsyncSession, since_ms: int) -> dict[date, int]:
    """Signals created at or after `since_ms`, by UTC day of created_at (the admin stats)."""
    return await stats_repository.count_created_per_day(session, since_ms)
