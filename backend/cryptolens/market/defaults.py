"""Market-data tunables that are not (yet) settings. Names say what each one governs."""

from __future__ import annotations

from cryptolens.settings import DETECTION_TIMEFRAMES

BASE_TIMEFRAME = "1m"
# Timeframes built from 1m once a symbol is backfilled, in ascending order.
BUILT_TIMEFRAMES: tuple[str, ...] = tuple(tf for tf in DETECTION_TIMEFRAMES if tf != BASE_TIMEFRAME)

# Binance spot serves at most 1,000 klines a request.
FETCH_BATCH_SIZE = 1000

# ccxt request timeout for regular fetches, and the quick start-up reachability probe.
EXCHANGE_TIMEOUT_MS = 10_000
EXCHANGE_PROBE_TIMEOUT_MS = 3_000

# Rows per bulk upsert statement: large enough to amortise round trips, small enough
# to stay under max_allowed_packet on MySQL.
UPSERT_CHUNK_ROWS = 20_000

# Exchange id stored on symbols served by the replay source.
REPLAY_EXCHANGE_ID = "replay"
