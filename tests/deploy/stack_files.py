"""The shipped docker/ stack files, and the Debian tools that check them (nginx, promtool,
docker-compose: installed by .ci/run and `make test`).

A missing tool skips its checks on a developer's machine, but fails them loudly when the run
requires its services (CRYPTOLENS_TEST_REQUIRE_SERVICES=1, as CI sets), so CI never passes
without having run them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[2]
DOCKER = ROOT / "docker"
NGINX = DOCKER / "nginx"
PROMETHEUS = DOCKER / "prometheus"
COMPOSE_FILE = DOCKER / "compose.yaml"

TOOL_PACKAGES = {"nginx": "nginx", "promtool": "prometheus", "docker-compose": "docker-compose"}
TOOL_SECONDS = 120


def require_tool(name: str) -> str:
    """The tool's path; a skip without it, or a failure when the run requires its services."""
    path = shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name) if p.exists()), None
    )
    if path is not None:
        return path
    message = f"{name} is missing (Debian package {TOOL_PACKAGES.get(name, name)})"
    if os.environ.get("CRYPTOLENS_TEST_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{message}, and CRYPTOLENS_TEST_REQUIRE_SERVICES=1", pytrace=False)
    pytest.skip(message)


def run_tool(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Runs a checker; its output is in the assertion message when it fails."""
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TOOL_SECONDS,
        check=False,
    )


def output_of(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def compose() -> dict[str, Any]:
    document = load_yaml(COMPOSE_FILE)
    assert isinstance(document, dict), "compose.yaml is not a mapping"
    return document
