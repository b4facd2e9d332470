"""The portfolio domain's refusals, each with its stable code (portfolio.md)."""

from __future__ import annotations

from cryptolens.core.errors import (
    ConflictError,
    NotFoundError,
    TierRequiredError,
    ValidationFailedError,
)


class PortfolioNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Portfolio not found")


class TradeNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Trade not found")


class UnknownSymbolError(ValidationFailedError):
    code = "unknown_symbol"


class InvalidTransitionError(ConflictError):
    code = "invalid_transition"


class PriceUnavailableError(ConflictError):
    code = "price_unavailable"


class TierLimitError(TierRequiredError):
    """A tier limit reached: `Requires premium tier: pro allows 5 trades a day`."""

    def __init__(self, tier: str, reason: str) -> None:
        super().__init__(tier)
        self.reason = reason

    @property
    def message(self) -> str:
        return f"Requires {self.tier} tier: {self.reason}"


class AlreadyJournaledError(ConflictError):
    code = "already_journaled"


class TagNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Tag not found")


class UnknownTagError(ValidationFailedError):
    """A trade's tag id that is not one of the caller's tags (another user's or none)."""

    code = "unknown_tag"


class TagExistsError(ConflictError):
    code = "tag_exists"


class TagLimitError(ConflictError):
    """200 tags a user: no tier lifts it."""

    code = "limit_reached"
