"""`/api/v1/portfolios`, `/api/v1/trades` and `/api/v1/tags`: a pro or premium user's
portfolios, trades and tags (free users: 403 `tier_required`; their data is kept). Session
only, CSRF-checked writes. Another user's id answers 404 like a missing one (deps.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import PageParams, ok_page
from cryptolens.core.params import EntityId
from cryptolens.portfolio import journal_signal, service, tags
from cryptolens.portfolio.deps import OwnerDep, TheirPortfolio, TheirTag, TheirTrade
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
    TagIn,
    TagOut,
    TagPatch,
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
    404: "No such portfolio, trade, tag or signal of the caller's",
    409: "invalid_transition, price_unavailable (close at market), already_journaled "
    "(a signal), tag_exists or limit_reached (200 tags)",
    422: "Invalid field (validation_error), unknown_symbol or unknown_tag",
}


def _errors(*statuses: int) -> dict[int | str, dict[str, object]]:
    return error_responses({status: _DESCRIPTIONS[status] for status in statuses})


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
async def get_portfolio(portfolio: TheirPortfolio) -> Envelope[PortfolioOut]:
    return ok(await service.get_portfolio(portfolio))


@router.patch(
    "/portfolios/{portfolio_id}",
    operation_id="portfolios-update",
    summary="Change name, description, currency or initial balance",
    response_model=Envelope[PortfolioOut],
    responses=_errors(401, 403, 404, 422),
)
async def update_portfolio(
    portfolio: TheirPortfolio, body: PortfolioPatch
) -> Envelope[PortfolioOut]:
    return ok(await service.update_portfolio(portfolio, body))


@router.delete(
    "/portfolios/{portfolio_id}",
    operation_id="portfolios-delete",
    summary="Delete a portfolio and its trades (soft: purged after 30 days)",
    response_model=Envelope[DeletedOut],
    responses=_errors(401, 403, 404),
)
async def delete_portfolio(portfolio: TheirPortfolio) -> Envelope[DeletedOut]:
    await service.delete_portfolio(portfolio)
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
async def create_trade(portfolio: TheirPortfolio, body: TradeIn) -> Envelope[TradeOut]:
    return ok(await service.create_trade(portfolio, body))


@router.get(
    "/portfolios/{portfolio_id}/trades",
    operation_id="portfolios-trades",
    summary="The portfolio's trades, newest first (plans without an entry time, then entry "
    "time, then id), filtered, a page at a time",
    response_model=Envelope[list[TradeOut]],
    responses=_errors(401, 403, 404, 422),
)
async def list_trades(
    portfolio: TheirPortfolio,
    page: PageParams,
    status: Annotated[TradeStatus | None, Query()] = None,
    symbol: Annotated[str | None, Query(max_length=41, examples=["BTC/USDT"])] = None,
    direction: Annotated[Direction | None, Query()] = None,
    tag: Annotated[int | None, Query(ge=1, le=2**63 - 1, description="A tag's id")] = None,
    signal_id: Annotated[int | None, Query(ge=1, le=2**63 - 1)] = None,
    since: Annotated[When | None, Query(description="entry_time at or after")] = None,
    until: Annotated[When | None, Query(description="entry_time before")] = None,
) -> Envelope[list[TradeOut]]:
    filters = TradeFilters(
        status=status,
        direction=direction,
        signal_id=signal_id,
        tag_id=tag,
        since=since,
        until=until,
    )
    return ok_page(await service.list_trades(portfolio, filters, symbol, page))


@router.get(
    "/trades/{trade_id}",
    operation_id="portfolios-trade",
    summary="One of the caller's trades",
    response_model=Envelope[TradeOut],
    responses=_errors(401, 403, 404),
)
async def get_trade(trade: TheirTrade) -> Envelope[TradeOut]:
    return ok(await service.get_trade(trade))


@router.patch(
    "/trades/{trade_id}",
    operation_id="portfolios-update-trade",
    summary="Correct a trade or set its tags (not its status); a closed trade's pnl is recomputed",
    response_model=Envelope[TradeOut],
    responses=_errors(401, 403, 404, 409, 422),
)
async def update_trade(trade: TheirTrade, body: TradePatch) -> Envelope[TradeOut]:
    return ok(await service.update_trade(trade, body))


@router.delete(
    "/trades/{trade_id}",
    operation_id="portfolios-delete-trade",
    summary="Delete a trade (a closed one's pnl leaves the balance)",
    response_model=Envelope[DeletedOut],
    responses=_errors(401, 403, 404),
)
async def delete_trade(trade: TheirTrade) -> Envelope[DeletedOut]:
    await service.delete_trade(trade)
    return ok(DeletedOut(message="Trade deleted"))


@router.post(
    "/trades/{trade_id}/open",
    operation_id="portfolios-open-trade",
    summary="pending -> open, with a quantity by then",
    response_model=Envelope[TradeOut],
    responses=_errors(401, 403, 404, 409, 422),
)
async def open_trade(trade: TheirTrade, body: OpenIn) -> Envelope[TradeOut]:
    return ok(await service.open_trade(trade, body))


@router.post(
    "/trades/{trade_id}/close",
    operation_id="portfolios-close-trade",
    summary="open -> closed at a price or at market (the newest stored 1m close)",
    response_model=Envelope[TradeOut],
    responses=_errors(401, 403, 404, 409, 422),
)
async def close_trade(trade: TheirTrade, body: CloseIn) -> Envelope[TradeOut]:
    return ok(await service.close_trade(trade, body))


@router.post(
    "/trades/{trade_id}/cancel",
    operation_id="portfolios-cancel-trade",
    summary="pending -> cancelled",
    response_model=Envelope[TradeOut],
    responses=_errors(401, 403, 404, 409, 422),
)
async def cancel_trade(trade: TheirTrade, body: CancelIn) -> Envelope[TradeOut]:
    return ok(await service.cancel_trade(trade, body))


# A trade from a signal


@router.post(
    "/signals/{signal_id}/journal",
    status_code=201,
    operation_id="portfolios-journal-signal",
    summary="A pending trade from a signal (entry, stop, take_profit_2), in one call",
    response_model=Envelope[JournalSignalOut],
    responses=_errors(401, 403, 404, 409, 422),
)
async def journal(
    signal_id: EntityId, body: JournalSignalIn, owner: OwnerDep
) -> Envelope[JournalSignalOut]:
    return ok(await journal_signal.journal_signal(owner, signal_id, body))


# Tags


@router.get(
    "/tags",
    operation_id="portfolios-tags",
    summary="The caller's tags, by name (at most 200)",
    response_model=Envelope[list[TagOut]],
    responses=_errors(401, 403),
)
async def list_tags(owner: OwnerDep) -> Envelope[list[TagOut]]:
    return ok(await tags.list_tags(owner))


@router.post(
    "/tags",
    status_code=201,
    operation_id="portfolios-create-tag",
    summary="A new tag: name unique ignoring case, color #RRGGBB (200 a user)",
    response_model=Envelope[TagOut],
    responses=_errors(401, 403, 409, 422),
)
async def create_tag(body: TagIn, owner: OwnerDep) -> Envelope[TagOut]:
    return ok(await tags.create_tag(owner, body))


@router.patch(
    "/tags/{tag_id}",
    operation_id="portfolios-update-tag",
    summary="Rename, recolour or describe a tag",
    response_model=Envelope[TagOut],
    responses=_errors(401, 403, 404, 409, 422),
)
async def update_tag(tag: TheirTag, body: TagPatch) -> Envelope[TagOut]:
    return ok(await tags.update_tag(tag, body))


@router.delete(
    "/tags/{tag_id}",
    operation_id="portfolios-delete-tag",
    summary="Delete a tag; it leaves every trade that had it",
    response_model=Envelope[DeletedOut],
    responses=_errors(401, 403, 404),
)
async def delete_tag(tag: TheirTag) -> Envelope[DeletedOut]:
    await tags.delete_tag(tag)
    return ok(DeletedOut(message="Tag deleted"))
