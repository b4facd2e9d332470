"""The portfolio routes' dependencies: the caller as an owner, and the portfolio, trade or tag a
path names. Every portfolio router (trades, journal, reports) takes these, so owner scoping is
written once.

    owner: OwnerDep             # a pro or premium session user, the unit of work, the time
    portfolio: TheirPortfolio   # {portfolio_id}: service.load_portfolio(portfolio) -> 404
    trade: TheirTrade           # {trade_id}: service.load_trade(trade, for_update=...) -> 404
    tag: TheirTag               # {tag_id}: tags.load_tag(tag) -> 404

A path's object is named, not loaded: the call acting on it looks it up (404 when it is not
the caller's, exactly like a missing one) under the lock its change needs, after the request
has passed validation (a bad body is a 422 whether or not the id is theirs)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from cryptolens.access.deps import ProAccess
from cryptolens.core.deps import ClockDep, SessionDep
from cryptolens.core.params import EntityId
from cryptolens.portfolio import service, tags


async def _owner(access: ProAccess, db: SessionDep, clock: ClockDep) -> service.Owner:
    return service.Owner(db=db, access=access, now=clock.now())


# A pro or premium session user (admins count as premium), with the unit of work and the time.
OwnerDep = Annotated[service.Owner, Depends(_owner)]


async def _portfolio(portfolio_id: EntityId, owner: OwnerDep) -> service.PortfolioRef:
    return service.PortfolioRef(owner, portfolio_id)


# The caller's portfolio that the path names.
TheirPortfolio = Annotated[service.PortfolioRef, Depends(_portfolio)]


async def _trade(trade_id: EntityId, owner: OwnerDep) -> service.TradeRef:
    return service.TradeRef(owner, trade_id)


# The caller's trade that the path names.
TheirTrade = Annotated[service.TradeRef, Depends(_trade)]


async def _tag(tag_id: EntityId, owner: OwnerDep) -> tags.TagRef:
    return tags.TagRef(owner, tag_id)


# The caller's tag that the path names.
TheirTag = Annotated[tags.TagRef, Depends(_tag)]
