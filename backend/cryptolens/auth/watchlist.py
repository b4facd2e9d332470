"""The symbols a user follows: pro users pick up to 5, free users have BTC/USDT, premium all."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.user_access import UserAccess
from cryptolens.auth import repository
from cryptolens.core.errors import ValidationFailedError
from cryptolens.market import service as market_service

# ccxt's spot form, BASE/QUOTE.
_SYMBOL = re.compile(r"^[A-Z0-9]{1,20}/[A-Z0-9]{1,20}$")


def normalize_symbols(symbols: Sequence[str]) -> list[str]:
    """Upper-cased, de-duplicated in the given order; a malformed symbol is a 422."""
    seen: list[str] = []
    for raw in symbols:
        symbol = raw.strip().upper()
        if not _SYMBOL.match(symbol):
            raise ValidationFailedError(f"{raw!r} is not a symbol like BTC/USDT")
        if symbol not in seen:
            seen.append(symbol)
    return seen


async def watchlist_symbols(db: AsyncSession, user_id: int) -> list[str]:
    return await repository.watchlist_symbols(db, user_id)


async def watchlist_choices(db: AsyncSession) -> list[str]:
    """Every active symbol, by name (one per name across exchanges): what a user may pick."""
    symbols = await market_service.active_symbols_all(db)
    return sorted({symbol.symbol for symbol in symbols})


async def set_watchlist(
    db: AsyncSession, access: UserAccess, symbols: Sequence[str], now: datetime
) -> list[str]:
    """Replaces the user's watchlist; more than the tier allows is a 403 naming the tier."""
    wanted = normalize_symbols(symbols)
    access.require_watchlist(wanted)
    await repository.replace_watchlist(db, access.user_id, wanted, now)
    return wanted
