"""Both log renderings carry the event and its fields; JSON lines parse as one object each."""

from __future__ import annotations

import json
import logging

import pytest

from cryptolens.core.logging import configure_logging
from cryptolens.core.request_context import current_request_id


@pytest.fixture(autouse=True)
def _restore_root_logger() -> object:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:], root.level = handlers, level


def _log_one(capsys: pytest.CaptureFixture[str], log_format: str) -> str:
    configure_logging("INFO", log_format)  # type: ignore[arg-type]
    token = current_request_id.set("req-1")
    try:
        logging.getLogger("cryptolens.test").info(
            "scan.done", extra={"symbol": "BTC/USDT", "patterns": 3}
        )
    finally:
        current_request_id.reset(token)
    return capsys.readouterr().err.strip()


def test_json_lines_carry_event_fields_and_request_id(capsys: pytest.CaptureFixture[str]) -> None:
    line = json.loads(_log_one(capsys, "json"))
    assert line["event"] == "scan.done"
    assert line["level"] == "info"
    assert line["logger"] == "cryptolens.test"
    assert (line["symbol"], line["patterns"], line["request_id"]) == ("BTC/USDT", 3, "req-1")
    assert line["timestamp"].endswith("Z")


def test_json_lines_render_exceptions(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("INFO", "json")
    try:
        raise ValueError("bad candle")
    except ValueError:
        logging.getLogger("cryptolens.test").exception("job.failed", extra={"job": "scan"})
    line = json.loads(capsys.readouterr().err.strip())
    assert line["job"] == "scan"
    assert "ValueError: bad candle" in line["exception"]


def test_text_lines_are_events_with_fields(capsys: pytest.CaptureFixture[str]) -> None:
    line = _log_one(capsys, "text")
    assert "INFO    cryptolens.test scan.done" in line
    assert "symbol='BTC/USDT' patterns=3 request_id='req-1'" in line
