"""The backtest routes' caller: a premium session user (admins count as premium; others 403
`tier_required`), with the unit of work and the time. A path's backtest is looked up by the
service among the caller's own (404 when it is another user's, exactly like a missing one)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from cryptolens.access.deps import PremiumAccess
from cryptolens.backtests import service
from cryptolens.core.deps import ClockDep, SessionDep


async def _owner(access: PremiumAccess, db: SessionDep, clock: ClockDep) -> service.Owner:
    return service.Owner(db=db, user_id=access.user_id, now=clock.now())


OwnerDep = Annotated[service.Owner, Depends(_owner)]
