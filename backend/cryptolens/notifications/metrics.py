"""Prometheus counters of the notifications domain."""

from __future__ import annotations

from prometheus_client import Counter

# status: sent, failed, skipped, retrying
NOTIFICATIONS_SENT = Counter(
    "cryptolens_notifications_sent_total", "Signal pushes by outcome", ["status"]
)
