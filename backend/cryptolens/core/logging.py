"""Log lines are events with fields. Two renderings of the same records:

- `text` (default, for a terminal): `time LEVEL logger event key=value ...`, one line each;
- `json` (CRYPTOLENS_LOG_FORMAT=json, for log shippers): one JSON object per line, rendered by
  structlog from the standard library's records, with every `extra=` field as a key.

No secret reaches a line, whoever logs it (our code, uvicorn's access log, a traceback): a
field named like a secret (`token`, `password`, `api_key`...) is replaced by `[redacted]`, and
in the rendered line the value of every query parameter named like one (`?token=...`, the
mute link of a push, a reset link) and anything shaped like an API key are too.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any, Literal

import structlog

from cryptolens.core.request_context import current_request_id

LogFormat = Literal["text", "json"]

_STANDARD_ATTRS = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "color_message"}


REDACTED = "[redacted]"
# Name parts that mark a secret, in field and query parameter names (`reset_token`, `api-key`).
SECRET_NAME_PARTS = frozenset(
    {
        "token",
        "password",
        "passwd",
        "pwd",
        "secret",
        "key",
        "apikey",
        "code",
        "signature",
        "sig",
        "otp",
        "totp",
        "csrf",
        "session",
        "cookie",
        "auth",
        "authorization",
        "credential",
        "credentials",
    }
)
_NAME_PARTS = re.compile(r"[_\-.\[\]]+")
# A value ends where the query, the quoted string or the line does (a backslash too: in a
# JSON line it starts the escape of the closing quote).
_QUERY_PARAMETER = re.compile(
    r"(?P<lead>[?&;])(?P<name>[A-Za-z0-9_.\-\[\]]+)=(?P<value>[^&\s\"'#;\\]*)"
)
_API_KEY = re.compile(r"\bclk_[A-Za-z0-9_\-]{4,}")


def is_secret_name(name: str) -> bool:
    lowered = name.lower()
    return lowered in SECRET_NAME_PARTS or any(
        part in SECRET_NAME_PARTS for part in _NAME_PARTS.split(lowered)
    )


def _redact_parameter(match: re.Match[str]) -> str:
    if not is_secret_name(match["name"]) or not match["value"]:
        return match[0]
    return f"{match['lead']}{match['name']}={REDACTED}"


def redact_text(text: str) -> str:
    """The text with secret-named query parameters' values and API keys replaced."""
    if "=" in text:
        text = _QUERY_PARAMETER.sub(_redact_parameter, text)
    if "clk_" in text:
        text = _API_KEY.sub(f"clk_{REDACTED}", text)
    return text


class SecretFieldFilter(logging.Filter):
    """Blanks `extra=` fields named like a secret before any rendering sees them."""

    def filter(self, record: logging.LogRecord) -> bool:
        for key in list(record.__dict__):
            if key not in _STANDARD_ATTRS and is_secret_name(key):
                setattr(record, key, REDACTED)
        return True


class RedactingFormatter(logging.Formatter):
    """Renders with `inner`, then redacts the whole line (message, fields, traceback)."""

    def __init__(self, inner: logging.Formatter) -> None:
        super().__init__()
        self.inner = inner

    def format(self, record: logging.LogRecord) -> str:
        return redact_text(self.inner.format(record))


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


def build_formatter(log_format: LogFormat = "text") -> logging.Formatter:
    inner = json_formatter() if log_format == "json" else EventFormatter()
    return RedactingFormatter(inner)


def configure_logging(level: str = "INFO", log_format: LogFormat = "text") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(SecretFieldFilter())
    handler.setFormatter(build_formatter(log_format))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


def uvicorn_log_config(level: str = "INFO", log_format: LogFormat = "text") -> dict[str, Any]:
    """The same set-up as `configure_logging`, as the dictConfig uvicorn applies in every
    process it starts: with `--workers N` each worker is a fresh interpreter, which would
    otherwise have no handler (its lines lost, warnings printed raw and unredacted)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"secrets": {"()": SecretFieldFilter}},
        "formatters": {"events": {"()": build_formatter, "log_format": log_format}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "filters": ["secrets"],
                "formatter": "events",
            }
        },
        "root": {"level": level.upper(), "handlers": ["stderr"]},
    }
