"""The one small interface every candle source offers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from cryptolens.market.candles import OHLCV

DataSource = Literal["exchange", "replay"]


@dataclass(frozen=True, slots=True)
class MarketListing:
    """A spot market as the source lists it, with the price step used to round levels."""

    symbol: str
    base: str
    quote: str
    active: bool
    tick_size: float | None
    price_precision: int | None


class CandleSource(Protocol):
    @property
    def exchange_id(self) -> str:
        """Stored on symbols, so each source fetches only the symbols it serves."""
        ...

    @property
    def data_source(self) -> DataSource: ...

    @property
    def reports_known_gaps(self) -> bool:
        """Whether holes in its answers mean "no trades" (exchange) rather than missing data."""
        ...

    async def list_markets(self) -> list[MarketListing]: ...

    async def fetch_ohlcv(
        self, symbol: str, timeframe: str, since: int | None, limit: int
    ) -> list[OHLCV]:
        """Up to `limit` candles with open time >= `since`, ascending; the newest may be open."""
        ...

    async def fetch_time(self) -> int:
        """The source's current time in ms: candles closing after it are still open."""
        ...

    async def close(self) -> None: ...


def decimals_of(tick_size: float) -> int:
    """Number of decimals of a price step: 0.01 -> 2, 0.5 -> 1, 10 -> 0."""
    text = f"{tick_size:.12f}".rstrip("0")
    _, _, fraction = text.partition(".")
    return len(fraction)
