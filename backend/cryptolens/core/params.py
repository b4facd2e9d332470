"""The one strict parser for the numbers a URL carries: path ids, ms timestamps, limits, cursors.

Python's `int()` takes `²`, `①` or `١٢` and pydantic's lax mode takes `1_0`, ` 1` or `10.0`;
the database then meets numbers it cannot store. Here a number is ASCII digits and nothing else,
and its range is checked before any query: ids are positive 64-bit signed integers, timestamps
fall between 1970 and 2100. Anything else is a 422 `validation_error` naming the field.

Routes declare their parameters with these types (FastAPI reads the `Path`/`Query` inside):

    pattern_id: EntityId                    # a positive 64-bit id in the path
    since: SinceQuery = None                # ms since the epoch or ISO-8601, optional
    symbol: SymbolPath                      # BTC-USDT or BTC%2FUSDT; route `{symbol:path}`
    limit: Annotated[int, Query(ge=1, le=2000), STRICT_INT] = 500

(`Query`/`Path` before STRICT_INT, so the OpenAPI document shows the range as min/max.)
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

MAX_INT64 = 2**63 - 1
# A sane range for instants: nothing the product stores is older or newer.
MIN_INSTANT_MS = 0
MAX_INSTANT_MS = 4_102_444_800_000  # 2100-01-01T00:00:00Z
# Longest text worth parsing: 19 digits of a 64-bit number, or an ISO-8601 time with offset.
_MAX_NUMBER_CHARS = 19
_MAX_INSTANT_CHARS = 40
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_MS = timedelta(milliseconds=1)


def is_ascii_digits(text: str) -> bool:
    """Only 0-9 (str.isdigit alone also takes superscripts and other scripts' digits)."""
    return text.isascii() and text.isdigit()


def parse_whole_number(value: Any) -> Any:
    """Before-validator: a URL's text must be ASCII digits; its range is checked after."""
    if not isinstance(value, str):
        return value
    if not is_ascii_digits(value):
        raise PydanticCustomError("int_parsing", "Input should be a whole number in digits 0-9")
    if len(value.lstrip("0")) > _MAX_NUMBER_CHARS:
        raise PydanticCustomError(
            "less_than_equal", "Input should be less than or equal to {le}", {"le": MAX_INT64}
        )
    return int(value)


def instant_ms(text: str) -> int:
    """`text` as ms since the epoch: ASCII digits, or an ISO-8601 time (naive means UTC).
    Raises ValueError with the reason."""
    if len(text) > _MAX_INSTANT_CHARS or not text.isascii():
        raise ValueError("should be ms since the epoch or an ISO-8601 time")
    if is_ascii_digits(text):
        if len(text.lstrip("0")) > _MAX_NUMBER_CHARS:
            raise ValueError("is out of range")
        value = int(text)
    else:
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError("should be ms since the epoch or an ISO-8601 time") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        value = (moment - _EPOCH) // _ONE_MS
    if not MIN_INSTANT_MS <= value <= MAX_INSTANT_MS:
        raise ValueError("is out of range (1970-01-01 to 2100-01-01)")
    return value


def parse_optional_instant(value: Any) -> Any:
    """Before-validator for an optional instant: missing or empty is None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return value
    try:
        return instant_ms(value)
    except ValueError as error:
        raise PydanticCustomError("instant", "Input {reason}", {"reason": str(error)}) from None


# The validator marker for an integer query or path parameter written in ASCII digits only.
STRICT_INT = BeforeValidator(parse_whole_number)

_INSTANT_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": MIN_INSTANT_MS, "maximum": MAX_INSTANT_MS},
        {"type": "string", "format": "date-time"},
    ],
}

# A database id in the path: 1 to 2^63 - 1.
EntityId = Annotated[int, Path(ge=1, le=MAX_INT64, description="A positive id"), STRICT_INT]

# An optional instant in the query: ms since the epoch (ASCII digits) or ISO-8601, 1970-2100.
OptionalInstant = Annotated[
    int | None, BeforeValidator(parse_optional_instant), WithJsonSchema(_INSTANT_SCHEMA)
]


def instant_query(description: str) -> Any:
    """`Query(...)` for an OptionalInstant parameter, with what the instant means."""
    return Query(description=f"{description}: ms since the epoch or ISO-8601 (UTC if naive)")


# A symbol in a URL path: BASE-QUOTE, or BASE/QUOTE sent as BASE%2FQUOTE (what
# `encodeURIComponent` and the push's "Open chart" link make). Servers decode %2F before
# routing, so a route takes it with the path converter, `{symbol:path}`, and this type then
# accepts exactly one separator. Any case; always answered as the stored form, BTC/USDT.
_SYMBOL_IN_PATH = re.compile(r"^([A-Za-z0-9]{1,20})[-/]([A-Za-z0-9]{1,20})$")


def parse_path_symbol(value: Any) -> Any:
    """Before-validator: `btc-usdt`, `BTC/USDT`... -> `BTC/USDT`; anything else a 422."""
    if not isinstance(value, str):
        return value
    match = _SYMBOL_IN_PATH.match(value) if value.isascii() else None
    if match is None:
        raise PydanticCustomError(
            "symbol", "Input should be a symbol like BTC-USDT or BTC%2FUSDT (BTC/USDT encoded)"
        )
    return f"{match[1]}/{match[2]}".upper()


SymbolPath = Annotated[
    str,
    Path(
        description=(
            "The symbol, BASE-QUOTE (`BTC-USDT`) or BASE/QUOTE URL-encoded (`BTC%2FUSDT`), any case"
        ),
        openapi_examples={
            "dash": {"summary": "BASE-QUOTE", "value": "BTC-USDT"},
            "slash": {"summary": "BASE/QUOTE, sent as BTC%2FUSDT", "value": "BTC/USDT"},
        },
    ),
    BeforeValidator(parse_path_symbol),
]
