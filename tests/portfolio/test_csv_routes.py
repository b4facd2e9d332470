"""GET /portfolios/{id}/export.csv (shared/spec/portfolio.md "CSV export"), read back with
Python's csv module: the headers of a download, BOM, CRLF, the columns, rows by entry time
then id, filters, formula neutralisation of text cells only, and the limits (100,000 rows:
422 `export_too_large`; 10 files an hour: 429 `rate_limited`), whose errors stay JSON."""

from __future__ import annotations

import csv
import io
from datetime import UTC, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.portfolio import reports
from cryptolens.portfolio.csv_export import BOM, CSV_COLUMNS
from tests.clients import MakeUserClient
from tests.portfolio.conftest import API, code_of, data_of, new_portfolio, new_trade
from tests.portfolio.reports_helpers import HOUR, closed_trade, tag_trades

FORMULA = '=HYPERLINK("http://evil.example","x")'


def _rows(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8")
    assert text.endswith("\r\n")
    reader = csv.reader(io.StringIO(text.removeprefix(BOM), newline=""))
    header, *lines = list(reader)
    assert header == list(CSV_COLUMNS)
    return [dict(zip(header, line, strict=True)) for line in lines]


async def _export(http: httpx.AsyncClient, portfolio_id: int, **params: Any) -> httpx.Response:
    return await http.get(f"{API}/portfolios/{portfolio_id}/export.csv", params=params)


async def test_the_file_reads_back_in_entry_order_with_neutralised_text(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    clock: FrozenClock,
    session_factory: async_sessionmaker[AsyncSession],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reports, "EXPORT_BATCH", 2)  # the stream crosses batches
    user = await make_user_client("premium")
    pid = (await new_portfolio(user.http))["id"]
    start = (clock.now() - timedelta(days=2)).replace(microsecond=0)
    long = await closed_trade(
        user.http,
        pid,
        start,
        start + HOUR,
        "110",
        quantity="10",
        stop_loss="95",
        timeframe="1h",
        pattern_type="fvg",
        setup_notes=FORMULA,
        lessons="+1 for patience",
    )
    data_of(
        await user.http.patch(f"{API}/trades/{long['id']}", json={"exit_notes": "-5% then back"})
    )
    short = await closed_trade(
        user.http,
        pid,
        start - HOUR,
        start + 2 * HOUR,
        "53",
        symbol="ETH/USDT",
        direction="short",
        entry_price="50",
        stop_loss="52",
        fees="0.000000000001",
    )
    plan = await new_trade(user.http, pid, status="pending", symbol="SOL/USDT", entry_price="20.5")
    opened = await new_trade(
        user.http,
        pid,
        entry_time=(start + timedelta(minutes=30)).isoformat(),
        setup_notes='@here: "breakout", then\r\nretest',
    )
    await tag_trades(session_factory, user.user_id, "Breakout", [long["id"]])
    await tag_trades(session_factory, user.user_id, "-risky", [long["id"]])

    response = await _export(user.http, pid)
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    day = clock.now().astimezone(UTC).strftime("%Y%m%d")
    assert response.headers["content-disposition"] == (
        f'attachment; filename="portfolio-{pid}-{day}.csv"'
    )
    rows = _rows(response)
    # By entry time, then id; the plan without an entry time last.
    assert [int(row["id"]) for row in rows] == [short["id"], long["id"], opened["id"], plan["id"]]
    by_id = {int(row["id"]): row for row in rows}
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    assert by_id[long["id"]] == {
        "id": str(long["id"]),
        "symbol": "BTC/USDT",
        "direction": "long",
        "status": "closed",
        "timeframe": "1h",
        "pattern_type": "fvg",
        "signal_id": "",
        "entry_time": start.strftime(stamp),
        "entry_price": "100",
        "quantity": "10",
        "stop_loss": "95",
        "initial_stop_loss": "95",
        "take_profit": "",
        "exit_time": (start + HOUR).strftime(stamp),
        "exit_price": "110",
        "fees": "0",
        "pnl": "100",
        "pnl_pct": "10",
        "r_multiple": "2",
        "tags": "'-risky;Breakout",  # by name; the cell starts with "-": neutralised
        "setup_notes": "'" + FORMULA,
        "exit_notes": "'-5% then back",
        "lessons": "'+1 for patience",
    }
    # Numbers are never neutralised, negative ones included; decimals are plain digits.
    loser = by_id[short["id"]]
    assert (loser["pnl"], loser["pnl_pct"], loser["r_multiple"]) == ("-3", "-6", "-1.5")
    assert loser["fees"] == "0.000000000001" and loser["tags"] == ""
    assert by_id[opened["id"]]["setup_notes"] == '\'@here: "breakout", then\r\nretest'
    pending = by_id[plan["id"]]
    assert (pending["entry_time"], pending["quantity"], pending["pnl"]) == ("", "", "")
    assert pending["entry_price"] == "20.5"

    def ids(found: list[dict[str, str]]) -> list[int]:
        return [int(row["id"]) for row in found]

    assert ids(_rows(await _export(user.http, pid, status="closed"))) == [
        short["id"],
        long["id"],
    ]
    assert ids(_rows(await _export(user.http, pid, symbol="eth-usdt"))) == [short["id"]]
    # The window is on entry_time, since inclusive, until exclusive.
    since = _rows(await _export(user.http, pid, since=start.isoformat()))
    assert ids(since) == [long["id"], opened["id"]]
    until = _rows(await _export(user.http, pid, until=start.isoformat()))
    assert ids(until) == [short["id"]]
    assert _rows(await _export(user.http, pid, symbol="DOGE/USDT")) == []


async def test_over_the_row_limit_is_a_json_422_before_any_byte(
    make_user_client: MakeUserClient,
    symbols: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reports, "MAX_EXPORT_ROWS", 2)
    user = await make_user_client("premium")
    pid = (await new_portfolio(user.http))["id"]
    for _ in range(2):
        await new_trade(user.http, pid)
    assert len(_rows(await _export(user.http, pid))) == 2  # at the limit: served
    await new_trade(user.http, pid, status="pending")
    refused = await _export(user.http, pid)
    assert refused.status_code == 422 and code_of(refused) == "export_too_large"
    assert refused.headers["content-type"] == "application/json"
    assert "content-disposition" not in refused.headers
    # Narrower filters fit again.
    assert len(_rows(await _export(user.http, pid, status="open"))) == 2
    bad = await _export(user.http, pid, status="won")
    assert bad.status_code == 422 and code_of(bad) == "validation_error"


async def test_the_eleventh_file_in_an_hour_is_refused(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("pro")
    other = await make_user_client("pro")
    pid = (await new_portfolio(user.http))["id"]
    for _ in range(10):
        assert (await _export(user.http, pid)).status_code == 200
    refused = await _export(user.http, pid)
    assert refused.status_code == 429 and code_of(refused) == "rate_limited"
    assert refused.headers["content-type"] == "application/json"
    assert 0 < int(refused.headers["retry-after"]) <= 3600
    # Per user: another user's files are counted apart.
    other_pid = (await new_portfolio(other.http))["id"]
    assert (await _export(other.http, other_pid)).status_code == 200
