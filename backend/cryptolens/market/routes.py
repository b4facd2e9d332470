"""Market read API: symbols and candles, for signed-in users within their tier."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from cryptolens.access.deps import CurrentAccess
from cryptolens.core.deps import ClockDep, SessionDep, SettingsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.errors import ValidationFailedError
from cryptolens.core.params import STRICT_INT, OptionalInstant, instant_query
from cryptolens.market import service
from cryptolens.market.schemas import CandleOut, CompactCandles, SymbolOut
from cryptolens.market.symbols import symbol_from_url

router = APIRouter(prefix="/api/v1/symbols", tags=["market"])

READ_ERRORS = error_responses(
    {
        401: "Not signed in",
        403: "The tier does not include this symbol",
        404: "Unknown symbol",
    }
)

CANDLE_LIMIT_DEFAULT = 500
CANDLE_LIMIT_MAX = 2000


@router.get(
    "",
    operation_id="market-list-symbols",
    summary="Active symbols with freshness, last price and 24 h change",
    response_model=Envelope[list[SymbolOut]],
    responses=READ_ERRORS,
)
async def list_symbols(
    access: CurrentAccess, db: SessionDep, clock: ClockDep
) -> Envelope[list[SymbolOut]]:
    overviews = await service.symbol_overviews(db, now=clock.now())
    return ok([item for item in overviews if access.allows_symbol(item.symbol)])


@router.get(
    "/{symbol}/candles",
    operation_id="market-list-candles",
    summary="Closed candles of one symbol and timeframe, ascending by time",
    response_model=Envelope[list[CandleOut] | CompactCandles],
    responses=READ_ERRORS,
)
async def list_candles(
    access: CurrentAccess,
    db: SessionDep,
    settings: SettingsDep,
    symbol: Annotated[str, Path(description="BASE-QUOTE, e.g. BTC-USDT", examples=["BTC-USDT"])],
    timeframe: Annotated[str, Query(description="a detection timeframe", examples=["1h"])] = "1h",
    start: Annotated[OptionalInstant, instant_query("the first candle's open time")] = None,
    end: Annotated[OptionalInstant, instant_query("the last candle's open time")] = None,
    limit: Annotated[int, Query(ge=1, le=CANDLE_LIMIT_MAX), STRICT_INT] = CANDLE_LIMIT_DEFAULT,
    format: Annotated[
        Literal["objects", "compact"],
        Query(description="`compact`: `{columns, rows}` instead of one object per candle"),
    ] = "objects",
) -> Envelope[list[CandleOut] | CompactCandles]:
    name = symbol_from_url(symbol)
    if start is not None and end is not None and start > end:
        raise ValidationFailedError("start must not be after end")
    # Existence first (404 for an unknown symbol), then the tier (403 names the tier).
    await service.find_symbol(db, name)
    access.require_symbol(name)
    page = await service.candle_page(
        db,
        name,
        timeframe,
        allowed_timeframes=settings.scan.timeframes,
        start=start,
        end=end,
        limit=limit,
    )
    next_cursor = None if page.next_cursor is None else str(page.next_cursor)
    if format == "compact":
        compact = CompactCandles.of(page.candles)
        return ok(compact, count=len(compact.rows), next_cursor=next_cursor)
    return ok(page.candles, next_cursor=next_cursor)
