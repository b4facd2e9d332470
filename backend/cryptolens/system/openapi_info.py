"""What the OpenAPI document tells before any operation: how to authenticate, the envelope, the
one timestamp convention, and the tags (sections) with their descriptions, in reading order."""

from __future__ import annotations

import re
from typing import Any

API_DESCRIPTION = """\
Smart Money Concepts patterns (FVG, Order Blocks, Liquidity Sweeps), multi-timeframe signals
and alerts.

## Authentication
* **API key** (premium): create one under Profile > API keys and send it as `X-API-Key: clk_...`
  or `Authorization: Bearer clk_...`. A key acts with the scopes it was given; each operation
  names the scope it needs (`x-required-scope`). Keys never need the CSRF header.
* **Session** (the web app): `POST /api/v1/auth/login` sets an HttpOnly session cookie. Every
  POST/PUT/PATCH/DELETE made with it must carry `X-CSRF-Token`, the token that
  `GET /api/v1/auth/csrf` returns.
* Each operation lists what it accepts (`security`) and says it in its description: public,
  session, API key scope, admin, or signed link.

## Envelope and errors
Every JSON answer is `{success, data, error, meta}`; `meta.request_id` is also the `X-Request-ID`
header. An error has `success: false`, a short human `error` and a stable machine `meta.code`
(`not_signed_in`, `scope_required`, `tier_required`, `rate_limited`...): branch on the code,
never on the text. Lists take `limit` and `cursor` and return `meta.count` and
`meta.next_cursor`.

## Time
* **Market data** (candle `time`, pattern and signal instants such as `formed_at`,
  `created_at`, `last_candle_time`): integer **milliseconds since the Unix epoch**, UTC.
* **Every other time** (accounts, sessions, subscriptions, API keys, notifications, webhooks,
  jobs, admin records, `meta.timestamp`): ISO-8601 `date-time` in UTC, always with milliseconds
  and `Z` (`2026-01-15T09:30:00.123Z`); marked `x-time-form: iso-ms` in the schemas.
* **Calendar days** (`day` in statistics): `YYYY-MM-DD`, UTC.
* Durations end in `_ms` (milliseconds). Query instants (`since`, `start`, `end`) accept epoch
  milliseconds or ISO-8601; an instant in a body (an API key's `expires_at`) accepts any
  ISO-8601 form. Either way no offset means UTC, except a broadcast's `scheduled_for`, which
  must carry one.

## Rate limits
Limited operations answer with `RateLimit-Policy` and `RateLimit` headers; over the limit they
answer 429 `rate_limited` with `Retry-After` (seconds).
"""

# Sections in the order a developer reads them; each tag of the document must be here.
TAGS: list[dict[str, str]] = [
    {"name": "market", "description": "Symbols with freshness and price; candles (epoch ms)."},
    {"name": "patterns", "description": "Detected FVGs, order blocks and liquidity sweeps."},
    {
        "name": "signals",
        "description": "Multi-timeframe signals, the pattern matrix, statistics, the SSE stream.",
    },
    {"name": "jobs", "description": "Scans and fetches on demand, and their job status."},
    {"name": "portfolios", "description": "Pro and premium: portfolios and the trade journal."},
    {"name": "backtests", "description": "Premium: replays of a symbol with your own parameters."},
    {"name": "webhooks", "description": "Outbound webhooks: endpoints, secrets, deliveries."},
    {"name": "api-keys", "description": "Premium API keys: scopes, IP rules, usage."},
    {"name": "notifications", "description": "Push preferences, NTFY topic, history, mute links."},
    {"name": "auth", "description": "Accounts, sign-in, sessions, CSRF token, two-factor."},
    {"name": "billing", "description": "Plans, checkout and payment history."},
    {"name": "health", "description": "Liveness and readiness (public, no credentials)."},
    {"name": "admin", "description": "Administration (admins only): users, symbols, jobs..."},
]

_MS_FIELD = re.compile(r"(_at|_time|^time|_ms|_until|^since|^start|^end)$")


def tag_list(document: dict[str, Any]) -> list[dict[str, str]]:
    """The described tags that the document uses, in reading order (unknown tags last)."""
    used: list[str] = []
    for item in document.get("paths", {}).values():
        for operation in item.values():
            for tag in operation.get("tags", []):
                if tag not in used:
                    used.append(tag)
    known = [tag for tag in TAGS if tag["name"] in used]
    names = {tag["name"] for tag in TAGS}
    return known + [{"name": name} for name in used if name not in names]


def dedupe_operation_tags(document: dict[str, Any]) -> None:
    # A sub-router and its parent both tagged "admin": one tag is enough.
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if "tags" in operation:
                operation["tags"] = list(dict.fromkeys(operation["tags"]))


def document_time_fields(document: dict[str, Any]) -> None:
    """Says on each time property which of the two forms it is in."""
    for schema in document.get("components", {}).get("schemas", {}).values():
        for name, prop in schema.get("properties", {}).items():
            if not _MS_FIELD.search(name):
                continue
            text = str(prop)
            if "date-time" in text:
                form = "ISO-8601 date-time, UTC"
            elif "'integer'" in text or "'number'" in text:
                form = "milliseconds" if name.endswith("_ms") else "epoch milliseconds, UTC"
            else:
                continue
            description = prop.get("description")
            if description is None:
                prop["description"] = form[0].upper() + form[1:]
            elif not re.search(r"\bms\b|millisecond|ISO", description):
                prop["description"] = f"{description} ({form})"
