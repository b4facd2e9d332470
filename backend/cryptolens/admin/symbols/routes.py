"""`/admin/symbols` (admin.md, "Symbols"): the list with freshness and coverage, adding a
listed spot market, enabling and disabling one, and loading every market of a quote. The
rules live in the market domain (market/admin_symbols.py, market/coverage.py)."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, status
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.admin.deps import AuditDep, AuditTrail
from cryptolens.admin.symbols.schemas import (
    AdminSymbolOut,
    LoadMarketsIn,
    LoadMarketsOut,
    SymbolAddIn,
    SymbolChangeOut,
    SymbolPatchIn,
)
from cryptolens.core.deps import ClockDep, JobQueueDep, ResourcesDep, SessionDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.errors import ServiceUnavailableError
from cryptolens.core.paging import PageParams, PageRequest, ok_page
from cryptolens.core.params import SymbolPath
from cryptolens.job_context import JobQueue
from cryptolens.market import service as market
from cryptolens.settings import MarketSettings

log = logging.getLogger("cryptolens.admin.symbols")

router = APIRouter(tags=["admin"])

EXCHANGE_ERRORS = {
    502: "The exchange refused the market listing (`exchange_error`)",
    503: "The exchange could not be reached (`exchange_unavailable`)",
}


@router.get(
    "/symbols",
    operation_id="admin-symbols",
    summary="The data source's symbols with freshness and coverage, newest added first",
    response_model=Envelope[list[AdminSymbolOut]],
)
async def list_symbols(
    db: SessionDep,
    resources: ResourcesDep,
    clock: ClockDep,
    page: PageParams,
    is_active: Annotated[bool | None, Query(description="Only active or inactive ones")] = None,
    q: Annotated[
        str | None,
        Query(max_length=41, description="Part of the name, any case (`btc`, `ETH/`, `-USDT`)"),
    ] = None,
) -> Envelope[list[AdminSymbolOut]]:
    settings = resources.settings.market
    request = PageRequest.from_cursor(page.cursor, key_size=1, limit=page.limit)
    symbols = await market.symbol_page(
        db,
        request,
        exchange=market.source_exchange(resources.data_source, settings),
        settings=settings,
        now=clock.now(),
        is_active=is_active,
        q=q,
    )
    return ok_page(symbols.map(AdminSymbolOut.model_validate))


@router.post(
    "/symbols",
    operation_id="admin-symbols-add",
    summary="Follow a listed spot market (or re-enable a disabled one) and queue its backfill",
    status_code=status.HTTP_201_CREATED,
    response_model=Envelope[SymbolChangeOut],
    responses=error_responses(
        {
            409: "Already followed (`symbol_exists`)",
            422: "No active spot market of that name (`unknown_symbol`), or bad input",
            **EXCHANGE_ERRORS,
        }
    ),
)
async def add_symbol(
    body: SymbolAddIn,
    background: BackgroundTasks,
    db: SessionDep,
    audit: AuditDep,
    queue: JobQueueDep,
    resources: ResourcesDep,
    clock: ClockDep,
) -> Envelope[SymbolChangeOut]:
    settings = resources.settings.market
    listings = await market.listed_markets(resources.data_source, settings, in_request=True)
    change = await market.add_symbol(
        db,
        body.symbol,
        exchange=market.source_exchange(resources.data_source, settings),
        listings=listings,
        now=clock.now(),
    )
    view = await _recorded("symbol.add", change, db, audit, settings, clock.now())
    queued = _queue_backfill_after_commit(background, queue, change.symbol.symbol)
    return ok(SymbolChangeOut(symbol=view, job_id=queued))


@router.patch(
    # `:path`: a %2F arrives decoded, BTC/USDT (core/params.py : SymbolPath).
    "/symbols/{symbol:path}",
    operation_id="admin-symbols-update",
    summary="Enable (backfilling from the newest stored candle) or disable (soft delete)",
    response_model=Envelope[SymbolChangeOut],
    responses=error_responses(
        {
            404: "No symbol of that name on the data source (`not_found`)",
            409: "A mandatory symbol cannot be disabled (`symbol_mandatory`)",
            422: "Bad input (`validation_error`)",
        }
    ),
)
async def update_symbol(
    symbol: SymbolPath,
    body: SymbolPatchIn,
    background: BackgroundTasks,
    db: SessionDep,
    audit: AuditDep,
    queue: JobQueueDep,
    resources: ResourcesDep,
    clock: ClockDep,
) -> Envelope[SymbolChangeOut]:
    settings = resources.settings.market
    change = await market.set_symbol_active(
        db,
        symbol,
        body.is_active,
        exchange=market.source_exchange(resources.data_source, settings),
        settings=settings,
        now=clock.now(),
    )
    view = await _recorded("symbol.update", change, db, audit, settings, clock.now())
    queued = (
        _queue_backfill_after_commit(background, queue, change.symbol.symbol)
        if change.needs_backfill
        else None
    )
    return ok(SymbolChangeOut(symbol=view, job_id=queued))


@router.post(
    "/symbols/load-markets",
    operation_id="admin-symbols-load-markets",
    summary="Queue a job adding each active spot market of a quote as an inactive symbol",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Envelope[LoadMarketsOut],
    responses=error_responses(
        {422: "Bad input (`validation_error`)", 503: "The job queue is not available"}
    ),
)
async def load_markets(
    body: LoadMarketsIn, audit: AuditDep, queue: JobQueueDep
) -> Envelope[LoadMarketsOut]:
    quote = body.quote.upper()
    # The job reads nothing this request writes, so it may be queued before the commit: a
    # queue that cannot take it then leaves no audit row behind.
    job_id = await queue.enqueue(
        market.LOAD_MARKETS_JOB, job_id=market.load_markets_job_id(quote), quote=quote
    )
    if job_id is None:
        raise ServiceUnavailableError("The job queue is stopping; try again in a minute")
    await audit.record(
        "symbol.load_markets",
        target_type="symbol",
        target_id=None,
        after={"quote": quote, "job_id": job_id},
    )
    return ok(LoadMarketsOut(job_id=job_id))


async def _recorded(
    action: str,
    change: market.SymbolChange,
    db: AsyncSession,
    audit: AuditTrail,
    settings: MarketSettings,
    now: datetime,
) -> AdminSymbolOut:
    """The change's audit row, and the symbol as the answer shows it."""
    await audit.record(
        action,
        target_type="symbol",
        target_id=change.symbol.id,
        before=change.before,
        after=change.after,
    )
    view = await market.symbol_view(db, change.symbol, settings=settings, now=now)
    return AdminSymbolOut.model_validate(view)


def _queue_backfill_after_commit(background: BackgroundTasks, queue: JobQueue, symbol: str) -> str:
    """The backfill job reads the row, so it is queued after the response, hence after the
    request's commit; its id is chosen now so the answer can carry it."""
    job_id = market.backfill_job_id(symbol)
    background.add_task(_queue_backfill, queue, symbol, job_id)
    return job_id


async def _queue_backfill(queue: JobQueue, symbol: str, job_id: str) -> None:
    """The committed change stands whatever the queue does: without the job, the next
    minute's fetch backfills an enabled symbol all the same."""
    try:
        await queue.enqueue(market.BACKFILL_JOB, job_id=job_id, symbol=symbol)
    except Exception as failure:  # the queue's store (Redis) is down
        log.warning(
            "admin.symbol_backfill_not_queued",
            extra={"symbol": symbol, "error": repr(failure)[:200]},
        )
