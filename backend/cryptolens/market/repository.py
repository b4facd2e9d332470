"""Every query of the market tables. Writes of candles and gaps are bulk upserts, so storing
the same candles twice changes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, delete, func, select, update
from sqlalchemy.dialects.mysql import insert as mysql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from cryptolens.db import utcnow
from cryptolens.market.candles import OHLCV, CandleSeries
from cryptolens.market.defaults import UPSERT_CHUNK_ROWS
from cryptolens.market.gaps import KnownGap
from cryptolens.market.models import Candle, CandleGap, Symbol

_candles = Candle.__table__
_gaps = CandleGap.__table__
_PRICE_COLUMNS = ("open", "high", "low", "close", "volume")
_CANDLE_COLUMNS = ("symbol_id", "timeframe", "open_time", *_PRICE_COLUMNS)

# -- symbols ----------------------------------------------------------------------------------


async def find_symbol(session: AsyncSession, exchange: str, symbol: str) -> Symbol | None:
    return await session.scalar(
        select(Symbol).where(Symbol.exchange == exchange, Symbol.symbol == symbol)
    )


async def find_symbol_by_name(session: AsyncSession, symbol: str) -> Symbol | None:
    """The symbol of that name, preferring the active one (the same name may exist on the
    exchange and in replay)."""
    statement = (
        select(Symbol)
        .where(Symbol.symbol == symbol)
        .order_by(Symbol.is_active.desc(), Symbol.added_at.desc(), Symbol.id.desc())
        .limit(1)
    )
    return await session.scalar(statement)


async def get_symbol(session: AsyncSession, symbol_id: int) -> Symbol | None:
    return await session.get(Symbol, symbol_id)


async def list_symbols(
    session: AsyncSession,
    *,
    active_only: bool = True,
    exchange: str | None = None,
    names: Sequence[str] | None = None,
) -> list[Symbol]:
    statement = select(Symbol).order_by(Symbol.symbol, Symbol.exchange)
    if active_only:
        statement = statement.where(Symbol.is_active.is_(True))
    if exchange is not None:
        statement = statement.where(Symbol.exchange == exchange)
    if names is not None:
        statement = statement.where(Symbol.symbol.in_(list(names)))
    return list(await session.scalars(statement))


async def add_symbol(session: AsyncSession, symbol: Symbol) -> Symbol:
    session.add(symbol)
    await session.flush()
    return symbol


async def add_symbols(session: AsyncSession, symbols: Sequence[Symbol]) -> None:
    session.add_all(symbols)
    await session.flush()


async def deactivate_symbols(session: AsyncSession, exchange: str) -> int:
    """Soft-deletes every active symbol of `exchange`; returns how many."""
    result = await session.execute(
        update(Symbol)
        .where(Symbol.exchange == exchange, Symbol.is_active.is_(True))
        .values(is_active=False, removed_at=utcnow())
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def record_fetch_outcome(
    session: AsyncSession, symbol_id: int, *, at: datetime, error: str | None
) -> None:
    await session.execute(
        update(Symbol)
        .where(Symbol.id == symbol_id)
        .values(last_fetch_at=at, last_fetch_error=None if error is None else error[:1000])
    )


async def mark_backfilled(session: AsyncSession, symbol_id: int, at: datetime) -> None:
    await session.execute(update(Symbol).where(Symbol.id == symbol_id).values(backfilled_at=at))


# -- candles ----------------------------------------------------------------------------------


def _upsert_statement(
    session: AsyncSession, table: Any, key: Sequence[str], updated: Sequence[str]
) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        sqlite_statement = sqlite_insert(table)
        return sqlite_statement.on_conflict_do_update(
            index_elements=list(key),
            set_={name: sqlite_statement.excluded[name] for name in updated},
        )
    if dialect == "mysql":
        mysql_statement = mysql_insert(table)
        return mysql_statement.on_duplicate_key_update(
            {name: mysql_statement.inserted[name] for name in updated}
        )
    raise NotImplementedError(f"no upsert for {dialect}")


async def upsert_candles(
    session: AsyncSession,
    symbol_id: int,
    timeframe: str,
    candles: Sequence[OHLCV] | CandleSeries,
    *,
    chunk_rows: int = UPSERT_CHUNK_ROWS,
) -> int:
    """Inserts the candles, replacing the prices of those already stored; returns how many
    rows were written. Runs as executemany batches (one multi-row statement per batch on
    MySQL), never one statement per candle."""
    statement = _upsert_statement(
        session, _candles, ("symbol_id", "timeframe", "open_time"), _PRICE_COLUMNS
    )
    connection = await session.connection()
    written = 0
    for first in range(0, len(candles), chunk_rows):
        chunk = candles[first : first + chunk_rows]
        columns = (
            _series_columns(chunk) if isinstance(chunk, CandleSeries) else zip(*chunk, strict=True)
        )
        times, opens, highs, lows, closes, volumes = (list(column) for column in columns)
        rows = list(
            zip(
                [symbol_id] * len(times),
                [timeframe] * len(times),
                times,
                opens,
                highs,
                lows,
                closes,
                volumes,
                strict=True,
            )
        )
        await _execute_many(connection, statement, _CANDLE_COLUMNS, rows)
        written += len(rows)
    return written


async def _execute_many(
    connection: AsyncConnection,
    statement: Any,
    columns: Sequence[str],
    rows: list[tuple[Any, ...]],
) -> None:
    """executemany of a Core statement with the rows handed to the driver as tuples.

    SQLAlchemy still compiles the SQL (placeholders, the dialect's upsert clause) and the
    driver binds every value; only SQLAlchemy's per-row parameter processing is skipped,
    which is about a fifth of a bulk upsert's time. Plain Python ints, floats and strings
    need no bind processing.
    """
    compiled = statement.compile(dialect=connection.dialect)
    if compiled.positiontup is None or list(compiled.positiontup) != list(columns):
        await connection.execute(statement, [dict(zip(columns, row, strict=True)) for row in rows])
        return
    await connection.exec_driver_sql(compiled.string, rows)


def _series_columns(series: CandleSeries) -> tuple[list[Any], ...]:
    # tolist() turns numpy scalars into Python ints/floats the drivers accept, in one pass.
    return (
        series.open_time.tolist(),
        series.open.tolist(),
        series.high.tolist(),
        series.low.tolist(),
        series.close.tolist(),
        series.volume.tolist(),
    )


def _candle_range(
    symbol_id: int, timeframe: str, start: int | None, end: int | None
) -> Select[int, float, float, float, float, float]:
    statement = select(
        Candle.open_time, Candle.open, Candle.high, Candle.low, Candle.close, Candle.volume
    ).where(Candle.symbol_id == symbol_id, Candle.timeframe == timeframe)
    if start is not None:
        statement = statement.where(Candle.open_time >= start)
    if end is not None:
        statement = statement.where(Candle.open_time <= end)
    return statement


async def load_candles(
    session: AsyncSession,
    symbol_id: int,
    timeframe: str,
    *,
    start: int | None = None,
    end: int | None = None,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[OHLCV]:
    """Candles with start <= open time <= end, ascending (or the newest `limit` when
    `newest_first`, still returned ascending)."""
    order = Candle.open_time.desc() if newest_first else Candle.open_time.asc()
    statement = _candle_range(symbol_id, timeframe, start, end).order_by(order)
    if limit is not None:
        statement = statement.limit(limit)
    rows = [OHLCV(*row) for row in await session.execute(statement)]
    if newest_first:
        rows.reverse()
    return rows


async def load_series(
    session: AsyncSession, symbol_id: int, timeframe: str, start: int, end: int | None
) -> CandleSeries:
    return CandleSeries.from_candles(
        await load_candles(session, symbol_id, timeframe, start=start, end=end)
    )


async def newest_open_time(session: AsyncSession, symbol_id: int, timeframe: str) -> int | None:
    return await session.scalar(
        select(func.max(Candle.open_time)).where(
            Candle.symbol_id == symbol_id, Candle.timeframe == timeframe
        )
    )


async def stored_span(
    session: AsyncSession, symbol_id: int, timeframe: str
) -> tuple[int, int] | None:
    """The oldest and newest stored open time, or None without candles."""
    oldest, newest = (
        await session.execute(
            select(func.min(Candle.open_time), func.max(Candle.open_time)).where(
                Candle.symbol_id == symbol_id, Candle.timeframe == timeframe
            )
        )
    ).one()
    return None if oldest is None else (int(oldest), int(newest))


async def newest_candle(
    session: AsyncSession, symbol_id: int, timeframe: str, *, at_or_before: int | None = None
) -> OHLCV | None:
    rows = await load_candles(
        session, symbol_id, timeframe, end=at_or_before, limit=1, newest_first=True
    )
    return rows[0] if rows else None


async def newest_open_times(
    session: AsyncSession, symbol_ids: Sequence[int], timeframe: str
) -> dict[int, int | None]:
    """Newest stored open time per symbol: one index seek each (MAX over the key prefix)."""
    if not symbol_ids:
        return {}
    newest = (
        select(func.max(Candle.open_time))
        .where(Candle.symbol_id == Symbol.id, Candle.timeframe == timeframe)
        .scalar_subquery()
    )
    statement = select(Symbol.id, newest).where(Symbol.id.in_(list(symbol_ids)))
    return {symbol_id: value for symbol_id, value in await session.execute(statement)}


async def count_candles(session: AsyncSession, symbol_id: int, timeframe: str) -> int:
    count = await session.scalar(
        select(func.count()).where(Candle.symbol_id == symbol_id, Candle.timeframe == timeframe)
    )
    return int(count or 0)


async def any_candles(session: AsyncSession, exchange: str | None = None) -> bool:
    statement = select(Candle.symbol_id).limit(1)
    if exchange is not None:
        statement = statement.join(Symbol, Symbol.id == Candle.symbol_id).where(
            Symbol.exchange == exchange
        )
    return (await session.scalar(statement)) is not None


async def delete_candles_before(session: AsyncSession, timeframe: str, cutoff: int) -> int:
    result = await session.execute(
        delete(Candle).where(Candle.timeframe == timeframe, Candle.open_time < cutoff)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


# -- known gaps -------------------------------------------------------------------------------


async def delete_gaps_before(session: AsyncSession, timeframe: str, cutoff: int) -> int:
    """Known gaps that ended before `cutoff` (their candles are gone: nothing to build)."""
    result = await session.execute(
        delete(CandleGap).where(CandleGap.timeframe == timeframe, CandleGap.end_time < cutoff)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def record_gaps(
    session: AsyncSession, symbol_id: int, timeframe: str, gaps: Sequence[KnownGap]
) -> None:
    if not gaps:
        return
    statement = _upsert_statement(
        session, _gaps, ("symbol_id", "timeframe", "start_time"), ("end_time",)
    )
    now = utcnow()
    connection = await session.connection()
    await connection.execute(
        statement,
        [
            {
                "symbol_id": symbol_id,
                "timeframe": timeframe,
                "start_time": gap.start,
                "end_time": gap.end,
                "recorded_at": now,
            }
            for gap in gaps
        ],
    )


async def load_gaps(
    session: AsyncSession, symbol_id: int, timeframe: str, start: int, end: int
) -> list[KnownGap]:
    """Known gaps overlapping [start, end)."""
    statement = (
        select(CandleGap.start_time, CandleGap.end_time)
        .where(
            CandleGap.symbol_id == symbol_id,
            CandleGap.timeframe == timeframe,
            and_(CandleGap.start_time < end, CandleGap.end_time > start),
        )
        .order_by(CandleGap.start_time)
    )
    return [KnownGap(*row) for row in await session.execute(statement)]


async def count_invalid_candles(session: AsyncSession, symbol_id: int) -> int:
    """Stored candles breaking the OHLC sanity rules (validation keeps them out; this checks)."""
    statement = (
        select(func.count())
        .select_from(Candle)
        .where(
            Candle.symbol_id == symbol_id,
            (Candle.high < Candle.low)
            | (Candle.high < Candle.open)
            | (Candle.high < Candle.close)
            | (Candle.low > Candle.open)
            | (Candle.low > Candle.close)
            | (Candle.low <= 0)
            | (Candle.volume < 0),
        )
    )
    return int(await session.scalar(statement) or 0)
