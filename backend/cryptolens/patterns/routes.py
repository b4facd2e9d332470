"""Patterns read API, tier-filtered."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from cryptolens.billing.deps import CurrentAccess
from cryptolens.core.deps import ClockDep, SessionDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.instants import parse_instant_ms
from cryptolens.patterns import service
from cryptolens.patterns.schemas import Direction, PatternOut, PatternStatus, PatternType

router = APIRouter(prefix="/api/v1/patterns", tags=["patterns"])

ERRORS = error_responses(
    {
        401: "Not signed in",
        403: "Outside the tier (symbol, type or history)",
        404: "Unknown symbol or pattern",
    }
)

LIMIT_DEFAULT, LIMIT_MAX = 50, 500


@router.get(
    "",
    operation_id="patterns-list",
    summary="Patterns, newest confirmed first",
    response_model=Envelope[list[PatternOut]],
    responses=ERRORS,
)
async def list_patterns(
    access: CurrentAccess,
    db: SessionDep,
    clock: ClockDep,
    symbol: Annotated[str | None, Query(examples=["BTC-USDT"])] = None,
    timeframe: Annotated[str | None, Query(examples=["1h"])] = None,
    type: Annotated[PatternType | None, Query()] = None,
    direction: Annotated[Direction | None, Query()] = None,
    status: Annotated[PatternStatus | None, Query()] = None,
    since: Annotated[str | None, Query(description="confirmed at or after: ms or ISO-8601")] = None,
    cursor: Annotated[str | None, Query(description="meta.next_cursor of the last page")] = None,
    limit: Annotated[int, Query(ge=1, le=LIMIT_MAX)] = LIMIT_DEFAULT,
) -> Envelope[list[PatternOut]]:
    page = await service.list_patterns(
        db,
        access,
        service.PatternQuery(
            symbol=symbol,
            timeframe=timeframe,
            type=type,
            direction=direction,
            status=status,
            since_ms=parse_instant_ms(since, "since"),
        ),
        cursor=cursor,
        limit=limit,
        now=clock.now(),
    )
    return ok(page.items, next_cursor=page.next_cursor)


@router.get(
    "/{pattern_id}",
    operation_id="patterns-get",
    summary="One pattern with its lifecycle",
    response_model=Envelope[PatternOut],
    responses=ERRORS,
)
async def get_pattern(
    access: CurrentAccess,
    db: SessionDep,
    clock: ClockDep,
    pattern_id: Annotated[int, Path(ge=1)],
) -> Envelope[PatternOut]:
    return ok(await service.get_pattern(db, access, pattern_id, clock.now()))
