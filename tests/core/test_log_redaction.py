"""No secret in any log line (issue #13, failure 10: the mute link's token was written to the
access log). A real `cryptolens serve` process is asked for the mute link of a push; its whole
log output is read back: the request is logged, its token is not. Our own log lines redact
secret fields and token-like query parameters the same way, in both renderings."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from cryptolens.core.logging import configure_logging
from cryptolens.db import create_engine
from cryptolens.system import migrations
from tests.conftest import make_settings
from tests.processes import ApiProcess, start_api

MUTE_TOKEN = "u42.BTC-USDT.1767225600.Zx9QmSecretSignatureValue0123456789abcdef"


@pytest.fixture
def api_process(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[ApiProcess]:
    database_url = f"sqlite+aiosqlite:///{(tmp_path / 'api.db').as_posix()}"

    async def migrate() -> None:
        engine = create_engine(database_url, make_settings(tmp_path, database_url=database_url))
        try:
            await migrations.upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(migrate())
    log_format: str = request.param
    api = start_api(
        tmp_path,
        database_url=database_url,
        redis_url=None,
        # No demo data to load first (the development start would replay a year of candles).
        env={"CRYPTOLENS_LOG_FORMAT": log_format, "CRYPTOLENS_ENV": "test"},
    )
    try:
        yield api
    finally:
        api.stop()


async def _log_containing(api: ApiProcess, needle: str, within: float = 10.0) -> str:
    deadline = time.monotonic() + within
    while True:
        text = api.log_path.read_text(errors="replace")
        if needle in text or time.monotonic() > deadline:
            return text
        await asyncio.sleep(0.05)


# One process (starting one costs seconds): JSON lines, which must stay valid once redacted;
# the text rendering is checked by the test below.
@pytest.mark.parametrize("api_process", ["json"], indirect=True)
async def test_the_mute_links_token_never_reaches_the_log(api_process: ApiProcess) -> None:
    await api_process.wait_live()
    async with httpx.AsyncClient(base_url=api_process.base_url, timeout=10) as http:
        answer = await http.post(
            "/api/v1/notifications/mute", params={"token": MUTE_TOKEN, "symbol": "BTC-USDT"}
        )
        assert answer.status_code == 400, answer.text
        # A password in a query string (a client's mistake) is no better.
        await http.get(
            "/api/health/live", params={"password": "hunter2-Secret", "api_key": "clk_x1"}
        )
    text = await _log_containing(api_process, "/api/health/live?")
    assert "/api/v1/notifications/mute?token=" in text, text[-3000:]
    for secret in (MUTE_TOKEN, "Zx9QmSecretSignature", "hunter2-Secret", "clk_x1"):
        assert secret not in text, f"{secret!r} is in the log:\n{text[-3000:]}"
    assert "symbol=BTC-USDT" in text  # the rest of the query stays readable
    for line in text.splitlines():
        json.loads(line)


@pytest.fixture
def _restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:], root.level = handlers, level


@pytest.mark.usefixtures("_restore_root_logger")
@pytest.mark.parametrize("log_format", ["text", "json"])
def test_our_own_lines_redact_secret_fields_and_parameters(
    capsys: pytest.CaptureFixture[str], log_format: str
) -> None:
    configure_logging("INFO", log_format)  # type: ignore[arg-type]
    log = logging.getLogger("cryptolens.test")
    log.info(
        "request.odd %s",
        "/reset-password?token=Reset-Token-123&lang=en",
        extra={"password": "Pa55-word-xyz", "api_key": "clk_abcdef", "user_id": 7},
    )
    try:
        raise ValueError("bad link /verify-email?token=Verify-Token-456")
    except ValueError:
        log.exception("link.failed", extra={"url": "https://x.example/a?signature=Sig-789&b=1"})
    out = capsys.readouterr().err
    for secret in ("Reset-Token-123", "Pa55-word-xyz", "clk_abcdef", "Verify-Token-456", "Sig-789"):
        assert secret not in out, out
    assert "lang=en" in out and "b=1" in out and "7" in out
    if log_format == "json":
        first = json.loads(out.splitlines()[0])
        assert first["user_id"] == 7
        assert first["password"] == "[redacted]"
