"""Market fixtures: the fake Binance exchange on loopback, a ccxt source pointed at it with a
retry policy that records its waits instead of sleeping, and helpers to follow symbols."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.retry import RetryPolicy
from cryptolens.db import unit_of_work
from cryptolens.market import service
from cryptolens.market.candles import OHLCV
from cryptolens.market.models import Candle, CandleGap, Symbol
from cryptolens.market.sources.base import CandleSource
from cryptolens.market.sources.ccxt_source import CcxtSource
from tests.fakes.exchange import FakeExchange

# 2024-03-04 12:34:56.789 UTC: mid-minute, so the candle in progress is visibly partial.
FAKE_NOW_MS = 1_709_555_696_789
MINUTE = 60_000
DAY = 1_440 * MINUTE


@dataclass
class RecordedWaits:
    """A retry policy's sleeps, recorded instead of slept."""

    delays: list[float] = field(default_factory=list)

    async def sleep(self, seconds: float) -> None:
        self.delays.append(seconds)

    def policy(self, **overrides: object) -> RetryPolicy:
        return RetryPolicy(sleep=self.sleep, jitter=lambda: 0.5, **overrides)  # type: ignore[arg-type]


@pytest.fixture
def waits() -> RecordedWaits:
    return RecordedWaits()


@pytest.fixture
async def fake_exchange() -> AsyncIterator[FakeExchange]:
    exchange = FakeExchange(now_ms=FAKE_NOW_MS)
    await exchange.start()
    yield exchange
    await exchange.stop()


@pytest.fixture
async def exchange_source(
    fake_exchange: FakeExchange, waits: RecordedWaits
) -> AsyncIterator[CcxtSource]:
    """The real ccxt binance client on the fake; a slow answer (the fake's `delay_s`, 2 s in
    the tests) times out after 1 s. Not shorter: with the suite's workers sharing two cores an
    ordinary answer can take a few hundred ms, and its timeout would be an extra retry."""
    source = CcxtSource(
        "binance", api_url=fake_exchange.base_url, timeout_ms=1000, retry=waits.policy()
    )
    yield source
    await source.close()


async def follow(
    factory: async_sessionmaker[AsyncSession], source: CandleSource, names: Sequence[str]
) -> list[Symbol]:
    async with unit_of_work(factory) as session:
        listings = await source.list_markets()
        return [
            await service.follow_symbol(session, source, name, listings=listings) for name in names
        ]


async def stored_candles(
    factory: async_sessionmaker[AsyncSession], symbol: str, timeframe: str
) -> list[OHLCV]:
    async with factory() as session:
        rows = await session.execute(
            select(
                Candle.open_time, Candle.open, Candle.high, Candle.low, Candle.close, Candle.volume
            )
            .join(Symbol, Symbol.id == Candle.symbol_id)
            .where(Symbol.symbol == symbol, Candle.timeframe == timeframe)
            .order_by(Candle.open_time)
        )
        return [OHLCV(*row) for row in rows]


async def stored_gaps(
    factory: async_sessionmaker[AsyncSession], symbol: str
) -> list[tuple[int, int]]:
    async with factory() as session:
        rows = await session.execute(
            select(CandleGap.start_time, CandleGap.end_time)
            .join(Symbol, Symbol.id == CandleGap.symbol_id)
            .where(Symbol.symbol == symbol)
            .order_by(CandleGap.start_time)
        )
        return [(start, end) for start, end in rows]


async def symbol_row(factory: async_sessionmaker[AsyncSession], symbol: str) -> Symbol:
    async with factory() as session:
        row = await session.scalar(select(Symbol).where(Symbol.symbol == symbol))
        assert row is not None
        return row


def assert_same_candles(actual: Sequence[OHLCV], expected: Sequence[OHLCV]) -> None:
    """Times and prices equal; volumes equal up to float rounding (sums, 8-decimal wire)."""
    assert [c.open_time for c in actual] == [c.open_time for c in expected]
    assert [c[1:5] for c in actual] == [c[1:5] for c in expected]
    assert [c.volume for c in actual] == pytest.approx([c.volume for c in expected], rel=1e-9)
