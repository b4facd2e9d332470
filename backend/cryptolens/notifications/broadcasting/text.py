"""Placeholders in a broadcast's title and message, rendered per recipient, and the cut to
ntfy's message limit.

`{name}` (display name, or "trader"), `{tier}` and `{app_url}`; `{{` and `}}` are literal
braces; any other brace is refused (422 `unknown_placeholder`), so a typo never reaches
thousands of phones as `{nmae}`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from cryptolens.core.errors import ValidationFailedError

PLACEHOLDERS = ("name", "tier", "app_url")
DEFAULT_NAME = "trader"
# ntfy's message limit, in bytes of UTF-8.
MESSAGE_LIMIT_BYTES = 4096
ELLIPSIS = "…"

# `{{`, `}}`, a `{...}` without inner braces, or a lone brace (in this order of preference).
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_LITERAL = {"{{": "{", "}}": "}"}


class UnknownPlaceholderError(ValidationFailedError):
    code = "unknown_placeholder"


def check_placeholders(field: str, text: str) -> None:
    """Raises UnknownPlaceholderError naming the field and the first bad brace."""
    for match in _TOKEN.finditer(text):
        found = match.group(0)
        if found in _LITERAL or match.group(1) in PLACEHOLDERS:
            continue
        raise UnknownPlaceholderError(
            f"{field}: unknown placeholder {found!r} (use {{name}}, {{tier}} or {{app_url}};"
            " {{ and }} for literal braces)"
        )


def render(text: str, values: Mapping[str, str]) -> str:
    """`text` with its placeholders filled (checked text only)."""

    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        if found in _LITERAL:
            return _LITERAL[found]
        name = match.group(1)
        return values[name] if name is not None and name in values else found

    return _TOKEN.sub(replace, text)


def cut_to_bytes(text: str, limit: int = MESSAGE_LIMIT_BYTES) -> str:
    """`text` if it fits in `limit` bytes of UTF-8; else cut at a character boundary and
    ended with an ellipsis, the whole within `limit` bytes."""
    encoded = text.encode()
    if len(encoded) <= limit:
        return text
    room = limit - len(ELLIPSIS.encode())
    # Dropping a partial multi-byte character at the cut keeps it valid UTF-8.
    return encoded[:room].decode(errors="ignore") + ELLIPSIS
