"""Market-data tunables that are not (yet) settings. Names say what each one governs."""

from __future__ import annotations

from cryptolens.core.timeframes import DAY_MS

BASE_TIMEFRAME = "1m"
# Timeframes built from 1m once a symbol is backfilled, in ascending order.
BUILT_TIMEFRAMES: tuple[str, ...] = ("5m", "15m", "1h", "4h", "1d")

# How far back each timeframe is fetched directly when a symbol is added (market-data.md);
# setting backfill_depth_days overrides it per timeframe.
BACKFILL_DEPTH_MS: dict[str, int] = {
    "1m": 14 * DAY_MS,
    "5m": 30 * DAY_MS,
    "15m": 60 * DAY_MS,
    "1h": 180 * DAY_MS,
    "4h": 365 * DAY_MS,
    "1d": 3 * 365 * DAY_MS,
}

# Candles older than this are deleted by the retention job; missing timeframes are kept forever.
RETENTION_MS: dict[str, int] = {
    "1m": 30 * DAY_MS,
    "5m": 180 * DAY_MS,
    "15m": 365 * DAY_MS,
}

# Binance spot serves at most 1,000 klines a request.
FETCH_BATCH_SIZE = 1000

# Retry of transient exchange errors: exponential backoff with jitter.
RETRY_BASE_DELAY_SECONDS = 1.0
RETRY_MAX_DELAY_SECONDS = 60.0
RETRY_MAX_TRIES = 5

# ccxt request timeout for regular fetches, and the quick start-up reachability probe.
EXCHANGE_TIMEOUT_MS = 10_000
EXCHANGE_PROBE_TIMEOUT_MS = 3_000

# Rows per bulk upsert statement: large enough to amortise round trips, small enough
# to stay under max_allowed_packet on MySQL.
UPSERT_CHUNK_ROWS = 20_000

# Exchange id stored on symbols served by the replay source.
REPLAY_EXCHANGE_ID = "replay"
