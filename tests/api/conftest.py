"""Read-API fixtures: a small stored market (symbols, candles, patterns, one open signal)
shared by the read-API and access-memo tests."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms, unit_of_work, utcnow
from cryptolens.market.models import Candle, Symbol
from cryptolens.patterns.models import Pattern
from cryptolens.signals.models import Signal, SignalPattern

HOUR = 3_600_000


@pytest.fixture
async def market_rows(
    session_factory: async_sessionmaker[AsyncSession], clock: FrozenClock, app: FastAPI
) -> dict[str, int]:
    """BTC and ETH with candles, patterns of each type, and one open BTC signal."""
    return await store_market_rows(session_factory, to_ms(clock.now()))


async def store_market_rows(
    session_factory: async_sessionmaker[AsyncSession], now: int
) -> dict[str, int]:
    """The rows of `market_rows`, around `now` (ms); returns their ids by name."""
    ids: dict[str, int] = {}
    async with unit_of_work(session_factory) as session:
        for name in ("BTC/USDT", "ETH/USDT"):
            symbol = Symbol(
                symbol=name,
                exchange="binance",
                base=name[:3],
                quote="USDT",
                is_active=True,
                tick_size=0.01,
                price_precision=2,
                added_at=utcnow(),
            )
            session.add(symbol)
            await session.flush()
            ids[name] = symbol.id
            for minute in range(5):
                session.add(
                    Candle(
                        symbol_id=symbol.id,
                        timeframe="1h",
                        open_time=now - (5 - minute) * HOUR,
                        open=100.0 + minute,
                        high=102.0 + minute,
                        low=99.0 + minute,
                        close=101.0 + minute,
                        volume=10.0,
                    )
                )

        def pattern(symbol: str, timeframe: str, kind: str, direction: str, age_h: int) -> Pattern:
            formed = now - age_h * HOUR
            return Pattern(
                symbol_id=ids[symbol],
                timeframe=timeframe,
                type=kind,
                direction=direction,
                zone_low=100.0,
                zone_high=101.0,
                formed_at=formed,
                confirmed_at=formed + HOUR,
                expires_at=formed + 72 * HOUR,
                strength=0.6,
                status="active",
                fill_pct=0.0,
            )

        rows = [
            pattern("BTC/USDT", "1h", "fvg", "bullish", 3),
            pattern("BTC/USDT", "1h", "order_block", "bullish", 2),
            pattern("BTC/USDT", "4h", "fvg", "bearish", 8),
            pattern("BTC/USDT", "1h", "fvg", "bullish", 30),  # older than a free user's day
            pattern("ETH/USDT", "1h", "liquidity_sweep", "bearish", 1),
        ]
        session.add_all(rows)
        await session.flush()
        ids.update({f"pattern{index}": row.id for index, row in enumerate(rows)})
        signal = Signal(
            symbol_id=ids["BTC/USDT"],
            direction="long",
            entry=101.0,
            stop_loss=99.5,
            take_profit_1=102.5,
            take_profit_2=104.0,
            take_profit_3=105.5,
            risk_reward=3.0,
            risk=1.5,
            atr=2.0,
            buffer=1.0,
            confluence=2,
            timeframes="4h,1h",
            anchor_pattern_id=rows[0].id,
            anchor_type="fvg",
            anchor_timeframe="1h",
            anchor_expires_at=rows[0].expires_at,
            strength=0.6,
            status="triggered",
            created_at=now - HOUR,
            triggered_at=now - HOUR + 60_000,
            setup_stats=[
                {
                    "window_days": 30,
                    "count": 4,
                    "triggered": 3,
                    "wins": 2,
                    "decided": 3,
                    "win_rate": 2 / 3,
                    "resolved": 3,
                    "avg_r": 0.5,
                },
            ],
        )
        session.add(signal)
        await session.flush()
        session.add_all(
            [
                SignalPattern(signal_id=signal.id, pattern_id=rows[0].id, position=1),
                SignalPattern(signal_id=signal.id, pattern_id=rows[2].id, position=0),
            ]
        )
        ids["signal"] = signal.id
    return ids
