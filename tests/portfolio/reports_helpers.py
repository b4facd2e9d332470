"""Helpers of the report tests (statistics, equity curve, CSV export): closed trades made
through the API as a user would, tags put on trades directly, and the spec's drawdown example."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.portfolio.models import Tag, TradeTag
from tests.portfolio.conftest import API, data_of, new_trade

HOUR = timedelta(hours=1)


async def closed_trade(
    http: httpx.AsyncClient,
    portfolio_id: int,
    entered: datetime,
    exited: datetime,
    exit_price: str,
    **body: Any,
) -> dict[str, Any]:
    """An open trade entered at `entered`, then closed at `exit_price` at `exited`."""
    trade = await new_trade(http, portfolio_id, entry_time=entered.isoformat(), **body)
    closed = await http.post(
        f"{API}/trades/{trade['id']}/close",
        json={"exit_price": exit_price, "exit_time": exited.isoformat()},
    )
    result: dict[str, Any] = data_of(closed)
    return result


async def spec_drawdown_trades(
    http: httpx.AsyncClient, portfolio_id: int, start: datetime
) -> list[dict[str, Any]]:
    """The spec's example on a 1,000 portfolio: +100, -300, +50, -100 (10 BTC at 100), closed
    an hour apart from `start` + 1 h. The first two are fvg 1h with stops (R 2 and -1.5), the
    third an order block without a timeframe (manual), the fourth plain (manual)."""
    ten = {"quantity": "10", "entry_price": "100"}
    return [
        await closed_trade(
            http,
            portfolio_id,
            start,
            start + HOUR,
            "110",
            stop_loss="95",
            pattern_type="fvg",
            timeframe="1h",
            **ten,
        ),
        await closed_trade(
            http,
            portfolio_id,
            start,
            start + 2 * HOUR,
            "70",
            stop_loss="80",
            pattern_type="fvg",
            timeframe="1h",
            **ten,
        ),
        await closed_trade(
            http, portfolio_id, start, start + 3 * HOUR, "105", pattern_type="order_block", **ten
        ),
        await closed_trade(http, portfolio_id, start, start + 4 * HOUR, "90", **ten),
    ]


async def tag_trades(
    session_factory: async_sessionmaker[AsyncSession],
    user_id: int,
    name: str,
    trade_ids: list[int],
) -> int:
    """A tag of the user's on those trades (written directly: the tag routes are not ours)."""
    async with unit_of_work(session_factory) as session:
        tag = Tag(user_id=user_id, name=name, name_key=name.casefold())
        session.add(tag)
        await session.flush()
        session.add_all(TradeTag(trade_id=trade_id, tag_id=tag.id) for trade_id in trade_ids)
        return tag.id
