"""Error responses of the OpenAPI document: each status of an operation says what it means
there, with one example envelope per machine code that can come back (not one example text
copied onto every status).

Which 401/403 codes apply follows from the route's rule (access/route_rules.py); the route's own
declaration adds its domain reasons (a wrong password, an email taken...)."""

from __future__ import annotations

import re
from typing import Any

from cryptolens.access.route_rules import UNSAFE_METHODS, RouteRule
from cryptolens.core.errors import AppError, RateLimitedError

ENVELOPE_REF = "#/components/schemas/ErrorEnvelope"
EXAMPLE_TIME = "2026-01-15T09:30:00.123Z"
EXAMPLE_REQUEST_ID = "3f2b8c1e9a7d4e6f"

# The meaning of a status when the route says nothing more specific.
STATUS_MEANING: dict[int, str] = {
    400: "The request could not be read or used (e.g. a body that is not UTF-8)",
    401: "No valid credential",
    403: "Refused for this caller",
    404: "Not found, or not yours",
    409: "Conflicts with the current state",
    413: "The body is larger than the server accepts",
    415: "An unsafe request's body is not application/json",
    422: "Invalid path, query or body; `meta` names the field",
    429: "Too many requests; wait `Retry-After` seconds",
    500: "Internal error (nothing about it leaves the server; quote `meta.request_id`)",
    502: "The upstream exchange answered with an error",
    503: "Temporarily unavailable (database or job queue down); try again shortly",
}

# (code, message) examples of the statuses that do not depend on the rule.
_GENERIC_EXAMPLES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "Bad request: the body is not valid UTF-8"),
    409: ("conflict", "Conflict: the object changed meanwhile"),
    413: ("payload_too_large", "Request Entity Too Large: the body is over 1048576 bytes"),
    415: ("unsupported_media_type", "Unsupported media type: send application/json"),
    422: ("validation_error", "Validation error: query.limit: must be at most 500"),
    500: ("internal_error", "Internal server error"),
    502: ("upstream_error", "Bad gateway: the exchange did not answer"),
    503: ("service_unavailable", "Service unavailable: the database is not reachable"),
}

_AUTH_EXAMPLES: dict[str, str] = {
    "not_signed_in": "Unauthorized: Sign in required",
    "invalid_api_key": "Unauthorized: Invalid API key",
    "csrf_failed": "Forbidden: CSRF token missing or invalid; fetch /api/v1/auth/csrf and resend",
    "session_required": (
        "Forbidden: API keys cannot call this route; it needs a signed-in session"
    ),
    "scope_required": "Forbidden: Requires the {scope} scope",
    "ip_not_allowed": "Forbidden: This API key may not be used from this address",
    "tier_required": "Requires {tier} tier",
    "verification_required": "Forbidden: Verify your email address first",
    "admin_required": "Forbidden: Administrators only",
    "unauthorized": "Unauthorized: Wrong or missing credentials",
    "forbidden": "Forbidden: Not allowed",
}


def _envelope(code: str, message: str) -> dict[str, Any]:
    return {
        "success": False,
        "data": None,
        "error": message,
        "meta": {"timestamp": EXAMPLE_TIME, "request_id": EXAMPLE_REQUEST_ID, "code": code},
    }


def unauthorized_codes(rule: RouteRule) -> list[str]:
    if rule.accepts_api_key:
        return ["not_signed_in", "invalid_api_key"]
    if rule.kind in ("session", "admin"):
        return ["not_signed_in"]
    return []


def forbidden_codes(rule: RouteRule) -> list[str]:
    codes: list[str] = []
    if rule.csrf:
        codes.append("csrf_failed")
    if rule.needs_session:
        codes.append("session_required")
    if rule.accepts_api_key:
        codes += ["scope_required", "ip_not_allowed"]
    if rule.verified:
        codes.append("verification_required")
    if rule.tier is not None and rule.tier.rank > 0:
        codes.append("tier_required")
    if rule.kind == "admin":
        codes.append("admin_required")
    return codes


_CODE_MEANING = {
    "not_signed_in": "no session cookie (or it expired)",
    "invalid_api_key": "an unknown, revoked or expired API key",
    "csrf_failed": "the X-CSRF-Token header does not echo the csrf cookie",
    "session_required": "an API key was sent: this route needs the session",
    "scope_required": "the API key lacks the scope",
    "ip_not_allowed": "the API key's IP rules exclude the caller",
    "tier_required": "the subscription tier is too low (an upgrade allows it)",
    "verification_required": "the email address is not verified yet",
    "admin_required": "not an administrator",
}


def _codes_text(codes: list[str]) -> str:
    return "; ".join(f"`{code}`: {_CODE_MEANING[code]}" for code in codes)


def _not_found_example(path: str) -> str:
    """`Not found: Signal not found` for /signals/{signal_id}: the last path id names it."""
    names = re.findall(r"\{(\w+)\}", path)
    noun = names[-1].removesuffix("_id").replace("_", " ") if names else "symbol"
    return f"Not found: {noun.capitalize()} not found"


def rate_limit_example(rule: RouteRule) -> str:
    limit = rule.rate_limits[0] if rule.rate_limits else "60/minute"
    return f"{RateLimitedError.title}: limit of {limit} reached"


_CODE_IN_TEXT = re.compile(r"`([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+)`")


def _error_classes(cls: type[AppError] = AppError) -> list[type[AppError]]:
    found: list[type[AppError]] = []
    for sub in cls.__subclasses__():
        found += [sub, *_error_classes(sub)]
    return found


def _declared_codes(status: int, declared: str | None) -> list[str]:
    """The codes a route names in its description (`symbol_not_found`) that some AppError of
    that status carries."""
    if not declared:
        return []
    known = {c.code for c in _error_classes() if c.status_code == status}
    return [code for code in _CODE_IN_TEXT.findall(declared) if code in known]


# Statuses the framework itself answers on any route: their generic example always applies.
_FRAMEWORK_STATUSES = frozenset({400, 413, 415, 422, 500})
_GENERIC_CODES = {code: message for code, message in _GENERIC_EXAMPLES.values()}


def _message(code: str, status: int, rule: RouteRule, path: str) -> str:
    if code in _AUTH_EXAMPLES:
        tier = rule.tier.value if rule.tier is not None and rule.tier.rank > 0 else "pro"
        return _AUTH_EXAMPLES[code].format(scope=rule.scope, tier=tier)
    if code == "not_found":
        return _not_found_example(path)
    if code == "rate_limited":
        return rate_limit_example(rule)
    if code in _GENERIC_CODES:
        return _GENERIC_CODES[code]
    titles = {c.code: c.title for c in _error_classes() if c.status_code == status}
    return f"{titles.get(code, f'HTTP {status}')}: {code.replace('_', ' ')}"


def _fallback_code(status: int) -> str:
    special = {
        401: "unauthorized",
        403: "forbidden",
        404: "not_found",
        429: "rate_limited",
    }
    if status in special:
        return special[status]
    return _GENERIC_EXAMPLES.get(status, (f"http_{status}", ""))[0]


def _examples_for(
    status: int, rule: RouteRule, path: str, declared: str | None
) -> dict[str, tuple[str, str]]:
    """code -> (code, message) of the examples of one status: the rule's codes, the codes the
    route names, and the generic one where nothing more specific is known."""
    codes = (
        unauthorized_codes(rule)
        if status == 401
        else forbidden_codes(rule)
        if status == 403
        else []
    )
    codes += _declared_codes(status, declared)
    if not codes or status in _FRAMEWORK_STATUSES or (status == 404 and "{" in path):
        codes.append(_fallback_code(status))
    return {code: (code, _message(code, status, rule, path)) for code in dict.fromkeys(codes)}


def _description(status: int, declared: str | None, rule: RouteRule) -> str:
    codes = (
        unauthorized_codes(rule)
        if status == 401
        else forbidden_codes(rule)
        if status == 403
        else []
    )
    generic = (
        declared is None
        or declared in STATUS_MEANING.values()
        or declared.startswith(
            ("The body is over settings", "An unsafe request's body", "Invalid path, query")
        )
    )
    base = STATUS_MEANING.get(status, f"HTTP {status}") if generic else declared
    if codes:
        return f"{base}. Codes: {_codes_text(codes)}"
    return base or f"HTTP {status}"


def required_statuses(rule: RouteRule, path: str) -> set[int]:
    """The error statuses the rule alone implies (the route may declare more)."""
    statuses: set[int] = set()
    if unauthorized_codes(rule):
        statuses.add(401)
    if forbidden_codes(rule):
        statuses.add(403)
    if rule.rate_limited:
        statuses.add(429)
    if "{" in path:
        statuses.add(404)
    return statuses


def _names_something(operation: dict[str, Any], path: str) -> bool:
    """A 404 needs something the request names: a path id, a `symbol` filter or a body."""
    parameters = operation.get("parameters", [])
    return (
        "{" in path
        or "requestBody" in operation
        or any(p.get("name") == "symbol" for p in parameters)
    )


def rewrite_error_responses(
    operation: dict[str, Any], rule: RouteRule, method: str, path: str
) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    if method not in UNSAFE_METHODS:
        responses.pop("415", None)  # the JSON-only check reads unsafe requests' bodies only
    if not _names_something(operation, path):
        responses.pop("404", None)  # nothing named in the request can be missing
    for status in required_statuses(rule, path):
        responses.setdefault(str(status), {})
    for key, response in responses.items():
        if not key.isdigit() or int(key) < 400:
            continue
        status = int(key)
        declared = response.get("description")
        response["description"] = _description(status, declared, rule)
        examples = _examples_for(status, rule, path, declared)
        response["content"] = {
            "application/json": {
                "schema": {"$ref": ENVELOPE_REF},
                "examples": {
                    name: {"summary": code, "value": _envelope(code, message)}
                    for name, (code, message) in examples.items()
                },
            }
        }
