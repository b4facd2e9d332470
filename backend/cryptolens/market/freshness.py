"""How current a symbol's data is, from the age of its newest 1m candle."""

from __future__ import annotations

from enum import StrEnum

from cryptolens.core.timeframes import DAY_MS, MINUTE_MS

# A candle's age counts from its close (open time + 1 minute): a minute-old fetch is live.
LIVE_WITHIN_MS = 5 * MINUTE_MS
RECENT_WITHIN_MS = 60 * MINUTE_MS
STALE_WITHIN_MS = DAY_MS


class Freshness(StrEnum):
    LIVE = "live"
    RECENT = "recent"
    STALE = "stale"
    OLD = "old"
    NONE = "none"


def freshness_of(newest_1m_open_time: int | None, now_ms: int) -> Freshness:
    if newest_1m_open_time is None:
        return Freshness.NONE
    age = now_ms - (newest_1m_open_time + MINUTE_MS)
    if age < LIVE_WITHIN_MS:
        return Freshness.LIVE
    if age < RECENT_WITHIN_MS:
        return Freshness.RECENT
    if age < STALE_WITHIN_MS:
        return Freshness.STALE
    return Freshness.OLD
