"""Picks the candle source for a data source setting."""

from __future__ import annotations

from cryptolens.core.retry import RetryPolicy
from cryptolens.market.sources.base import CandleSource, DataSource
from cryptolens.market.sources.ccxt_source import CcxtSource
from cryptolens.market.sources.replay import Clock, ReplaySource, wall_clock_ms
from cryptolens.settings import MarketSettings


def open_candle_source(
    data_source: DataSource,
    settings: MarketSettings,
    *,
    retry: RetryPolicy | None = None,
    timeout_ms: int | None = None,
    clock: Clock = wall_clock_ms,
) -> CandleSource:
    """The exchange (ccxt, settings exchange / exchange_api_url) or the synthetic replay
    market (settings replay_seed, default_symbols). The caller closes it."""
    if data_source == "replay":
        return ReplaySource.synthetic(settings.replay_seed, settings.default_symbols, clock=clock)
    if timeout_ms is None:
        return CcxtSource(settings.exchange, api_url=settings.exchange_api_url, retry=retry)
    return CcxtSource(
        settings.exchange, api_url=settings.exchange_api_url, retry=retry, timeout_ms=timeout_ms
    )
