"""`/admin/broadcast-templates` (admin.md, Broadcasts): fields and their limits, unique names
(409 `name_taken`), placeholders (422 `unknown_placeholder`), use counts, and one audit row
per write."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.system.audit.models import AuditEntry
from tests.admin.broadcast_fixtures import (  # noqa: F401  (fixtures: pushes stay local)
    BROADCASTS,
    TEMPLATES,
    ntfy,
    test_settings,
)
from tests.clients import MakeUserClient

WELCOME = {"name": "welcome", "title": "Hello {name}", "message": "Your {tier} plan: {app_url}"}


async def _audit_actions(factory: async_sessionmaker[AsyncSession]) -> list[tuple[str, str]]:
    async with factory() as db:
        rows = await db.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(row.action, str(row.target_id)) for row in rows]


async def test_templates_are_created_read_changed_and_deleted_with_audit_rows(
    make_user_client: MakeUserClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    admin = await make_user_client(admin=True)
    created = await admin.http.post(TEMPLATES, json={**WELCOME, "tags": ["tada", "news_1"]})
    assert created.status_code == 201, created.text
    template = created.json()["data"]
    assert template["priority"] == 3 and template["is_active"] is True
    assert template["tags"] == ["tada", "news_1"]
    assert template["times_used"] == 0 and template["last_used_at"] is None
    one = f"{TEMPLATES}/{template['id']}"

    assert (await admin.http.get(one)).json()["data"]["name"] == "welcome"
    listed = (await admin.http.get(TEMPLATES)).json()["data"]
    assert [item["id"] for item in listed] == [template["id"]]

    changed = await admin.http.patch(one, json={"priority": 5, "is_active": False})
    assert changed.status_code == 200, changed.text
    assert changed.json()["data"]["priority"] == 5
    assert changed.json()["data"]["title"] == "Hello {name}"
    inactive = (await admin.http.get(TEMPLATES, params={"is_active": "false"})).json()["data"]
    assert [item["id"] for item in inactive] == [template["id"]]
    assert (await admin.http.get(TEMPLATES, params={"is_active": "true"})).json()["data"] == []

    deleted = await admin.http.delete(one)
    assert deleted.status_code == 204
    missing = await admin.http.get(one)
    assert missing.status_code == 404 and missing.json()["meta"]["code"] == "not_found"
    assert (await admin.http.delete(one)).status_code == 404

    tid = str(template["id"])
    assert await _audit_actions(session_factory) == [
        ("broadcast_template.create", tid),
        ("broadcast_template.update", tid),
        ("broadcast_template.delete", tid),
    ]
    async with session_factory() as db:
        update = await db.scalar(
            select(AuditEntry).where(AuditEntry.action == "broadcast_template.update")
        )
        assert update is not None
        assert update.before == {"priority": 3, "is_active": True}
        assert update.after == {"priority": 5, "is_active": False}


async def test_names_are_unique(make_user_client: MakeUserClient) -> None:
    admin = await make_user_client(admin=True)
    assert (await admin.http.post(TEMPLATES, json=WELCOME)).status_code == 201
    again = await admin.http.post(TEMPLATES, json={**WELCOME, "title": "Other"})
    assert again.status_code == 409 and again.json()["meta"]["code"] == "name_taken"
    other = (await admin.http.post(TEMPLATES, json={**WELCOME, "name": "other"})).json()["data"]
    renamed = await admin.http.patch(f"{TEMPLATES}/{other['id']}", json={"name": "welcome"})
    assert renamed.status_code == 409 and renamed.json()["meta"]["code"] == "name_taken"
    # Its own name is no clash.
    same = await admin.http.patch(f"{TEMPLATES}/{other['id']}", json={"name": "other"})
    assert same.status_code == 200


async def test_unknown_placeholders_are_refused(make_user_client: MakeUserClient) -> None:
    admin = await make_user_client(admin=True)
    for field, text in (("title", "Hi {nmae}"), ("message", "a { lone brace"), ("title", "{}")):
        response = await admin.http.post(TEMPLATES, json={**WELCOME, field: text})
        assert response.status_code == 422, (field, text)
        body = response.json()
        assert body["meta"]["code"] == "unknown_placeholder"
        assert field in body["error"]
    literal = await admin.http.post(TEMPLATES, json={**WELCOME, "title": "{{curly}} {name}"})
    assert literal.status_code == 201
    template_id = literal.json()["data"]["id"]
    patched = await admin.http.patch(f"{TEMPLATES}/{template_id}", json={"message": "{price}"})
    assert patched.status_code == 422
    assert patched.json()["meta"]["code"] == "unknown_placeholder"


async def test_bad_fields_are_422_naming_the_field(make_user_client: MakeUserClient) -> None:
    admin = await make_user_client(admin=True)
    bad: list[tuple[str, dict[str, Any]]] = [
        ("name", {"name": ""}),
        ("name", {"name": "n" * 101}),
        ("title", {"title": "t" * 201}),
        ("message", {"message": "m" * 4001}),
        ("priority", {"priority": 0}),
        ("priority", {"priority": 6}),
        ("priority", {"priority": "3"}),
        ("tags", {"tags": ["a", "b", "c", "d", "e", "f"]}),
        ("tags", {"tags": ["Upper"]}),
        ("tags", {"tags": ["x" * 33]}),
        ("color", {"color": "red"}),
    ]
    for field, change in bad:
        response = await admin.http.post(TEMPLATES, json={**WELCOME, **change})
        assert response.status_code == 422, (field, response.text)
        assert response.json()["meta"]["code"] == "validation_error"
        assert field in response.text, field
    created = (await admin.http.post(TEMPLATES, json=WELCOME)).json()["data"]
    null = await admin.http.patch(f"{TEMPLATES}/{created['id']}", json={"title": None})
    assert null.status_code == 422 and "title" in null.text
    edge: dict[str, Any] = {**WELCOME, "name": "n" * 100, "title": "t" * 200}
    edge.update(message="m" * 4000, tags=["a" * 32, "b", "c", "d", "e_1"])
    assert (await admin.http.post(TEMPLATES, json=edge)).status_code == 201


async def test_a_broadcast_from_a_template_counts_its_use(
    make_user_client: MakeUserClient,
) -> None:
    admin = await make_user_client(admin=True)
    template = (await admin.http.post(TEMPLATES, json={**WELCOME, "priority": 4})).json()["data"]
    sent = await admin.http.post(BROADCASTS, json={"template_id": template["id"]})
    assert sent.status_code == 202, sent.text
    broadcast = sent.json()["data"]
    assert (broadcast["title"], broadcast["message"]) == (WELCOME["title"], WELCOME["message"])
    assert broadcast["priority"] == 4 and broadcast["template_id"] == template["id"]
    overridden = await admin.http.post(
        BROADCASTS, json={"template_id": template["id"], "title": "Own title", "priority": 1}
    )
    assert overridden.json()["data"]["title"] == "Own title"
    assert overridden.json()["data"]["message"] == WELCOME["message"]
    assert overridden.json()["data"]["priority"] == 1
    used = (await admin.http.get(f"{TEMPLATES}/{template['id']}")).json()["data"]
    assert used["times_used"] == 2 and used["last_used_at"] is not None

    await admin.http.patch(f"{TEMPLATES}/{template['id']}", json={"is_active": False})
    refused = await admin.http.post(BROADCASTS, json={"template_id": template["id"]})
    assert refused.status_code == 422 and "template_id" in refused.json()["error"]
    unknown = await admin.http.post(BROADCASTS, json={"template_id": 10**9})
    assert unknown.status_code == 422 and "template_id" in unknown.json()["error"]
