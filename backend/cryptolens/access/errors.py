"""Refusals of the identity layer (each maps to the envelope through core.errors.AppError).

A missing tier is core's TierRequiredError (403, `tier_required`), shared with the checks in
user_access.py."""

from __future__ import annotations

from cryptolens.core.errors import ForbiddenError, UnauthorizedError


class NotSignedInError(UnauthorizedError):
    code = "not_signed_in"

    def __init__(self) -> None:
        super().__init__("Sign in required")


class EmailNotVerifiedError(ForbiddenError):
    code = "verification_required"

    def __init__(self) -> None:
        super().__init__("Verify your email address first")


class AdminRequiredError(ForbiddenError):
    code = "admin_required"

    def __init__(self) -> None:
        super().__init__("Administrators only")


class ScopeRequiredError(ForbiddenError):
    code = "scope_required"

    def __init__(self, scope: str) -> None:
        super().__init__(f"Requires the {scope} scope")


class InvalidApiKeyError(UnauthorizedError):
    """One answer for a malformed, unknown, revoked or expired key, or an inactive owner: a
    caller learns nothing about which."""

    code = "invalid_api_key"

    def __init__(self) -> None:
        super().__init__("Invalid API key")


class IpNotAllowedError(ForbiddenError):
    code = "ip_not_allowed"

    def __init__(self) -> None:
        super().__init__("This API key may not be used from this address")


class SessionRequiredError(ForbiddenError):
    code = "session_required"

    def __init__(self) -> None:
        super().__init__("API keys cannot call this route; it needs a signed-in session")
