"""The trades CSV (shared/spec/portfolio.md "CSV export"), one line at a time so a large export
streams: a UTF-8 BOM (spreadsheets then read the file as UTF-8), the header, then one RFC 4180
line per trade with CRLF ends. Pure: the route queries, counts and sets the headers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

BOM = "\ufeff"
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "symbol",
    "direction",
    "status",
    "timeframe",
    "pattern_type",
    "signal_id",
    "entry_time",
    "entry_price",
    "quantity",
    "stop_loss",
    "initial_stop_loss",
    "take_profit",
    "exit_time",
    "exit_price",
    "fees",
    "pnl",
    "pnl_pct",
    "r_multiple",
    "tags",
    "setup_notes",
    "exit_notes",
    "lessons",
)
TAG_SEPARATOR = ";"  # tag names may not hold one, so the join is unambiguous
# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, kw_only=True)
class TradeCsvRow:
    """One trade as exported; times are UTC (a naive time is read as UTC)."""

    id: int
    symbol: str
    direction: str
    status: str
    timeframe: str | None
    pattern_type: str | None
    signal_id: int | None
    entry_time: datetime | None
    entry_price: Decimal
    quantity: Decimal | None
    stop_loss: Decimal | None
    initial_stop_loss: Decimal | None
    take_profit: Decimal | None
    exit_time: datetime | None
    exit_price: Decimal | None
    fees: Decimal
    pnl: Decimal | None
    pnl_pct: Decimal | None
    r_multiple: Decimal | None
    tags: Sequence[str] = ()
    setup_notes: str | None = None
    exit_notes: str | None = None
    lessons: str | None = None


def csv_decimal(value: Decimal | None) -> str:
    """Plain digits, never an exponent (Decimal("1E-8") -> "0.00000001"); no negative zero."""
    if value is None:
        return ""
    if value.is_zero():
        value = abs(value)
    return format(value, "f")


def csv_time(value: datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def csv_text(value: str | None) -> str:
    """Free text the user typed: a leading formula character gets a quote so it stays text."""
    if not value:
        return ""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _optional(value: object) -> str:
    return "" if value is None else str(value)


def _cells(row: TradeCsvRow) -> list[str]:
    return [
        str(row.id),
        row.symbol,
        row.direction,
        row.status,
        _optional(row.timeframe),
        _optional(row.pattern_type),
        _optional(row.signal_id),
        csv_time(row.entry_time),
        csv_decimal(row.entry_price),
        csv_decimal(row.quantity),
        csv_decimal(row.stop_loss),
        csv_decimal(row.initial_stop_loss),
        csv_decimal(row.take_profit),
        csv_time(row.exit_time),
        csv_decimal(row.exit_price),
        csv_decimal(row.fees),
        csv_decimal(row.pnl),
        csv_decimal(row.pnl_pct),
        csv_decimal(row.r_multiple),
        csv_text(TAG_SEPARATOR.join(row.tags)),
        csv_text(row.setup_notes),
        csv_text(row.exit_notes),
        csv_text(row.lessons),
    ]


class _Line:
    """One csv.writer over a reusable buffer: each call returns exactly the line it wrote."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)

    def __call__(self, cells: Iterable[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(cells)
        return self._buffer.getvalue()


def csv_header() -> str:
    """The file's first line: the BOM and the column names."""
    return BOM + _Line()(CSV_COLUMNS)


def csv_body(rows: Iterable[TradeCsvRow]) -> Iterator[str]:
    """One line per trade (a stream writes the header once, then its batches through this)."""
    line = _Line()
    for row in rows:
        yield line(_cells(row))


def csv_rows(rows: Iterable[TradeCsvRow]) -> Iterator[str]:
    """The file as text lines: the BOM and the header first, then one line per trade."""
    yield csv_header()
    yield from csv_body(rows)
