"""What of a failed request is kept (admin.md, "Errors"): nothing secret, nothing long.

The value of any key, header or query parameter whose name contains (in any case) one of
`SECRET_MARKERS` becomes `[REDACTED]`, at any depth of a JSON body; the bodies of /auth and
/billing/webhooks requests are never kept; strings are cut at 1,000 characters and a body's
JSON at 5,000.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl

REDACTED = "[REDACTED]"
SECRET_MARKERS = (
    "password",
    "secret",
    "token",
    "key",
    "authorization",
    "cookie",
    "session",
    "csrf",
    "totp",
    "code",
    "signature",
    "card",
    "cvv",
)
MAX_STRING_CHARS = 1_000
MAX_BODY_CHARS = 5_000
# Paths whose bodies are credentials or a provider's signed payload, whatever their keys.
_BODY_NEVER_KEPT = ("/auth", "/billing/webhooks")
_API_PREFIX = "/api/v1"


def is_secret_name(name: str) -> bool:
    lowered = name.lower()
    return any(marker in lowered for marker in SECRET_MARKERS)


def cut(text: str, limit: int = MAX_STRING_CHARS) -> str:
    return text[:limit]


def redact_value(value: Any) -> Any:
    """A JSON value with secret keys' values replaced and strings cut, at any depth."""
    if isinstance(value, Mapping):
        return {
            cut(str(key)): REDACTED if is_secret_name(str(key)) else redact_value(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact_value(item) for item in value]
    if isinstance(value, str):
        return cut(value)
    return value


def redact_pairs(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Query parameters or headers: one entry per name (a list when repeated), redacted."""
    kept: dict[str, Any] = {}
    for raw_name, value in pairs:
        shown = REDACTED if is_secret_name(raw_name) else cut(value)
        name = cut(raw_name)
        if name not in kept:
            kept[name] = shown
        elif isinstance(kept[name], list):
            kept[name].append(shown)
        else:
            kept[name] = [kept[name], shown]
    return kept


def body_is_kept(path: str) -> bool:
    """False for /auth and /billing/webhooks (and everything under them)."""
    route = path[len(_API_PREFIX) :] if path.startswith(_API_PREFIX + "/") else path
    return not any(route == prefix or route.startswith(prefix + "/") for prefix in _BODY_NEVER_KEPT)


def redact_body(path: str, body: bytes | None, content_type: str | None, size: int) -> str | None:
    """The body as kept: redacted JSON (a form is kept as JSON too), cut at 5,000 characters;
    None when there is none or it is never kept; only a note of its size when it cannot be
    read by keys (over the recording limit, not JSON)."""
    if not body_is_kept(path) or size == 0:
        return None
    if body is None:
        return f"[{size} bytes, too large to keep]"
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type == "application/x-www-form-urlencoded":
        try:
            form = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            return f"[{size} bytes, not UTF-8]"
        return _as_json(redact_pairs(form))
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return f"[{size} bytes of {media_type or 'unknown type'}, not JSON: not kept]"
    return _as_json(redact_value(document))


def _as_json(value: Any) -> str:
    return cut(json.dumps(value, ensure_ascii=False, separators=(",", ":")), MAX_BODY_CHARS)
