"""Patterns read API, tier-filtered."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from cryptolens.access.deps import PatternsAccess
from cryptolens.core.deps import ClockDep, SessionDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import PageParams, ok_page
from cryptolens.core.params import EntityId, OptionalInstant, instant_query
from cryptolens.patterns import reads
from cryptolens.patterns.schemas import Direction, PatternOut, PatternStatus, PatternType

router = APIRouter(prefix="/api/v1/patterns", tags=["patterns"])

ERRORS = error_responses(
    {
        401: "Not signed in",
        403: "Outside the tier (symbol, type or history)",
        404: "Unknown symbol or pattern",
    }
)


@router.get(
    "",
    operation_id="patterns-list",
    summary="Patterns, newest confirmed first",
    response_model=Envelope[list[PatternOut]],
    responses=ERRORS,
)
async def list_patterns(
    access: PatternsAccess,
    db: SessionDep,
    clock: ClockDep,
    page: PageParams,
    symbol: Annotated[str | None, Query(examples=["BTC-USDT"])] = None,
    timeframe: Annotated[str | None, Query(examples=["1h"])] = None,
    type: Annotated[PatternType | None, Query()] = None,
    direction: Annotated[Direction | None, Query()] = None,
    status: Annotated[PatternStatus | None, Query()] = None,
    since: Annotated[OptionalInstant, instant_query("confirmed at or after")] = None,
) -> Envelope[list[PatternOut]]:
    patterns = await reads.list_patterns(
        db,
        access,
        reads.PatternQuery(
            symbol=symbol,
            timeframe=timeframe,
            type=type,
            direction=direction,
            status=status,
            since_ms=since,
        ),
        page,
        clock.now(),
    )
    return ok_page(patterns)


@router.get(
    "/{pattern_id}",
    operation_id="patterns-get",
    summary="One pattern with its lifecycle",
    response_model=Envelope[PatternOut],
    responses=ERRORS,
)
async def get_pattern(
    access: PatternsAccess,
    db: SessionDep,
    clock: ClockDep,
    pattern_id: EntityId,
) -> Envelope[PatternOut]:
    return ok(await reads.get_pattern(db, access, pattern_id, clock.now()))
