"""Command-line instants: integer ms since the epoch, or ISO-8601 (naive means UTC), read by
the same strict parser as the API's query parameters (core/params.py)."""

from __future__ import annotations

import argparse

from cryptolens.core.errors import ValidationFailedError
from cryptolens.core.params import instant_ms


def parse_instant_ms(raw: str | None, field: str) -> int | None:
    if raw is None or raw == "":
        return None
    try:
        return instant_ms(raw.strip())
    except ValueError as error:
        raise ValidationFailedError(f"{field}: {raw!r} {error}") from None


def instant_argument(raw: str) -> int:
    """argparse `type=` for command-line dates: ms since the epoch or ISO-8601 (UTC if naive)."""
    try:
        parsed = parse_instant_ms(raw, "date")
    except ValidationFailedError:
        raise argparse.ArgumentTypeError(f"not a date: {raw!r}") from None
    if parsed is None:
        raise argparse.ArgumentTypeError("a date is required")
    return parsed
