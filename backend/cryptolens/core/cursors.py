"""Opaque list cursors: the sort key of the last item served, plus how many were served."""

from __future__ import annotations

import base64
import binascii
import json

from cryptolens.core.errors import ValidationFailedError


def encode_cursor(*parts: int) -> str:
    raw = json.dumps(list(parts), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> tuple[int, ...] | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        parts = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error):
        raise ValidationFailedError("cursor: not a cursor this API returned") from None
    if (
        not isinstance(parts, list)
        or len(parts) != size
        or not all(isinstance(part, int) for part in parts)
    ):
        raise ValidationFailedError("cursor: not a cursor this API returned")
    return tuple(parts)
