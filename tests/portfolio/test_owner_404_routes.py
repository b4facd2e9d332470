"""Owner scoping over every route of the area, generated from the app's routes: any route whose
path names a portfolio, trade, tag or journal entry ({portfolio_id}, {trade_id}, {tag_id},
{entry_id}), with every verb it has, answers 404 `not_found` to another user naming the owner's
object, exactly as for an id that does not exist, and changes nothing of the owner's.

Each request carries a valid body, so the answer is decided by whose id it is (a bad body is a
422 before any lookup). A route added later with a required body needs its body in _BODIES:
the test says which."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI

from cryptolens.access.route_rules import authorization_table
from tests.clients import MakeUserClient, UserClient
from tests.portfolio.conftest import API, code_of, data_of, new_portfolio, new_trade

ID_NAMES = ("portfolio_id", "trade_id", "tag_id", "entry_id")
MISSING_ID = 10**9

_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/portfolios/{portfolio_id}/trades"): {
        "symbol": "BTC/USDT",
        "direction": "long",
        "entry_price": "100",
        "quantity": "1",
    },
    ("PATCH", "/portfolios/{portfolio_id}"): {"name": "Mine now"},
    ("PATCH", "/trades/{trade_id}"): {"setup_notes": "mine now"},
    ("POST", "/trades/{trade_id}/open"): {"quantity": "1"},
    ("POST", "/trades/{trade_id}/close"): {"exit_price": "110"},
    ("POST", "/trades/{trade_id}/cancel"): {},
    ("PATCH", "/tags/{tag_id}"): {"name": "mine now"},
    ("POST", "/trades/{trade_id}/journal"): {"content": "mine now"},
    ("PATCH", "/journal/{entry_id}"): {"content": "mine now"},
}


def owner_scoped_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every route whose path holds one of ID_NAMES."""
    return sorted(
        {
            (entry.method, entry.path)
            for entry in authorization_table(app.routes)
            if set(re.findall(r"\{(\w+)\}", entry.path)) & set(ID_NAMES)
        }
    )


async def _owners_objects(owner: UserClient, app: FastAPI) -> dict[str, int]:
    """One of each object the routes name, the owner's."""
    portfolio = await new_portfolio(owner.http)
    tag = data_of(await owner.http.post(f"{API}/tags", json={"name": "Scalp"}), 201)
    trade = await new_trade(owner.http, portfolio["id"], tags=[tag["id"]])
    ids = {"portfolio_id": portfolio["id"], "trade_id": trade["id"], "tag_id": tag["id"]}
    if any("{entry_id}" in path for _, path in owner_scoped_routes(app)):
        entry = await owner.http.post(
            f"{API}/trades/{trade['id']}/journal", json={"content": "why I took it"}
        )
        ids["entry_id"] = data_of(entry, 201)["id"]
    return ids


async def test_every_route_answers_another_users_id_with_404(
    app: FastAPI, make_user_client: MakeUserClient, symbols: dict[str, int]
) -> None:
    owner = await make_user_client("premium")
    ids = await _owners_objects(owner, app)
    before = {
        "portfolio": data_of(await owner.http.get(f"{API}/portfolios/{ids['portfolio_id']}")),
        "trade": data_of(await owner.http.get(f"{API}/trades/{ids['trade_id']}")),
        "tags": data_of(await owner.http.get(f"{API}/tags")),
    }
    other = await make_user_client("premium")
    # The other user has objects of their own: the lookups must not fall back on them.
    await _owners_objects(other, app)
    routes = owner_scoped_routes(app)
    # The 14 routes of portfolios, trades and tags at least (journal and reports add theirs).
    assert len(routes) >= 14, routes
    for method, path in routes:
        relative = path.removeprefix(API)
        body = _BODIES.get((method, relative), {})
        theirs = path.format(**ids)
        missing = path.format(**dict.fromkeys(ID_NAMES, MISSING_ID))
        for url in (theirs, missing):
            response = await other.http.request(method, url, json=body)
            assert response.status_code == 404, (
                f"{method} {url}: {response.status_code} {response.text[:300]} "
                f"(a route needing a body wants an entry in _BODIES)"
            )
            assert code_of(response) == "not_found", (method, url)
            assert response.headers["content-type"].startswith("application/json")
    # Nothing of the owner's changed.
    assert (
        data_of(await owner.http.get(f"{API}/portfolios/{ids['portfolio_id']}"))
        == (before["portfolio"])
    )
    assert data_of(await owner.http.get(f"{API}/trades/{ids['trade_id']}")) == before["trade"]
    assert data_of(await owner.http.get(f"{API}/tags")) == before["tags"]


async def test_the_generator_finds_every_kind_of_id(app: FastAPI) -> None:
    routes = owner_scoped_routes(app)
    found = {name for _, path in routes for name in ID_NAMES if f"{{{name}}}" in path}
    assert {"portfolio_id", "trade_id", "tag_id"} <= found
    assert ("DELETE", f"{API}/tags/{{tag_id}}") in routes
    assert ("GET", f"{API}/portfolios/{{portfolio_id}}/trades") in routes
