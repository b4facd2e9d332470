"""Helpers of the study tests that run replays: the real BTC-PERP month stored, a study
submitted (small windows allowed: the limits are the API's, the work is the same) and its rows
read back without ids and times."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.backtests import study_service
from cryptolens.backtests.study_schemas import StudyIn
from cryptolens.core.timeframes import DAY_MS
from cryptolens.db import unit_of_work
from cryptolens.market.candles import CandleSeries
from cryptolens.patterns.csv_input import read_candles_csv
from cryptolens.settings import Settings
from tests.data_files import candle_file
from tests.signals.conftest import store_symbol

# 2022-01-01 00:01: the first stored minute; a replay needs 14 days before its start.
FIRST_MINUTE = 1_640_991_660_000
START = FIRST_MINUTE + 14 * DAY_MS
GRID = {"default_rr": [2.5, 3.5]}


def btc_minutes() -> CandleSeries:
    series = read_candles_csv(candle_file("BTC-PERP_USD-1m.csv"))
    return CandleSeries(
        series.time, series.open, series.high, series.low, series.close, series.volume
    )


async def store_btc(factory: async_sessionmaker[AsyncSession]) -> int:
    return await store_symbol(factory, "BTC/USD", btc_minutes())


async def submit_small(
    factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    *,
    train_days: int = 3,
    test_days: int = 2,
    windows: int = 1,
    min_sample: int = 1,
) -> int:
    """A study of BTC/USD on train_days + test_days windows from START (below the API's
    minimum lengths, to keep the replays short; built unvalidated for that reason)."""
    body = StudyIn.model_construct(
        symbols=["BTC/USD"],
        start=START,
        end=START + (train_days + windows * test_days) * DAY_MS,
        grid=GRID,
        train_days=train_days,
        test_days=test_days,
        min_sample=min_sample,
    )
    async with unit_of_work(factory) as db:
        record = await study_service.submit(
            db, body, environment=settings, user_id=None, now=datetime.now(UTC)
        )
    return record.id


async def outcome_of(factory: async_sessionmaker[AsyncSession], study_id: int) -> dict[str, Any]:
    """The study's status, aggregates and window rows as the API shows them."""
    async with unit_of_work(factory) as db:
        study = await study_service.get_study(db, study_id)
        windows = await study_service.list_windows(db, study_id, None)
    return {
        "status": study.status,
        "error": study.error,
        "progress": study.progress,
        "aggregates": study.aggregates,
        "windows": [window.model_dump(mode="json") for window in windows],
    }
