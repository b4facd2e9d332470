"""`/api/v1/backtests`: a premium user's replays of a stored symbol with their own values of the
tunable parameters (docs/rules/backtest.md "User backtests"). Session only, CSRF-checked
writes; another user's backtest answers 404 like a missing one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from cryptolens.access.deps import PremiumAccess
from cryptolens.backtests import service
from cryptolens.backtests.deps import OwnerDep
from cryptolens.backtests.schemas import (
    BacktestEquityPointOut,
    BacktestIn,
    BacktestOut,
    BacktestSignalOut,
    BacktestStatus,
    DeletedOut,
    Direction,
    SignalStatus,
)
from cryptolens.core.deps import ClockDep, JobQueueDep, SessionFactoryDep, SettingsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import CursorQuery, PageParams, ok_page
from cryptolens.core.params import STRICT_INT, EntityId

router = APIRouter(prefix="/api/v1", tags=["backtests"])

EQUITY_LIMIT_DEFAULT = 500  # as candles
EQUITY_LIMIT_MAX = 2000

_DESCRIPTIONS = {
    401: "Not signed in",
    403: "CSRF header missing, an API key (session only), or a tier below premium",
    404: "No such backtest of the caller's",
    409: "limit_reached (one queued or running backtest at a time) or invalid_transition",
    422: "Invalid field (validation_error, naming it), or insufficient_history (naming the "
    "earliest possible start)",
    429: "Over 20 backtests created this UTC day (`rate_limited`, with Retry-After)",
}


def _errors(*statuses: int) -> dict[int | str, dict[str, object]]:
    return error_responses({code: _DESCRIPTIONS[code] for code in statuses})


@router.post(
    "/backtests",
    status_code=status.HTTP_202_ACCEPTED,
    operation_id="backtests-create",
    summary="Queue a backtest: a replay of [start, end) of a stored symbol",
    description=(
        "A stored symbol; start and end whole UTC minutes (ms), 1 to 90 days apart, end at "
        "most the last closed minute; the stored 1m candles must cover 14 days before start. "
        "Parameters left out take their live value; every value used is recorded. One queued "
        "or running backtest per user, 20 created per UTC day. Answers the backtest (`queued`) "
        "and its job id; follow it with GET /backtests/{id}."
    ),
    response_model=Envelope[BacktestOut],
    responses=_errors(401, 403, 409, 422, 429),
)
async def create_backtest(
    body: BacktestIn,
    access: PremiumAccess,
    session_factory: SessionFactoryDep,
    queue: JobQueueDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> Envelope[BacktestOut]:
    created = await service.submit(
        session_factory, queue, settings, access.user_id, body, clock.now()
    )
    return ok(created)


@router.get(
    "/backtests",
    operation_id="backtests-list",
    summary="The caller's backtests, newest first",
    response_model=Envelope[list[BacktestOut]],
    responses=_errors(401, 403, 422),
)
async def list_backtests(
    owner: OwnerDep,
    page: PageParams,
    status: Annotated[BacktestStatus | None, Query()] = None,
    symbol: Annotated[str | None, Query(max_length=41, examples=["BTC/USDT"])] = None,
) -> Envelope[list[BacktestOut]]:
    return ok_page(await service.list_backtests(owner, status, symbol, page))


@router.get(
    "/backtests/{backtest_id}",
    operation_id="backtests-get",
    summary="One backtest: values used, status, progress, results and results per setup",
    response_model=Envelope[BacktestOut],
    responses=_errors(401, 403, 404),
)
async def get_backtest(backtest_id: EntityId, owner: OwnerDep) -> Envelope[BacktestOut]:
    return ok(await service.get_backtest(owner, backtest_id))


@router.get(
    "/backtests/{backtest_id}/signals",
    operation_id="backtests-signals",
    summary="A backtest's result signals, newest created first",
    description=(
        "Each as GET /signals/{id} shows a live signal, without setup_stats and the anchor "
        "pattern; `id` is the signal's number in the backtest. `setup` is "
        "`anchor_type:anchor_timeframe` (`fvg:15m`)."
    ),
    response_model=Envelope[list[BacktestSignalOut]],
    responses=_errors(401, 403, 404, 422),
)
async def backtest_signals(
    backtest_id: EntityId,
    owner: OwnerDep,
    page: PageParams,
    setup: Annotated[
        str | None,
        Query(max_length=30, pattern=r"^[a-z_]+:[0-9a-z]+$", examples=["fvg:15m"]),
    ] = None,
    direction: Annotated[Direction | None, Query()] = None,
    status: Annotated[SignalStatus | None, Query()] = None,
) -> Envelope[list[BacktestSignalOut]]:
    filters = service.SignalFilters(
        setup=None if setup is None else service.parse_setup(setup),
        direction=direction,
        status=status,
    )
    return ok_page(await service.list_signals(owner, backtest_id, filters, page))


@router.get(
    "/backtests/{backtest_id}/equity",
    operation_id="backtests-equity",
    summary="The equity curve in R: (start, 0), then one point per resolved signal",
    description=(
        "Points at each resolved signal's final status time (stopped, tp3 or closed; ties by "
        "id) with the cumulative outcome_r and the signal's id; empty until completed. Paged "
        "like candles: `limit` points (500, at most 2,000) and `meta.next_cursor`."
    ),
    response_model=Envelope[list[BacktestEquityPointOut]],
    responses=_errors(401, 403, 404, 422),
)
async def backtest_equity(
    backtest_id: EntityId,
    owner: OwnerDep,
    cursor: CursorQuery = None,
    limit: Annotated[int, Query(ge=1, le=EQUITY_LIMIT_MAX), STRICT_INT] = EQUITY_LIMIT_DEFAULT,
) -> Envelope[list[BacktestEquityPointOut]]:
    page = await service.equity_page(owner, backtest_id, cursor, limit)
    return ok(page.items, next_cursor=page.next_cursor)


@router.post(
    "/backtests/{backtest_id}/cancel",
    operation_id="backtests-cancel",
    summary="Cancel a queued or running backtest (its replay stops within 5 s)",
    response_model=Envelope[BacktestOut],
    responses=_errors(401, 403, 404, 409),
)
async def cancel_backtest(backtest_id: EntityId, owner: OwnerDep) -> Envelope[BacktestOut]:
    return ok(await service.cancel_only(owner, backtest_id))


@router.delete(
    "/backtests/{backtest_id}",
    operation_id="backtests-delete",
    summary="Cancel a queued or running backtest, or delete a finished one",
    response_model=Envelope[DeletedOut],
    responses=_errors(401, 403, 404),
)
async def delete_backtest(backtest_id: EntityId, owner: OwnerDep) -> Envelope[DeletedOut]:
    cancelled = await service.cancel(owner, backtest_id)
    return ok(DeletedOut(message="Backtest deleted" if cancelled is None else "Backtest cancelled"))
