"""`/admin/symbols` (admin.md, "Symbols") against the real ccxt client on the fake exchange:
adding a listed market queues a backfill that runs, the 409s and 422s, disabling (soft
delete) and enabling (backfill from the newest stored candle), loading a quote's markets as
inactive rows, and one audit row per write."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import func, select

from cryptolens.core.clock import FrozenClock
from cryptolens.market.models import Candle
from tests.admin.symbols_support import (
    SYMBOLS,
    Factory,
    advance,
    audit_rows,
    error_code,
    fake_exchange,
    market_settings,
    run_job,
    symbol_named,
    test_settings,
)
from tests.clients import MakeUserClient
from tests.fakes.exchange import FOREVER, FakeExchange

__all__ = ["fake_exchange", "market_settings", "test_settings"]

MINUTE = 60_000


async def _candle_count(factory: Factory, symbol_id: int, timeframe: str) -> int:
    async with factory() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(Candle)
            .where(Candle.symbol_id == symbol_id, Candle.timeframe == timeframe)
        )
        return int(count or 0)


async def _newest(factory: Factory, symbol_id: int, timeframe: str) -> int:
    async with factory() as session:
        newest = await session.scalar(
            select(func.max(Candle.open_time)).where(
                Candle.symbol_id == symbol_id, Candle.timeframe == timeframe
            )
        )
        assert newest is not None
        return int(newest)


async def test_adding_a_listed_market_queues_its_backfill_after_the_commit(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: Factory,
    fake_exchange: FakeExchange,
) -> None:
    admin = await make_user_client(admin=True)

    response = await admin.http.post(SYMBOLS, json={"symbol": "ada/usdt"})

    assert response.status_code == 201, response.text
    data = response.json()["data"]
    assert data["symbol"]["symbol"] == "ADA/USDT"
    assert data["symbol"]["is_active"] is True
    assert data["symbol"]["is_mandatory"] is False
    assert data["symbol"]["tick_size"] == 0.0001
    job_id = data["job_id"]
    assert job_id.startswith("backfill:ADA-USDT:")

    outcome = await run_job(app, job_id)

    assert outcome.status == "ok", outcome.error
    row = await symbol_named(session_factory, "ADA/USDT")
    assert row is not None and row.backfilled_at is not None
    # One day of 1m history (the depth in these settings), every higher timeframe fetched.
    assert await _candle_count(session_factory, row.id, "1m") >= 1_440
    for timeframe in ("5m", "15m", "1h", "4h", "1d"):
        assert await _candle_count(session_factory, row.id, timeframe) > 0
    [entry] = await audit_rows(session_factory)
    assert entry.action == "symbol.add"
    assert entry.actor_id == admin.user_id
    assert entry.target_type == "symbol" and entry.target_id == str(row.id)
    assert entry.before is None
    assert entry.after == {"symbol": "ADA/USDT", "is_active": True}


async def test_a_market_the_exchange_does_not_trade_is_unknown(
    make_user_client: MakeUserClient, session_factory: Factory, fake_exchange: FakeExchange
) -> None:
    admin = await make_user_client(admin=True)

    for name in ("DOGE/USDT", "LUNA/USDT"):  # not listed; listed but not trading
        response = await admin.http.post(SYMBOLS, json={"symbol": name})
        assert response.status_code == 422, response.text
        assert error_code(response.json()) == "unknown_symbol"
        assert await symbol_named(session_factory, name) is None
    assert await audit_rows(session_factory) == []


async def test_bad_bodies_are_validation_errors_naming_the_field(
    make_user_client: MakeUserClient, fake_exchange: FakeExchange
) -> None:
    admin = await make_user_client(admin=True)
    cases = [
        (SYMBOLS, {"symbol": "ADAUSDT"}, "symbol"),
        (SYMBOLS, {"symbol": "ADA/USDT", "is_active": True}, "is_active"),
        (f"{SYMBOLS}/load-markets", {"quote": "US DT"}, "quote"),
        (f"{SYMBOLS}/load-markets", {}, "quote"),
    ]
    for url, body, field in cases:
        response = await admin.http.post(url, json=body)
        assert response.status_code == 422, (body, response.text)
        assert error_code(response.json()) == "validation_error"
        assert field in response.text
    response = await admin.http.patch(f"{SYMBOLS}/BTC-USDT", json={"is_active": "no"})
    assert response.status_code == 422 and "is_active" in response.text
    response = await admin.http.patch(f"{SYMBOLS}/BTC_USDT", json={"is_active": False})
    assert response.status_code == 422 and "symbol" in response.text


async def test_an_active_symbol_is_a_conflict_and_an_inactive_one_is_re_enabled(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: Factory,
    fake_exchange: FakeExchange,
) -> None:
    admin = await make_user_client(admin=True)
    added = await admin.http.post(SYMBOLS, json={"symbol": "ADA/USDT"})
    assert added.status_code == 201
    assert (await run_job(app, added.json()["data"]["job_id"])).status == "ok"

    again = await admin.http.post(SYMBOLS, json={"symbol": "ADA/USDT"})
    assert again.status_code == 409
    assert error_code(again.json()) == "symbol_exists"

    disabled = await admin.http.patch(f"{SYMBOLS}/ADA-USDT", json={"is_active": False})
    assert disabled.status_code == 200, disabled.text
    re_added = await admin.http.post(SYMBOLS, json={"symbol": "ADA/USDT"})
    assert re_added.status_code == 201, re_added.text
    data = re_added.json()["data"]
    assert data["symbol"]["is_active"] is True and data["symbol"]["removed_at"] is None
    assert (await run_job(app, data["job_id"])).status == "ok"

    entries = await audit_rows(session_factory)
    assert [entry.action for entry in entries] == ["symbol.add", "symbol.update", "symbol.add"]
    assert entries[2].before == {"is_active": False}
    assert entries[2].after == {"is_active": True}


async def test_mandatory_symbols_cannot_be_disabled(
    make_user_client: MakeUserClient, session_factory: Factory, fake_exchange: FakeExchange
) -> None:
    admin = await make_user_client(admin=True)
    for name in ("BTC/USDT", "ETH/USDT"):
        assert (await admin.http.post(SYMBOLS, json={"symbol": name})).status_code == 201

    for url_name in ("BTC-USDT", "eth-usdt"):
        response = await admin.http.patch(f"{SYMBOLS}/{url_name}", json={"is_active": False})
        assert response.status_code == 409, response.text
        assert error_code(response.json()) == "symbol_mandatory"
    btc = await symbol_named(session_factory, "BTC/USDT")
    assert btc is not None and btc.is_active
    listed = (await admin.http.get(SYMBOLS)).json()["data"]
    assert {item["symbol"]: item["is_mandatory"] for item in listed} == {
        "BTC/USDT": True,
        "ETH/USDT": True,
    }
    # Only the two adds were written.
    assert [entry.action for entry in await audit_rows(session_factory)] == ["symbol.add"] * 2


async def test_disabling_keeps_the_candles_and_enabling_backfills_from_the_newest_one(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: Factory,
    fake_exchange: FakeExchange,
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    added = await admin.http.post(SYMBOLS, json={"symbol": "ADA/USDT"})
    assert (await run_job(app, added.json()["data"]["job_id"])).status == "ok"
    row = await symbol_named(session_factory, "ADA/USDT")
    assert row is not None
    minutes = await _candle_count(session_factory, row.id, "1m")
    newest_minute = await _newest(session_factory, row.id, "1m")
    newest_hour = await _newest(session_factory, row.id, "1h")

    disabled = await admin.http.patch(f"{SYMBOLS}/ADA-USDT", json={"is_active": False})

    assert disabled.status_code == 200, disabled.text
    assert disabled.json()["data"]["job_id"] is None
    assert disabled.json()["data"]["symbol"]["is_active"] is False
    row = await symbol_named(session_factory, "ADA/USDT")
    assert row is not None and not row.is_active and row.removed_at is not None
    assert await _candle_count(session_factory, row.id, "1m") == minutes  # soft delete
    active_only = (await admin.http.get(SYMBOLS, params={"is_active": "true"})).json()["data"]
    assert active_only == []

    advance(clock, fake_exchange, 90)
    fake_exchange.requests.clear()
    enabled = await admin.http.patch(f"{SYMBOLS}/ADA-USDT", json={"is_active": True})

    assert enabled.status_code == 200, enabled.text
    job_id = enabled.json()["data"]["job_id"]
    assert job_id is not None and job_id.startswith("backfill:ADA-USDT:")
    assert (await run_job(app, job_id)).status == "ok"
    by_interval = {
        request.params["interval"]: int(request.params["startTime"])
        for request in reversed(fake_exchange.klines_requests("ADAUSDT"))
    }
    # Each timeframe starts right after its newest stored candle, not at its depth.
    assert by_interval["1m"] == newest_minute + MINUTE
    assert by_interval["1h"] == newest_hour + 60 * MINUTE
    assert await _candle_count(session_factory, row.id, "1m") == minutes + 90
    row = await symbol_named(session_factory, "ADA/USDT")
    assert row is not None and row.is_active and row.backfilled_at is not None

    entries = await audit_rows(session_factory)
    assert [entry.action for entry in entries] == ["symbol.add", "symbol.update", "symbol.update"]
    assert entries[1].before == {"is_active": True} and entries[1].after == {"is_active": False}
    assert entries[2].before == {"is_active": False} and entries[2].after == {"is_active": True}


async def test_switching_an_unknown_symbol_is_not_found(
    make_user_client: MakeUserClient, session_factory: Factory, fake_exchange: FakeExchange
) -> None:
    admin = await make_user_client(admin=True)
    response = await admin.http.patch(f"{SYMBOLS}/DOGE-USDT", json={"is_active": True})
    assert response.status_code == 404
    assert error_code(response.json()) == "not_found"
    assert await audit_rows(session_factory) == []


async def test_load_markets_adds_the_quotes_markets_as_inactive_and_leaves_existing_ones(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: Factory,
    fake_exchange: FakeExchange,
) -> None:
    admin = await make_user_client(admin=True)
    assert (await admin.http.post(SYMBOLS, json={"symbol": "BTC/USDT"})).status_code == 201

    response = await admin.http.post(f"{SYMBOLS}/load-markets", json={"quote": "usdt"})

    assert response.status_code == 202, response.text
    job_id = response.json()["data"]["job_id"]
    outcome = await run_job(app, job_id)
    assert outcome.status == "ok", outcome.error
    assert outcome.counters is not None
    # ETH and ADA are new; BTC is already followed; LUNA does not trade; ADA/BTC is quoted in BTC.
    assert outcome.counters.details == {"added": 2, "existing": 1}
    listed = (await admin.http.get(SYMBOLS)).json()["data"]
    assert {item["symbol"]: item["is_active"] for item in listed} == {
        "BTC/USDT": True,
        "ETH/USDT": False,
        "ADA/USDT": False,
    }
    ada = next(item for item in listed if item["symbol"] == "ADA/USDT")
    assert ada["tick_size"] == 0.0001 and ada["freshness"] == "none" and ada["coverage"] == []

    again = await admin.http.post(f"{SYMBOLS}/load-markets", json={"quote": "USDT"})
    outcome = await run_job(app, again.json()["data"]["job_id"])
    assert outcome.counters is not None
    assert outcome.counters.details == {"added": 0, "existing": 3}

    entries = await audit_rows(session_factory)
    assert [entry.action for entry in entries] == [
        "symbol.add",
        "symbol.load_markets",
        "symbol.load_markets",
    ]
    assert entries[1].target_type == "symbol" and entries[1].target_id is None
    assert entries[1].after == {"quote": "USDT", "job_id": job_id}


async def test_the_list_filters_by_state_and_name(
    app: FastAPI,
    make_user_client: MakeUserClient,
    fake_exchange: FakeExchange,
) -> None:
    admin = await make_user_client(admin=True)
    load = await admin.http.post(f"{SYMBOLS}/load-markets", json={"quote": "USDT"})
    assert (await run_job(app, load.json()["data"]["job_id"])).status == "ok"
    added = await admin.http.post(SYMBOLS, json={"symbol": "ADA/USDT"})
    assert (await run_job(app, added.json()["data"]["job_id"])).status == "ok"

    async def names(**params: str) -> list[str]:
        response = await admin.http.get(SYMBOLS, params=params)
        assert response.status_code == 200, response.text
        return [item["symbol"] for item in response.json()["data"]]

    # Newest added first: load-markets added ADA, BTC, ETH in name order.
    assert await names() == ["ETH/USDT", "BTC/USDT", "ADA/USDT"]
    assert await names(is_active="true") == ["ADA/USDT"]
    assert await names(is_active="false") == ["ETH/USDT", "BTC/USDT"]
    assert await names(q="ada") == ["ADA/USDT"]
    assert await names(q="-usdt", is_active="false") == ["ETH/USDT", "BTC/USDT"]
    assert await names(q="%") == []
    first = await admin.http.get(SYMBOLS, params={"limit": "2"})
    cursor = first.json()["meta"]["next_cursor"]
    rest = await admin.http.get(SYMBOLS, params={"limit": "2", "cursor": cursor})
    assert [item["symbol"] for item in rest.json()["data"]] == ["ADA/USDT"]

    [ada] = (await admin.http.get(SYMBOLS, params={"q": "ADA/USDT"})).json()["data"]
    assert ada["freshness"] == "live"
    assert ada["is_mandatory"] is False
    assert ada["last_candle_time"] is not None


async def test_an_unreachable_exchange_is_a_503_and_changes_nothing(
    make_user_client: MakeUserClient, session_factory: Factory, fake_exchange: FakeExchange
) -> None:
    admin = await make_user_client(admin=True)
    fake_exchange.fail(endpoint="exchangeInfo", status=503, times=FOREVER)

    response = await admin.http.post(SYMBOLS, json={"symbol": "ADA/USDT"})

    assert response.status_code == 503, response.text
    assert error_code(response.json()) == "exchange_unavailable"
    # Two quick tries in a request, not a job's five.
    assert len([r for r in fake_exchange.requests if r.endpoint == "exchangeInfo"]) == 2
    assert await symbol_named(session_factory, "ADA/USDT") is None
    assert await audit_rows(session_factory) == []


async def test_enabling_an_active_symbol_changes_nothing_and_queues_nothing(
    make_user_client: MakeUserClient, session_factory: Factory, fake_exchange: FakeExchange
) -> None:
    admin = await make_user_client(admin=True)
    assert (await admin.http.post(SYMBOLS, json={"symbol": "BTC/USDT"})).status_code == 201

    response = await admin.http.patch(f"{SYMBOLS}/BTC-USDT", json={"is_active": True})

    assert response.status_code == 200, response.text
    assert response.json()["data"]["job_id"] is None
    assert response.json()["data"]["symbol"]["is_active"] is True
    entries = await audit_rows(session_factory)
    assert [entry.action for entry in entries] == ["symbol.add", "symbol.update"]
    assert entries[1].before == {} and entries[1].after == {}  # no field changed
