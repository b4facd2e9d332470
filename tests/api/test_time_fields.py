"""One time convention across the API (issue 15, docs/architecture.md "Time fields"): market data
in integer ms since the epoch, every other instant ISO 8601 UTC with milliseconds and `Z`
(core/iso_times.py : IsoInstant). The document checks make a new field that breaks it fail
here; the requests check what the JSON really carries, on both database backends (MariaDB hands
back naive datetimes)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.core.iso_times import ISO_MS, TIME_FORM_KEY
from cryptolens.db import unit_of_work
from cryptolens.notifications.models import NotificationMute, UserNotification
from tests.clients import MakeUserClient

ISO_MS_TEXT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
# What looks like an instant in a JSON value (a calendar day `2026-12-05` does not).
LOOKS_LIKE_INSTANT = re.compile(r"^\d{4}-\d\d-\d\dT")
# Integer properties named like an instant: `_at`, `time`, `since`, `until` (not `lifetime`).
INSTANT_NAME = re.compile(r"(^|_)(at|time|since|until)$")
SAYS_MS_UTC = (re.compile(r"\bms\b|millisecond", re.I), re.compile(r"\bUTC\b"))

Schema = dict[str, Any]


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _subschemas(schema: Schema) -> Iterator[Schema]:
    """The schemas directly inside `schema` (not following $ref)."""
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        yield from schema.get(key, [])
    for key in ("items", "additionalProperties", "not"):
        if isinstance(schema.get(key), dict):
            yield schema[key]
    yield from schema.get("properties", {}).values()


def _response_schema_names(document: Schema) -> set[str]:
    """Every component schema an operation's answer can contain, however deeply."""
    components: dict[str, Schema] = document["components"]["schemas"]
    pending: list[Schema] = [
        media["schema"]
        for item in document["paths"].values()
        for operation in item.values()
        for response in operation.get("responses", {}).values()
        for media in response.get("content", {}).values()
        if "schema" in media
    ]
    names: set[str] = set()
    while pending:
        schema = pending.pop()
        if "$ref" in schema:
            name = _ref_name(schema["$ref"])
            if name not in names:
                names.add(name)
                pending.append(components[name])
        pending.extend(_subschemas(schema))
    return names


def _properties(schema: Schema, where: str) -> Iterator[tuple[str, str, Schema]]:
    """(place, property name, property schema) of `schema` and of the inline schemas in it."""
    for name, prop in schema.get("properties", {}).items():
        yield where, name, prop
    for inner in _subschemas(schema):
        yield from _properties(inner, where)


def _date_times(schema: Schema) -> Iterator[Schema]:
    """The `format: date-time` schemas in `schema` (a nullable one's string branch included)."""
    if schema.get("format") == "date-time":
        yield schema
    for key in ("anyOf", "oneOf", "allOf"):
        for branch in schema.get(key, []):
            yield from _date_times(branch)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            yield from _date_times(schema[key])


def _is_integer(schema: Schema) -> bool:
    if schema.get("type") in ("integer", "number"):
        return True
    return any(_is_integer(branch) for branch in schema.get("anyOf", []) + schema.get("oneOf", []))


def _date_time_violations(document: Schema) -> list[str]:
    components = document["components"]["schemas"]
    found = []
    for name in sorted(_response_schema_names(document)):
        for where, prop_name, prop in _properties(components[name], name):
            for date_time in _date_times(prop):
                if date_time.get(TIME_FORM_KEY) != ISO_MS:
                    found.append(f"{where}.{prop_name}")
    return found


def _integer_time_violations(document: Schema) -> list[str]:
    found = []
    for name, schema in document["components"]["schemas"].items():
        for where, prop_name, prop in _properties(schema, name):
            if not (INSTANT_NAME.search(prop_name) and _is_integer(prop)):
                continue
            description = prop.get("description", "")
            if not all(says.search(description) for says in SAYS_MS_UTC):
                found.append(f"{where}.{prop_name}: {description!r}")
    return found


async def test_every_iso_time_in_an_answer_is_written_by_iso_instant(app: FastAPI) -> None:
    document = app.openapi()
    assert _date_time_violations(document) == [], (
        "response fields typed `datetime`: type them core/iso_times.py : IsoInstant"
    )
    # The walk reaches the places that matter: the envelope's meta, nested lists, dict values.
    reached = _response_schema_names(document)
    assert {"Meta", "MeOut", "SessionOut", "ApiKeyOut", "PreferencesOut"} <= reached


async def test_every_integer_time_says_it_is_ms_utc(app: FastAPI) -> None:
    assert _integer_time_violations(app.openapi()) == [], (
        "integer time fields need a description saying ms (since the epoch), UTC"
    )


async def test_the_documented_examples_follow_it_too(app: FastAPI) -> None:
    examples = [
        media.get("example", media.get("examples"))
        for item in app.openapi()["paths"].values()
        for operation in item.values()
        for response in operation.get("responses", {}).values()
        for media in response.get("content", {}).values()
    ]
    _assert_iso_ms(examples)
    assert any(_instants(examples)), "no example shows an instant: the check checks nothing"


def test_the_checks_catch_a_field_that_breaks_the_convention() -> None:
    """A plain `datetime` in an answer and an undescribed integer time are both reported."""
    document: Schema = {
        "paths": {
            "/x": {
                "get": {
                    "responses": {
                        "200": {"content": {"application/json": {"schema": {"$ref": "#/c/s/Out"}}}}
                    }
                }
            }
        },
        "components": {
            "schemas": {
                "Out": {
                    "properties": {
                        "items": {"type": "array", "items": {"$ref": "#/c/s/Row"}},
                        "done_at": {"type": "string", "format": "date-time", TIME_FORM_KEY: ISO_MS},
                    }
                },
                "Row": {
                    "properties": {
                        "seen_at": {"anyOf": [{"type": "string", "format": "date-time"}]},
                        "open_time": {"type": "integer", "description": "ms since the epoch"},
                        "lifetime": {"type": "integer"},
                    }
                },
                "In": {"properties": {"start_at": {"type": "string", "format": "date-time"}}},
            }
        },
    }
    assert _date_time_violations(document) == ["Row.seen_at"]
    assert _integer_time_violations(document) == ["Row.open_time: 'ms since the epoch'"]


def _instants(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, text) of every string in a JSON value that looks like an instant."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _instants(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _instants(inner, f"{path}[{index}]")
    elif isinstance(value, str) and LOOKS_LIKE_INSTANT.match(value):
        yield path, value


def _assert_iso_ms(body: Any, *expected: str) -> dict[str, str]:
    """Every instant in `body` is ISO UTC with ms; the `expected` paths are among them."""
    found = dict(_instants(body))
    wrong = {path: text for path, text in found.items() if not ISO_MS_TEXT.match(text)}
    assert wrong == {}, wrong
    assert set(expected) <= found.keys(), (expected, sorted(found))
    return found


# A stored instant with microseconds: pydantic alone would write all six digits.
STORED = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)


async def _store_notifications(
    factory: async_sessionmaker[AsyncSession], user_id: int, now: datetime
) -> None:
    async with unit_of_work(factory) as db:
        db.add(
            UserNotification(
                user_id=user_id,
                symbol="BTC/USDT",
                title="BTC/USDT long",
                status="sent",
                attempts=1,
                created_at=STORED,
                send_after=STORED,
                sent_at=STORED + timedelta(seconds=1),
            )
        )
        db.add(
            NotificationMute(
                user_id=user_id, symbol="BTC/USDT", muted_until=now + timedelta(hours=1)
            )
        )


async def test_answers_write_iso_utc_with_milliseconds(
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    premium = await make_user_client("premium")
    http = premium.http

    me = (await http.get("/api/v1/auth/me")).json()
    _assert_iso_ms(me, ".data.created_at", ".meta.timestamp")

    sessions = (await http.get("/api/v1/auth/sessions")).json()
    _assert_iso_ms(sessions, ".data[0].created_at", ".data[0].last_seen_at", ".data[0].expires_at")

    # A body's instant may come in any ISO form; one without an offset is UTC.
    expiry = (clock.now() + timedelta(days=30)).replace(tzinfo=None, microsecond=654321)
    created = await http.post(
        "/api/v1/api-keys",
        json={"name": "times", "scopes": ["all"], "expires_at": expiry.isoformat()},
    )
    assert created.status_code == 201, created.text
    found = _assert_iso_ms(created.json(), ".data.expires_at", ".data.created_at")
    assert found[".data.expires_at"] == expiry.isoformat(timespec="milliseconds") + "Z"
    _assert_iso_ms((await http.get("/api/v1/api-keys")).json(), ".data[0].expires_at")

    await _store_notifications(session_factory, premium.user_id, clock.now())
    history = (await http.get("/api/v1/notifications")).json()
    found = _assert_iso_ms(history, ".data[0].created_at", ".data[0].sent_at")
    assert found[".data[0].created_at"] == "2026-03-01T09:30:15.123Z"
    preferences = (await http.get("/api/v1/notifications/preferences")).json()
    _assert_iso_ms(preferences, ".data.muted_symbols.BTC/USDT")


async def test_admin_lists_write_iso_utc_with_milliseconds(
    make_user_client: MakeUserClient,
) -> None:
    admin = await make_user_client(admin=True)
    member = await make_user_client()
    users = (await admin.http.get("/api/v1/admin/users")).json()
    _assert_iso_ms(users, ".data[0].created_at")
    detail = (await admin.http.get(f"/api/v1/admin/users/{member.user_id}")).json()
    _assert_iso_ms(detail, ".data.created_at")
    # A grant answers with the subscription, and its audit row keeps the instants it changed
    # in the same form.
    granted = await admin.http.post(
        f"/api/v1/admin/users/{member.user_id}/subscription/grant", json={"plan": "pro", "days": 30}
    )
    assert granted.status_code == 200, granted.text
    _assert_iso_ms(granted.json(), ".data.expires_at", ".data.updated_at")
    audit = (await admin.http.get("/api/v1/admin/audit-log")).json()
    _assert_iso_ms(audit, ".data[0].created_at", ".data[0].after.expires_at")
