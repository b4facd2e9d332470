"""Domain exceptions: each carries its HTTP status and a stable machine code.

They are mapped once to the envelope (core/handlers.py); services raise them, routes never
catch them.
"""

from __future__ import annotations

from typing import ClassVar


class AppError(Exception):
    status_code: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    title: ClassVar[str] = "Bad request"

    def __init__(self, detail: str | None = None, *, headers: dict[str, str] | None = None):
        super().__init__(detail or self.title)
        self.detail = detail
        self.headers = headers or {}

    @property
    def message(self) -> str:
        """The human message: `"Not found: Symbol not found"`."""
        return f"{self.title}: {self.detail}" if self.detail else self.title


class BadRequestError(AppError):
    pass


class UnauthorizedError(AppError):
    status_code = 401
    code = "unauthorized"
    title = "Unauthorized"


class ForbiddenError(AppError):
    status_code = 403
    code = "forbidden"
    title = "Forbidden"


class TierRequiredError(ForbiddenError):
    code = "tier_required"

    def __init__(self, tier: str) -> None:
        super().__init__(f"Requires {tier} tier")
        self.tier = tier

    @property
    def message(self) -> str:
        return f"Requires {self.tier} tier"


class NotFoundError(AppError):
    status_code = 404
    code = "not_found"
    title = "Not found"


class ConflictError(AppError):
    status_code = 409
    code = "conflict"
    title = "Conflict"


class UnsupportedMediaTypeError(AppError):
    status_code = 415
    code = "unsupported_media_type"
    title = "Unsupported media type"


class ValidationFailedError(AppError):
    status_code = 422
    code = "validation_error"
    title = "Validation error"


class RateLimitedError(AppError):
    status_code = 429
    code = "rate_limited"
    title = "Too many requests"

    def __init__(self, retry_after_seconds: int, detail: str | None = None) -> None:
        super().__init__(detail, headers={"Retry-After": str(max(1, retry_after_seconds))})
        self.retry_after_seconds = retry_after_seconds


class ServiceUnavailableError(AppError):
    status_code = 503
    code = "service_unavailable"
    title = "Service unavailable"
