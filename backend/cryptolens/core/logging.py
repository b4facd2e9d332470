"""Log lines are events with fields: `event key=value ...`, one line each."""

from __future__ import annotations

import logging
import sys

from cryptolens.core.request_context import current_request_id

_STANDARD_ATTRS = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "color_message"}


class EventFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = {
            key: value for key, value in record.__dict__.items() if key not in _STANDARD_ATTRS
        }
        request_id = current_request_id.get()
        if request_id:
            fields.setdefault("request_id", request_id)
        line = (
            f"{self.formatTime(record)} {record.levelname:<7} {record.name} {record.getMessage()}"
        )
        if fields:
            line += " " + " ".join(f"{key}={value!r}" for key, value in fields.items())
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(EventFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
