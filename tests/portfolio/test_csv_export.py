"""The trades CSV (shared/spec/portfolio.md "CSV export"): read back with the stdlib csv reader,
as a spreadsheet or a script would read it."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from cryptolens.portfolio.csv_export import BOM, CSV_COLUMNS, TradeCsvRow, csv_rows

D = Decimal
SPEC_COLUMNS = (
    "id,symbol,direction,status,timeframe,pattern_type,signal_id,entry_time,entry_price,"
    "quantity,stop_loss,initial_stop_loss,take_profit,exit_time,exit_price,fees,pnl,pnl_pct,"
    "r_multiple,tags,setup_notes,exit_notes,lessons"
)
TEXT_COLUMNS = ("tags", "setup_notes", "exit_notes", "lessons")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CLOSED = TradeCsvRow(
    id=7,
    symbol="BTC/USDT",
    direction="long",
    status="closed",
    timeframe="1h",
    pattern_type="fvg",
    signal_id=42,
    entry_time=datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=UTC),
    entry_price=D("100"),
    quantity=D("2"),
    stop_loss=D("95"),
    initial_stop_loss=D("95"),
    take_profit=D("120"),
    exit_time=datetime(2026, 1, 2, 9, 0, 0, tzinfo=UTC),
    exit_price=D("110"),
    fees=D("1"),
    pnl=D("19.00000000"),
    pnl_pct=D("9.5000"),
    r_multiple=D("1.9000"),
    tags=("breakout", "a+ setup"),
    setup_notes="Waited for the retest",
    exit_notes=None,
    lessons="",
)
PENDING = TradeCsvRow(
    id=8,
    symbol="ETH/USDT",
    direction="short",
    status="pending",
    timeframe=None,
    pattern_type=None,
    signal_id=None,
    entry_time=None,
    entry_price=D("3000.5"),
    quantity=None,
    stop_loss=None,
    initial_stop_loss=None,
    take_profit=None,
    exit_time=None,
    exit_price=None,
    fees=D("0"),
    pnl=None,
    pnl_pct=None,
    r_multiple=None,
)


def export(*rows: TradeCsvRow) -> str:
    return "".join(csv_rows(rows))


def read_back(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM)
    reader = csv.reader(io.StringIO(text.removeprefix(BOM), newline=""))
    header, *lines = list(reader)
    assert header == list(CSV_COLUMNS)
    return [dict(zip(header, line, strict=True)) for line in lines]


def test_columns_are_the_spec_s_in_its_order() -> None:
    assert ",".join(CSV_COLUMNS) == SPEC_COLUMNS


def test_bom_header_and_crlf_line_ends() -> None:
    text = export(CLOSED, PENDING)
    assert text.startswith(BOM + SPEC_COLUMNS + "\r\n")
    lines = text.split("\r\n")
    assert len(lines) == 4 and lines[-1] == ""  # header, two trades, a final CRLF
    assert "\n" not in text.replace("\r\n", "")
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_streams_one_line_per_trade() -> None:
    chunks = list(csv_rows(iter([CLOSED, PENDING, CLOSED])))
    assert len(chunks) == 4
    assert chunks[0] == BOM + SPEC_COLUMNS + "\r\n"
    assert all(chunk.endswith("\r\n") for chunk in chunks)


def test_a_closed_trade_reads_back() -> None:
    (row,) = read_back(export(CLOSED))
    assert row == {
        "id": "7",
        "symbol": "BTC/USDT",
        "direction": "long",
        "status": "closed",
        "timeframe": "1h",
        "pattern_type": "fvg",
        "signal_id": "42",
        "entry_time": "2026-01-02T03:04:05Z",
        "entry_price": "100",
        "quantity": "2",
        "stop_loss": "95",
        "initial_stop_loss": "95",
        "take_profit": "120",
        "exit_time": "2026-01-02T09:00:00Z",
        "exit_price": "110",
        "fees": "1",
        "pnl": "19.00000000",
        "pnl_pct": "9.5000",
        "r_multiple": "1.9000",
        "tags": "breakout;a+ setup",
        "setup_notes": "Waited for the retest",
        "exit_notes": "",
        "lessons": "",
    }


def test_null_is_an_empty_cell() -> None:
    (row,) = read_back(export(PENDING))
    for column in CSV_COLUMNS:
        if column not in {"id", "symbol", "direction", "status", "entry_price", "fees"}:
            assert row[column] == "", column
    assert row["fees"] == "0"


def test_times_are_utc_with_a_z() -> None:
    plus_two = timezone(timedelta(hours=2))
    shifted = replace(CLOSED, entry_time=datetime(2026, 1, 2, 5, 4, 5, tzinfo=plus_two))
    naive = replace(CLOSED, entry_time=datetime(2026, 1, 2, 3, 4, 5))  # noqa: DTZ001 - as SQLite gives
    rows = read_back(export(shifted, naive))
    assert [row["entry_time"] for row in rows] == ["2026-01-02T03:04:05Z"] * 2


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (D("1E-8"), "0.00000001"),
        (D("1E+3"), "1000"),
        (D("-2.5E-10"), "-0.00000000025"),
        (D("123456789012345678901234.12345678"), "123456789012345678901234.12345678"),
        (D("-0E-8"), "0.00000000"),
        (D("101.250"), "101.250"),
    ],
)
def test_decimals_are_plain_digits_never_an_exponent(value: Decimal, cell: str) -> None:
    (row,) = read_back(export(replace(CLOSED, pnl=value, quantity=value)))
    assert row["pnl"] == row["quantity"] == cell


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_a_text_cell_starting_a_formula_is_neutralised(start: str) -> None:
    formula = start + 'HYPERLINK("http://evil.example","x")'
    dangerous = replace(
        CLOSED,
        tags=(start + "tag", "second"),
        setup_notes=formula,
        exit_notes=formula,
        lessons=formula,
    )
    (row,) = read_back(export(dangerous))
    assert row["tags"] == "'" + start + "tag;second"
    for column in ("setup_notes", "exit_notes", "lessons"):
        assert row[column] == "'" + formula, column


def test_numeric_cells_are_never_neutralised() -> None:
    losing = replace(CLOSED, pnl=D("-3"), pnl_pct=D("-6.0000"), r_multiple=D("-1.5000"))
    (row,) = read_back(export(losing))
    assert (row["pnl"], row["pnl_pct"], row["r_multiple"]) == ("-3", "-6.0000", "-1.5000")


def test_a_formula_character_inside_the_text_is_left_alone() -> None:
    inside = replace(CLOSED, setup_notes="entry = 100 - fees", tags=("x", "=y"))
    (row,) = read_back(export(inside))
    assert row["setup_notes"] == "entry = 100 - fees"
    assert row["tags"] == "x;=y"  # only the cell's first character makes a formula


def test_commas_quotes_and_line_breaks_round_trip_rfc_4180() -> None:
    notes = 'Stop "moved", then\r\nexited early\nbecause, well'
    text = export(replace(CLOSED, setup_notes=notes, exit_notes="a\rb", lessons="é ü 中文"))
    assert '"Stop ""moved"", then\r\nexited early\nbecause, well"' in text
    (row,) = read_back(text)
    assert row["setup_notes"] == notes
    assert row["exit_notes"] == "a\rb"
    assert row["lessons"] == "é ü 中文"


def test_plain_cells_are_not_quoted() -> None:
    line = export(CLOSED).split("\r\n")[1]
    assert '"' not in line
    assert line.startswith("7,BTC/USDT,long,closed,1h,fvg,42,2026-01-02T03:04:05Z,100,2,")
