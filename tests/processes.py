"""Real `cryptolens serve` processes for tests that need production's shape: several processes
sharing MariaDB and Redis, signals (SIGTERM, SIGKILL) and sockets of their own."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.db import create_session_factory
from tests.signals.conftest import head, read_anon_minutes, store_symbol

API_STARTUP_SECONDS = 90


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class ApiProcess:
    process: subprocess.Popen[bytes]
    base_url: str
    log_path: Path

    def log_tail(self, chars: int = 4000) -> str:
        """The log's end, and its first traceback when that lies before the end: a worker
        that failed to start says why long before its siblings' last lines."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        tail = text[-chars:]
        first_error = text.find("Traceback")
        if 0 <= first_error < len(text) - chars:
            return f"{text[first_error : first_error + chars]}\n[...]\n{tail}"
        return tail

    async def wait_live(self, within_seconds: float = API_STARTUP_SECONDS) -> None:
        deadline = time.monotonic() + within_seconds
        async with httpx.AsyncClient(base_url=self.base_url, timeout=2) as http:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise AssertionError(
                        f"the API process exited ({self.process.returncode}):\n{self.log_tail()}"
                    )
                try:
                    if (await http.get("/api/health/live")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.25)
        raise AssertionError(f"the API process was not live within {within_seconds} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_api(
    workdir: Path,
    *,
    database_url: str,
    redis_url: str | None,
    env: Mapping[str, str] | None = None,
    workers: int = 1,
    app_module: str | None = None,
) -> ApiProcess:
    """`cryptolens serve` as deployed beside workers: no jobs of its own, the replay data
    source (start-up asks no exchange), no SPA, no developer .env (its cwd is `workdir`).
    `env` adds or overrides CRYPTOLENS_ variables, and wins over the test runner's own.
    `app_module`: a test module run instead (`python -m app_module --host --port`) that serves
    the app with test-only routes added, e.g. tests.system.error_routes."""
    port = free_port()
    inherited = {
        name: value for name, value in os.environ.items() if not name.startswith("CRYPTOLENS_")
    }
    variables = {
        **inherited,
        "CRYPTOLENS_ENV": "development",
        "CRYPTOLENS_DATABASE_URL": database_url,
        "CRYPTOLENS_DATA_SOURCE": "replay",
        "CRYPTOLENS_INLINE_JOBS": "false",
        "CRYPTOLENS_VAR_DIR": str(workdir / "var"),
        "CRYPTOLENS_FRONTEND_DIST": str(workdir / "no-frontend"),
        "CRYPTOLENS_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "CRYPTOLENS_LOG_LEVEL": "INFO",
        **({"CRYPTOLENS_REDIS_URL": redis_url} if redis_url else {}),
        **(env or {}),
    }
    command = [sys.executable, "-m", "cryptolens.cli", "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers)]
    if app_module is not None:
        command = [sys.executable, "-m", app_module, "--host", "127.0.0.1", "--port", str(port)]
        repository = str(Path(__file__).resolve().parent.parent)
        variables["PYTHONPATH"] = os.pathsep.join(
            part for part in (repository, variables.get("PYTHONPATH")) if part
        )
    workdir.mkdir(parents=True, exist_ok=True)
    log_path = workdir / f"api-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, env=variables, cwd=workdir, stdout=log, stderr=subprocess.STDOUT
        )
    return ApiProcess(process, f"http://127.0.0.1:{port}", log_path)


@contextlib.asynccontextmanager
async def module_api(
    workdir: Path,
    engine: AsyncEngine,
    *,
    database_url: str,
    redis_url: str | None,
    env: Mapping[str, str] | None = None,
    stored_minutes: int = 120,
) -> AsyncIterator[ApiProcess]:
    """One live API process for a test module (starting one takes long on a busy machine),
    typically reaching MariaDB or Redis through a FaultProxy (`proxy.url_for(...)`). ANON/BTC
    is stored first (`stored_minutes` of it), so start-up loads no demo market; the process
    is stopped after, its log's tail written to stderr."""
    minutes = head(read_anon_minutes(), stored_minutes)
    await store_symbol(create_session_factory(engine), "ANON/BTC", minutes)
    process = start_api(workdir, database_url=database_url, redis_url=redis_url, env=env)
    try:
        await process.wait_live()
        yield process
    finally:
        process.stop()
        sys.stderr.write(f"--- API process log (tail) ---\n{process.log_tail()}\n")
