"""Log lines are events with fields. Two renderings of the same records:

- `text` (default, for a terminal): `time LEVEL logger event key=value ...`, one line each;
- `json` (CRYPTOLENS_LOG_FORMAT=json, for log shippers): one JSON object per line, rendered by
  structlog from the standard library's records, with every `extra=` field as a key.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from typing import Any, Literal

import structlog

from cryptolens.core.request_context import current_request_id

LogFormat = Literal["text", "json"]

_STANDARD_ATTRS = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "color_message"}


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    fields = {key: value for key, value in record.__dict__.items() if key not in _STANDARD_ATTRS}
    request_id = current_request_id.get()
    if request_id:
        fields.setdefault("request_id", request_id)
    return fields


class EventFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = _fields(record)
        line = (
            f"{self.formatTime(record)} {record.levelname:<7} {record.name} {record.getMessage()}"
        )
        if fields:
            line += " " + " ".join(f"{key}={value!r}" for key, value in fields.items())
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def _add_request_id(_: Any, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    request_id = current_request_id.get()
    if request_id:
        event.setdefault("request_id", request_id)
    return event


def json_formatter() -> logging.Formatter:
    """structlog renders stdlib records: the `extra=` fields become keys of the object."""
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
            structlog.stdlib.ExtraAdder(),
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _add_request_id,
        ],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(default=str),
        ],
    )


def configure_logging(level: str = "INFO", log_format: LogFormat = "text") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(json_formatter() if log_format == "json" else EventFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
