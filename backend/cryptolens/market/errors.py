"""Market-domain exceptions, each mapped to an HTTP status through core.errors."""

from __future__ import annotations

from typing import ClassVar

from cryptolens.core.errors import AppError, NotFoundError


class SymbolNotFoundError(NotFoundError):
    code = "symbol_not_found"

    def __init__(self, symbol: str) -> None:
        super().__init__(f"Symbol {symbol} not found")
        self.symbol = symbol


class SymbolNotListedError(AppError):
    """The exchange has no spot market of that name (adding it would fetch nothing)."""

    status_code: ClassVar[int] = 422
    code: ClassVar[str] = "symbol_not_listed"
    title: ClassVar[str] = "Symbol not listed"

    def __init__(self, symbol: str, exchange: str) -> None:
        super().__init__(f"{exchange} lists no spot market {symbol}")
        self.symbol = symbol
        self.exchange = exchange


class CandleSourceError(AppError):
    """A candle source failed; the message names the exchange, the request and the cause."""

    status_code: ClassVar[int] = 502
    code: ClassVar[str] = "exchange_error"
    title: ClassVar[str] = "Exchange error"


class ExchangeUnavailableError(CandleSourceError):
    """The exchange could not be reached: transient errors outlasted every retry."""

    status_code: ClassVar[int] = 503
    code: ClassVar[str] = "exchange_unavailable"
    title: ClassVar[str] = "Exchange unavailable"


class ExchangeRequestError(CandleSourceError):
    """The exchange refused a request for good (bad symbol, malformed answer, ...): retrying
    cannot help, so that symbol fails at once."""
