"""The `cryptolens` market commands, run in-process against a migrated SQLite file and the
fake exchange serving from its own thread."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cryptolens import cli
from cryptolens.db import create_engine
from cryptolens.settings import Settings, get_settings
from cryptolens.system import migrations
from tests.data_files import candle_file
from tests.fakes.exchange import FakeExchange, dead_port_url
from tests.fakes.exchange_data import generated_market
from tests.market.conftest import DAY, FAKE_NOW_MS, MINUTE


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "cli.db"
    url = f"sqlite+aiosqlite:///{path.as_posix()}"

    async def migrate() -> None:
        engine = create_engine(url, Settings(_env_file=None, database_url=url))  # type: ignore[call-arg]
        await migrations.upgrade(engine)
        await engine.dispose()

    asyncio.run(migrate())
    monkeypatch.setenv("CRYPTOLENS_DATABASE_URL", url)
    monkeypatch.setenv("CRYPTOLENS_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("CRYPTOLENS_DEFAULT_SYMBOLS", '["BTC/USDT"]')
    get_settings.cache_clear()
    # The commands configure logging for a terminal; keep pytest's capture in place after.
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield path
    root.handlers[:], root.level = handlers, level
    get_settings.cache_clear()


@pytest.fixture
def exchange(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeExchange]:
    fake = FakeExchange(now_ms=FAKE_NOW_MS)
    for seed, base in enumerate(["BTC", "ETH"]):
        fake.add_market(
            generated_market(
                base, "USDT", start_ms=FAKE_NOW_MS - 2 * DAY, end_ms=FAKE_NOW_MS, seed=seed
            )
        )
    with fake.serving_in_thread() as url:
        monkeypatch.setenv("CRYPTOLENS_EXCHANGE_API_URL", url)
        get_settings.cache_clear()
        yield fake


def rows(database: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as connection:
        return connection.execute(query).fetchall()


@pytest.mark.usefixtures("exchange")
def test_symbols_are_added_fetched_listed_and_removed(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["symbols", "add", "btc/usdt", "ETH-USDT", "--no-backfill"]) == 0
    assert "following BTC/USDT, ETH/USDT on binance" in capsys.readouterr().out

    assert cli.main(["fetch", "--timeframe", "1m", "--since", "2024-03-04T10:00:00Z"]) == 0
    out = capsys.readouterr().out
    since = 1_709_546_400_000  # 2024-03-04 10:00 UTC
    minutes = (FAKE_NOW_MS - FAKE_NOW_MS % MINUTE - since) // MINUTE
    # The higher timeframes of the window are rebuilt from its minutes.
    assert f"BTC/USDT       1m={minutes} 5m=30 15m=10 1h=2 4h=0 1d=0  ok" in out
    assert f"2 symbols from binance: {2 * (minutes + 42)} candles stored, 0 failed" in out
    assert rows(database, "select count(*) from candles where timeframe = '1m'") == [(2 * minutes,)]

    assert cli.main(["symbols", "remove", "ETH/USDT"]) == 0
    assert "removed ETH/USDT from binance (candles kept)" in capsys.readouterr().out
    assert cli.main(["symbols", "list", "--all"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].split()[:3] == ["BTC/USDT", "binance", "active"]
    assert listing[1].split()[:3] == ["ETH/USDT", "binance", "removed"]
    assert rows(database, "select count(*) from candles where timeframe = '1m'") == [(2 * minutes,)]


@pytest.mark.usefixtures("exchange")
def test_a_symbol_the_exchange_does_not_list_is_refused(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["symbols", "add", "DOGE/USDT"]) == 1
    assert "binance lists no spot market DOGE/USDT" in capsys.readouterr().err
    assert rows(database, "select count(*) from symbols") == [(0,)]


def test_fetch_fails_clearly_when_the_exchange_cannot_be_reached(
    database: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRYPTOLENS_EXCHANGE_API_URL", dead_port_url())
    get_settings.cache_clear()
    assert cli.main(["fetch"]) == 3
    err = capsys.readouterr().err
    assert "cannot reach exchange binance at http://127.0.0.1:" in err
    assert "ExchangeNotAvailable" in err


def test_a_failing_symbol_makes_the_exit_status_non_zero(
    database: Path, exchange: FakeExchange, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["symbols", "add", "BTC/USDT", "ETH/USDT", "--no-backfill"]) == 0
    exchange.fail(
        endpoint="klines",
        symbol="ETHUSDT",
        status=400,
        body='{"code":-1121,"msg":"Invalid symbol."}',
        times=-1,
    )
    assert cli.main(["fetch", "--timeframe", "1m", "--since", str(FAKE_NOW_MS - 30 * MINUTE)]) == 1
    out = capsys.readouterr().out
    assert (
        "ETH/USDT" in out and "FAILED: Exchange error: binance: fetch 1m candles of ETH/USDT" in out
    )
    assert "BTC/USDT       1m=29 5m=5" in out  # since was mid-minute
    assert rows(database, "select last_fetch_error is not null from symbols order by symbol") == [
        (0,),
        (1,),
    ]


@pytest.mark.usefixtures("exchange")
def test_adding_a_symbol_backfills_it(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["symbols", "add", "BTC/USDT"]) == 0
    out = capsys.readouterr().out
    assert "(backfilled)" in out and "0 failed" in out
    # The exchange has two days of history: every closed candle of them, per timeframe.
    counts = dict(rows(database, "select timeframe, count(*) from candles group by timeframe"))
    assert counts["1m"] == 2 * 1_440
    # The exchange's first hour began at the listing, mid-hour: partial, so not stored.
    assert counts["1h"] == 47
    assert rows(database, "select backfilled_at is not null from symbols") == [(1,)]


def test_dates_must_be_dates(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        cli.main(["fetch", "--since", "yesterday-ish"])
    assert usage.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_demo_loads_the_replay_market(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["demo", "--seed", "5"]) == 0
    out = capsys.readouterr().out
    assert "BTC/USDT" in out and "(backfilled)" in out and "1 symbols from replay" in out
    timeframes = dict(rows(database, "select timeframe, count(*) from candles group by timeframe"))
    assert set(timeframes) == {"1m", "5m", "15m", "1h", "4h", "1d"}
    assert min(timeframes.values()) > 70
    assert rows(database, "select exchange, backfilled_at is not null from symbols") == [
        ("replay", 1)
    ]


def test_demo_can_replay_real_candles_from_a_file(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    minute_file = candle_file("BTC-PERP_USD-1m.csv")
    assert cli.main(["demo", "--csv", f"BTC/USD={minute_file}"]) == 0
    assert "1 symbols from replay" in capsys.readouterr().out
    counts = dict(rows(database, "select timeframe, count(*) from candles group by timeframe"))
    assert counts["1d"] == 31  # 1d: the whole month of the file
    [(oldest, newest)] = rows(
        database, "select min(open_time), max(open_time) from candles where timeframe = '1m'"
    )
    now_ms = time.time() * 1000
    # Moved forward by whole days, so the file ends within the last day, whatever the hour.
    assert 0 <= now_ms - int(newest) < 86_400_000
    # 1m goes back its 14 days from now, every minute of them that the file covers.
    assert int(oldest) <= now_ms - 14 * 86_400_000 + 60_000
    assert counts["1m"] == (int(newest) - int(oldest)) // 60_000 + 1


def test_demo_refuses_a_missing_file(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["demo", "--csv", "BTC/USD=/no/such/file.csv"])
    assert "expected SYMBOL=FILE" in capsys.readouterr().err
