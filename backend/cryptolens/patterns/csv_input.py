"""The candle CSV of `cryptolens detect`: header matching, time formats and the bad-input rules,
each reported with its 1-based physical line (the header is line 1); the first bad line wins."""

from __future__ import annotations

import csv
import math
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from cryptolens.patterns.detectors.candles import CandleSeries

CANDLE_COLUMNS = ("time", "open", "high", "low", "close", "volume")
PRICE_COLUMNS = ("open", "high", "low", "close")

# Plain decimals, optionally with an exponent; no nan/inf, hex, underscores or commas.
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_INTEGER = re.compile(r"[+-]?\d+")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_MS = timedelta(milliseconds=1)


class CandleFileError(ValueError):
    """Bad input in a candle CSV: `line` is the 1-based physical line, `reason` what is wrong."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def read_candles_csv(path: Path) -> CandleSeries:
    """Read and check a candle file; raises CandleFileError on bad input, OSError if unreadable."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CandleFileError(raw[: error.start].count(b"\n") + 1, "not UTF-8 text") from None
    return parse_candles_csv(text)


def parse_candles_csv(text: str) -> CandleSeries:
    lines = [line.removesuffix("\r") for line in text.removeprefix("\ufeff").split("\n")]
    numbered = ((number, line) for number, line in enumerate(lines, start=1) if line.strip())

    header_line, header = next(numbered, (1, ""))
    names = [name.strip().lower() for name in _fields(header)]
    missing = [column for column in CANDLE_COLUMNS if column not in names]
    if missing:
        raise CandleFileError(header_line, f"missing column(s): {', '.join(missing)}")
    position = {column: names.index(column) for column in CANDLE_COLUMNS}

    times: list[int] = []
    values: dict[str, list[float]] = {column: [] for column in CANDLE_COLUMNS[1:]}
    for number, line in numbered:
        fields = _fields(line)
        if len(fields) < len(names):
            raise CandleFileError(
                number, f"short row: expected {len(names)} fields, got {len(fields)}"
            )
        try:
            time = _parse_time(fields[position["time"]])
            candle = {column: _parse_decimal(column, fields[position[column]]) for column in values}
            if times:
                _check_after(time, times[-1])
            _check_candle(candle)
        except ValueError as error:
            raise CandleFileError(number, str(error)) from None
        times.append(time)
        for column, value in candle.items():
            values[column].append(value)

    return CandleSeries.from_arrays(
        np.array(times, dtype=np.int64), *(np.array(values[column]) for column in values)
    )


def _fields(line: str) -> list[str]:
    # Plain rows are split directly; csv handles the rare quoted field.
    if '"' not in line:
        return line.split(",")
    return next(csv.reader([line]))


def _parse_decimal(column: str, text: str) -> float:
    stripped = text.strip()
    if _DECIMAL.fullmatch(stripped):
        value = float(stripped)
        if math.isfinite(value):
            return value
    raise ValueError(f"{column} is not a plain decimal number: {text!r}")


def _parse_time(text: str) -> int:
    """Integer ms since the epoch, or ISO-8601 (naive means UTC; a date alone is midnight)."""
    stripped = text.strip()
    if _INTEGER.fullmatch(stripped):
        return int(stripped)
    try:
        moment = datetime.fromisoformat(stripped)
    except ValueError:
        raise ValueError(f"time is not integer ms or an ISO-8601 time: {text!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - _EPOCH) // _ONE_MS


def _check_after(time: int, previous: int) -> None:
    if time == previous:
        raise ValueError(f"duplicate time {time}")
    if time < previous:
        raise ValueError(f"times not increasing ({time} after {previous})")


def _check_candle(candle: dict[str, float]) -> None:
    open_, high, low, close = (candle[column] for column in PRICE_COLUMNS)
    if high < low:
        raise ValueError(f"high < low ({high} < {low})")
    if high < max(open_, close):
        raise ValueError(f"high < max(open, close) ({high} < {max(open_, close)})")
    if low > min(open_, close):
        raise ValueError(f"low > min(open, close) ({low} > {min(open_, close)})")
    for column in PRICE_COLUMNS:
        if candle[column] <= 0:
            raise ValueError(f"{column} <= 0 ({candle[column]})")
    if candle["volume"] < 0:
        raise ValueError(f"volume < 0 ({candle['volume']})")
