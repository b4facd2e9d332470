"""Pattern engine throughput on real candles, tiled to 100,000 and 1,000,000.

Prints candles per second of each detector and of the full pipeline (three detectors +
strength + suppression + lifecycle), the JIT warm-up apart, and the speed-up over the
plain-Python reference (tests/patterns/reference.py) and over the smartmoneyconcepts package
(fvg + ob + liquidity, its default swing length), both at 100,000 candles.

Run: .venv/bin/python bench/bench_patterns.py [--data-dir DIR] [--source FILE.csv]"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import ModuleType

import numpy as np

from cryptolens.core.timeframes import TIMEFRAME_MS, timeframe_ms
from cryptolens.patterns.csv_input import read_candles_csv
from cryptolens.patterns.detectors import (
    CandleSeries,
    candle_body,
    detect_patterns,
    find_fair_value_gaps,
    find_liquidity_sweeps,
    find_order_blocks,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = ROOT / "tests" / "data" / "candles"  # tests/data/README.md lists them
DEFAULT_SOURCE = "BTC-PERP_USD-1m.csv"
SIZES = (100_000, 1_000_000)
COMPARISON_SIZE = 100_000
MIN_ZONE_PCT = 0.15
TARGET_PIPELINE_S = 1.5  # on the 1,000,000 candles
TARGET_VS_REFERENCE = 100.0
TARGET_VS_SMC = 20.0


def tile(source: CandleSeries, count: int, candle_ms: int) -> CandleSeries:
    """Repeat the series up to `count` candles: each copy starts one candle after the previous
    one ends, and its prices are scaled so it opens where the previous copy closed."""
    copies = -(-count // len(source))
    span = int(source.time[-1] - source.time[0]) + candle_ms
    scales = np.ones(copies)
    step = source.close[-1] / source.open[0]
    for copy in range(1, copies):
        scales[copy] = scales[copy - 1] * step
    open_, high, low, close = (
        np.concatenate([column * scale for scale in scales])[:count]
        for column in (source.open, source.high, source.low, source.close)
    )
    return CandleSeries.from_arrays(
        np.concatenate([source.time + copy * span for copy in range(copies)])[:count],
        open_,
        high,
        low,
        close,
        np.tile(source.volume, copies)[:count],
    )


def best_time(run: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def load_reference() -> ModuleType:
    path = ROOT / "tests" / "patterns" / "reference.py"
    spec = importlib.util.spec_from_file_location("pattern_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def time_reference(candles: CandleSeries, timeframe: str) -> float:
    reference = load_reference()
    columns = [column.tolist() for column in candles.columns()]
    return best_time(lambda: reference.detect(*columns, timeframe, MIN_ZONE_PCT), 2)


def time_smartmoneyconcepts(candles: CandleSeries) -> float | None:
    try:
        import pandas as pd  # type: ignore[import-untyped]
        from smartmoneyconcepts import smc
    except ImportError:
        return None
    ohlc = pd.DataFrame(
        {
            "open": candles.open,
            "high": candles.high,
            "low": candles.low,
            "close": candles.close,
            "volume": candles.volume,
        }
    )

    def run() -> None:
        swings = smc.swing_highs_lows(ohlc)
        smc.fvg(ohlc)
        smc.ob(ohlc, swings)
        smc.liquidity(ohlc, swings)

    return best_time(run, 1)


def report(label: str, count: int, seconds: float) -> None:
    print(f"  {label:<24}{count / seconds / 1e6:8.2f} M candles/s  ({seconds * 1000:8.1f} ms)")


def verdict(label: str, value: str, met: bool) -> bool:
    print(f"  {label:<40}{value:>12}  {'ok' if met else 'MISSED'}")
    return met


def series_timeframe(path: Path) -> str:
    return next(part for part in path.stem.split("-") if part in TIMEFRAME_MS)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--source", default=DEFAULT_SOURCE, help="CSV file in the data dir")
    args = parser.parse_args()
    source_path: Path = args.data_dir / args.source
    if not source_path.exists():
        print(f"no benchmark data at {source_path}")
        return 1
    timeframe = series_timeframe(source_path)
    candle_ms = timeframe_ms(timeframe)
    source = read_candles_csv(source_path)
    print(f"source: {source_path.name} ({len(source):,} {timeframe} candles), tiled")

    # The first call compiles the numba kernels (or loads them from numba's on-disk cache).
    started = time.perf_counter()
    detect_patterns(source.head(2_000), timeframe)
    print(f"JIT warm-up (excluded below): {time.perf_counter() - started:.3f} s")

    pipeline_seconds: dict[int, float] = {}
    for count in SIZES:
        candles = tile(source, count, candle_ms)
        body = candle_body(candles)
        repeats = 20 if count <= COMPARISON_SIZE else 5
        print(f"\n{count:,} candles ({len(detect_patterns(candles, timeframe)):,} patterns kept)")
        detectors: dict[str, Callable[[], object]] = {
            "fvg": partial(find_fair_value_gaps, candles, MIN_ZONE_PCT),
            "order_block": partial(find_order_blocks, candles, body, MIN_ZONE_PCT),
            "liquidity_sweep": partial(find_liquidity_sweeps, candles, MIN_ZONE_PCT),
            "full pipeline": partial(detect_patterns, candles, timeframe),
        }
        timings = {label: best_time(run, repeats) for label, run in detectors.items()}
        for label, seconds in timings.items():
            report(label, count, seconds)
        pipeline_seconds[count] = timings["full pipeline"]

    comparison = tile(source, COMPARISON_SIZE, candle_ms)
    ours = pipeline_seconds[COMPARISON_SIZE]
    print(f"\nat {COMPARISON_SIZE:,} candles, full pipeline {ours * 1000:.1f} ms against:")
    reference_seconds = time_reference(comparison, timeframe)
    print(
        f"  plain-Python reference  {reference_seconds:8.3f} s  -> {reference_seconds / ours:7.1f}x"
    )
    smc_seconds = time_smartmoneyconcepts(comparison)
    if smc_seconds is None:
        print("  smartmoneyconcepts is not installed (uv sync --group bench)")
    else:
        print(f"  smartmoneyconcepts      {smc_seconds:8.3f} s  -> {smc_seconds / ours:7.1f}x")

    full_run = pipeline_seconds[SIZES[-1]]
    print("\ntargets:")
    met = verdict(
        f"full pipeline on {SIZES[-1]:,} < {TARGET_PIPELINE_S} s",
        f"{full_run:.3f} s",
        full_run < TARGET_PIPELINE_S,
    )
    met &= verdict(
        f">= {TARGET_VS_REFERENCE:.0f}x the reference",
        f"{reference_seconds / ours:.1f}x",
        reference_seconds / ours >= TARGET_VS_REFERENCE,
    )
    if smc_seconds is not None:
        met &= verdict(
            f">= {TARGET_VS_SMC:.0f}x smartmoneyconcepts",
            f"{smc_seconds / ours:.1f}x",
            smc_seconds / ours >= TARGET_VS_SMC,
        )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
