"""The backtests domain's refusals, each with its stable code (backtest.md, api.md)."""

from __future__ import annotations

from cryptolens.core.errors import ConflictError, NotFoundError, ValidationFailedError


class BacktestNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Backtest not found")


class BacktestLimitError(ConflictError):
    """One queued or running backtest per user: no tier lifts it."""

    code = "limit_reached"


class InvalidTransitionError(ConflictError):
    code = "invalid_transition"


class InsufficientHistoryError(ValidationFailedError):
    """The stored 1m candles do not cover the warm-up before `start`."""

    code = "insufficient_history"
