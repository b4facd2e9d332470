"""Paging a history list within the tier: the age limit (free: the last 24 h) narrows `since`,
and the count limit (pro: the newest 100 patterns / 50 signals) is carried across pages in the
cursor (sort key of the last item served, and how many were served)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptolens.billing.access import HistoryKind, UserAccess
from cryptolens.core.cursors import decode_cursor, encode_cursor
from cryptolens.db import from_ms, to_ms


@dataclass(frozen=True)
class HistoryPage:
    since_ms: int | None  # the oldest sort time the page may show
    after: tuple[int, int] | None  # (sort time, id) of the previous page's last item
    served: int  # items shown by the previous pages
    limit: int  # items this page may show; 0: the tier's history is exhausted

    def next_cursor(self, last_sort_time: int, last_id: int, shown: int) -> str:
        return encode_cursor(last_sort_time, last_id, self.served + shown)


def plan_history_page(
    access: UserAccess,
    kind: HistoryKind,
    *,
    since_ms: int | None,
    cursor: str | None,
    limit: int,
    now: datetime,
) -> HistoryPage:
    if since_ms is not None:
        access.require_history_since(kind, from_ms(since_ms), now)
    oldest = access.history_start(kind, now)
    if oldest is not None:
        since_ms = max(since_ms or 0, to_ms(oldest))
    position = decode_cursor(cursor, 3)
    served = position[2] if position else 0
    max_items = access.history_limit(kind).max_items
    if max_items is not None:
        limit = max(0, min(limit, max_items - served))
    return HistoryPage(
        since_ms=since_ms,
        after=(position[0], position[1]) if position else None,
        served=served,
        limit=limit,
    )
