"""User backtests (docs/rules/backtest.md "User backtests"): submit, list, read, cancel and
delete a premium user's backtests. Owner-scoped: another user's backtest is not found, like a
missing one. The replay itself runs in the `run_backtest` job (backtests/tasks.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth import reads as accounts
from cryptolens.backtests import parameters, results
from cryptolens.backtests.errors import (
    BacktestLimitError,
    BacktestNotFoundError,
    InsufficientHistoryError,
    InvalidTransitionError,
)
from cryptolens.backtests.models import (
    ACTIVE_STATUSES,
    CANCELLED,
    FAILED,
    FINISHED_STATUSES,
    QUEUED,
    Backtest,
    BacktestSignal,
)
from cryptolens.backtests.schemas import (
    BacktestEquityPointOut,
    BacktestIn,
    BacktestOut,
    BacktestSignalOut,
    FiguresOut,
    SetupFiguresOut,
)
from cryptolens.core.errors import RateLimitedError, ValidationFailedError
from cryptolens.core.job_queue import JobQueue
from cryptolens.core.paging import (
    Keyset,
    Page,
    PageQuery,
    PageRequest,
    decode_cursor,
    encode_cursor,
)
from cryptolens.core.timeframes import DAY_MS, MINUTE_MS
from cryptolens.db import to_ms, unit_of_work
from cryptolens.market import service as market
from cryptolens.settings import Settings
from cryptolens.signals import reads as signals

JOB_NAME = "run_backtest"
MIN_DAYS, MAX_DAYS = 1, 90
DAILY_LIMIT = 20  # created per user and UTC day
KEEP_FINISHED = 20  # the newest finished ones a user keeps
MAX_AGE = timedelta(days=90)

_LIST_ORDER = Keyset(Backtest.id)
_SIGNAL_ORDER = Keyset(BacktestSignal.created_at, BacktestSignal.number)


@dataclass(frozen=True)
class Owner:
    """The caller as the backtest routes see them."""

    db: AsyncSession
    user_id: int
    now: datetime


def job_id_of(backtest_id: int) -> str:
    return f"backtest:{backtest_id}"


# -- submitting ---------------------------------------------------------------------------------


def _last_closed_minute(now: datetime) -> int:
    """The end of the last closed minute (its close), ms."""
    return to_ms(now) // MINUTE_MS * MINUTE_MS


def check_range(start: int, end: int, now: datetime) -> None:
    for field, value in (("start", start), ("end", end)):
        if value % MINUTE_MS:
            raise ValidationFailedError(f"body.{field}: must be a whole UTC minute (ms)")
    if end <= start:
        raise ValidationFailedError("body.end: must be after start")
    if not MIN_DAYS * DAY_MS <= end - start <= MAX_DAYS * DAY_MS:
        raise ValidationFailedError(
            f"body.end: the range must be {MIN_DAYS} to {MAX_DAYS} days long"
        )
    last = _last_closed_minute(now)
    if end > last:
        raise ValidationFailedError(f"body.end: must be at most the last closed minute ({last})")


async def _stored_symbol(db: AsyncSession, name: str) -> market.Symbol:
    try:
        return await market.find_symbol(db, name)
    except market.SymbolNotFoundError:
        raise ValidationFailedError(f"body.symbol: {name} is not a stored symbol") from None


async def _check_history(db: AsyncSession, symbol_id: int, start: int) -> None:
    """The stored 1m candles must reach back to the warm-up start W = start - 14 days."""
    span = await market.stored_minutes_span(db, symbol_id)
    if span is None:
        raise InsufficientHistoryError("body.start: no stored 1m candles for this symbol")
    earliest = span[0] + signals.WARM_UP_MS
    if start < earliest:
        at = datetime.fromtimestamp(earliest / 1000, UTC).isoformat()
        raise InsufficientHistoryError(
            f"body.start: the stored 1m history allows a start from {earliest} ({at}) on"
        )


def _next_utc_midnight(now: datetime) -> datetime:
    midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + timedelta(days=1)


async def _check_limits(db: AsyncSession, user_id: int, now: datetime) -> None:
    """Under the user's row lock: one queued or running, 20 created per UTC day."""
    await accounts.hold_user_row(db, user_id)
    active = await db.scalar(
        select(func.count())
        .select_from(Backtest)
        .where(Backtest.user_id == user_id, Backtest.status.in_(ACTIVE_STATUSES))
    )
    if active:
        raise BacktestLimitError("One backtest at a time: wait for it, or cancel it")
    midnight = _next_utc_midnight(now) - timedelta(days=1)
    today = await db.scalar(
        select(func.count())
        .select_from(Backtest)
        .where(Backtest.user_id == user_id, Backtest.created_at >= midnight)
    )
    if (today or 0) >= DAILY_LIMIT:
        wait = int((_next_utc_midnight(now) - now).total_seconds()) + 1
        raise RateLimitedError(wait, f"At most {DAILY_LIMIT} backtests a UTC day")


async def submit(
    session_factory: async_sessionmaker[AsyncSession],
    queue: JobQueue,
    environment: Settings,
    user_id: int,
    body: BacktestIn,
    now: datetime,
) -> BacktestOut:
    """Checks the request, records the backtest (`queued`, with every value it will use) and
    queues its job once the row is committed (the job reads it)."""
    check_range(body.start, body.end, now)
    async with unit_of_work(session_factory) as db:
        symbol = await _stored_symbol(db, body.symbol)
        cycle = parameters.cycle_settings(
            await parameters.live_settings(db, environment), body.parameters
        )
        await _check_history(db, symbol.id, body.start)
        await _check_limits(db, user_id, now)
        backtest = Backtest(
            user_id=user_id,
            symbol_id=symbol.id,
            start=body.start,
            end=body.end,
            parameters=parameters.values_used(cycle),
            status=QUEUED,
            progress=0,
            job_id="",
            created_at=now,
        )
        db.add(backtest)
        await db.flush()
        backtest.job_id = job_id_of(backtest.id)
        backtest_id = backtest.id
    await queue.enqueue(JOB_NAME, job_id=job_id_of(backtest_id), backtest_id=backtest_id)
    async with unit_of_work(session_factory) as db:
        return await get_backtest(Owner(db, user_id, now), backtest_id)


# -- reading ------------------------------------------------------------------------------------


async def _load(owner: Owner, backtest_id: int, *, for_update: bool = False) -> Backtest:
    statement = select(Backtest).where(
        Backtest.id == backtest_id,
        Backtest.user_id == owner.user_id,
        Backtest.deleted_at.is_(None),
    )
    if for_update:
        statement = statement.with_for_update()
    backtest = await owner.db.scalar(statement)
    if backtest is None:
        raise BacktestNotFoundError()
    return backtest


def _figures(data: dict[str, Any]) -> FiguresOut:
    return FiguresOut.model_validate(data)


def backtest_out(backtest: Backtest, symbol: str) -> BacktestOut:
    return BacktestOut(
        id=backtest.id,
        symbol=symbol,
        start=backtest.start,
        end=backtest.end,
        parameters=backtest.parameters,
        status=backtest.status,
        error=backtest.error,
        progress=backtest.progress,
        minutes_replayed=backtest.minutes_replayed,
        minutes_missing=backtest.minutes_missing,
        replayed_until=backtest.replayed_until,
        summary=None if backtest.summary is None else _figures(backtest.summary),
        by_setup=None
        if backtest.by_setup is None
        else [SetupFiguresOut.model_validate(line) for line in backtest.by_setup],
        job_id=backtest.job_id,
        created_at=backtest.created_at,
        started_at=backtest.started_at,
        finished_at=backtest.finished_at,
    )


async def get_backtest(owner: Owner, backtest_id: int) -> BacktestOut:
    backtest = await _load(owner, backtest_id)
    names = await market.symbol_names(owner.db)
    return backtest_out(backtest, names.get(backtest.symbol_id, ""))


async def list_backtests(
    owner: Owner, status: str | None, symbol: str | None, page: PageQuery
) -> Page[BacktestOut]:
    """The caller's backtests, newest first."""
    statement: Select[Backtest] = select(Backtest).where(
        Backtest.user_id == owner.user_id, Backtest.deleted_at.is_(None)
    )
    if status is not None:
        statement = statement.where(Backtest.status == status)
    if symbol is not None:
        try:
            found = await market.find_symbol(owner.db, symbol)
        except market.SymbolNotFoundError:
            return Page([])
        statement = statement.where(Backtest.symbol_id == found.id)
    request = PageRequest.from_cursor(page.cursor, key_size=1, limit=page.limit)
    rows = await _LIST_ORDER.page(owner.db, statement, request)
    names = await market.symbol_names(owner.db)
    return rows.map(lambda row: backtest_out(row, names.get(row.symbol_id, "")))


def signal_out(row: BacktestSignal, symbol: str) -> BacktestSignalOut:
    return BacktestSignalOut(
        id=row.number,
        symbol=symbol,
        direction=row.direction,
        entry=row.entry,
        stop_loss=row.stop_loss,
        take_profit_1=row.take_profit_1,
        take_profit_2=row.take_profit_2,
        take_profit_3=row.take_profit_3,
        risk_reward=row.risk_reward,
        move_stop_to_entry_after_tp1=row.move_stop_to_entry_after_tp1,
        confluence=row.confluence,
        timeframes=[tf for tf in row.timeframes.split(",") if tf],
        anchor_type=row.anchor_type,
        anchor_timeframe=row.anchor_timeframe,
        strength=row.strength,
        status=row.status,
        outcome_r=row.outcome_r,
        created_at=row.created_at,
        triggered_at=row.triggered_at,
        tp1_at=row.tp1_at,
        tp2_at=row.tp2_at,
        tp3_at=row.tp3_at,
        stopped_at=row.stopped_at,
        closed_at=row.closed_at,
        expired_at=row.expired_at,
        cancelled_at=row.cancelled_at,
    )


@dataclass(frozen=True)
class SignalFilters:
    setup: tuple[str, str] | None = None  # (anchor type, anchor timeframe)
    direction: str | None = None
    status: str | None = None


def parse_setup(text: str) -> tuple[str, str]:
    """`fvg:15m` -> ("fvg", "15m")."""
    anchor_type, _, timeframe = text.partition(":")
    if not anchor_type or not timeframe:
        raise ValidationFailedError("setup: must be anchor_type:timeframe, e.g. fvg:15m")
    return anchor_type, timeframe


async def list_signals(
    owner: Owner, backtest_id: int, filters: SignalFilters, page: PageQuery
) -> Page[BacktestSignalOut]:
    """A backtest's result signals, newest created first."""
    backtest = await _load(owner, backtest_id)
    statement: Select[BacktestSignal] = select(BacktestSignal).where(
        BacktestSignal.backtest_id == backtest.id
    )
    if filters.setup is not None:
        statement = statement.where(
            BacktestSignal.anchor_type == filters.setup[0],
            BacktestSignal.anchor_timeframe == filters.setup[1],
        )
    if filters.direction is not None:
        statement = statement.where(BacktestSignal.direction == filters.direction)
    if filters.status is not None:
        statement = statement.where(BacktestSignal.status == filters.status)
    request = PageRequest.from_cursor(page.cursor, key_size=2, limit=page.limit)
    rows = await _SIGNAL_ORDER.page(owner.db, statement, request)
    names = await market.symbol_names(owner.db)
    symbol = names.get(backtest.symbol_id, "")
    return rows.map(lambda row: signal_out(row, symbol))


async def stored_signals(db: AsyncSession, backtest_id: int) -> list[BacktestSignal]:
    rows = await db.scalars(
        select(BacktestSignal)
        .where(BacktestSignal.backtest_id == backtest_id)
        .order_by(BacktestSignal.number)
    )
    return list(rows)


async def equity_page(
    owner: Owner, backtest_id: int, cursor: str | None, limit: int
) -> Page[BacktestEquityPointOut]:
    """The equity curve in R from (start, 0), `limit` points a page (the cursor carries the
    position of the next point). Empty until the backtest has completed."""
    backtest = await _load(owner, backtest_id)
    position = decode_cursor(cursor, 1)
    offset = 0 if position is None else position[0]
    if backtest.summary is None:
        return Page([])
    curve = results.equity_curve(await stored_signals(owner.db, backtest.id), backtest.start)
    shown = curve[offset : offset + limit]
    points = [
        BacktestEquityPointOut(time=p.time, cumulative_r=p.cumulative_r, signal_id=p.signal_id)
        for p in shown
    ]
    more = offset + limit < len(curve)
    return Page(points, encode_cursor(offset + limit) if more else None)


# -- cancelling and deleting -------------------------------------------------------------------


async def cancel(owner: Owner, backtest_id: int) -> BacktestOut | None:
    """Cancels a queued or running backtest (its job stops within seconds) and returns it;
    a finished one is deleted (None)."""
    backtest = await _load(owner, backtest_id, for_update=True)
    if backtest.status in ACTIVE_STATUSES:
        backtest.status = CANCELLED
        backtest.finished_at = owner.now
        await owner.db.flush()
        names = await market.symbol_names(owner.db)
        return backtest_out(backtest, names.get(backtest.symbol_id, ""))
    backtest.deleted_at = owner.now
    await owner.db.execute(delete(BacktestSignal).where(BacktestSignal.backtest_id == backtest.id))
    return None


async def cancel_only(owner: Owner, backtest_id: int) -> BacktestOut:
    """POST /backtests/{id}/cancel: a finished backtest cannot be cancelled."""
    backtest = await _load(owner, backtest_id)
    if backtest.status not in ACTIVE_STATUSES:
        raise InvalidTransitionError(f"A {backtest.status} backtest cannot be cancelled")
    cancelled = await cancel(owner, backtest_id)
    assert cancelled is not None
    return cancelled


# -- retention ----------------------------------------------------------------------------------


async def apply_retention(
    session_factory: async_sessionmaker[AsyncSession], now: datetime
) -> dict[str, int]:
    """Keeps each user's 20 newest finished backtests and none older than 90 days; removes the
    deleted ones once their UTC day (when they count toward the day's 20) is over."""
    today = _next_utc_midnight(now) - timedelta(days=1)
    async with unit_of_work(session_factory) as db:
        old = await db.execute(
            delete(Backtest).where(
                Backtest.status.in_(FINISHED_STATUSES), Backtest.created_at < now - MAX_AGE
            )
        )
        gone = await db.execute(
            delete(Backtest).where(Backtest.deleted_at.is_not(None), Backtest.created_at < today)
        )
    async with unit_of_work(session_factory) as db:
        finished = (
            await db.execute(
                select(Backtest.user_id, Backtest.id)
                .where(Backtest.status.in_(FINISHED_STATUSES), Backtest.deleted_at.is_(None))
                .order_by(Backtest.user_id, Backtest.id.desc())
            )
        ).all()
        kept: dict[int, int] = {}
        surplus: list[int] = []
        for user_id, backtest_id in finished:
            kept[user_id] = kept.get(user_id, 0) + 1
            if kept[user_id] > KEEP_FINISHED:
                surplus.append(backtest_id)
        if surplus:
            await db.execute(delete(Backtest).where(Backtest.id.in_(surplus)))
    return {
        "expired": _count(old),
        "deleted": _count(gone),
        "over_limit": len(surplus),
    }


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


async def fail_lost(
    session_factory: async_sessionmaker[AsyncSession], now: datetime, lost_after: timedelta
) -> int:
    """Marks failed the backtests left running (or queued) by a worker that died, once they
    are older than `lost_after` (twice the job's limit: a live job has ended by then)."""
    async with unit_of_work(session_factory) as db:
        result = await db.execute(
            update(Backtest)
            .where(Backtest.status.in_(ACTIVE_STATUSES), Backtest.created_at < now - lost_after)
            .values(status=FAILED, error="lost: its worker stopped", finished_at=now)
        )
        return _count(result)
