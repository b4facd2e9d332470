"""`cryptolens detect`: the patterns of a candle CSV, as JSON, CSV or a table."""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from cryptolens.core.timeframes import TIMEFRAME_MS, UnknownTimeframeError, timeframe_ms
from cryptolens.patterns.csv_input import CandleFileError, read_candles_csv
from cryptolens.patterns.detectors import (
    DEFAULT_MIN_ZONE_PCT,
    DetectedPatterns,
    PatternRow,
    detect_patterns,
)

BAD_INPUT = 2
OUTPUT_FIELDS = tuple(PatternRow.__annotations__)
TABLE_FIELDS = (
    "type",
    "direction",
    "formed_at",
    "zone_low",
    "zone_high",
    "strength",
    "status",
    "fill_pct",
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "detect",
        help="detect FVG, order block and liquidity sweep patterns in a candle CSV",
        description=(
            "Read closed candles (CSV with time,open,high,low,close,volume) and write every "
            "pattern with its strength and lifecycle. Bad input exits with status 2."
        ),
    )
    parser.add_argument("--input", required=True, metavar="FILE", help="candle CSV file")
    parser.add_argument(
        "--timeframe", required=True, metavar="TF", help=f"one of {' '.join(TIMEFRAME_MS)}"
    )
    parser.add_argument("--format", choices=("json", "csv", "table"), default="json")
    parser.add_argument(
        "--min-zone-pct",
        type=_zone_pct_setting,
        default=DEFAULT_MIN_ZONE_PCT,
        metavar="X",
        help=f"smallest zone height in %% of its low (default {DEFAULT_MIN_ZONE_PCT})",
    )
    parser.set_defaults(handler=run_detect)


def _zone_pct_setting(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"must be a number >= 0, got {text!r}")
    return value


def run_detect(args: argparse.Namespace) -> int:
    try:
        timeframe_ms(args.timeframe)
    except UnknownTimeframeError as error:
        print(f"cryptolens detect: {error}", file=sys.stderr)
        return BAD_INPUT
    try:
        candles = read_candles_csv(Path(args.input))
    except CandleFileError as error:
        print(f"{args.input}: line {error.line}: {error.reason}", file=sys.stderr)
        return BAD_INPUT
    except OSError as error:
        print(f"{args.input}: cannot read: {error.strerror}", file=sys.stderr)
        return BAD_INPUT

    detected = detect_patterns(candles, args.timeframe, min_zone_pct=args.min_zone_pct)
    {"json": write_json, "csv": write_csv, "table": write_table}[args.format](detected, sys.stdout)
    return 0


def write_json(detected: DetectedPatterns, out: TextIO) -> None:
    document = {
        "patterns": detected.rows(),
        "candles": detected.candle_count,
        "timeframe": detected.timeframe,
    }
    out.write(json.dumps(document) + "\n")


def write_csv(detected: DetectedPatterns, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OUTPUT_FIELDS)
    for row in detected.rows():
        values: dict[str, object] = dict(row)
        writer.writerow(["" if values[field] is None else values[field] for field in OUTPUT_FIELDS])


def write_table(detected: DetectedPatterns, out: TextIO) -> None:
    """Aligned columns for reading in a terminal; times as UTC."""
    lines = [list(TABLE_FIELDS)]
    for row in detected.rows():
        lines.append(
            [
                row["type"],
                row["direction"],
                _utc(row["formed_at"]),
                repr(row["zone_low"]),
                repr(row["zone_high"]),
                f"{row['strength']:.4f}",
                row["status"],
                f"{row['fill_pct']:.1f}",
            ]
        )
    widths = [max(len(line[column]) for line in lines) for column in range(len(TABLE_FIELDS))]
    for line in lines:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        out.write("\n")
    out.write(f"{len(detected)} patterns in {detected.candle_count} {detected.timeframe} candles\n")


def _utc(instant_ms: int) -> str:
    return datetime.fromtimestamp(instant_ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M")
