"""Market read API: symbols and candles, for signed-in users within their tier."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import TypeAdapter

from cryptolens.access.deps import CandlesAccess, SymbolsAccess
from cryptolens.core.deps import ClockDep, SessionDep, SettingsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.errors import ValidationFailedError
from cryptolens.core.etag import NOT_MODIFIED_RESPONSE, conditional_data
from cryptolens.core.params import STRICT_INT, OptionalInstant, SymbolPath, instant_query
from cryptolens.market import service
from cryptolens.market.schemas import CandleOut, CompactCandles, SymbolOut

router = APIRouter(prefix="/api/v1/symbols", tags=["market"])

READ_ERRORS = error_responses(
    {
        401: "Not signed in",
        403: "The tier does not include this symbol",
        404: "Unknown symbol",
    }
)

# The symbol list's encoder (core/etag.py encodes once, then hashes).
_SYMBOLS = TypeAdapter(list[SymbolOut])

CANDLE_LIMIT_DEFAULT = 500
CANDLE_LIMIT_MAX = 2000


@router.get(
    "",
    operation_id="market-list-symbols",
    summary="Active symbols with freshness, last price and 24 h change",
    response_model=Envelope[list[SymbolOut]],
    responses={**READ_ERRORS, **NOT_MODIFIED_RESPONSE},
)
async def list_symbols(
    access: SymbolsAccess, db: SessionDep, clock: ClockDep, request: Request
) -> Response:
    overviews = await service.symbol_overviews(db, now=clock.now())
    visible = [item for item in overviews if access.allows_symbol(item.symbol)]
    return conditional_data(request, visible, _SYMBOLS)


@router.get(
    # `:path`: a %2F arrives decoded, BTC/USDT (core/params.py : SymbolPath).
    "/{symbol:path}/candles",
    operation_id="market-list-candles",
    summary="Closed candles of one symbol and timeframe, ascending by time",
    response_model=Envelope[list[CandleOut] | CompactCandles],
    responses=READ_ERRORS,
)
async def list_candles(
    access: CandlesAccess,
    db: SessionDep,
    settings: SettingsDep,
    symbol: SymbolPath,
    timeframe: Annotated[str, Query(description="a detection timeframe", examples=["1h"])] = "1h",
    start: Annotated[OptionalInstant, instant_query("the first candle's open time")] = None,
    end: Annotated[OptionalInstant, instant_query("the last candle's open time")] = None,
    limit: Annotated[int, Query(ge=1, le=CANDLE_LIMIT_MAX), STRICT_INT] = CANDLE_LIMIT_DEFAULT,
    format: Annotated[
        Literal["objects", "compact"],
        Query(description="`compact`: `{columns, rows}` instead of one object per candle"),
    ] = "objects",
) -> Envelope[list[CandleOut] | CompactCandles]:
    if start is not None and end is not None and start > end:
        raise ValidationFailedError("start must not be after end")
    # Existence first (404 for an unknown symbol), then the tier (403 names the tier).
    await service.find_symbol(db, symbol)
    access.require_symbol(symbol)
    page = await service.candle_page(
        db,
        symbol,
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
