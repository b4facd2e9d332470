"""`/api/v1/portfolios/{portfolio_id}/stats`, `/equity` and `/export.csv`: the reports of one
of the caller's portfolios (pro or premium; free users 403 `tier_required`; another user's
portfolio 404 like a missing one). Session only."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from cryptolens.access.deps import PerUserRateLimit
from cryptolens.core.deps import SessionFactoryDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import CursorQuery
from cryptolens.core.params import STRICT_INT
from cryptolens.portfolio import reports, service
from cryptolens.portfolio.deps import TheirPortfolio
from cryptolens.portfolio.report_schemas import EquityPointOut, PortfolioStatsOut
from cryptolens.portfolio.schemas import Direction, TradeStatus, When

router = APIRouter(prefix="/api/v1", tags=["portfolios"])

EQUITY_LIMIT_DEFAULT = 500  # as candles
EQUITY_LIMIT_MAX = 2000
EXPORT_RATE = "10/hour"  # per user (spec): a file reads every trade of the portfolio

_DESCRIPTIONS = {
    401: "Not signed in",
    403: "An API key (session only), or a tier below pro",
    404: "No such portfolio of the caller's",
    422: "Invalid parameter (validation_error)",
    429: "Over 10 exports an hour (`rate_limited`, with Retry-After)",
}


def _errors(*statuses: int) -> dict[int | str, dict[str, object]]:
    return error_responses({status: _DESCRIPTIONS[status] for status in statuses})


SymbolQuery = Annotated[str | None, Query(max_length=41, examples=["BTC/USDT"])]
TagQuery = Annotated[int | None, Query(ge=1, le=2**63 - 1, description="a tag id"), STRICT_INT]


@router.get(
    "/portfolios/{portfolio_id}/stats",
    operation_id="portfolios-stats",
    summary="Statistics over the closed trades: rates, averages, expectancy, drawdown, groups",
    description=(
        "Over the closed trades whose exit_time is in [since, until) and that match symbol, "
        "direction and tag; the pending, open and cancelled counts follow the filters other "
        "than the time window. Breakeven trades (pnl 0) are in no rate or average; a zero "
        "denominator gives null. max_drawdown is on the equity curve of the counted trades "
        "from the initial balance."
    ),
    response_model=Envelope[PortfolioStatsOut],
    responses=_errors(401, 403, 404, 422),
)
async def portfolio_stats(
    ref: TheirPortfolio,
    since: Annotated[When | None, Query(description="exit_time at or after")] = None,
    until: Annotated[When | None, Query(description="exit_time before")] = None,
    symbol: SymbolQuery = None,
    direction: Annotated[Direction | None, Query()] = None,
    tag: TagQuery = None,
) -> Envelope[PortfolioStatsOut]:
    portfolio = await service.load_portfolio(ref)
    db = ref.owner.db
    filters = reports.ReportFilters(
        symbol_ids=None if symbol is None else await service.symbol_ids_named(db, symbol),
        direction=direction,
        tag_id=tag,
        since=since,
        until=until,
    )
    return ok(PortfolioStatsOut.of(await reports.statistics(db, portfolio, filters)))


@router.get(
    "/portfolios/{portfolio_id}/equity",
    operation_id="portfolios-equity",
    summary="The equity curve: the start, then the balance after each closed trade",
    description=(
        "A first point (the earlier of the portfolio's creation and the earliest entry of a "
        "closed trade, at the initial balance), then one per closed trade in exit_time, id "
        "order. Balances are cumulative from the start whatever the window [since, until). "
        "Paged like candles: `limit` points (500, at most 2,000) and `meta.next_cursor` for "
        "the next ones."
    ),
    response_model=Envelope[list[EquityPointOut]],
    responses=_errors(401, 403, 404, 422),
)
async def portfolio_equity(
    ref: TheirPortfolio,
    since: Annotated[When | None, Query(description="points at or after")] = None,
    until: Annotated[When | None, Query(description="points before")] = None,
    cursor: CursorQuery = None,
    limit: Annotated[int, Query(ge=1, le=EQUITY_LIMIT_MAX), STRICT_INT] = EQUITY_LIMIT_DEFAULT,
) -> Envelope[list[EquityPointOut]]:
    portfolio = await service.load_portfolio(ref)
    page = await reports.equity_page(
        ref.owner.db, portfolio, since=since, until=until, cursor=cursor, limit=limit
    )
    points = [EquityPointOut.of(point) for point in page.points]
    return ok(points, next_cursor=page.next_cursor)


def _filename(portfolio_id: int, now: datetime) -> str:
    return f"portfolio-{portfolio_id}-{now.astimezone(UTC):%Y%m%d}.csv"


@router.get(
    "/portfolios/{portfolio_id}/export.csv",
    operation_id="portfolios-export-csv",
    summary="The trades as a CSV file (RFC 4180, UTF-8 with BOM), streamed",
    description=(
        "Filters status, symbol and [since, until) on entry_time; rows by entry_time, then id "
        "(plans without an entry time last). At most 100,000 rows (else 422 "
        "`export_too_large`), 10 files an hour per user. Errors are JSON envelopes."
    ),
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": 'The file, `attachment; filename="portfolio-{id}-{YYYYMMDD}.csv"`',
        },
        **error_responses(
            {
                **{status: _DESCRIPTIONS[status] for status in (401, 403, 404, 429)},
                422: "Invalid parameter (validation_error), or over 100,000 rows "
                "(`export_too_large`)",
            }
        ),
    },
    dependencies=[Depends(PerUserRateLimit(EXPORT_RATE, scope="portfolio-export"))],
)
async def export_csv(
    ref: TheirPortfolio,
    session_factory: SessionFactoryDep,
    status: Annotated[TradeStatus | None, Query()] = None,
    symbol: SymbolQuery = None,
    since: Annotated[When | None, Query(description="entry_time at or after")] = None,
    until: Annotated[When | None, Query(description="entry_time before")] = None,
) -> StreamingResponse:
    portfolio = await service.load_portfolio(ref)
    db = ref.owner.db
    filters = reports.ReportFilters(
        symbol_ids=None if symbol is None else await service.symbol_ids_named(db, symbol),
        status=status,
        since=since,
        until=until,
    )
    # Checked before the first byte: once streaming, an error could not be an envelope.
    await reports.check_export_size(db, portfolio, filters)
    filename = _filename(portfolio.id, ref.owner.now)
    return StreamingResponse(
        reports.export_lines(session_factory, portfolio.id, filters),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
