"""GET /portfolios/{id}/trades pages like every list of the API: `limit` (50, at most 500) and
`cursor`, `meta.next_cursor` while more follow, newest first: plans without an entry time, then
entry_time, then id (trades entered in the same microsecond keep the id order), under any
filter; a cursor that is not one this API returned is a 422."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from cryptolens.core.clock import FrozenClock
from cryptolens.core.paging import encode_cursor
from tests.clients import MakeUserClient, UserClient
from tests.portfolio.conftest import API, code_of, new_portfolio, new_trade


async def _all_pages(
    user: UserClient, url: str, limit: int, **params: Any
) -> tuple[list[int], int]:
    """The ids over every page, and how many pages it took."""
    ids: list[int] = []
    cursor: str | None = None
    pages = 0
    while True:
        query = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        response = await user.http.get(url, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        pages += 1
        assert body["meta"]["count"] == len(body["data"]) <= limit
        ids += [trade["id"] for trade in body["data"]]
        cursor = body["meta"].get("next_cursor")
        if cursor is None:
            return ids, pages
        assert pages < 100


async def test_pages_cover_every_trade_once_newest_first(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    rng = random.Random(7)
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http)
    start = clock.now() - timedelta(days=30)
    made: list[dict[str, Any]] = []
    # The entry times as sent, to the microsecond (answers show milliseconds).
    entered: dict[int, datetime] = {}
    for n in range(23):
        kind = rng.choice(["dated", "dated", "same", "plan"])
        if kind == "plan":
            made.append(await new_trade(user.http, portfolio["id"], status="pending"))
            continue
        moment = start if kind == "same" else start + timedelta(hours=rng.randint(0, 700))
        moment += timedelta(microseconds=1 if n % 5 == 0 else 0)
        trade = await new_trade(
            user.http,
            portfolio["id"],
            direction=rng.choice(["long", "short"]),
            entry_time=moment.isoformat(),
        )
        made.append(trade)
        entered[trade["id"]] = moment
    url = f"{API}/portfolios/{portfolio['id']}/trades"

    def newest_first(trades: list[dict[str, Any]]) -> list[int]:
        plans = sorted((t["id"] for t in trades if t["entry_time"] is None), reverse=True)
        dated = sorted(
            (t for t in trades if t["entry_time"] is not None),
            key=lambda t: (entered[t["id"]], t["id"]),
            reverse=True,
        )
        return plans + [t["id"] for t in dated]

    expected = newest_first(made)
    first = await user.http.get(url)
    assert [t["id"] for t in first.json()["data"]] == expected  # 23 < 50: one page
    assert "next_cursor" not in first.json()["meta"]
    for limit in (1, 2, 5, 22, 23):
        ids, pages = await _all_pages(user, url, limit)
        assert ids == expected, limit
        # The last page says no more follow: no empty page at the end.
        assert pages == -(-len(expected) // limit), limit
    shorts = [t for t in made if t["direction"] == "short" and t["entry_time"] is not None]
    ids, _ = await _all_pages(user, url, 3, direction="short", status="open")
    assert ids == newest_first(shorts)


async def test_a_cursor_this_api_did_not_return_is_refused(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http)
    await new_trade(user.http, portfolio["id"])
    url = f"{API}/portfolios/{portfolio['id']}/trades"
    for params in (
        {"cursor": "not-a-cursor"},
        {"cursor": encode_cursor(1, 2)},  # another list's shape
        {"cursor": encode_cursor(2, 0, 5)},  # neither dated nor a plan
        {"cursor": encode_cursor(0, 2**63 - 1, 5)},  # past year 9999
        {"cursor": "a" * 201},
        {"limit": "0"},
        {"limit": "501"},
    ):
        response = await user.http.get(url, params=params)
        assert response.status_code == 422, (params, response.text)
        assert code_of(response) == "validation_error"
