"""/api/v1/tags: a user's own tags. Each rule of portfolio.md "Tags and journal": name 1-50
characters trimmed, no `;` or control characters, unique per user ignoring case (409
`tag_exists`); color #RRGGBB (#6366f1); description <= 200; 200 a user (409 `limit_reached`);
never shared; free users refused."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.access.route_rules import authorization_table
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.portfolio.models import Tag
from tests.clients import MakeUserClient, UserClient
from tests.portfolio.conftest import API, code_of, data_of

TAGS = f"{API}/tags"


async def new_tag(user: UserClient, **body: Any) -> dict[str, Any]:
    body.setdefault("name", "Breakout")
    tag: dict[str, Any] = data_of(await user.http.post(TAGS, json=body), 201)
    return tag


async def test_a_tag_is_created_with_its_defaults_and_listed_by_name(
    make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client("pro")
    made = await new_tag(user, name="  zeta  ")
    assert {key: made[key] for key in ("name", "color", "description")} == {
        "name": "zeta",
        "color": "#6366f1",
        "description": "",
    }
    assert made["created_at"] == clock.now().isoformat(timespec="milliseconds").replace(
        "+00:00", "Z"
    )
    await new_tag(user, name="Alpha", color="#A0B1C2", description="a" * 200)
    await new_tag(user, name="beta")
    listed = data_of(await user.http.get(TAGS))
    assert [tag["name"] for tag in listed] == ["Alpha", "beta", "zeta"]
    assert listed[0]["color"] == "#a0b1c2"  # stored lower-case
    assert listed[0]["description"] == "a" * 200


async def test_each_field_rule_is_checked(make_user_client: MakeUserClient) -> None:
    user = await make_user_client("premium")
    bad_bodies: list[tuple[dict[str, Any], str]] = [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 51}, "name"),
        ({"name": "a;b"}, "name"),
        ({"name": "tab\there"}, "name"),
        ({"name": "line\nbreak"}, "name"),
        ({"name": "nul\x00"}, "name"),
        ({"name": "del\x7f"}, "name"),
        # 50 characters, but 100 once case is ignored (the unique key's form).
        ({"name": "ß" * 50}, "name"),
        ({"name": "ok", "color": "red"}, "color"),
        ({"name": "ok", "color": "#12345"}, "color"),
        ({"name": "ok", "color": "#1234567"}, "color"),
        ({"name": "ok", "color": "#12345g"}, "color"),
        ({"name": "ok", "description": "d" * 201}, "description"),
        ({"name": "ok", "user_id": 1}, "user_id"),
        ({}, "name"),
    ]
    for body, field in bad_bodies:
        refused = await user.http.post(TAGS, json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert code_of(refused) == "validation_error", body
        assert field in refused.json()["error"], (body, refused.text)
    # The limits themselves are allowed: 50 characters, 200 of description, any script.
    assert (await new_tag(user, name="x" * 50))["name"] == "x" * 50
    assert (await new_tag(user, name="Ünïcode 📈 tag"))["name"] == "Ünïcode 📈 tag"
    assert data_of(await user.http.get(TAGS)) != []


async def test_names_are_unique_per_user_ignoring_case(make_user_client: MakeUserClient) -> None:
    user = await make_user_client("pro")
    first = await new_tag(user, name="Scalp")
    for clash in ("scalp", "SCALP", "  Scalp "):
        refused = await user.http.post(TAGS, json={"name": clash})
        assert refused.status_code == 409, clash
        assert code_of(refused) == "tag_exists", clash
    other = await new_tag(user, name="Swing")
    renamed = await user.http.patch(f"{TAGS}/{other['id']}", json={"name": "sCaLp"})
    assert renamed.status_code == 409 and code_of(renamed) == "tag_exists"
    # A tag may change the case of its own name.
    assert data_of(await user.http.patch(f"{TAGS}/{first['id']}", json={"name": "SCALP"})) == {
        **first,
        "name": "SCALP",
    }
    # Another user's names are theirs: the same name is free for them.
    someone = await make_user_client("pro")
    assert (await new_tag(someone, name="scalp"))["name"] == "scalp"


async def test_patch_changes_only_what_is_sent_and_checks_it(
    make_user_client: MakeUserClient,
) -> None:
    user = await make_user_client("pro")
    tag = await new_tag(user, name="Plan", color="#112233", description="kept")
    url = f"{TAGS}/{tag['id']}"
    changed = data_of(await user.http.patch(url, json={"color": "#AABBCC"}))
    assert changed == {**tag, "color": "#aabbcc"}
    changed = data_of(await user.http.patch(url, json={"name": " Planned ", "description": ""}))
    assert changed == {**tag, "name": "Planned", "color": "#aabbcc", "description": ""}
    for body in (
        {"name": None},
        {"color": None},
        {"description": None},
        {"name": "a;b"},
        {"color": "blue"},
        {"description": "d" * 201},
        {"id": 5},
    ):
        refused = await user.http.patch(url, json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert code_of(refused) == "validation_error"
    assert data_of(await user.http.get(TAGS)) == [changed]


async def test_a_user_has_at_most_200_tags(
    make_user_client: MakeUserClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    user = await make_user_client("premium")
    async with unit_of_work(session_factory) as db:
        db.add_all(
            Tag(user_id=user.user_id, name=f"t{n}", name_key=f"t{n}", color="#6366f1")
            for n in range(199)
        )
    last = await new_tag(user, name="The 200th")
    refused = await user.http.post(TAGS, json={"name": "One more"})
    assert refused.status_code == 409 and code_of(refused) == "limit_reached"
    assert "200" in refused.json()["error"]
    # Deleting one frees a place; the limit is not a tier's (premium has it too).
    data_of(await user.http.delete(f"{TAGS}/{last['id']}"))
    await new_tag(user, name="One more")
    assert len(data_of(await user.http.get(TAGS))) == 200


async def test_tags_are_never_shared(make_user_client: MakeUserClient) -> None:
    owner = await make_user_client("pro")
    tag = await new_tag(owner, name="Mine")
    other = await make_user_client("premium")
    assert data_of(await other.http.get(TAGS)) == []
    for method, body in (("PATCH", {"name": "Yours"}), ("DELETE", None)):
        response = await other.http.request(method, f"{TAGS}/{tag['id']}", json=body)
        assert response.status_code == 404 and code_of(response) == "not_found"
    assert data_of(await owner.http.get(TAGS)) == [tag]


async def test_free_users_are_refused_every_tag_route(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    paying = await make_user_client("pro")
    tag = await new_tag(paying)
    free = await make_user_client("free")
    routes = [
        (entry.method, entry.path)
        for entry in authorization_table(app.routes)
        if entry.path.startswith(TAGS)
    ]
    assert len(routes) == 4, routes
    for method, path in routes:
        url = path.replace("{tag_id}", str(tag["id"]))
        response = await free.http.request(method, url, json={"name": "Free"})
        assert response.status_code == 403, (method, path, response.text)
        assert code_of(response) == "tier_required"
    assert data_of(await paying.http.get(TAGS)) == [tag]
