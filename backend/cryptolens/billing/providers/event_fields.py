"""Reading a signed webhook body into ProviderEvent fields, strictly.

A field of the wrong type or beyond its column's size is a MalformedEvent (400), never a
database error later; amounts are Decimal from their text, never through binary floats.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from cryptolens.billing.providers.base import MalformedEvent

# The columns these values end up in (billing/models.py).
EVENT_ID_MAX = 190
EVENT_TYPE_MAX = 60
PROVIDER_ID_MAX = 128
CHECKOUT_REF_MAX = 64
STATUS_MAX = 30
REASON_MAX = 200
CURRENCY_MAX = 20


def json_body(raw_body: bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(raw_body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedEvent("the body is not JSON") from exc
    if not isinstance(parsed, dict):
        raise MalformedEvent("the body is not a JSON object")
    return parsed


def mapping(value: object, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise MalformedEvent(f"{name} is not an object")
    return value


def optional_mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def identifier(value: object, name: str, *, required: bool = False) -> str | None:
    """A provider id: a string or an integer (JSON:API ids are strings, NOWPayments' numbers)."""
    if value is None or value == "":
        if required:
            raise MalformedEvent(f"{name} is missing")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise MalformedEvent(f"{name} is not an id")
    text = str(value)
    if len(text) > PROVIDER_ID_MAX:
        raise MalformedEvent(f"{name} is too long")
    return text


def checkout_ref(value: object) -> str | None:
    """Ours, echoed back: anything else than a string of our size cannot match a payment."""
    if isinstance(value, str) and 0 < len(value) <= CHECKOUT_REF_MAX:
        return value
    return None


def required_text(value: object, what: str, limit: int = EVENT_TYPE_MAX) -> str:
    if not isinstance(value, str) or not value:
        raise MalformedEvent(f"{what} is missing")
    if len(value) > limit:
        raise MalformedEvent(f"{what} is too long")
    return value


def event_id(text: str) -> str:
    if len(text) > EVENT_ID_MAX:
        raise MalformedEvent("the event id is too long")
    return text


def amount(value: object, what: str) -> Decimal | None:
    """An optional number: None when absent."""
    return None if value is None else required_amount(value, what)


def required_amount(value: object, what: str) -> Decimal:
    """A finite number (or its text) as Decimal; floats through their shortest text."""
    if value is None:
        raise MalformedEvent(f"{what} is missing")
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise MalformedEvent(f"{what} is not a number")
    try:
        found = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise MalformedEvent(f"{what} is not a number") from exc
    if not found.is_finite():
        raise MalformedEvent(f"{what} is not a number")
    return found


def currency(value: object, what: str, *, required: bool = False) -> str | None:
    if value is None or value == "":
        if required:
            raise MalformedEvent(f"{what} is missing")
        return None
    if not isinstance(value, str) or len(value) > CURRENCY_MAX:
        raise MalformedEvent(f"{what} is not a currency")
    return value.upper()


def short(value: object, limit: int) -> str | None:
    """Free text kept for people (a status, a reason): cut to its column."""
    if value is None:
        return None
    return str(value)[:limit]
