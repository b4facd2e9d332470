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
    summary="Candles of one symbol and timeframe, ascending by time, and the forming one",
    description=(
        "Paging: with `start`, the first `limit` candles from it and `meta.next_cursor` the "
        "next page's `start`; without, the newest `limit` candles up to `end` (or now) and "
        "`meta.next_cursor` the next older page's `end`, absent once the first stored "
        "candle is on the page.\n\n"
        "`include_forming=true` adds the forming candle after the closed ones when the page "
        "reaches it: the bucket of the newest stored 1m candle, built from its minutes so far "
        "(open of the first, high and low the extremes, close of the newest, volume summed), "
        "while that bucket's closed candle is not stored yet. Its close is the symbol's "
        "`last_price`. It comes in addition to `limit`, flagged `forming: true` (the compact "
        "form puts it in `forming`, never in `rows`). 1m has no forming candle: 1m candles "
        "are stored once closed, so the newest one already closes at `last_price`."
    ),
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
    end: Annotated[
        OptionalInstant, instant_query("the last candle's open time (inclusive)")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=CANDLE_LIMIT_MAX), STRICT_INT] = CANDLE_LIMIT_DEFAULT,
    include_forming: Annotated[
        bool, Query(description="add the forming candle of the timeframe (see above)")
    ] = False,
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
        include_forming=include_forming,
    )
    next_cursor = None if page.next_cursor is None else str(page.next_cursor)
    count = len(page.candles) + (page.forming is not None)
    if format == "compact":
        compact = CompactCandles.of(page.candles, page.forming)
        return ok(compact, count=count, next_cursor=next_cursor)
    candles = page.candles if page.forming is None else [*page.candles, page.forming]
    return ok(candles, count=count, next_cursor=next_cursor)
