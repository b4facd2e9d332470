"""The trade journal over HTTP: entries are added with their type (during by default) and an
optional mood, listed oldest first and filtered by type, edited field by field and deleted; the
text is plain and comes back exactly as written; a trade holds at most 100 entries."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from cryptolens.core.clock import FrozenClock
from tests.clients import MakeUserClient
from tests.portfolio.conftest import API, code_of, data_of, new_portfolio, new_trade

ENTRY_TYPES = ("pre_trade", "during", "post_trade", "lesson")
MOODS = ("confident", "neutral", "fearful", "greedy", "fomo", "revenge")


async def _journalled_trade(http: httpx.AsyncClient) -> dict[str, Any]:
    portfolio = await new_portfolio(http)
    return await new_trade(http, portfolio["id"])


async def _add(http: httpx.AsyncClient, trade_id: int, **body: Any) -> dict[str, Any]:
    body.setdefault("content", "note")
    entry: dict[str, Any] = data_of(
        await http.post(f"{API}/trades/{trade_id}/journal", json=body), 201
    )
    return entry


async def test_entries_are_listed_oldest_first_and_filtered_by_type(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    user = await make_user_client("pro")
    trade = await _journalled_trade(user.http)
    written = clock.now()
    first = await _add(user.http, trade["id"], content="Plan: wait for the retest")
    assert first == {
        "id": first["id"],
        "trade_id": trade["id"],
        "entry_type": "during",
        "mood": None,
        "content": "Plan: wait for the retest",
        "created_at": written.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "updated_at": first["created_at"],
    }
    clock.advance(timedelta(minutes=5))
    lesson = await _add(user.http, trade["id"], entry_type="lesson", mood="fomo", content="Chased")
    # Two in the same instant keep the order they were written in.
    same_a = await _add(user.http, trade["id"], entry_type="post_trade", content="a")
    same_b = await _add(user.http, trade["id"], entry_type="lesson", content="b")
    url = f"{API}/trades/{trade['id']}/journal"

    async def ids(**params: str) -> list[int]:
        return [entry["id"] for entry in data_of(await user.http.get(url, params=params))]

    assert await ids() == [first["id"], lesson["id"], same_a["id"], same_b["id"]]
    assert await ids(entry_type="lesson") == [lesson["id"], same_b["id"]]
    assert await ids(entry_type="pre_trade") == []
    bad = await user.http.get(url, params={"entry_type": "idea"})
    assert bad.status_code == 422 and code_of(bad) == "validation_error"
    # Another trade's journal is its own.
    other = await new_trade(user.http, trade["portfolio_id"])
    assert data_of(await user.http.get(f"{API}/trades/{other['id']}/journal")) == []


async def test_every_type_and_mood_and_nothing_else(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("premium")
    trade = await _journalled_trade(user.http)
    for entry_type, mood in zip(ENTRY_TYPES * 2, MOODS, strict=False):
        made = await _add(user.http, trade["id"], entry_type=entry_type, mood=mood)
        assert (made["entry_type"], made["mood"]) == (entry_type, mood)
    url = f"{API}/trades/{trade['id']}/journal"
    bad_bodies = [
        ({"content": ""}, "content"),
        ({"content": "x" * 10_001}, "content"),
        ({}, "content"),
        ({"content": None}, "content"),
        ({"content": 5}, "content"),
        ({"content": "x", "entry_type": "idea"}, "entry_type"),
        ({"content": "x", "entry_type": None}, "entry_type"),
        ({"content": "x", "mood": "happy"}, "mood"),
        ({"content": "x", "mood": "FOMO"}, "mood"),
        ({"content": "x", "html": True}, "html"),
    ]
    for body, field in bad_bodies:
        response = await user.http.post(url, json=body)
        assert response.status_code == 422, (body, response.text)
        assert code_of(response) == "validation_error"
        assert field in response.text, (body, response.text)
    # A lone surrogate (valid JSON, not text) is refused, not a 500 from the database driver.
    surrogate = await user.http.post(
        url, content=b'{"content": "a\\ud800b"}', headers={"Content-Type": "application/json"}
    )
    assert surrogate.status_code == 422 and code_of(surrogate) == "validation_error"
    assert len(data_of(await user.http.get(url))) == len(MOODS)  # none of those was kept


async def test_the_text_is_plain_and_kept_verbatim(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("pro")
    trade = await _journalled_trade(user.http)
    texts = [
        "<script>alert('x')</script> & <b>bold</b> &amp;",
        "  leading and trailing spaces, tabs\tand\r\nlines\n  ",
        "émojis 📈 and 中文; \"quotes\" 'single' `ticks` \\ backslash",
        "x" * 10_000,  # the longest allowed
        "y",  # the shortest
        "=1+1",  # not a formula here: the journal is never a spreadsheet
    ]
    made = [await _add(user.http, trade["id"], content=text) for text in texts]
    assert [entry["content"] for entry in made] == texts
    listed = data_of(await user.http.get(f"{API}/trades/{trade['id']}/journal"))
    assert [entry["content"] for entry in listed] == texts
    # 10,000 characters, not bytes: four-byte characters count one each.
    wide = await _add(user.http, trade["id"], content="📈" * 10_000)
    assert wide["content"] == "📈" * 10_000


async def test_a_trade_holds_at_most_100_entries(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("pro")
    trade = await _journalled_trade(user.http)
    made = [await _add(user.http, trade["id"], content=f"note {n}") for n in range(100)]
    url = f"{API}/trades/{trade['id']}/journal"
    over = await user.http.post(url, json={"content": "one too many"})
    assert over.status_code == 409 and code_of(over) == "limit_reached"
    listed = data_of(await user.http.get(url))
    assert [entry["id"] for entry in listed] == [entry["id"] for entry in made]
    # The limit is per trade, and a deleted entry frees its place.
    other = await new_trade(user.http, trade["portfolio_id"])
    await _add(user.http, other["id"])
    data_of(await user.http.delete(f"{API}/journal/{made[0]['id']}"))
    await _add(user.http, trade["id"], content="in its place")
    again = await user.http.post(url, json={"content": "over again"})
    assert again.status_code == 409 and code_of(again) == "limit_reached"


async def test_patch_changes_only_the_fields_sent(
    make_user_client: MakeUserClient, symbols: dict[str, int], clock: FrozenClock
) -> None:
    user = await make_user_client("pro")
    trade = await _journalled_trade(user.http)
    entry = await _add(user.http, trade["id"], entry_type="pre_trade", mood="neutral", content="a")
    url = f"{API}/journal/{entry['id']}"
    clock.advance(timedelta(hours=1))
    moved = data_of(await user.http.patch(url, json={"mood": "greedy"}))
    assert {k: moved[k] for k in ("entry_type", "mood", "content")} == {
        "entry_type": "pre_trade",
        "mood": "greedy",
        "content": "a",
    }
    assert moved["created_at"] == entry["created_at"]
    assert moved["updated_at"] > entry["updated_at"]
    changed = data_of(
        await user.http.patch(url, json={"entry_type": "lesson", "content": "<i>b</i>"})
    )
    assert (changed["entry_type"], changed["mood"], changed["content"]) == (
        "lesson",
        "greedy",
        "<i>b</i>",
    )
    cleared = data_of(await user.http.patch(url, json={"mood": None}))
    assert cleared["mood"] is None
    for body in (
        {"content": None},
        {"content": ""},
        {"content": "x" * 10_001},
        {"entry_type": None},
        {"entry_type": "idea"},
        {"mood": "calm"},
        {"trade_id": 1},
    ):
        refused = await user.http.patch(url, json=body)
        assert refused.status_code == 422 and code_of(refused) == "validation_error", body
    listed = data_of(await user.http.get(f"{API}/trades/{trade['id']}/journal"))
    assert listed == [cleared]  # the refused patches changed nothing


@pytest.mark.parametrize("status", ["pending", "open"])
async def test_delete_removes_the_entry_only(
    make_user_client: MakeUserClient, symbols: dict[str, int], status: str
) -> None:
    user = await make_user_client("pro")
    portfolio = await new_portfolio(user.http)
    trade = await new_trade(user.http, portfolio["id"], status=status)
    kept = await _add(user.http, trade["id"], content="kept")
    gone = await _add(user.http, trade["id"], content="gone")
    deleted = await user.http.delete(f"{API}/journal/{gone['id']}")
    assert data_of(deleted) == {"message": "Journal entry deleted"}
    assert data_of(await user.http.get(f"{API}/trades/{trade['id']}/journal")) == [kept]
    for method in ("PATCH", "DELETE"):
        again = await user.http.request(method, f"{API}/journal/{gone['id']}", json={"mood": None})
        assert again.status_code == 404 and code_of(again) == "not_found", method
    assert data_of(await user.http.get(f"{API}/trades/{trade['id']}"))["status"] == status
