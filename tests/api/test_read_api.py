"""The read API (symbols, candles, patterns, signals, matrix, stats) through real HTTP with
signed-in users of each tier, on rows stored the way the scanner stores them."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client import REGISTRY
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms, unit_of_work
from cryptolens.patterns.models import Pattern
from cryptolens.resources import app_resources
from cryptolens.signals.reads import forget_matrix
from tests.api.conftest import HOUR
from tests.clients import MakeUserClient


async def test_reads_need_a_signed_in_user(
    client: httpx.AsyncClient, market_rows: dict[str, int]
) -> None:
    for path in ("/api/v1/symbols", "/api/v1/patterns", "/api/v1/signals", "/api/v1/matrix"):
        response = await client.get(path)
        assert response.status_code == 401, path
        assert response.json()["success"] is False


async def test_symbols_and_candles_within_the_tier(
    make_user_client: MakeUserClient, market_rows: dict[str, int]
) -> None:
    free = (await make_user_client("free")).http
    premium = (await make_user_client("premium")).http
    assert [s["symbol"] for s in (await free.get("/api/v1/symbols")).json()["data"]] == ["BTC/USDT"]
    listed = (await premium.get("/api/v1/symbols")).json()["data"]
    assert {s["symbol"] for s in listed} == {"BTC/USDT", "ETH/USDT"}

    candles = await premium.get("/api/v1/symbols/ETH-USDT/candles", params={"timeframe": "1h"})
    body = candles.json()
    assert candles.status_code == 200 and body["meta"]["count"] == 5
    assert [c["time"] for c in body["data"]] == sorted(c["time"] for c in body["data"])
    compact = await premium.get(
        "/api/v1/symbols/ETH-USDT/candles", params={"timeframe": "1h", "format": "compact"}
    )
    table = compact.json()["data"]
    assert compact.json()["meta"]["count"] == 5
    assert table["columns"] == ["time", "open", "high", "low", "close", "volume"]
    assert f"[{body['data'][0]['time']}," in compact.text  # times stay integers
    # Closed candles only (no include_forming): every object says `forming: false`.
    assert [
        {**dict(zip(table["columns"], row, strict=True)), "forming": False} for row in table["rows"]
    ] == body["data"]
    unknown_format = await premium.get("/api/v1/symbols/ETH-USDT/candles", params={"format": "csv"})
    assert unknown_format.status_code == 422

    denied = await free.get("/api/v1/symbols/ETH-USDT/candles", params={"timeframe": "1h"})
    assert denied.status_code == 403
    assert denied.json()["meta"]["code"] == "tier_required"
    assert denied.json()["error"] == "Requires pro tier"
    unknown = await premium.get("/api/v1/symbols/DOGE-USDT/candles")
    assert unknown.status_code == 404
    bad_tf = await premium.get("/api/v1/symbols/BTC-USDT/candles", params={"timeframe": "7m"})
    assert bad_tf.status_code == 422
    backwards = await premium.get(
        "/api/v1/symbols/BTC-USDT/candles", params={"start": "2024-01-02", "end": "2024-01-01"}
    )
    assert backwards.status_code == 422


async def test_patterns_filtered_by_tier_and_paginated(
    make_user_client: MakeUserClient, market_rows: dict[str, int]
) -> None:
    free = (await make_user_client("free")).http
    premium = (await make_user_client("premium")).http

    seen_free = (await free.get("/api/v1/patterns")).json()["data"]
    # Free: BTC only, FVGs only, the last 24 h only.
    assert {(p["symbol"], p["type"]) for p in seen_free} == {("BTC/USDT", "fvg")}
    assert all(p["id"] != market_rows["pattern3"] for p in seen_free)
    assert (await free.get("/api/v1/patterns", params={"type": "order_block"})).status_code == 403

    first = (await premium.get("/api/v1/patterns", params={"limit": 2})).json()
    assert first["meta"]["count"] == 2 and first["meta"]["next_cursor"]
    rest = (
        await premium.get(
            "/api/v1/patterns", params={"limit": 10, "cursor": first["meta"]["next_cursor"]}
        )
    ).json()
    ids = [p["id"] for p in first["data"] + rest["data"]]
    assert len(ids) == len(set(ids)) == 5
    confirmed = [p["confirmed_at"] for p in first["data"] + rest["data"]]
    assert confirmed == sorted(confirmed, reverse=True)

    eth = market_rows["pattern4"]
    assert (await premium.get(f"/api/v1/patterns/{eth}")).json()["data"]["symbol"] == "ETH/USDT"
    assert (await free.get(f"/api/v1/patterns/{eth}")).status_code == 404
    bad_cursor = await premium.get("/api/v1/patterns", params={"cursor": "nope"})
    assert bad_cursor.status_code == 422


async def test_signal_list_and_detail(
    make_user_client: MakeUserClient, market_rows: dict[str, int]
) -> None:
    pro = (await make_user_client("pro")).http
    listed = (await pro.get("/api/v1/signals")).json()
    assert [s["id"] for s in listed["data"]] == [market_rows["signal"]]
    detail = (await pro.get(f"/api/v1/signals/{market_rows['signal']}")).json()["data"]
    assert detail["timeframes"] == ["4h", "1h"]
    assert [p["id"] for p in detail["contributing_patterns"]] == [
        market_rows["pattern2"],
        market_rows["pattern0"],
    ]
    assert [event["status"] for event in detail["status_history"]] == ["pending", "triggered"]
    assert detail["setup_stats"][0]["win_rate"] == pytest.approx(2 / 3)
    assert (await pro.get("/api/v1/signals/999999")).status_code == 404


def _cache_hits() -> float:
    return REGISTRY.get_sample_value("cryptolens_cache_hits_total") or 0.0


async def test_matrix_is_served_from_cache_and_forgets_after_a_scan(
    make_user_client: MakeUserClient,
    market_rows: dict[str, int],
    app: FastAPI,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    premium = (await make_user_client("premium")).http
    first = await premium.get("/api/v1/matrix")
    assert first.status_code == 200
    rows = {row["symbol"]: row for row in first.json()["data"]}
    btc = {cell["timeframe"]: cell for cell in rows["BTC/USDT"]["cells"]}
    # Newest active 1h pattern is the order block (2 h old), with both BTC 1h bullish counted.
    assert btc["1h"]["type"] == "order_block" and btc["1h"]["bullish"] == 3
    assert btc["4h"]["direction"] == "bearish"
    assert btc["1m"]["pattern_id"] is None
    assert rows["BTC/USDT"]["open_signal"]["id"] == market_rows["signal"]

    hits = _cache_hits()
    second = await premium.get("/api/v1/matrix")
    assert second.json()["data"] == first.json()["data"]
    assert _cache_hits() == hits + 1

    # A scan stores a new 1h FVG on each symbol but reports the change for ETH only.
    async with unit_of_work(session_factory) as session:
        formed = to_ms(clock.now() - timedelta(minutes=30))
        for name in ("ETH/USDT", "BTC/USDT"):
            session.add(
                Pattern(
                    symbol_id=market_rows[name],
                    timeframe="1h",
                    type="fvg",
                    direction="bullish",
                    zone_low=1.0,
                    zone_high=2.0,
                    formed_at=formed,
                    confirmed_at=formed + 1000,
                    expires_at=formed + 72 * HOUR,
                    strength=0.9,
                    status="active",
                    fill_pct=0.0,
                )
            )
    await forget_matrix(app_resources(app).cache, market_rows["ETH/USDT"])
    third = {row["symbol"]: row for row in (await premium.get("/api/v1/matrix")).json()["data"]}
    eth_1h = next(cell for cell in third["ETH/USDT"]["cells"] if cell["timeframe"] == "1h")
    assert eth_1h["type"] == "fvg" and eth_1h["bullish"] == 1
    # BTC's row is reused from the cache: only the changed symbol was recomputed.
    assert third["BTC/USDT"] == rows["BTC/USDT"]
    await forget_matrix(app_resources(app).cache, market_rows["BTC/USDT"])
    fourth = {row["symbol"]: row for row in (await premium.get("/api/v1/matrix")).json()["data"]}
    btc_1h = next(cell for cell in fourth["BTC/USDT"]["cells"] if cell["timeframe"] == "1h")
    assert btc_1h["type"] == "fvg" and btc_1h["bullish"] == 4

    free = (await make_user_client("free")).http
    free_rows = (await free.get("/api/v1/matrix")).json()["data"]
    assert [row["symbol"] for row in free_rows] == ["BTC/USDT"]
    assert all(cell["type"] in (None, "fvg") for cell in free_rows[0]["cells"])


async def test_stats(make_user_client: MakeUserClient, market_rows: dict[str, int]) -> None:
    pro = (await make_user_client("pro")).http
    stats = (await pro.get("/api/v1/stats")).json()["data"]
    assert stats["symbols"] == 1  # a pro user without a watchlist follows BTC/USDT
    assert stats["active_patterns"]["fvg"] == {"bullish": 2, "bearish": 1}
    assert stats["signals_today"] in (0, 1)  # created an hour ago: today unless past midnight
    setups = await pro.get("/api/v1/stats/setups")
    assert setups.status_code == 200
    free = (await make_user_client("free")).http
    assert (await free.get("/api/v1/stats/setups")).status_code == 403
