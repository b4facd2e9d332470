"""The audit log: what `record` stores (changed fields only, never secrets) and the list's
filters. The sections' own tests check that each admin write adds its row."""

from __future__ import annotations

from datetime import timedelta

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms, unit_of_work
from cryptolens.system.audit import service as audit_service
from cryptolens.system.audit.service import AuditActor, changes
from tests.clients import MakeUserClient

AUDIT = f"{ADMIN_PREFIX}/audit-log"


def test_changes_keep_changed_fields_and_drop_secrets() -> None:
    before = {"is_active": True, "is_admin": False, "password_hash": "x", "email": "a@b.c"}
    after = {"is_active": False, "is_admin": False, "password_hash": "y", "email": "a@b.c"}
    assert changes(before, after) == ({"is_active": True}, {"is_active": False})
    assert changes(None, {"plan": "pro", "api_key": "clk_x"}) == (None, {"plan": "pro"})
    assert changes({"name": "t"}, None) == ({"name": "t"}, None)


async def _record(
    factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    actor: AuditActor,
    action: str,
    target_id: int,
) -> None:
    async with unit_of_work(factory) as db:
        await audit_service.record(
            db,
            actor,
            action,
            target_type=action.split(".", maxsplit=1)[0],
            target_id=target_id,
            now=clock.now(),
            before={"is_active": True},
            after={"is_active": False},
        )


async def test_the_list_filters_by_actor_action_target_and_time(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    actor = AuditActor(user_id=admin.user_id, email=admin.email, ip="10.0.0.1", request_id="r1")
    await _record(session_factory, clock, actor, "user.update", 7)
    clock.advance(timedelta(minutes=1))
    middle = clock.now()
    await _record(session_factory, clock, actor, "user.unlock", 8)
    clock.advance(timedelta(minutes=1))
    await _record(session_factory, clock, actor, "symbol.update", 9)

    every = (await admin.http.get(AUDIT)).json()["data"]
    assert [entry["action"] for entry in every] == ["symbol.update", "user.unlock", "user.update"]
    assert every[2]["before"] == {"is_active": True} and every[2]["ip"] == "10.0.0.1"

    async def actions(**params: object) -> list[str]:
        response = await admin.http.get(AUDIT, params=params)
        assert response.status_code == 200, response.text
        return [entry["action"] for entry in response.json()["data"]]

    assert await actions(action="user.") == ["user.unlock", "user.update"]
    assert await actions(action="user.unlock") == ["user.unlock"]
    assert await actions(action="user") == []  # exact unless it ends in "."
    assert await actions(target_type="symbol", target_id="9") == ["symbol.update"]
    assert await actions(actor_id=admin.user_id + 1000) == []
    assert await actions(since=to_ms(middle)) == ["symbol.update", "user.unlock"]
    assert await actions(until=to_ms(middle)) == ["user.update"]

    first = (await admin.http.get(AUDIT, params={"limit": 2})).json()
    rest = await admin.http.get(AUDIT, params={"cursor": first["meta"]["next_cursor"]})
    assert [entry["action"] for entry in rest.json()["data"]] == ["user.update"]


async def test_bad_filters_are_422(make_user_client: MakeUserClient) -> None:
    admin = await make_user_client(admin=True)
    for params in ({"actor_id": "x"}, {"action": "DROP TABLE"}, {"since": "yesterday"}):
        response = await admin.http.get(AUDIT, params=params)
        assert response.status_code == 422, params
        assert response.json()["meta"]["code"] == "validation_error"
