"""Tags on trades: `tags` takes up to 10 of the user's own tag ids on create and PATCH (also on
a cancelled trade), any other id is 422 `unknown_tag`; a trade shows its tags as
`{id, name, color}` by name; the trade list filters on one; deleting a tag takes it off every
trade."""

from __future__ import annotations

from typing import Any

from tests.clients import MakeUserClient, UserClient
from tests.portfolio.conftest import API, code_of, data_of, new_portfolio, new_trade

TAGS = f"{API}/tags"


async def _tags(user: UserClient, *names: str) -> list[dict[str, Any]]:
    return [
        data_of(await user.http.post(TAGS, json={"name": name, "color": "#00aa00"}), 201)
        for name in names
    ]


def _shown(tags: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": tag["id"], "name": tag["name"], "color": tag["color"]} for tag in tags]


async def test_a_trade_carries_its_tags_on_create_and_patch(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("pro")
    portfolio = await new_portfolio(user.http)
    swing, breakout, news = await _tags(user, "swing", "Breakout", "news")
    trade = await new_trade(user.http, portfolio["id"], tags=[swing["id"], breakout["id"]])
    # By name, ignoring case; enough to draw them without reading /tags.
    assert trade["tags"] == _shown([breakout, swing])
    assert data_of(await user.http.get(f"{API}/trades/{trade['id']}"))["tags"] == trade["tags"]
    # A repeated id counts once.
    again = await new_trade(user.http, portfolio["id"], tags=[news["id"], news["id"]])
    assert again["tags"] == _shown([news])
    # PATCH replaces the set; [] clears it; a PATCH without tags leaves them.
    url = f"{API}/trades/{trade['id']}"
    patched = data_of(await user.http.patch(url, json={"tags": [news["id"]]}))
    assert patched["tags"] == _shown([news])
    kept = data_of(await user.http.patch(url, json={"lessons": "patience"}))
    assert kept["tags"] == _shown([news])
    cleared = data_of(await user.http.patch(url, json={"tags": []}))
    assert cleared["tags"] == []
    nulled = await user.http.patch(url, json={"tags": None})
    assert nulled.status_code == 422 and "tags" in nulled.json()["error"]
    # Without `tags` a trade has none.
    assert (await new_trade(user.http, portfolio["id"]))["tags"] == []


async def test_tags_may_change_on_a_cancelled_trade_and_nothing_else_but_notes(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("pro")
    portfolio = await new_portfolio(user.http)
    (missed,) = await _tags(user, "missed")
    plan = await new_trade(user.http, portfolio["id"], status="pending")
    data_of(await user.http.post(f"{API}/trades/{plan['id']}/cancel", json={}))
    url = f"{API}/trades/{plan['id']}"
    tagged = data_of(await user.http.patch(url, json={"tags": [missed["id"]], "lessons": "x"}))
    assert (tagged["status"], tagged["tags"], tagged["lessons"]) == (
        "cancelled",
        _shown([missed]),
        "x",
    )
    refused = await user.http.patch(url, json={"tags": [], "entry_price": "90"})
    assert refused.status_code == 409 and code_of(refused) == "invalid_transition"
    assert data_of(await user.http.get(url))["tags"] == _shown([missed])


async def test_ids_that_are_not_the_users_tags_are_unknown_tag(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http)
    (own,) = await _tags(user, "own")
    someone = await make_user_client("premium")
    (foreign,) = await _tags(someone, "foreign")
    deleted = (await _tags(user, "deleted"))[0]
    data_of(await user.http.delete(f"{TAGS}/{deleted['id']}"))
    trades_url = f"{API}/portfolios/{portfolio['id']}/trades"
    body = {"symbol": "BTC/USDT", "direction": "long", "entry_price": "100", "quantity": "1"}
    for ids in ([foreign["id"]], [own["id"], foreign["id"]], [deleted["id"]], [10**9]):
        refused = await user.http.post(trades_url, json={**body, "tags": ids})
        assert refused.status_code == 422, (ids, refused.text)
        assert code_of(refused) == "unknown_tag" and "tags" in refused.json()["error"]
    # Nothing was created by a refused request.
    assert data_of(await user.http.get(trades_url)) == []
    trade = await new_trade(user.http, portfolio["id"], tags=[own["id"]])
    refused = await user.http.patch(f"{API}/trades/{trade['id']}", json={"tags": [foreign["id"]]})
    assert refused.status_code == 422 and code_of(refused) == "unknown_tag"
    assert data_of(await user.http.get(f"{API}/trades/{trade['id']}"))["tags"] == _shown([own])
    # Ids that are no ids at all, or more than 10, are plain validation errors.
    for bad in ([0], ["x"], list(range(1, 12))):
        invalid = await user.http.post(trades_url, json={**body, "tags": bad})
        assert invalid.status_code == 422 and code_of(invalid) == "validation_error", bad


async def test_up_to_ten_tags_a_trade(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http)
    tags = await _tags(user, *(f"tag {n:02}" for n in range(11)))
    ids = [tag["id"] for tag in tags]
    trade = await new_trade(user.http, portfolio["id"], tags=ids[:10])
    assert [tag["name"] for tag in trade["tags"]] == [f"tag {n:02}" for n in range(10)]
    too_many = await user.http.patch(f"{API}/trades/{trade['id']}", json={"tags": ids})
    assert too_many.status_code == 422 and code_of(too_many) == "validation_error"
    assert "tags" in too_many.json()["error"]


async def test_the_trade_list_filters_on_a_tag(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("premium")
    portfolio = await new_portfolio(user.http)
    scalp, swing = await _tags(user, "scalp", "swing")
    first = await new_trade(user.http, portfolio["id"], tags=[scalp["id"]])
    second = await new_trade(user.http, portfolio["id"], tags=[scalp["id"], swing["id"]])
    await new_trade(user.http, portfolio["id"])
    url = f"{API}/portfolios/{portfolio['id']}/trades"

    async def ids(tag: int) -> list[int]:
        return [t["id"] for t in data_of(await user.http.get(url, params={"tag": tag}))]

    assert await ids(scalp["id"]) == [second["id"], first["id"]]
    assert await ids(swing["id"]) == [second["id"]]
    someone = await make_user_client("premium")
    (theirs,) = await _tags(someone, "scalp")
    assert await ids(theirs["id"]) == []
    bad = await user.http.get(url, params={"tag": "0"})
    assert bad.status_code == 422 and "tag" in bad.json()["error"]


async def test_deleting_a_tag_takes_it_off_every_trade(
    make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    user = await make_user_client("pro")
    portfolio = await new_portfolio(user.http)
    gone, kept = await _tags(user, "gone", "kept")
    both = await new_trade(user.http, portfolio["id"], tags=[gone["id"], kept["id"]])
    only = await new_trade(user.http, portfolio["id"], status="pending", tags=[gone["id"]])
    closed = data_of(
        await user.http.post(f"{API}/trades/{both['id']}/close", json={"exit_price": "110"})
    )
    assert closed["tags"] == _shown([gone, kept])
    deleted = data_of(await user.http.delete(f"{TAGS}/{gone['id']}"))
    assert deleted == {"message": "Tag deleted"}
    assert data_of(await user.http.get(f"{API}/trades/{both['id']}"))["tags"] == _shown([kept])
    assert data_of(await user.http.get(f"{API}/trades/{only['id']}"))["tags"] == []
    url = f"{API}/portfolios/{portfolio['id']}/trades"
    assert data_of(await user.http.get(url, params={"tag": gone["id"]})) == []
    assert [tag["name"] for tag in data_of(await user.http.get(TAGS))] == ["kept"]
    again = await user.http.delete(f"{TAGS}/{gone['id']}")
    assert again.status_code == 404 and code_of(again) == "not_found"
    # The name is free again.
    assert (await _tags(user, "GONE"))[0]["name"] == "GONE"
