"""The watchlist screen's search (issue #17): GET /me/watchlist lists every active symbol as a
choice, whatever the tier shows now, once per name, without the deactivated ones."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work, utcnow
from cryptolens.market.models import Symbol
from tests.auth.helpers import API
from tests.clients import MakeUserClient

WATCHLIST = f"{API}/me/watchlist"


async def _add_symbol(
    factory: async_sessionmaker[AsyncSession], name: str, exchange: str, *, active: bool = True
) -> None:
    base, quote = name.split("/")
    async with unit_of_work(factory) as session:
        session.add(
            Symbol(
                symbol=name,
                exchange=exchange,
                base=base,
                quote=quote,
                is_active=active,
                tick_size=0.01,
                price_precision=2,
                added_at=utcnow(),
            )
        )


async def test_a_pro_user_may_pick_from_every_active_symbol(
    make_user_client: MakeUserClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await _add_symbol(session_factory, "ETH/USDT", "binance")
    await _add_symbol(session_factory, "BTC/USDT", "binance")
    await _add_symbol(session_factory, "BTC/USDT", "replay")
    await _add_symbol(session_factory, "LUNA/USDT", "binance", active=False)
    user = await make_user_client("pro")

    shown = (await user.http.get(WATCHLIST)).json()["data"]
    # The pro user follows nothing yet, but the search offers every active symbol.
    assert shown["symbols"] == []
    assert shown["choices"] == ["BTC/USDT", "ETH/USDT"]

    saved = await user.http.put(WATCHLIST, json={"symbols": ["ETH/USDT"]})
    assert saved.status_code == 200, saved.text
    assert saved.json()["data"]["following"] == ["ETH/USDT"]
    assert saved.json()["data"]["choices"] == ["BTC/USDT", "ETH/USDT"]
