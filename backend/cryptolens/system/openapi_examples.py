"""Examples for every operation of the OpenAPI document: a request body example and a success
response example, made from the JSON schemas where the code gives none.

The synthesizer honours what a schema says (examples, defaults, enums, formats, lengths, bounds,
patterns) and a few trader-word property names, so an example is plausible and validates against
its own schema (tests/api/test_openapi_examples.py checks both)."""

from __future__ import annotations

import re
from typing import Any

EXAMPLE_TIME = "2026-01-15T09:30:00.123Z"
EXAMPLE_MS = 1768469400123  # the same instant in epoch milliseconds

# Plausible values by property name (checked against the schema before use).
_BY_NAME: dict[str, Any] = {
    "symbol": "BTC/USDT",
    "base": "BTC",
    "quote": "USDT",
    "timeframe": "1h",
    "email": "trader@example.com",
    "password": "correct-horse-battery-staple",
    "new_password": "correct-horse-battery-staple-2",
    "current_password": "correct-horse-battery-staple",
    "display_name": "Ada Trader",
    "timezone": "Europe/Berlin",
    "name": "Daily BTC",
    "code": "123456",
    "token": "tok_4f9a2c7e1b",
    "cursor": "eyJpZCI6IDQyfQ",
    "request_id": "3f2b8c1e9a7d4e6f",
    "url": "https://hooks.example.com/cryptolens",
    "topic": "cl-7f3a9c2e",
    "message": "Done",
    "version": "1.0.0",
}
_STRING_CANDIDATES = ("BTC/USDT", "BTCUSDT", "fvg", "example", "a", "example.value", "1")
_MAX_DEPTH = 12


class ExampleSynthesizer:
    """Makes an example value for a schema of the document (resolving `#/components/...`)."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self._schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def example(self, schema: dict[str, Any], name: str | None = None, depth: int = 0) -> Any:
        schema = self.resolve(schema)
        for key in ("example", "const"):
            if key in schema:
                return schema[key]
        if schema.get("examples"):
            return self._completed(schema, schema["examples"][0], depth)
        if schema.get("default") is not None:
            return schema["default"]
        if schema.get("enum"):
            return schema["enum"][0]
        if depth > _MAX_DEPTH:
            return None
        for combinator in ("anyOf", "oneOf"):
            if combinator in schema:
                return self._first_option(schema[combinator], name, depth)
        if "allOf" in schema:
            return self._all_of(schema["allOf"], name, depth)
        return self._by_type(schema, name, depth)

    def _completed(self, schema: dict[str, Any], given: Any, depth: int) -> Any:
        """A schema's own example, with the required keys FastAPI dropped from it: the
        document is written without null values, so `"last_fetch_error": None` is gone."""
        if not isinstance(given, dict):
            return given
        completed = dict(given)
        properties: dict[str, Any] = schema.get("properties", {})
        for key in schema.get("required", ()):
            if key in completed or key not in properties:
                continue
            nullable = "null" in str(self.resolve(properties[key]))
            completed[key] = None if nullable else self.example(properties[key], key, depth + 1)
        return completed

    def _first_option(self, options: list[dict[str, Any]], name: str | None, depth: int) -> Any:
        # A value is more telling than null: take the first option that is not null.
        concrete = [o for o in options if self.resolve(o).get("type") != "null"]
        return self.example((concrete or options)[0], name, depth + 1)

    def _all_of(self, parts: list[dict[str, Any]], name: str | None, depth: int) -> Any:
        merged: dict[str, Any] = {}
        for part in parts:
            value = self.example(part, name, depth + 1)
            if not isinstance(value, dict):
                return value
            merged.update(value)
        return merged

    def _by_type(self, schema: dict[str, Any], name: str | None, depth: int) -> Any:
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind == "object" or "properties" in schema:
            return self._object(schema, depth)
        if kind == "array":
            return self._array(schema, name, depth)
        if kind == "string":
            return _string(schema, name)
        if kind == "integer":
            return int(_number(schema, name, integer=True))
        if kind == "number":
            return _number(schema, name, integer=False)
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        return _BY_NAME.get(name or "", "example")

    def _object(self, schema: dict[str, Any], depth: int) -> dict[str, Any]:
        properties: dict[str, Any] = schema.get("properties", {})
        if properties:
            return {
                key: self.example(sub, key, depth + 1)
                for key, sub in properties.items()
                if not self.resolve(sub).get("writeOnly") or key in schema.get("required", ())
            }
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            return {"key": self.example(extra, None, depth + 1)}
        return {}

    def _array(self, schema: dict[str, Any], name: str | None, depth: int) -> list[Any]:
        items = schema.get("items")
        if not isinstance(items, dict):
            return []
        item = self.example(items, _singular(name), depth + 1)
        count = max(1, int(schema.get("minItems", 1)))
        if schema.get("maxItems") == 0:
            return []
        if count > 1 and schema.get("uniqueItems") and isinstance(item, int | str):
            return [_nth(item, n) for n in range(count)]
        return [item] * count


def _singular(name: str | None) -> str | None:
    if name and name.endswith("s") and not name.endswith("ss"):
        return name[:-1]
    return name


def _nth(value: int | str, n: int) -> int | str:
    return value + n if isinstance(value, int) else f"{value}{n}" if n else value


def _string(schema: dict[str, Any], name: str | None) -> str:
    fmt = schema.get("format")
    if fmt == "date-time":
        return EXAMPLE_TIME
    if fmt == "date":
        return EXAMPLE_TIME[:10]
    if fmt == "email":
        return "trader@example.com"
    if fmt in ("uri", "url"):
        return "https://example.com/cryptolens"
    if fmt == "uuid":
        return "0b8f7a52-7f1c-4d7e-9a51-2f1d3c4b5a69"
    candidates: list[Any] = [_BY_NAME.get(name or ""), *_STRING_CANDIDATES]
    pattern = schema.get("pattern")
    for candidate in candidates:
        if isinstance(candidate, str) and _fits(candidate, schema, pattern):
            return candidate
    return _padded("x", schema)


def _fits(value: str, schema: dict[str, Any], pattern: str | None) -> bool:
    if pattern is not None and re.search(pattern, value) is None:
        return False
    return int(schema.get("minLength", 0)) <= len(value) <= int(schema.get("maxLength", 10**9))


def _padded(value: str, schema: dict[str, Any]) -> str:
    minimum = int(schema.get("minLength", 0))
    value = value.ljust(minimum, "x")
    return value[: int(schema.get("maxLength", len(value)))]


_NUMBER_BY_NAME: dict[str, float] = {
    "limit": 50,
    "price": 64250.5,
    "entry_price": 64250.5,
    "stop_loss": 63100.0,
    "take_profit": 66500.0,
    "zone_high": 64400.0,
    "zone_low": 64100.0,
    "confluence": 3,
    "hit_rate": 0.62,
    "time": EXAMPLE_MS,
    "start": EXAMPLE_MS,
    "end": EXAMPLE_MS,
    "since": EXAMPLE_MS,
}


def _number(schema: dict[str, Any], name: str | None, *, integer: bool) -> float:
    key = name or ""
    if key in _NUMBER_BY_NAME:
        value = _NUMBER_BY_NAME[key]
    elif key.endswith(("_at", "_ms")):
        value = EXAMPLE_MS
    elif key == "id" or key.endswith("_id"):
        value = 42
    else:
        value = 1
    low = schema.get("minimum", schema.get("exclusiveMinimum"))
    high = schema.get("maximum", schema.get("exclusiveMaximum"))
    step = 1 if integer else 0.5
    if low is not None and value <= low:
        value = low if "minimum" in schema else low + step
    if high is not None and value >= high:
        value = high if "maximum" in schema else high - step
    return round(value) if integer else float(value)


def _as_success(example: Any) -> Any:
    """A success envelope as the server sends it: no error, meta with what a list adds."""
    if not (isinstance(example, dict) and {"success", "data", "meta"} <= example.keys()):
        return example
    meta: dict[str, Any] = {"timestamp": EXAMPLE_TIME, "request_id": "3f2b8c1e9a7d4e6f"}
    if isinstance(example["data"], list):
        meta["count"] = len(example["data"])
        meta["next_cursor"] = None
    return {**example, "success": True, "error": None, "meta": meta}


# What a server-sent events stream looks like on the wire (signals/stream.py).
_EVENT_STREAM_EXAMPLE = (
    "retry: 3000\n\n"
    "id: 1287\nevent: signal.created\n"
    'data: {"id": 42, "symbol": "BTC/USDT", "direction": "long", "status": "pending"}\n\n'
)


def _media_has_example(media: dict[str, Any]) -> bool:
    return "example" in media or bool(media.get("examples"))


def add_examples(document: dict[str, Any]) -> None:
    """Gives every JSON request body and success response an example where it has none."""
    synthesizer = ExampleSynthesizer(document)
    for item in document.get("paths", {}).values():
        for operation in item.values():
            body = operation.get("requestBody", {}).get("content", {})
            for media in body.values():
                if "schema" in media and not _media_has_example(media):
                    media["example"] = synthesizer.example(media["schema"])
            for status, response in operation.get("responses", {}).items():
                if not status.startswith("2"):
                    continue
                for media_type, media in response.get("content", {}).items():
                    if _media_has_example(media):
                        continue
                    if "schema" in media and "json" in media_type:
                        media["example"] = _as_success(synthesizer.example(media["schema"]))
                    elif media_type == "text/event-stream":
                        media.setdefault("schema", {"type": "string"})
                        media["example"] = _EVENT_STREAM_EXAMPLE
