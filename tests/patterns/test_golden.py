"""Every golden vector of tests/data/golden/patterns through the `detect` command: the four real
series and the 89 edge cases, bad input included (exit 2 on the expected line)."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import pytest

from cryptolens import cli
from cryptolens.patterns.commands import register
from tests.data_files import GOLDEN_EDGE_CASES, GOLDEN_PATTERNS, candle_file
from tests.patterns.compare import FIELDS, differences

TIMEFRAMES = ("1m", "5m", "15m", "30m", "1h", "2h", "4h", "1d")

CASES: list[dict[str, Any]] = json.loads((GOLDEN_EDGE_CASES / "cases.json").read_text())
REAL_SERIES = sorted(GOLDEN_PATTERNS.glob("*.json"))


def detect(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run `cryptolens detect` through its registered handler, as cli.main does."""
    parser = argparse.ArgumentParser(prog="cryptolens")
    register(parser.add_subparsers())
    args = parser.parse_args(["detect", *argv])
    status = args.handler(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def timeframe_of(name: str) -> str:
    return next(part for part in name.split("-") if part in TIMEFRAMES)


def test_the_corpus_is_complete() -> None:
    assert len(CASES) == 89
    assert sum(case["exit"] == 0 for case in CASES) == 52
    assert len(REAL_SERIES) == 4


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_edge_case(case: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    path = GOLDEN_EDGE_CASES / case["file"]
    argv = ["--input", str(path), "--timeframe", case["timeframe"]]
    if case["min_zone_pct"] is not None:
        argv += ["--min-zone-pct", str(case["min_zone_pct"])]

    status, out, err = detect(argv, capsys)

    assert status == case["exit"], err
    if status == 0:
        expected = json.loads((GOLDEN_EDGE_CASES / f"{path.stem}.expected.json").read_text())
        document = json.loads(out)
        assert document["candles"] == expected["candles"]
        assert document["timeframe"] == expected["timeframe"]
        assert differences(expected["patterns"], document["patterns"]) == []
        assert err == ""
        return
    assert out == ""
    expected_line = re.match(r"line (\d+): ", case["stderr"])
    if expected_line is None:  # an unknown timeframe: no file line to point at
        assert "unknown timeframe" in err and repr(case["timeframe"]) in err
        return
    reported = re.fullmatch(rf"{re.escape(str(path))}: line (\d+): (.+)\n", err)
    assert reported is not None, err
    assert reported.group(1) == expected_line.group(1)


@pytest.mark.parametrize("golden", REAL_SERIES, ids=[path.stem for path in REAL_SERIES])
def test_real_series(golden: Path, capsys: pytest.CaptureFixture[str]) -> None:
    timeframe = timeframe_of(golden.stem)
    status, out, err = detect(
        ["--input", str(candle_file(f"{golden.stem}.csv")), "--timeframe", timeframe], capsys
    )

    assert status == 0, err
    expected = json.loads(golden.read_text())
    document = json.loads(out)
    assert list(document) == ["patterns", "candles", "timeframe"]
    assert (document["candles"], document["timeframe"]) == (expected["candles"], timeframe)
    assert differences(expected["patterns"], document["patterns"]) == []


def test_csv_and_table_formats_carry_the_same_patterns(
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ["--input", str(GOLDEN_EDGE_CASES / "adv_0016_spikes-1d.csv"), "--timeframe", "1d"]
    document = json.loads(detect(base, capsys)[1])
    patterns = document["patterns"]
    assert patterns

    status, out, _ = detect([*base, "--format", "csv"], capsys)
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == ",".join(FIELDS)
    assert len(lines) == len(patterns) + 1
    for line, pattern in zip(lines[1:], patterns, strict=True):
        row = dict(zip(FIELDS, line.split(","), strict=True))
        assert row["formed_at"] == str(pattern["formed_at"])
        assert row["status"] == pattern["status"]
        assert float(row["zone_low"]) == pattern["zone_low"]
        filled_at = pattern["filled_at"]
        assert row["filled_at"] == ("" if filled_at is None else str(filled_at))

    status, out, _ = detect([*base, "--format", "table"], capsys)
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == [
        "type",
        "direction",
        "formed_at",
        "zone_low",
        "zone_high",
        "strength",
        "status",
        "fill_pct",
    ]
    assert len(lines) == len(patterns) + 2
    assert lines[-1] == f"{len(patterns)} patterns in {document['candles']} 1d candles"


def test_min_zone_pct_changes_the_zone_filter(capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--input", str(GOLDEN_EDGE_CASES / "adv_0001_float_walk-15m.csv"), "--timeframe", "15m"]
    default = json.loads(detect(base, capsys)[1])["patterns"]
    strict = json.loads(detect([*base, "--min-zone-pct", "0.5"], capsys)[1])["patterns"]
    assert len(strict) < len(default)
    assert all((p["zone_high"] - p["zone_low"]) / p["zone_low"] * 100 >= 0.5 for p in strict)


def test_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.csv"
    status, out, err = detect(["--input", str(missing), "--timeframe", "1h"], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(f"{missing}: ")


def test_negative_min_zone_pct_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        detect(["--input", "x.csv", "--timeframe", "1h", "--min-zone-pct", "-1"], capsys)
    assert exit_info.value.code == 2


def test_detect_is_a_cryptolens_command() -> None:
    assert "cryptolens.patterns.commands" in cli.COMMAND_MODULES
