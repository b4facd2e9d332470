"""Signals fixtures: the ANON/BTC 1m series and the golden replay, symbols and candles."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.market import service as market
from cryptolens.market.candles import CandleSeries
from cryptolens.patterns.csv_input import read_candles_csv
from tests.data_files import GOLDEN_SIGNALS, candle_file

ANON_CSV = candle_file("ANON_BTC-1m.csv")
GOLDEN = GOLDEN_SIGNALS / "ANON_BTC-1m.json"


def read_anon_minutes() -> CandleSeries:
    series = read_candles_csv(ANON_CSV)
    return CandleSeries(
        series.time, series.open, series.high, series.low, series.close, series.volume
    )


@pytest.fixture(scope="session")
def anon_minutes() -> CandleSeries:
    return read_anon_minutes()


@pytest.fixture(scope="session")
def golden() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(GOLDEN.read_text())
    return loaded


def head(series: CandleSeries, count: int) -> CandleSeries:
    return CandleSeries(
        series.open_time[:count],
        series.open[:count],
        series.high[:count],
        series.low[:count],
        series.close[:count],
        series.volume[:count],
    )


async def store_symbol(
    factory: async_sessionmaker[AsyncSession], name: str, minutes: CandleSeries
) -> int:
    async with unit_of_work(factory) as session:
        return (await market.store_replayed_minutes(session, name, minutes)).id
