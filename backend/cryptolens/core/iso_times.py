"""The API's one form for a time that is not market data: ISO 8601 in UTC with milliseconds and
`Z` (2026-12-05T04:36:49.123Z). Pydantic alone writes microseconds, or no fraction when they
are zero, and an offset for a non-UTC zone; a field typed `IsoInstant` always has this form.
Market data (candle, pattern and signal times) is ms since the epoch instead (docs/
architecture.md, "Time fields")."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import PlainSerializer, WithJsonSchema

# The OpenAPI extension that marks a property serialized by IsoInstant.
TIME_FORM_KEY = "x-time-form"
ISO_MS = "iso-ms"


def iso_ms(moment: datetime) -> str:
    """`moment` (naive means UTC) as 2026-12-05T04:36:49.123Z."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


IsoInstant = Annotated[
    datetime,
    PlainSerializer(iso_ms, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date-time",
            "description": "ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z",
            # Survives a field's own description: tests/api/test_time_fields.py looks for it.
            TIME_FORM_KEY: ISO_MS,
        },
        mode="serialization",
    ),
]
