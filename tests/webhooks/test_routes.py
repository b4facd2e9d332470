"""/api/v1/webhooks over HTTP: who may call it, owner scoping, the fields' validation, the
endpoint limit, secrets shown once and never stored or logged in clear, the delivery log
(filters, paging, detail), redelivery and test events with their limits and conflicts."""

from __future__ import annotations

import logging
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests.clients import MakeClient, MakeUserClient
from tests.notifications.conftest import HeldQueue
from tests.webhooks.conftest import add_signal, fan_out, settle
from tests.webhooks.receiver import Receiver, verifies

API = "/api/v1/webhooks"


def code_of(response: httpx.Response) -> str:
    code: str = response.json()["meta"]["code"]
    return code


async def test_only_verified_premium_sessions_may_use_webhooks(
    make_user_client: MakeUserClient, make_client: MakeClient, receiver: Receiver
) -> None:
    assert (await make_client().get(API)).status_code == 401
    for tier in ("free", "pro"):
        user = await make_user_client(tier)
        refused = await user.http.get(API)
        assert refused.status_code == 403 and code_of(refused) == "tier_required"
        created = await user.http.post(API, json={"url": receiver.url})
        assert created.status_code == 403 and code_of(created) == "tier_required"
    unverified = await make_user_client("premium", verified=False)
    refused = await unverified.http.get(API)
    assert refused.status_code == 403 and code_of(refused) == "verification_required"
    admin = await make_user_client(admin=True)
    assert (await admin.http.get(API)).status_code == 200
    premium = await make_user_client("premium")
    del premium.http.headers["X-CSRF-Token"]
    no_csrf = await premium.http.post(API, json={"url": receiver.url})
    assert no_csrf.status_code == 403 and code_of(no_csrf) == "csrf_failed"


async def test_create_read_change_delete_with_the_secret_shown_once(
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    receiver: Receiver,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    owner = await make_user_client("premium")
    created = await owner.http.post(
        API,
        json={
            "url": receiver.url,
            "description": "my bot",
            "filters": {"symbols": ["btc/usdt"], "direction": "long", "min_confluence": 3},
        },
    )
    assert created.status_code == 201, created.text
    data = created.json()["data"]
    secret = data.pop("secret")
    assert secret.startswith("whsec_") and len(secret) == 6 + 44
    assert data["events"] == ["signal.created", "signal.updated"]
    assert data["filters"] == {
        "symbols": ["BTC/USDT"],
        "direction": "long",
        "min_confluence": 3,
        "only_proven_setups": False,
    }
    assert (data["status"], data["payload_version"]) == ("active", 1)
    endpoint_id = data["id"]

    shown = await owner.http.get(f"{API}/{endpoint_id}")
    listed = await owner.http.get(API)
    assert shown.json()["data"] == data and listed.json()["data"] == [data]
    assert "secret" not in shown.text.replace("previous_secret_until", "")

    rotated = await owner.http.post(f"{API}/{endpoint_id}/rotate-secret")
    new_secret = rotated.json()["data"]["secret"]
    await owner.http.post(f"{API}/{endpoint_id}/test")
    # Stored encrypted: neither secret appears in any column of the table.
    async with session_factory() as db:
        dump = str((await db.execute(text("SELECT * FROM webhook_endpoints"))).all())
    assert secret not in dump and new_secret not in dump
    assert secret[6:] not in dump and new_secret[6:] not in dump
    # Nor in the logs.
    assert secret not in caplog.text and new_secret not in caplog.text
    assert secret[6:] not in caplog.text and new_secret[6:] not in caplog.text

    changed = await owner.http.patch(
        f"{API}/{endpoint_id}",
        json={"description": "renamed", "events": ["pattern.created"], "enabled": False},
    )
    assert changed.status_code == 200, changed.text
    changed_data = changed.json()["data"]
    assert (changed_data["description"], changed_data["events"], changed_data["status"]) == (
        "renamed",
        ["pattern.created"],
        "disabled",
    )
    assert changed_data["filters"]["symbols"] == ["BTC/USDT"]  # untouched

    deleted = await owner.http.delete(f"{API}/{endpoint_id}")
    assert deleted.status_code == 200
    assert (await owner.http.get(f"{API}/{endpoint_id}")).status_code == 404
    async with session_factory() as db:
        assert await db.scalar(select(WebhookDelivery.id)) is None  # its log went with it


async def test_another_users_endpoint_is_not_found(
    make_user_client: MakeUserClient, receiver: Receiver
) -> None:
    owner = await make_user_client("premium")
    other = await make_user_client("premium")
    endpoint_id = (await owner.http.post(API, json={"url": receiver.url})).json()["data"]["id"]
    delivery_id = (await owner.http.post(f"{API}/{endpoint_id}/test")).json()["data"]["delivery"][
        "id"
    ]
    for method, path, body in (
        ("GET", f"{API}/{endpoint_id}", None),
        ("PATCH", f"{API}/{endpoint_id}", {"description": "x"}),
        ("DELETE", f"{API}/{endpoint_id}", None),
        ("POST", f"{API}/{endpoint_id}/rotate-secret", None),
        ("POST", f"{API}/{endpoint_id}/test", None),
        ("GET", f"{API}/{endpoint_id}/deliveries", None),
        ("GET", f"{API}/{endpoint_id}/deliveries/{delivery_id}", None),
        ("POST", f"{API}/{endpoint_id}/deliveries/{delivery_id}/redeliver", None),
    ):
        response = await other.http.request(method, path, json=body)
        assert response.status_code == 404 and code_of(response) == "not_found", (method, path)
    assert (await other.http.get(API)).json()["data"] == []
    assert (await owner.http.get(f"{API}/{endpoint_id}")).status_code == 200
    missing = await owner.http.get(f"{API}/{endpoint_id}/deliveries/msg_nothere")
    assert missing.status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"url": "ftp://example.com/x"}, "url"),
        ({"url": "https://example.com/x#frag"}, "url"),
        ({"url": "https://user:pass@example.com/x"}, "url"),
        ({"url": "https://example.com/" + "a" * 2048}, "url"),
        ({"description": "d" * 201}, "description"),
        ({"events": []}, "events"),
        ({"events": ["signal.deleted"]}, "events"),
        ({"filters": {"symbols": ["BTCUSDT"]}}, "filters.symbols"),
        ({"filters": {"direction": "up"}}, "filters.direction"),
        ({"filters": {"min_confluence": 7}}, "filters.min_confluence"),
        ({"filters": {"min_confluence": 0}}, "filters.min_confluence"),
        ({"filters": {"only_proven_setups": "yes"}}, "filters.only_proven_setups"),
        ({"secret": "whsec_mine"}, "secret"),
    ],
)
async def test_bad_fields_are_422_naming_the_field(
    make_user_client: MakeUserClient, receiver: Receiver, body: dict[str, object], field: str
) -> None:
    owner = await make_user_client("premium")
    response = await owner.http.post(API, json={"url": receiver.url, **body})
    assert response.status_code == 422, response.text
    assert code_of(response) in ("validation_error", "url_not_allowed")
    assert field.rsplit(".", maxsplit=1)[-1] in response.json()["error"] or (
        field == "url" and code_of(response) == "url_not_allowed"
    )
    assert (await owner.http.get(API)).json()["data"] == []


async def test_at_most_ten_endpoints(make_user_client: MakeUserClient, receiver: Receiver) -> None:
    owner = await make_user_client("premium")
    for _ in range(10):
        assert (await owner.http.post(API, json={"url": receiver.url})).status_code == 201
    refused = await owner.http.post(API, json={"url": receiver.url})
    assert refused.status_code == 409 and code_of(refused) == "limit_reached"


async def test_the_log_lists_filters_pages_and_shows_every_attempt(
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    owner = await make_user_client("premium")
    created = (await owner.http.post(API, json={"url": receiver.url})).json()["data"]
    endpoint_id, secret = created["id"], created["secret"]
    receiver.script(500)
    signal_id = await add_signal(session_factory, clock.now())
    await fan_out(jobs, "signal.created", signal_id, clock.now())
    await settle(jobs)
    clock.advance(timedelta(seconds=1))
    for _ in range(2):
        assert (await owner.http.post(f"{API}/{endpoint_id}/test")).status_code == 200

    listed = await owner.http.get(f"{API}/{endpoint_id}/deliveries")
    items = listed.json()["data"]
    assert [item["type"] for item in items] == ["webhook.test", "webhook.test", "signal.created"]
    event = items[2]
    assert (event["status"], event["attempts"], event["last_status_code"]) == ("pending", 1, 500)
    assert event["next_attempt_at"] is not None

    first_page = await owner.http.get(f"{API}/{endpoint_id}/deliveries", params={"limit": 2})
    cursor = first_page.json()["meta"]["next_cursor"]
    assert len(first_page.json()["data"]) == 2 and cursor
    rest = await owner.http.get(
        f"{API}/{endpoint_id}/deliveries", params={"limit": 2, "cursor": cursor}
    )
    assert [item["id"] for item in rest.json()["data"]] == [event["id"]]
    assert rest.json()["meta"].get("next_cursor") is None

    by_type = await owner.http.get(
        f"{API}/{endpoint_id}/deliveries", params={"type": "signal.created"}
    )
    assert [item["id"] for item in by_type.json()["data"]] == [event["id"]]
    by_status = await owner.http.get(
        f"{API}/{endpoint_id}/deliveries", params={"status": "succeeded"}
    )
    assert len(by_status.json()["data"]) == 2
    since = int(clock.now().timestamp() * 1000)
    recent = await owner.http.get(f"{API}/{endpoint_id}/deliveries", params={"since": since})
    assert len(recent.json()["data"]) == 2
    older = await owner.http.get(f"{API}/{endpoint_id}/deliveries", params={"until": since})
    assert [item["id"] for item in older.json()["data"]] == [event["id"]]
    forged = await owner.http.get(f"{API}/{endpoint_id}/deliveries", params={"cursor": "abc"})
    assert forged.status_code == 422

    # The retry succeeds; the detail shows the body and both attempts.
    await jobs.advance(timedelta(seconds=6))
    await settle(jobs)
    detail = (await owner.http.get(f"{API}/{endpoint_id}/deliveries/{event['id']}")).json()["data"]
    assert detail["status"] == "succeeded" and detail["body"] == receiver.received[0].body.decode()
    log = detail["attempt_log"]
    assert [(a["kind"], a["status_code"], a["succeeded"]) for a in log] == [
        ("auto", 500, False),
        ("auto", 200, True),
    ]
    assert log[0]["request_headers"]["webhook-id"] == event["id"]
    assert log[1]["response_body"] == '{"ok": true}'
    assert verifies(secret, receiver.received[1], clock.now().timestamp())


async def test_redeliver_one_attempt_now_with_the_same_id_and_body(
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    owner = await make_user_client("premium")
    endpoint_id = (await owner.http.post(API, json={"url": receiver.url})).json()["data"]["id"]
    receiver.script(500)
    signal_id = await add_signal(session_factory, clock.now())
    await fan_out(jobs, "signal.created", signal_id, clock.now())
    await settle(jobs)
    [pending] = (await owner.http.get(f"{API}/{endpoint_id}/deliveries")).json()["data"]
    path = f"{API}/{endpoint_id}/deliveries/{pending['id']}/redeliver"
    busy = await owner.http.post(path)
    assert busy.status_code == 409 and code_of(busy) == "delivery_pending"

    async with unit_of_work(session_factory) as db:  # it ran out of attempts meanwhile
        await db.execute(update(WebhookDelivery).values(status="failed", next_attempt_at=None))
    done = await owner.http.post(path)
    assert done.status_code == 200, done.text
    result = done.json()["data"]
    assert result["attempt"]["kind"] == "redeliver" and result["attempt"]["succeeded"]
    assert (result["delivery"]["status"], result["delivery"]["attempts"]) == ("succeeded", 2)
    first, again = receiver.received
    assert again.message_id == first.message_id and again.body == first.body

    await owner.http.patch(f"{API}/{endpoint_id}", json={"enabled": False})
    disabled = await owner.http.post(path)
    assert disabled.status_code == 409 and code_of(disabled) == "endpoint_disabled"
    # A test event goes out whatever the endpoint's status.
    tested = await owner.http.post(f"{API}/{endpoint_id}/test")
    assert tested.status_code == 200 and tested.json()["data"]["attempt"]["kind"] == "test"
    async with session_factory() as db:
        row = await db.get(WebhookEndpoint, endpoint_id)
        assert row is not None and row.failure_streak == 0  # tests count neither way


async def test_test_events_are_limited_per_user(
    make_user_client: MakeUserClient, receiver: Receiver
) -> None:
    owner = await make_user_client("premium")
    endpoint_id = (await owner.http.post(API, json={"url": receiver.url})).json()["data"]["id"]
    for _ in range(5):
        response = await owner.http.post(f"{API}/{endpoint_id}/test")
        assert response.status_code == 200
        payload = response.json()["data"]
        assert payload["delivery"]["type"] == "webhook.test"
        assert payload["delivery"]["status"] == "succeeded"
    limited = await owner.http.post(f"{API}/{endpoint_id}/test")
    assert limited.status_code == 429 and code_of(limited) == "rate_limited"
    assert "Retry-After" in limited.headers
    assert len(receiver.received) == 5
    body = receiver.received[0].body
    assert body.startswith(b'{"type":"webhook.test","version":1,"timestamp":"')
    assert f'"data":{{"endpoint_id":{endpoint_id},'.encode() in body


async def test_redeliveries_are_limited_per_user(
    make_user_client: MakeUserClient, receiver: Receiver
) -> None:
    owner = await make_user_client("premium")
    endpoint_id = (await owner.http.post(API, json={"url": receiver.url})).json()["data"]["id"]
    delivery = (await owner.http.post(f"{API}/{endpoint_id}/test")).json()["data"]["delivery"]
    path = f"{API}/{endpoint_id}/deliveries/{delivery['id']}/redeliver"
    for _ in range(10):
        assert (await owner.http.post(path)).status_code == 200
    limited = await owner.http.post(path)
    assert limited.status_code == 429 and code_of(limited) == "rate_limited"
