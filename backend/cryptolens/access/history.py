"""Paging a history list within the tier: the age limit (free: the last 24 h) narrows `since`,
and the count limit (pro: the newest 100 patterns / 50 signals) is carried across pages in the
cursor (sort time and id of the last item served, and how many were served)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from cryptolens.access.user_access import HistoryKind, UserAccess
from cryptolens.core.paging import PageRequest
from cryptolens.db import from_ms, to_ms


@dataclass(frozen=True)
class HistoryPageRequest(PageRequest):
    since_ms: int | None = None  # the oldest sort time the page may show


def plan_history_page(
    access: UserAccess,
    kind: HistoryKind,
    *,
    since_ms: int | None,
    cursor: str | None,
    limit: int,
    now: datetime,
) -> HistoryPageRequest:
    """403 naming the tier when `since` reaches further back than the tier shows; 422 for a
    forged cursor; `limit` 0 once the tier's count limit is used up."""
    if since_ms is not None:
        access.require_history_since(kind, from_ms(since_ms), now)
    oldest = access.history_start(kind, now)
    if oldest is not None:
        since_ms = max(since_ms or 0, to_ms(oldest))
    request = HistoryPageRequest.from_cursor(
        cursor,
        key_size=2,
        limit=limit,
        counted=True,
        max_items=access.history_limit(kind).max_items,
    )
    return replace(request, since_ms=since_ms)
