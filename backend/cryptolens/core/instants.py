"""Query-string instants: integer ms since the epoch, or ISO-8601 (naive means UTC)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from cryptolens.core.errors import ValidationFailedError


def parse_instant_ms(raw: str | None, field: str) -> int | None:
    if raw is None or raw == "":
        return None
    text = raw.strip()
    if text.lstrip("-").isdigit():
        return int(text)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationFailedError(
            f"{field}: {raw!r} is neither ms since the epoch nor an ISO-8601 time"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


def instant_argument(raw: str) -> int:
    """argparse `type=` for command-line dates: ms since the epoch or ISO-8601 (UTC if naive)."""
    try:
        parsed = parse_instant_ms(raw, "date")
    except ValidationFailedError:
        raise argparse.ArgumentTypeError(f"not a date: {raw!r}") from None
    if parsed is None:
        raise argparse.ArgumentTypeError("a date is required")
    return parsed
