"""Signals, pattern matrix and statistics API, tier-filtered."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import TypeAdapter

from cryptolens.access.deps import MatrixAccess, SignalsAccess, StatsAccess
from cryptolens.core.deps import CacheDep, ClockDep, SessionDep, SessionFactoryDep, SettingsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.etag import NOT_MODIFIED_RESPONSE, conditional_data, conditional_json
from cryptolens.core.paging import PageParams, ok_page
from cryptolens.core.params import EntityId, OptionalInstant, instant_query
from cryptolens.signals import reads
from cryptolens.signals.schemas import (
    GlobalStatsOut,
    MatrixRow,
    SetupLineOut,
    SignalDetailOut,
    SignalDirection,
    SignalOut,
    SignalStatus,
)

router = APIRouter(prefix="/api/v1", tags=["signals"])

# Encoders of the conditional reads' data (core/etag.py encodes once, then hashes).
_GLOBAL_STATS = TypeAdapter(GlobalStatsOut)
_SETUP_LINES = TypeAdapter(list[SetupLineOut])

ERRORS = error_responses(
    {
        401: "Not signed in",
        403: "Outside the tier (symbol or history)",
        404: "Unknown symbol or signal",
    }
)


@router.get(
    "/signals",
    operation_id="signals-list",
    summary="Signals, newest first, each with its setup's record at creation",
    response_model=Envelope[list[SignalOut]],
    responses=ERRORS,
)
async def list_signals(
    access: SignalsAccess,
    db: SessionDep,
    clock: ClockDep,
    page: PageParams,
    symbol: Annotated[str | None, Query(examples=["BTC-USDT"])] = None,
    direction: Annotated[SignalDirection | None, Query()] = None,
    status: Annotated[SignalStatus | None, Query()] = None,
    since: Annotated[OptionalInstant, instant_query("created at or after")] = None,
) -> Envelope[list[SignalOut]]:
    signals = await reads.list_signals(
        db,
        access,
        reads.SignalQuery(
            symbol=symbol,
            direction=direction,
            status=status,
            since_ms=since,
        ),
        page,
        clock.now(),
    )
    return ok_page(signals)


@router.get(
    "/signals/{signal_id}",
    operation_id="signals-get",
    summary="One signal: levels, contributing patterns, status history, outcome, setup stats",
    response_model=Envelope[SignalDetailOut],
    responses=ERRORS,
)
async def get_signal(
    access: SignalsAccess,
    db: SessionDep,
    clock: ClockDep,
    signal_id: EntityId,
) -> Envelope[SignalDetailOut]:
    return ok(await reads.get_signal(db, access, signal_id, clock.now()))


@router.get(
    "/matrix",
    operation_id="signals-matrix",
    summary="Pattern matrix: symbols x timeframes, newest active pattern per cell",
    response_model=Envelope[list[MatrixRow]],
    responses={**ERRORS, **NOT_MODIFIED_RESPONSE},
)
async def matrix(
    access: MatrixAccess,
    factory: SessionFactoryDep,
    cache: CacheDep,
    clock: ClockDep,
    settings: SettingsDep,
    request: Request,
) -> Response:
    matrix = await reads.pattern_matrix_json(
        factory, cache, access, list(settings.scan.timeframes), clock.now()
    )
    # Served as the cached JSON: validating and re-encoding 50 x 6 cells would cost more
    # than the rest of the request (response_model still documents the shape).
    return conditional_json(
        request, matrix.rows_json, count=matrix.count, timeframes=list(settings.scan.timeframes)
    )


@router.get(
    "/stats",
    operation_id="signals-stats",
    summary="Statistics over the caller's tier: symbols, active patterns, signals today, "
    "overall hit rate",
    response_model=Envelope[GlobalStatsOut],
    responses={**ERRORS, **NOT_MODIFIED_RESPONSE},
)
async def stats(
    access: StatsAccess,
    factory: SessionFactoryDep,
    cache: CacheDep,
    clock: ClockDep,
    settings: SettingsDep,
    request: Request,
) -> Response:
    windows = settings.signals.stats_windows_days
    stats = await reads.global_stats(factory, cache, access, windows, clock.now())
    return conditional_data(request, stats, _GLOBAL_STATS)


@router.get(
    "/stats/setups",
    operation_id="signals-setup-stats",
    summary="Hit rates per anchor type x timeframe x symbol, per symbol and overall",
    response_model=Envelope[list[SetupLineOut]],
    responses={**ERRORS, **NOT_MODIFIED_RESPONSE},
)
async def setup_stats(
    access: StatsAccess,
    db: SessionDep,
    clock: ClockDep,
    settings: SettingsDep,
    request: Request,
) -> Response:
    access.require_feature("full_statistics")
    windows = settings.signals.stats_windows_days
    lines = await reads.setup_lines(db, access, windows, clock.now())
    return conditional_data(request, lines, _SETUP_LINES)
