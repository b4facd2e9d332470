"""The SPA's figures of issue #17, each a target that fails `make bench` when missed:

1. initial JS (the entry chunk and its static imports) < 300 kB gzip, from `npm run build`
   (which runs frontend/scripts/bundle-size.mjs);
2. the matrix of 50 symbols x 6 timeframes in the DOM < 200 ms after its data arrived, median of
   5 loads of /matrix in real Chromium (frontend/scripts/bench-matrix.mjs) against a real backend;
3. GET /api/v1/patterns?limit=500 with Accept-Encoding: gzip is at most a quarter of the bytes
   of the same response with Accept-Encoding: identity.

The backend is `cryptolens serve` (env=test: no demo accounts, bootstrap or scheduled jobs) on
a throwaway SQLite database seeded as bench_api.py seeds it (50 active symbols, 3 active
patterns on each of 6 timeframes, a premium user), serving a copy of the fresh build.

Run: .venv/bin/python bench/bench_spa.py [--loads N]"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

import httpx

from bench_api import (
    SERVER_ENV,
    SYMBOLS,
    TIMEFRAMES,
    BenchError,
    free_port,
    seed,
    sign_in,
    wait_until_live,
)
from cryptolens.models_registry import load_all_models
from cryptolens.settings import Settings

FRONTEND = Path(__file__).resolve().parent.parent / "frontend"
BUNDLE_BUDGET_KB = 300.0
MATRIX_BUDGET_MS = 200.0
COMPRESSION_TARGET = 0.25
PATTERNS_PATH = "/api/v1/patterns?limit=500"


def build_spa() -> float:
    """`npm run build` (Vite, then the bundle-size check); returns the initial JS in kB gzip."""
    npm = shutil.which("npm")
    if npm is None:
        raise BenchError("npm is not installed")
    if not (FRONTEND / "node_modules").is_dir():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=FRONTEND, check=True)
    done = subprocess.run(
        [npm, "run", "build"], cwd=FRONTEND, capture_output=True, text=True, check=False
    )
    found = re.search(r"^BUNDLE initial JS: ([\d.]+) kB gzip", done.stdout, re.MULTILINE)
    if found is None:  # Vite itself failed: no figure to judge
        raise BenchError(f"npm run build failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    start = done.stdout.index("Initial JS")
    print(done.stdout[start:].rstrip())
    return float(found[1])


def start_server(var_dir: Path, dist: Path, port: int, log: IO[str]) -> subprocess.Popen[str]:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("CRYPTOLENS_")}
    env = {
        **inherited,
        **SERVER_ENV,
        "CRYPTOLENS_VAR_DIR": str(var_dir),
        "CRYPTOLENS_DATABASE_URL": f"sqlite+aiosqlite:///{(var_dir / 'bench.db').as_posix()}",
        "CRYPTOLENS_FRONTEND_DIST": str(dist),
    }
    command = [sys.executable, "-m", "cryptolens.cli", "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--workers", "1"]
    return subprocess.Popen(command, env=env, cwd=var_dir, stdout=log, stderr=log, text=True)


def wire_bytes(client: httpx.Client, encoding: str) -> tuple[bytes, str]:
    """The patterns response as sent (not decoded) and its Content-Encoding."""
    with client.stream("GET", PATTERNS_PATH, headers={"Accept-Encoding": encoding}) as response:
        if response.status_code != 200:
            raise BenchError(f"GET {PATTERNS_PATH} answered {response.status_code}")
        raw = b"".join(response.iter_raw())
        return raw, response.headers.get("content-encoding", "identity")


def compression_ratio(base_url: str, cookie: str) -> float:
    with httpx.Client(base_url=base_url, headers={"Cookie": cookie}, timeout=30) as client:
        plain, plain_encoding = wire_bytes(client, "identity")
        packed, packed_encoding = wire_bytes(client, "gzip")
    if plain_encoding != "identity":
        raise BenchError(f"Accept-Encoding: identity was answered with {plain_encoding}")
    items = len(json.loads(plain)["data"])
    if packed_encoding == "gzip" and len(json.loads(gzip.decompress(packed))["data"]) != items:
        raise BenchError("the gzip answer holds other patterns than the identity one")
    ratio = len(packed) / len(plain)
    print(
        f"GET {PATTERNS_PATH} ({items} patterns): identity {len(plain):,} B, "
        f"Accept-Encoding gzip -> Content-Encoding {packed_encoding}, {len(packed):,} B"
    )
    return ratio


def matrix_loads(base_url: str, cookie: str, loads: int) -> list[dict[str, float]]:
    node = shutil.which("node")
    if node is None:
        raise BenchError("node is not installed")
    command = [node, "scripts/bench-matrix.mjs", "--base-url", base_url, "--cookie", cookie]
    command += ["--cells", str(SYMBOLS * len(TIMEFRAMES)), "--loads", str(loads)]
    done = subprocess.run(
        command, cwd=FRONTEND, capture_output=True, text=True, check=False, timeout=180
    )
    if done.returncode != 0:
        raise BenchError(f"bench-matrix.mjs failed ({done.returncode}):\n{done.stderr}")
    results: list[dict[str, float]] = json.loads(done.stdout.strip().splitlines()[-1])["loads"]
    return results


def verdict(met: bool) -> str:
    return "ok" if met else "MISSED"


def measure(args: argparse.Namespace) -> bool:
    bundle_kb = build_spa()
    load_all_models()
    with tempfile.TemporaryDirectory(prefix="bench-spa-") as tmp:
        var_dir = Path(tmp)
        # A copy: a parallel `npm run build` must not change the assets under the browser.
        dist = shutil.copytree(FRONTEND / "dist", var_dir / "dist")
        url = f"sqlite+aiosqlite:///{(var_dir / 'bench.db').as_posix()}"
        settings = Settings(_env_file=None, env="test", var_dir=var_dir, database_url=url)
        asyncio.run(seed(settings, SYMBOLS))
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        log_path = var_dir / "server.log"
        with log_path.open("w") as log:
            server = start_server(var_dir, dist, port, log)
            try:
                wait_until_live(server, base_url, log_path)
                cookie = sign_in(base_url)
                ratio = compression_ratio(base_url, cookie)
                loads = matrix_loads(base_url, cookie, args.loads)
            finally:
                server.terminate()
                try:
                    server.wait(10)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()

    dom = statistics.median(load["domMs"] for load in loads)
    frame = statistics.median(load["frameMs"] for load in loads)
    doms = " / ".join(f"{load['domMs']:.1f}" for load in loads)
    frames = " / ".join(f"{load['frameMs']:.1f}" for load in loads)
    print(
        f"matrix {SYMBOLS}x{len(TIMEFRAMES)} in Chromium 1440x900, after GET /api/v1/matrix's "
        f"last byte: cells in the DOM {doms} ms, next frame {frames} ms"
    )
    results = [
        (
            bundle_kb < BUNDLE_BUDGET_KB,
            f"initial JS {bundle_kb:.1f} kB gzip (< {BUNDLE_BUDGET_KB:g})",
        ),
        (
            dom < MATRIX_BUDGET_MS,
            f"matrix render, median of {len(loads)}: {dom:.1f} ms to the DOM, {frame:.1f} ms to "
            f"the next frame (< {MATRIX_BUDGET_MS:g} ms to the DOM)",
        ),
        (
            ratio <= COMPRESSION_TARGET,
            f"patterns?limit=500 compressed/uncompressed {ratio:.1%} (<= {COMPRESSION_TARGET:.0%})",
        ),
    ]
    print("\ntargets:")
    for met, line in results:
        print(f"  {line} {verdict(met)}")
    return all(met for met, _ in results)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--loads", type=int, default=5, help="loads of /matrix (median)")
    args = parser.parse_args()
    started = time.perf_counter()
    try:
        met = measure(args)
    except (BenchError, subprocess.SubprocessError) as error:
        print(f"bench_spa FAILED: {error}", file=sys.stderr)
        return 2
    print(f"(bench took {time.perf_counter() - started:.0f} s)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
