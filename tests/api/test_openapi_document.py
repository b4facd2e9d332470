"""The OpenAPI document a developer can use (issue 15): operation ids, tags, security per
operation from the authorization table, the CSRF header, errors that differ per status, the
RateLimit headers, the time convention, and ReDoc served from local assets."""

from __future__ import annotations

import re
from typing import Any

import httpx
from fastapi import FastAPI

from cryptolens.access.route_rules import RouteEntry, authorization_table
from cryptolens.system.openapi_info import TAGS

_OPERATION_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+$")


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def _with_rules(app: FastAPI) -> list[tuple[RouteEntry, dict[str, Any]]]:
    document = app.openapi()
    return [
        (entry, document["paths"][entry.path][entry.method.lower()])
        for entry in authorization_table(app.routes)
    ]


async def test_operation_ids_are_tag_then_name_and_unique(app: FastAPI) -> None:
    seen: set[str] = set()
    for method, path, operation in _operations(app.openapi()):
        operation_id = operation["operationId"]
        assert _OPERATION_ID.match(operation_id), (method, path, operation_id)
        assert len(operation["tags"]) == 1, (method, path, operation["tags"])
        assert operation_id.startswith(f"{operation['tags'][0]}-"), (method, path)
        assert operation_id not in seen, operation_id
        seen.add(operation_id)
        assert operation.get("summary"), (method, path)


async def test_every_tag_is_described_in_reading_order(app: FastAPI) -> None:
    document = app.openapi()
    used = {tag for _, _, op in _operations(document) for tag in op["tags"]}
    tags = document["tags"]
    assert {tag["name"] for tag in tags} == used
    for tag in tags:
        assert tag.get("description"), f"tag {tag['name']} has no description in openapi_info"
    order = [tag["name"] for tag in TAGS]
    assert [tag["name"] for tag in tags] == [name for name in order if name in used]


async def test_security_schemes_are_declared(app: FastAPI) -> None:
    schemes = app.openapi()["components"]["securitySchemes"]
    assert schemes["session"] == {**schemes["session"], "type": "apiKey", "in": "cookie"}
    assert schemes["csrf"]["in"] == "header" and schemes["csrf"]["name"] == "X-CSRF-Token"
    assert schemes["apiKey"]["in"] == "header" and schemes["apiKey"]["name"] == "X-API-Key"
    assert schemes["bearer"]["type"] == "http" and schemes["bearer"]["scheme"] == "bearer"


async def test_each_operation_declares_what_it_accepts(app: FastAPI) -> None:
    for entry, operation in _with_rules(app):
        rule, where = entry.rule, (entry.method, entry.path)
        security = operation["security"]
        assert operation["x-access"] == rule.kind, where
        assert "**Access:**" in operation["description"], where
        if rule.kind in ("public", "signed"):
            assert security == [], where
        elif rule.accepts_api_key:  # a scope route, or an admin route taking an admin's key
            session = {"session": [], "csrf": []} if rule.csrf else {"session": []}
            assert security == [{"apiKey": []}, {"bearer": []}, session], where
            assert operation["x-required-scope"] == rule.scope, where
        else:
            assert security == ([{"session": [], "csrf": []}] if rule.csrf else [{"session": []}])
            assert "x-required-scope" not in operation, where


async def test_unsafe_cookie_routes_take_the_csrf_header(app: FastAPI) -> None:
    for entry, operation in _with_rules(app):
        headers = {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "header"}
        csrf = headers.get("X-CSRF-Token")
        if not entry.rule.csrf:
            assert csrf is None, (entry.method, entry.path)
            continue
        assert csrf is not None, (entry.method, entry.path)
        # The `csrf` security requirement makes it required with the session; the parameter
        # stays optional so generated clients may set it in a middleware.
        assert csrf["required"] is False, (entry.method, entry.path)
        assert "csrf" in str(operation["security"]) or entry.rule.kind == "public"
    rules = {(e.method, e.path): e.rule for e, _ in _with_rules(app)}
    assert rules[("POST", "/api/v1/auth/login")].csrf
    assert not rules[("GET", "/api/v1/auth/me")].csrf
    assert not rules[("POST", "/api/v1/notifications/mute")].csrf


async def test_error_statuses_differ_and_carry_their_codes(app: FastAPI) -> None:
    for entry, operation in _with_rules(app):
        where = (entry.method, entry.path)
        errors = {int(s): r for s, r in operation["responses"].items() if int(s) >= 400}
        descriptions = [r["description"] for r in errors.values()]
        assert len(set(descriptions)) == len(descriptions), (where, descriptions)
        messages: list[str] = []
        for status, response in errors.items():
            examples = response["content"]["application/json"]["examples"]
            assert examples, (where, status)
            for example in examples.values():
                value = example["value"]
                assert value["success"] is False and value["meta"]["code"], (where, status)
                messages.append(value["error"])
        assert len(set(messages)) == len(messages), (where, messages)
        codes = {
            status: {
                e["value"]["meta"]["code"]
                for e in r["content"]["application/json"]["examples"].values()
            }
            for status, r in errors.items()
        }
        rule = entry.rule
        if rule.kind in ("session", "admin", "scope"):
            assert "not_signed_in" in codes[401], where
        if rule.accepts_api_key:
            assert {"invalid_api_key"} <= codes[401], where
            assert {"scope_required", "ip_not_allowed"} <= codes[403], where
            assert 429 in errors, where
        if rule.needs_session:
            assert "session_required" in codes[403], where
        if rule.kind == "admin":
            assert "admin_required" in codes[403], where
        if rule.csrf:
            assert "csrf_failed" in codes[403], where
        if rule.tier is not None and rule.tier.value != "free":
            assert "tier_required" in codes[403], where
        if "{" in entry.path:
            assert 404 in errors, where


async def test_rate_limited_operations_document_their_headers(app: FastAPI) -> None:
    limited = [(e, op) for e, op in _with_rules(app) if e.rule.rate_limited]
    assert limited
    for entry, operation in limited:
        responses = operation["responses"]
        refused = responses["429"]["headers"]
        assert {"Retry-After", "RateLimit", "RateLimit-Policy"} <= refused.keys(), entry.path
        success = next(r for s, r in responses.items() if s.startswith("2"))
        assert {"RateLimit", "RateLimit-Policy"} <= success["headers"].keys(), entry.path


async def test_the_info_says_how_to_authenticate_and_the_time_convention(app: FastAPI) -> None:
    document = app.openapi()
    text = document["info"]["description"]
    for needle in ("X-API-Key", "X-CSRF-Token", "milliseconds since the Unix epoch", "ISO-8601"):
        assert needle in text
    # Every time property says which form it is in.
    schemas = document["components"]["schemas"]
    for name, schema in schemas.items():
        for prop_name, prop in schema.get("properties", {}).items():
            if not re.search(r"(_at|_time|^time)$", prop_name):
                continue
            shown = str(prop)
            if "date-time" in shown:
                continue
            described = prop.get("description", "")
            assert re.search(r"\bms\b|millisecond", described), f"{name}.{prop_name}: {prop}"


async def test_meta_is_documented_field_by_field(app: FastAPI) -> None:
    meta = app.openapi()["components"]["schemas"]["Meta"]
    assert {"timestamp", "request_id", "count", "next_cursor", "code"} <= meta["properties"].keys()


async def test_redoc_renders_from_local_assets(client: httpx.AsyncClient) -> None:
    page = await client.get("/api/redoc")
    assert page.status_code == 200
    assert "<script>" not in page.text  # the CSP allows no inline script
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert any(asset.endswith("redoc.standalone.js") for asset in assets)
    for asset in assets:
        assert asset.startswith("/"), f"{asset} is not served by us"
        fetched = await client.get(asset)
        assert fetched.status_code == 200, asset
        assert len(fetched.content) > 100
    assert 'spec-url="/api/openapi.json"' in page.text


async def test_schema_names_are_plain(app: FastAPI) -> None:
    """Two models of one name make FastAPI qualify both with their module path
    (`cryptolens__webhooks__schemas__DeliveryOut`): generated clients then lose the name."""
    names = app.openapi()["components"]["schemas"].keys()
    qualified = sorted(name for name in names if name.startswith("cryptolens__"))
    assert not qualified, f"rename one of each clashing pair: {qualified}"
