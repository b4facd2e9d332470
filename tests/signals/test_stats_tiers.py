"""GET /stats and /stats/setups count what the caller's tier shows (a free user: BTC/USDT and
FVGs of the last 24 h; a pro user: the watchlist; premium: everything), and each setup line
carries its cumulative R over time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms, unit_of_work, utcnow
from cryptolens.market.models import Symbol
from cryptolens.patterns.models import Pattern
from cryptolens.signals.models import Signal
from cryptolens.signals.statistics import SignalRecord, cumulative_r
from tests.clients import MakeUserClient

HOUR = 3_600_000
DAY = 24 * HOUR


@pytest.fixture
def noon(clock: FrozenClock) -> int:
    """Today 12:00 UTC: "signals today" is then the last 12 hours, whatever the real time."""
    clock.set(datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0))
    return to_ms(clock.now())


async def _store(session_factory: async_sessionmaker[AsyncSession], now: int) -> None:
    async with unit_of_work(session_factory) as session:
        ids: dict[str, int] = {}
        for name in ("BTC/USDT", "ETH/USDT"):
            symbol = Symbol(
                symbol=name,
                exchange="binance",
                base=name[:3],
                quote="USDT",
                is_active=True,
                added_at=utcnow(),
            )
            session.add(symbol)
            await session.flush()
            ids[name] = symbol.id

        def pattern(symbol: str, kind: str, direction: str, age_h: int, status: str) -> Pattern:
            formed = now - age_h * HOUR
            return Pattern(
                symbol_id=ids[symbol],
                timeframe="1h",
                type=kind,
                direction=direction,
                zone_low=100.0,
                zone_high=101.0,
                formed_at=formed,
                confirmed_at=formed + HOUR,
                expires_at=formed + 200 * HOUR,
                strength=0.5,
                status=status,
                fill_pct=0.0,
            )

        active = [
            pattern("BTC/USDT", "fvg", "bullish", 3, "active"),
            pattern("BTC/USDT", "order_block", "bearish", 3, "active"),
            pattern("ETH/USDT", "fvg", "bullish", 3, "active"),
            pattern("BTC/USDT", "fvg", "bearish", 30, "active"),  # older than a free user's day
        ]
        anchors = [
            pattern("BTC/USDT", "fvg", "bullish", 5, "filled"),
            pattern("ETH/USDT", "order_block", "bullish", 5, "filled"),
            pattern("BTC/USDT", "order_block", "bullish", 90, "filled"),
        ]
        session.add_all(active + anchors)
        await session.flush()

        def signal(anchor: Pattern, created: int, tp1: bool, ended: int, outcome: float) -> Signal:
            return Signal(
                symbol_id=anchor.symbol_id,
                direction="long",
                entry=101.0,
                stop_loss=99.0,
                take_profit_1=103.0,
                take_profit_2=105.0,
                take_profit_3=107.0,
                risk_reward=3.0,
                move_stop_to_entry_after_tp1=True,
                risk=2.0,
                atr=None,
                buffer=1.0,
                confluence=2,
                timeframes="1h,15m",
                anchor_pattern_id=anchor.id,
                anchor_type=anchor.type,
                anchor_timeframe="1h",
                anchor_expires_at=anchor.expires_at,
                strength=0.5,
                status="tp3" if outcome > 0 else "stopped",
                outcome_r=outcome,
                created_at=created,
                triggered_at=created + 60_000,
                tp1_at=created + 120_000 if tp1 else None,
                tp3_at=ended if outcome > 0 else None,
                stopped_at=None if outcome > 0 else ended,
                setup_stats=[],
            )

        session.add_all(
            [
                # Today: BTC (FVG anchor) stopped at the entry after tp1; ETH (OB) stopped.
                signal(anchors[0], now - 4 * HOUR, True, now - 2 * HOUR, 0.0),
                signal(anchors[1], now - 3 * HOUR, False, now - HOUR, -1.0),
                # Three days ago: BTC (OB anchor) reached tp3.
                signal(anchors[2], now - 3 * DAY, True, now - 3 * DAY + 2 * HOUR, 3.0),
            ]
        )


async def test_stats_count_only_what_the_tier_shows(
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    noon: int,
) -> None:
    await _store(session_factory, noon)

    free = (await make_user_client("free")).http
    seen = (await free.get("/api/v1/stats")).json()["data"]
    assert seen["scope"] == {
        "symbols": ["BTC/USDT"],
        "pattern_types": ["fvg"],
        "pattern_history_hours": 24,
    }
    assert seen["symbols"] == 1
    assert seen["active_patterns"] == {"fvg": {"bullish": 1}}
    assert seen["signals_today"] == 1
    month = next(window for window in seen["overall"] if window["window_days"] == 30)
    # BTC/USDT's signals as the free user's signal list shows them (whatever their anchor).
    assert (month["count"], month["wins"], month["decided"], month["resolved"]) == (2, 2, 2, 2)
    assert month["avg_r"] == pytest.approx(1.5)

    pro = (await make_user_client("pro")).http
    put = await pro.put("/api/v1/auth/me/watchlist", json={"symbols": ["ETH/USDT"]})
    assert put.status_code == 200, put.text
    seen = (await pro.get("/api/v1/stats")).json()["data"]
    assert seen["scope"]["symbols"] == ["ETH/USDT"]
    assert seen["symbols"] == 1
    assert seen["active_patterns"] == {"fvg": {"bullish": 1}}
    assert seen["signals_today"] == 1
    month = next(window for window in seen["overall"] if window["window_days"] == 30)
    assert (month["count"], month["wins"], month["decided"], month["avg_r"]) == (1, 0, 1, -1.0)

    premium = (await make_user_client("premium")).http
    seen = (await premium.get("/api/v1/stats")).json()["data"]
    assert seen["scope"]["symbols"] is None
    assert seen["symbols"] == 2
    assert seen["active_patterns"] == {
        "fvg": {"bullish": 2, "bearish": 1},
        "order_block": {"bearish": 1},
    }
    assert seen["signals_today"] == 2
    month = next(window for window in seen["overall"] if window["window_days"] == 30)
    assert (month["count"], month["wins"], month["decided"], month["resolved"]) == (3, 2, 3, 3)
    assert month["avg_r"] == pytest.approx(2 / 3)


async def test_setup_lines_cover_the_watchlist_and_carry_cumulative_r(
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    noon: int,
) -> None:
    await _store(session_factory, noon)

    pro = (await make_user_client("pro")).http
    await pro.put("/api/v1/auth/me/watchlist", json={"symbols": ["ETH/USDT"]})
    lines = (await pro.get("/api/v1/stats/setups")).json()["data"]
    assert {line["symbol"] for line in lines} == {"ETH/USDT", None}
    overall = next(line for line in lines if line["symbol"] is None)
    # The every-symbol line covers the watchlist only.
    assert overall["windows"][0]["count"] == 1
    assert overall["cumulative_r"] == [[noon - HOUR, -1.0]]

    premium = (await make_user_client("premium")).http
    lines = (await premium.get("/api/v1/stats/setups")).json()["data"]
    overall = next(line for line in lines if line["symbol"] is None)
    # By outcome time: tp3 three days ago (+3), BTC at the entry (0), ETH stopped (-1).
    assert overall["cumulative_r"] == [
        [noon - 3 * DAY + 2 * HOUR, 3.0],
        [noon - 2 * HOUR, 3.0],
        [noon - HOUR, 2.0],
    ]
    btc_fvg = next(
        line for line in lines if line["symbol"] == "BTC/USDT" and line["anchor_type"] == "fvg"
    )
    assert btc_fvg["cumulative_r"] == [[noon - 2 * HOUR, 0.0]]


def _record(created: int, ended: int | None, outcome: float | None) -> SignalRecord:
    return SignalRecord(created, created, None, ended, outcome)


def test_cumulative_r_is_bounded_and_counts_known_outcomes_only() -> None:
    now = 100 * DAY
    records = [_record(now - DAY + i, now - DAY + 10 + i, 1.0) for i in range(5)]
    records += [
        _record(now - DAY, now + 1, 2.0),  # its outcome is not known yet
        _record(now - DAY, None, None),  # still open
        _record(now - 40 * DAY, now - 39 * DAY, 5.0),  # created before the window
    ]
    assert cumulative_r(records, now, 30) == [(now - DAY + 10 + i, i + 1.0) for i in range(5)]
    # The last points only, the sum running from the first one kept.
    assert cumulative_r(records, now, 30, limit=2) == [(now - DAY + 13, 1.0), (now - DAY + 14, 2.0)]
    assert cumulative_r(records, now, 90)[0] == (now - 39 * DAY, 5.0)
