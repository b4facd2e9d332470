"""What the account routes share: the router's CSRF dependency and error declarations."""

from __future__ import annotations

from typing import Any

from cryptolens.core.envelope import ErrorEnvelope

_DESCRIPTIONS = {
    400: "Invalid or used link, wrong current password or code",
    401: "Not signed in, wrong credentials, or the account is locked",
    403: "CSRF header missing or not matching the csrf cookie; or a tier/verification needed",
    404: "Not found (or not yours)",
    409: "Conflicts with the current state (email taken, two-factor already on...)",
    415: "The body is not application/json",
    429: "Too many requests from this address; see Retry-After",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the listed error statuses (422 and 500 are declared app-wide)."""
    return {
        status: {"model": ErrorEnvelope, "description": _DESCRIPTIONS[status]}
        for status in statuses
    }


# Every unsafe route: CSRF (403) and JSON-only bodies (415).
UNSAFE = (403, 415)
