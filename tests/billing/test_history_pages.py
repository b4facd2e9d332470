"""Paging within the tier's history: the free day, the pro count limit across pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cryptolens.access.history import plan_history_page
from cryptolens.access.tiers import Tier
from cryptolens.access.user_access import UserAccess
from cryptolens.core.errors import TierRequiredError
from cryptolens.core.paging import encode_cursor
from cryptolens.db import to_ms

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


def test_free_history_starts_a_day_ago_and_older_requests_name_the_tier() -> None:
    free = UserAccess(user_id=1, tier=Tier.FREE)
    page = plan_history_page(free, "patterns", since_ms=None, cursor=None, limit=50, now=NOW)
    assert page.since_ms == to_ms(NOW - timedelta(days=1))
    with pytest.raises(TierRequiredError):
        plan_history_page(
            free,
            "patterns",
            since_ms=to_ms(NOW - timedelta(days=3)),
            cursor=None,
            limit=50,
            now=NOW,
        )


def test_pro_count_limit_holds_across_pages() -> None:
    pro = UserAccess(user_id=1, tier=Tier.PRO)
    limit = pro.history_limit("signals").max_items
    assert limit is not None
    first = plan_history_page(pro, "signals", since_ms=None, cursor=None, limit=500, now=NOW)
    assert first.limit == limit and first.served == 0
    almost = encode_cursor(1_000, 7, limit - 2)
    page = plan_history_page(pro, "signals", since_ms=None, cursor=almost, limit=50, now=NOW)
    assert (page.limit, page.after, page.served) == (2, (1_000, 7), limit - 2)
    done = encode_cursor(900, 5, limit)
    assert (
        plan_history_page(pro, "signals", since_ms=None, cursor=done, limit=50, now=NOW).limit == 0
    )
    premium = UserAccess(user_id=1, tier=Tier.PREMIUM)
    assert (
        plan_history_page(premium, "signals", since_ms=None, cursor=done, limit=50, now=NOW).limit
        == 50
    )
