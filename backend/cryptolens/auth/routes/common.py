"""What the account routes share: error declarations and the rate limits of the password
re-checks."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Depends

from cryptolens.access.deps import PerUserRateLimit
from cryptolens.core.envelope import ErrorEnvelope
from cryptolens.core.ratelimit import RateLimit

log = logging.getLogger("cryptolens.ratelimit")

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


def password_recheck_limits(scope: str) -> list[Any]:
    """Routes that tell whether a password is right: like the login, 5 a minute per IP, and
    per user too."""
    rule = "5/minute"
    return [
        Depends(RateLimit(rule, scope=scope)),
        Depends(PerUserRateLimit(rule, scope=f"{scope}-user")),
    ]
