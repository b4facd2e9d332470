"""Where the tests find their data: real candle series and golden vectors, kept in tests/data
inside the repository (tests/data/README.md says what each file is and where it came from).
A missing file is an error, never a reason to skip."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
CANDLES = DATA / "candles"
GOLDEN = DATA / "golden"
GOLDEN_PATTERNS = GOLDEN / "patterns"
GOLDEN_EDGE_CASES = GOLDEN_PATTERNS / "edge-cases"
GOLDEN_SIGNALS = GOLDEN / "signals"


def candle_file(name: str) -> Path:
    """One real series by its file name, e.g. "ANON_BTC-1m.csv"."""
    path = CANDLES / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: the test data ships with the repository")
    return path


def real_series() -> list[Path]:
    """Every real candle series, by name. Fails rather than parametrizing a test with nothing."""
    paths = sorted(CANDLES.glob("*.csv"))
    if not paths:
        raise FileNotFoundError(f"no candle series in {CANDLES}")
    return paths
