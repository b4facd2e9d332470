"""Maintenance jobs through the embedded runner: clean-up, statistics cache, database health."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms, unit_of_work, utcnow
from cryptolens.jobs.inline import InlineRunner
from cryptolens.market.models import Candle, Symbol
from cryptolens.patterns.models import Pattern
from cryptolens.signals.reads import EVERYTHING, stats_cache_key
from cryptolens.system.models import JobRun

MINUTE = 60_000


async def _symbol(session: AsyncSession, name: str, active: bool = True) -> Symbol:
    symbol = Symbol(
        symbol=name,
        exchange="binance",
        base=name.split("/", maxsplit=1)[0],
        quote="USDT",
        is_active=active,
        added_at=utcnow(),
    )
    session.add(symbol)
    await session.flush()
    return symbol


async def test_cleanup_expires_unfollowed_patterns_and_purges_old_runs(
    runner: InlineRunner,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    now = to_ms(clock.now())
    async with unit_of_work(session_factory) as session:
        dropped = await _symbol(session, "OLD/USDT", active=False)
        session.add(
            Pattern(
                symbol_id=dropped.id,
                timeframe="1h",
                type="fvg",
                direction="bullish",
                zone_low=1.0,
                zone_high=2.0,
                formed_at=now - 100 * 3_600_000,
                confirmed_at=now - 99 * 3_600_000,
                expires_at=now - 28 * 3_600_000,
                strength=0.5,
                status="active",
                fill_pct=0.0,
            )
        )
        # A 1m candle past the 30-day retention, and one inside it.
        for age_days in (31, 29):
            session.add(
                Candle(
                    symbol_id=dropped.id,
                    timeframe="1m",
                    open_time=now - age_days * 86_400_000,
                    open=1.0,
                    high=1.0,
                    low=1.0,
                    close=1.0,
                    volume=1.0,
                )
            )
        session.add(
            JobRun(
                name="scan_symbol",
                queue="default",
                started_at=clock.now() - timedelta(days=31),
                status="ok",
                candles_fetched=0,
                patterns_found=0,
                signals_created=0,
                notifications_sent=0,
            )
        )
    job_id = await runner.enqueue("expire_and_cleanup")
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "ok"
    assert outcome.counters is not None
    assert outcome.counters.details["patterns_expired"] == 1
    assert outcome.counters.details["job_runs_deleted"] == 1
    assert outcome.counters.details["candles_deleted"] == 1
    async with session_factory() as session:
        pattern = await session.scalar(select(Pattern))
        assert pattern is not None and pattern.status == "expired"
        assert pattern.expired_at == pattern.expires_at


async def test_refresh_stats_fills_the_cache(runner: InlineRunner) -> None:
    assert runner.ctx is not None
    key = await stats_cache_key(runner.ctx.cache, EVERYTHING)
    await runner.ctx.cache.delete(key)
    job_id = await runner.enqueue("refresh_stats")
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "ok"
    cached = await runner.ctx.cache.get(key)
    assert cached is not None and cached["symbols"] == 0


async def test_db_health_repairs_buckets_from_minutes_and_reports_bad_candles(
    runner: InlineRunner,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    now = to_ms(clock.now())
    start = now - now % (5 * MINUTE) - 10 * MINUTE
    async with unit_of_work(session_factory) as session:
        symbol = await _symbol(session, "BTC/USDT")
        for index in range(5):
            price = 100.0 + index
            session.add(
                Candle(
                    symbol_id=symbol.id,
                    timeframe="1m",
                    open_time=start + index * MINUTE,
                    open=price,
                    high=price + 1,
                    low=price - 1,
                    close=price + 0.5,
                    volume=1.0,
                )
            )
        # A stored 5m bucket that disagrees with its minutes, and a 1m candle breaking sanity.
        session.add(
            Candle(
                symbol_id=symbol.id,
                timeframe="5m",
                open_time=start,
                open=1.0,
                high=1.0,
                low=1.0,
                close=1.0,
                volume=1.0,
            )
        )
        session.add(
            Candle(
                symbol_id=symbol.id,
                timeframe="1m",
                open_time=start - 60 * MINUTE,
                open=10.0,
                high=5.0,
                low=1.0,
                close=2.0,
                volume=1.0,
            )
        )
    job_id = await runner.enqueue("db_health")
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "failed"
    assert outcome.error is not None and "BTC/USDT: 1 invalid candles" in outcome.error
    async with session_factory() as session:
        bucket = await session.scalar(
            select(Candle).where(Candle.timeframe == "5m", Candle.open_time == start)
        )
    assert bucket is not None
    assert (bucket.open, bucket.high, bucket.low, bucket.close, bucket.volume) == (
        100.0,
        105.0,
        99.0,
        104.5,
        5.0,
    )
