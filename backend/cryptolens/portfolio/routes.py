"""`/api/v1/portfolios` and `/api/v1/trades`: a pro or premium user's portfolios and trades
(free users: 403 `tier_required`; their data is kept). Session only, CSRF-checked writes.
Another user's id answers 404 like a missing one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from cryptolens.access.deps import ProAccess
from cryptolens.core.deps import ClockDep, SessionDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.params import EntityId
from cryptolens.portfolio import journal_signal, service
from cryptolens.portfolio.repository import TradeFilters
from cryptolens.portfolio.schemas import (
    CancelIn,
    CloseIn,
    DeletedOut,
    Direction,
    JournalSignalIn,
    JournalSignalOut,
    OpenIn,
    PortfolioIn,
    PortfolioOut,
    PortfolioPatch,
    TradeIn,
    TradeOut,
    TradePatch,
    TradeStatus,
    When,
)

router = APIRouter(prefix="/api/v1", tags=["portfolios"])

_DESCRIPTIONS = {
    401: "Not signed in",
    403: "CSRF header missing, an API key (session only), or a tier below pro or its limit",
    404: "No such portfolio or trade of the caller's",
    409: "invalid_transition",
    422: "Invalid field (validation_error) or unknown_symbol",
}


def _errors(*statuses: int, conflict: str | None = None) -> dict[int | str, dict[str, object]]:
    descriptions = {status: _DESCRIPTIONS[status] for status in statuses}
    if conflict is not None:
        descriptions[409] = conflict
    return error_responses(descriptions)


async def _owner(access: ProAccess, db: SessionDep, clock: ClockDep) -> service.Owner:
    return service.Owner(db=db, access=access, now=clock.now())


# A pro or premium session user (admins count as premium), with the unit of work and the time.
OwnerDep = Annotated[service.Owner, Depends(_owner)]


# Portfolios


@router.get(
    "/portfolios",
    operation_id="portfolios-list",
    summary="The caller's portfolios, oldest first, with their derived balance",
    response_model=Envelope[list[PortfolioOut]],
    responses=_errors(401, 403),
)
async def list_portfolios(owner: OwnerDep) -> Envelope[list[PortfolioOut]]:
    return ok(await service.list_portfolios(owner))


@router.post(
    "/portfolios",
    status_code=201,
    operation_id="portfolios-create",
    summary="A new portfolio (pro: one)",
    response_model=Envelope[PortfolioOut],
    responses=_errors(401, 403, 422),
)
async def create_portfolio(body: PortfolioIn, owner: OwnerDep) -> Envelope[PortfolioOut]:
    return ok(await service.create_portfolio(owner, body))


@router.get(
    "/portfolios/{portfolio_id}",
    operation_id="portfolios-get",
    summary="One portfolio: balance = initial balance + the closed trades' pnl",
    response_model=Envelope[PortfolioOut],
    responses=_errors(401, 403, 404),
)
async def get_portfolio(portfolio_id: EntityId, owner: OwnerDep) -> Envelope[PortfolioOut]:
    return ok(await service.get_portfolio(owner, portfolio_id))


@router.patch(
    "/portfolios/{portfolio_id}",
    operation_id="portfolios-update",
    summary="Change name, description, currency or initial balance",
    response_model=Envelope[PortfolioOut],
    responses=_errors(401, 403, 404, 422),
)
async def update_portfolio(
    portfolio_id: EntityId, body: PortfolioPatch, owner: OwnerDep
) -> Envelope[PortfolioOut]:
    return ok(await service.update_portfolio(owner, portfolio_id, body))


@router.delete(
    "/portfolios/{portfolio_id}",
    operation_id="portfolios-delete",
    summary="Delete a portfolio and its trades (soft: purged after 30 days)",
    response_model=Envelope[DeletedOut],
    responses=_errors(401, 403, 404),
)
async def delete_portfolio(portfolio_id: EntityId, owner: OwnerDep) -> Envelope[DeletedOut]:
    await service.delete_portfolio(owner, portfolio_id)
    return ok(DeletedOut(message="Portfolio deleted"))


# Trades


@router.post(
    "/portfolios/{portfolio_id}/trades",
    status_code=201,
    operation_id="portfolios-create-trade",
    summary="Record a trade: open (default) or pending (a plan); pro: 5 a day",
    response_model=Envelope[TradeOut],
    responses=_errors(401, 403, 404, 422),
)
async def create_trade(
    portfolio_id: EntityId, body: TradeIn, owner: OwnerDep
) -> Envelope[TradeOut]:
    return ok(await service.create_trade(owner, portfolio_id, body))


@router.get(
    "/portfolios/{portfolio_id}/trades",
    operation_id="portfolios-trades",
    summary="The portfolio's trades, newest first (entry time), filtered",
    response_model=Envelope[list[TradeOut]],
    responses=_errors(401, 403, 404, 422),
)
async def list_trades(
    portfolio_id: EntityId,
    owner: OwnerDep,
    status: Annotated[TradeStatus | None, Query()] = None,
    symbol: Annotated[str | None, Query(max_length=41, examples=["BTC/USDT"])] = None,
    direction: Annotated[Direction | None, Query()] = None,
    signal_id: Annotated[int | None, Query(ge=1, le=2**63 - 1)] = None,
    since: Annotated[When | None, Query(description="entry_time at or after")] = None,
    until: Annotated[When | None, Query(description="entry_time before")] = None,
) -> Envelope[list[TradeOut]]:
    filters = TradeFilters(
        status=status, direction=direction, signal_id=signal_id, since=since, until=until
    )
    return ok(await service.list_trades(owner, portfolio_id, filters, symbol))


@router.get(
    "/trades/{trade_id}",
    operation_id="portfolios-trade",
    summary="One of the caller's trades",
    response_model=Envelope[TradeOut],
    responses=_errors(401, 403, 404),
)
async def get_trade(trade_id: EntityId, owner: OwnerDep) -> Envelope[TradeOut]:
    return ok(await service.get_trade(owner, trade_id))


@router.patch(
    "/trades/{trade_id}",
    operation_id="portfolios-update-trade",
    summary="Correct a trade (not its status); a closed trade's pnl is recomputed",
    response_model=Envelope[TradeOut],
    responses=_errors(401, 403, 404, 409, 422),
)
async def update_trade(trade_id: EntityId, body: TradePatch, owner: OwnerDep) -> Envelope[TradeOut]:
    return ok(await service.update_trade(owner, trade_id, body))


@router.delete(
    "/trades/{trade_id}",
    operation_id="portfolios-delete-trade",
    summary="Delete a trade (a closed one's pnl leaves the balance)",
    response_model=Envelope[DeletedOut],
    responses=_errors(401, 403, 404),
)
async def delete_trade(trade_id: EntityId, owner: OwnerDep) -> Envelope[DeletedOut]:
    await service.delete_trade(owner, trade_id)
    return ok(DeletedOut(message="Trade deleted"))


@router.post(
    "/trades/{trade_id}/open",
    operation_id="portfolios-open-trade",
    summary="pending -> open, with a quantity by then",
    response_model=Envelope[TradeOut],
    responses=_errors(401, 403, 404, 409, 422),
)
async def open_trade(trade_id: EntityId, body: OpenIn, owner: OwnerDep) -> Envelope[TradeOut]:
    return ok(await service.open_trade(owner, trade_id, body))


@router.post(
    "/trades/{trade_id}/close",
    operation_id="portfolios-close-trade",
    summary="open -> closed at a price or at market (the newest stored 1m close)",
    response_model=Envelope[TradeOut],
    responses=_errors(401, 403, 404, 409, 422, conflict="invalid_transition or price_unavailable"),
)
async def close_trade(trade_id: EntityId, body: CloseIn, owner: OwnerDep) -> Envelope[TradeOut]:
    return ok(await service.close_trade(owner, trade_id, body))


@router.post(
    "/trades/{trade_id}/cancel",
    operation_id="portfolios-cancel-trade",
    summary="pending -> cancelled",
    response_model=Envelope[TradeOut],
    responses=_errors(401, 403, 404, 409, 422),
)
async def cancel_trade(trade_id: EntityId, body: CancelIn, owner: OwnerDep) -> Envelope[TradeOut]:
    return ok(await service.cancel_trade(owner, trade_id, body))


# A trade from a signal


@router.post(
    "/signals/{signal_id}/journal",
    status_code=201,
    operation_id="portfolios-journal-signal",
    summary="A pending trade from a signal (entry, stop, take_profit_2), in one call",
    response_model=Envelope[JournalSignalOut],
    responses=_errors(401, 403, 404, 409, 422, conflict="already_journaled"),
)
async def journal(
    signal_id: EntityId, body: JournalSignalIn, owner: OwnerDep
) -> Envelope[JournalSignalOut]:
    return ok(await journal_signal.journal_signal(owner, signal_id, body))
