"""Canonical timeframes: their lengths, pattern expiry and overlap thresholds
(docs/rules/patterns.md)."""

from __future__ import annotations

MINUTE_MS = 60_000
HOUR_MS = 60 * MINUTE_MS
DAY_MS = 24 * HOUR_MS


TIMEFRAME_MS: dict[str, int] = {
    "1m": MINUTE_MS,
    "5m": 5 * MINUTE_MS,
    "15m": 15 * MINUTE_MS,
    "30m": 30 * MINUTE_MS,
    "1h": HOUR_MS,
    "2h": 2 * HOUR_MS,
    "4h": 4 * HOUR_MS,
    "1d": DAY_MS,
}

# How long a pattern of each timeframe stays live; other timeframes 3 days.
PATTERN_EXPIRY_MS: dict[str, int] = {
    "1m": 4 * HOUR_MS,
    "5m": 12 * HOUR_MS,
    "15m": 24 * HOUR_MS,
    "1h": 3 * DAY_MS,
    "4h": 7 * DAY_MS,
    "1d": 14 * DAY_MS,
}
DEFAULT_PATTERN_EXPIRY_MS = 3 * DAY_MS

# Minimum overlap for a later pattern to be suppressed by an active earlier one.
OVERLAP_THRESHOLD: dict[str, float] = {
    "1m": 0.50,
    "5m": 0.55,
    "15m": 0.60,
    "1h": 0.70,
    "4h": 0.80,
    "1d": 0.85,
}
DEFAULT_OVERLAP_THRESHOLD = 0.70


class UnknownTimeframeError(ValueError):
    def __init__(self, timeframe: str) -> None:
        super().__init__(
            f"unknown timeframe {timeframe!r}; expected one of {', '.join(TIMEFRAME_MS)}"
        )
        self.timeframe = timeframe


def timeframe_ms(timeframe: str) -> int:
    try:
        return TIMEFRAME_MS[timeframe]
    except KeyError:
        raise UnknownTimeframeError(timeframe) from None


def pattern_expiry_ms(timeframe: str) -> int:
    timeframe_ms(timeframe)
    return PATTERN_EXPIRY_MS.get(timeframe, DEFAULT_PATTERN_EXPIRY_MS)


def overlap_threshold(timeframe: str) -> float:
    timeframe_ms(timeframe)
    return OVERLAP_THRESHOLD.get(timeframe, DEFAULT_OVERLAP_THRESHOLD)
