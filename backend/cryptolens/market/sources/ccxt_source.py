"""Candles from a real exchange through ccxt's async client (spot markets only).

Each request is retried on ccxt's transient errors (NetworkError and its subclasses:
RequestTimeout, RateLimitExceeded, DDoSProtection, ExchangeNotAvailable) with exponential
backoff, jitter and the server's Retry-After; any other error fails the request at once.
"""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import cache
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit, urlunsplit

import ccxt
import ccxt.async_support as ccxt_async

from cryptolens.core.retry import (
    RetriesExhaustedError,
    RetryAfterTooLongError,
    RetryPolicy,
    call_with_retries,
)
from cryptolens.market.candles import OHLCV
from cryptolens.market.defaults import EXCHANGE_TIMEOUT_MS
from cryptolens.market.errors import ExchangeRequestError, ExchangeUnavailableError
from cryptolens.market.sources.base import MarketListing, decimals_of

T = TypeVar("T")

# ccxt precision modes (ccxt.base.decimal_to_precision): what market['precision']['price'] holds.
_DECIMAL_PLACES = 2
_TICK_SIZE = 4


class CcxtSource:
    """The `exchange` data source: one ccxt client, rate limited, retrying."""

    reports_known_gaps = True

    def __init__(
        self,
        exchange_id: str = "binance",
        *,
        api_url: str | None = None,
        timeout_ms: int = EXCHANGE_TIMEOUT_MS,
        retry: RetryPolicy | None = None,
    ) -> None:
        exchange_class = getattr(ccxt_async, exchange_id, None)
        if not isinstance(exchange_class, type):
            raise ValueError(f"ccxt knows no exchange {exchange_id!r}")
        self._exchange_id = exchange_id
        self._retry = retry or RetryPolicy()
        self._client: Any = _strict_client_class(exchange_class)(
            {
                "enableRateLimit": True,
                "timeout": timeout_ms,
                "options": {"defaultType": "spot", "fetchMarkets": {"types": ["spot"]}},
            }
        )
        # ccxt waits this long on close() for websocket clean-up; we only use REST.
        self._client.timeout_on_exit = 0
        if api_url:
            self._client.urls["api"] = _rest_urls_at(self._client.urls["api"], api_url)

    @property
    def exchange_id(self) -> str:
        return self._exchange_id

    @property
    def data_source(self) -> Literal["exchange"]:
        return "exchange"

    async def list_markets(self) -> list[MarketListing]:
        markets: dict[str, Any] = await self._request(self._client.load_markets, "load markets")
        precision_mode = self._client.precisionMode
        return [
            _listing(market, precision_mode)
            for market in markets.values()
            if market.get("spot") and market.get("type", "spot") == "spot"
        ]

    async def fetch_ohlcv(
        self, symbol: str, timeframe: str, since: int | None, limit: int
    ) -> list[OHLCV]:
        await self._request(self._client.load_markets, "load markets")
        rows: Any = await self._request(
            lambda: self._client.fetch_ohlcv(symbol, timeframe, since, limit),
            f"fetch {timeframe} candles of {symbol} since {since}",
        )
        if not isinstance(rows, list):
            raise ExchangeRequestError(
                f"{self._exchange_id}: malformed answer for {symbol} {timeframe} candles"
            )
        return [self._candle(row, symbol) for row in rows]

    async def fetch_time(self) -> int:
        if not self._client.has.get("fetchTime"):
            return int(time.time() * 1000)
        server_time: Any = await self._request(self._client.fetch_time, "fetch server time")
        if not isinstance(server_time, int):
            raise ExchangeRequestError(f"{self._exchange_id}: malformed server time")
        return server_time

    async def close(self) -> None:
        await self._client.close()

    async def _request(self, call: Callable[[], Awaitable[T]], what: str) -> T:
        try:
            return await call_with_retries(
                call,
                policy=self._retry,
                is_transient=_is_transient,
                retry_after=_retry_after_seconds,
                what=f"{self._exchange_id}: {what}",
            )
        except (RetriesExhaustedError, RetryAfterTooLongError) as error:
            raise ExchangeUnavailableError(_describe(error)) from error
        except ccxt.BaseError as error:
            raise ExchangeRequestError(
                f"{self._exchange_id}: {what}: {type(error).__name__}: {error}"[:900]
            ) from error
        except (TypeError, ValueError, KeyError, IndexError) as error:
            # ccxt parses as it goes; a body of the wrong shape surfaces as one of these.
            raise ExchangeRequestError(
                f"{self._exchange_id}: {what}: malformed answer ({type(error).__name__})"
            ) from error

    def _candle(self, row: Any, symbol: str) -> OHLCV:
        try:
            open_time = int(row[0])
            values = [math.nan if value is None else float(value) for value in row[1:6]]
            return OHLCV(open_time, *values)
        except (TypeError, ValueError, IndexError) as error:
            raise ExchangeRequestError(
                f"{self._exchange_id}: malformed candle for {symbol}: {str(row)[:120]}"
            ) from error


def _is_transient(error: BaseException) -> bool:
    return isinstance(error, ccxt.NetworkError)


def _retry_after_seconds(error: BaseException) -> float | None:
    value = getattr(error, "retry_after_seconds", None)
    return float(value) if isinstance(value, int | float) else None


def _describe(error: RetriesExhaustedError | RetryAfterTooLongError) -> str:
    cause = error.last_error
    return f"{error} ({type(cause).__name__})"[:900]


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


@cache
def _strict_client_class(exchange_class: type[Any]) -> type[Any]:
    """The exchange class with two hardenings ccxt lacks:

    - its HTTP errors carry the response's Retry-After: ccxt drops response headers when it
      raises, but handle_errors still sees them, so the value is attached to the exception
      there (per request, so concurrent requests cannot mix up);
    - a candle answer that is not a list of candles raises BadResponse: ccxt would otherwise
      parse the garbage into rows without a time and silently filter them all out, which
      reads as "no candles".
    """

    class StrictClient(exchange_class):  # type: ignore[misc]
        def handle_errors(
            self,
            code: int,
            reason: str,
            url: str,
            method: str,
            headers: dict[str, str],
            body: str,
            response: object,
            request_headers: object,
            request_body: object,
        ) -> Any:
            try:
                handled = super().handle_errors(
                    code,
                    reason,
                    url,
                    method,
                    headers,
                    body,
                    response,
                    request_headers,
                    request_body,
                )
                if code is not None and code >= 400:
                    # What ccxt would raise next, raised here so it carries Retry-After too.
                    self.handle_http_status_code(code, reason, url, method, body)
            except ccxt.BaseError as error:
                header = next(
                    (
                        value
                        for key, value in (headers or {}).items()
                        if key.lower() == "retry-after"
                    ),
                    None,
                )
                error.retry_after_seconds = parse_retry_after(header)
                raise
            return handled

        def parse_ohlcvs(self, ohlcvs: Any, *args: Any, **kwargs: Any) -> Any:
            if ohlcvs is not None and not isinstance(ohlcvs, list):
                raise ccxt.BadResponse(
                    f"{self.id} candles: expected a list, got {str(ohlcvs)[:80]!r}"
                )
            for row in ohlcvs or []:
                if not isinstance(row, list | dict):
                    raise ccxt.BadResponse(f"{self.id} candles: malformed row {str(row)[:80]!r}")
            return super().parse_ohlcvs(ohlcvs, *args, **kwargs)

    StrictClient.__name__ = f"Strict{exchange_class.__name__}"
    return StrictClient


def _rest_urls_at(api_urls: Any, base_url: str) -> Any:
    """ccxt's REST API urls with scheme and host replaced by `base_url` (path kept):
    for binance `https://api.binance.com/api/v3` becomes `{base_url}/api/v3`."""
    base = urlsplit(base_url.rstrip("/"))

    def rewrite(url: Any) -> Any:
        if isinstance(url, dict):
            return {key: rewrite(value) for key, value in url.items()}
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            return url
        parts = urlsplit(url)
        return urlunsplit((base.scheme, base.netloc, base.path + parts.path, parts.query, ""))

    return rewrite(api_urls)


def _listing(market: dict[str, Any], precision_mode: int) -> MarketListing:
    raw_precision = (market.get("precision") or {}).get("price")
    tick_size: float | None = None
    decimals: int | None = None
    if raw_precision is not None:
        if precision_mode == _TICK_SIZE:
            tick_size = float(raw_precision)
            decimals = decimals_of(tick_size)
        elif precision_mode == _DECIMAL_PLACES:
            decimals = int(raw_precision)
            tick_size = 10.0**-decimals
    return MarketListing(
        symbol=str(market["symbol"]),
        base=str(market["base"]),
        quote=str(market["quote"]),
        active=market.get("active") is not False,
        tick_size=tick_size,
        price_precision=decimals,
    )
