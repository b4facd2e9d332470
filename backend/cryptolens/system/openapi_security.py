"""How each operation authenticates, in the OpenAPI document: the security schemes, every
operation's `security` from its rule (access/route_rules.py), the scope it needs
(`x-required-scope`), the X-CSRF-Token header parameter on cookie-facing unsafe routes, and the
RateLimit headers of rate-limited routes."""

from __future__ import annotations

from typing import Any

from cryptolens.access.route_rules import ACCESS_MARKER, RouteRule
from cryptolens.access.session_cookie import SESSION_COOKIE
from cryptolens.core.csrf import CSRF_COOKIE, CSRF_HEADER

API_KEY_HEADER = "X-API-Key"

SECURITY_SCHEMES: dict[str, dict[str, Any]] = {
    "session": {
        "type": "apiKey",
        "in": "cookie",
        "name": SESSION_COOKIE,
        "description": (
            "The session cookie set by `POST /api/v1/auth/login` (HttpOnly). Browsers send it "
            "themselves; unsafe requests made with it also need the `csrf` header."
        ),
    },
    "csrf": {
        "type": "apiKey",
        "in": "header",
        "name": CSRF_HEADER,
        "description": (
            f"Double-submit CSRF token: `GET /api/v1/auth/csrf` returns it (and sets the "
            f"`{CSRF_COOKIE}` cookie); echo it in this header on POST/PUT/PATCH/DELETE made "
            "with the session cookie. API key requests never need it."
        ),
    },
    "apiKey": {
        "type": "apiKey",
        "in": "header",
        "name": API_KEY_HEADER,
        "description": (
            "A premium user's API key (`clk_...`, created under Profile > API keys). It acts "
            "with the scopes it was given; each operation names the one it needs "
            "(`x-required-scope`)."
        ),
    },
    "bearer": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "clk_ API key",
        "description": "The same API key as `Authorization: Bearer clk_...`.",
    },
}

_WINDOW_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def _rate_limit_headers(rule: RouteRule) -> dict[str, dict[str, Any]]:
    """The RateLimit headers, their example taken from the route's first window."""
    if rule.kind == "scope" or not rule.rate_limits:
        name, quota, window = "key-minute", 60, 60
    else:
        count, _, unit = rule.rate_limits[0].partition("/")
        name, quota, window = "route", int(count), _WINDOW_SECONDS.get(unit, 60)
    return {
        "RateLimit-Policy": {
            "description": 'Each limit counted: `"name";q=<quota>;w=<window seconds>`',
            "schema": {"type": "string"},
            "example": f'"{name}";q={quota};w={window}',
        },
        "RateLimit": {
            "description": 'What is left: `"name";r=<remaining>;t=<seconds until reset>`',
            "schema": {"type": "string"},
            "example": f'"{name}";r={quota - 1};t={window}',
        },
    }


_RETRY_AFTER = {
    "description": "Seconds to wait before trying again",
    "schema": {"type": "integer", "minimum": 1},
    "example": 30,
}


def security_of(rule: RouteRule) -> list[dict[str, list[str]]]:
    """The alternatives that satisfy the rule (OpenAPI: any one item of the list)."""
    if rule.kind == "scope":
        session: dict[str, list[str]] = {"session": []}
        if rule.csrf:
            session["csrf"] = []
        return [{"apiKey": []}, {"bearer": []}, session]
    if rule.kind in ("session", "admin"):
        by_session: list[dict[str, list[str]]] = (
            [{"session": [], "csrf": []}] if rule.csrf else [{"session": []}]
        )
        by_key: list[dict[str, list[str]]] = (
            [{"apiKey": []}, {"bearer": []}] if rule.accepts_api_key else []
        )
        return by_key + by_session
    return []


def _csrf_parameter(rule: RouteRule) -> dict[str, Any]:
    when = (
        "with the session cookie; an API key caller leaves it out"
        if rule.accepts_api_key
        else "required: without it the request is refused (403 `csrf_failed`)"
    )
    return {
        "name": CSRF_HEADER,
        "in": "header",
        # Not `required`, even where it is: the `csrf` security requirement says so, and
        # generated clients (the SPA's) set it in one middleware, not on every call.
        "required": False,
        "description": f"The token of `GET /api/v1/auth/csrf`, echoed: {when}",
        "schema": {"type": "string"},
        "example": "Zm9vYmFyYmF6.c2lnbmF0dXJl",
    }


def _access_text(rule: RouteRule) -> str:
    lines = [f"**Access:** {rule.describe()}."]
    if rule.kind == "scope":
        lines.append(
            f"Send an API key with `{rule.scope}` (`X-API-Key` or `Authorization: Bearer`), "
            "or call it signed in."
        )
    elif rule.accepts_api_key:
        lines.append(
            f"Send an admin's API key with `{rule.scope}` (`X-API-Key` or `Authorization: "
            "Bearer`), or call it signed in as an admin."
        )
    if rule.csrf:
        lines.append(f"With the session cookie, send `{CSRF_HEADER}`.")
    limits = list(rule.rate_limits)
    if rule.kind == "scope":
        limits.insert(0, "the API key's own limits (or the session user's)")
    elif rule.accepts_api_key:
        limits.insert(0, "the API key's own limits (none for an admin session)")
    if limits:
        lines.append(f"**Rate limit:** {', '.join(limits)} (see the RateLimit headers).")
    return " ".join(lines)


def document_access(operation: dict[str, Any], rule: RouteRule) -> None:
    operation["security"] = security_of(rule)
    operation[ACCESS_MARKER] = rule.kind
    if rule.scope is not None:
        operation["x-required-scope"] = rule.scope
    if rule.tier is not None:
        operation["x-required-tier"] = rule.tier.value
    text = _access_text(rule)
    description = operation.get("description")
    operation["description"] = f"{description}\n\n{text}" if description else text
    if rule.csrf:
        parameters: list[dict[str, Any]] = operation.setdefault("parameters", [])
        if not any(p.get("name") == CSRF_HEADER for p in parameters):
            parameters.append(_csrf_parameter(rule))
    if rule.rate_limited:
        _document_rate_limit_headers(operation, _rate_limit_headers(rule))


def _document_rate_limit_headers(
    operation: dict[str, Any], rate_headers: dict[str, dict[str, Any]]
) -> None:
    for status, response in operation.get("responses", {}).items():
        if status.startswith("2"):
            response.setdefault("headers", {}).update(rate_headers)
        elif status == "429":
            headers = response.setdefault("headers", {})
            headers.update(rate_headers)
            headers["Retry-After"] = _RETRY_AFTER
