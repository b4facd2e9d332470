"""`/admin/payments`: the list and its filters (newest first, paged), one payment with the
provider events recorded for it, the user page's latest payments, and the refund mark: the
refund rule applied (the funding payment's refund makes the user free at once, an older
one's changes nothing), 409 unless completed, one audit row with the reason."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.clock import FrozenClock
from tests.admin.payment_factories import (
    PaymentDesk,
    add_event,
    add_payment,
    desk,
    fund_subscription,
    subscription_of,
)
from tests.admin.user_factories import USERS, audit_rows
from tests.auth.helpers import me
from tests.billing.ledger_helpers import buy
from tests.clients import MakeUserClient

__all__ = ["desk"]

PAYMENTS = f"{ADMIN_PREFIX}/payments"
DAY = timedelta(days=1)
Factory = async_sessionmaker[AsyncSession]


def _at(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


async def _ids(admin: httpx.AsyncClient, **params: Any) -> list[int]:
    response = await admin.get(PAYMENTS, params=params)
    assert response.status_code == 200, response.text
    return [row["id"] for row in response.json()["data"]]


async def _refund(
    admin: httpx.AsyncClient, payment_id: int, reason: str = "chargeback by the bank"
) -> httpx.Response:
    return await admin.post(f"{PAYMENTS}/{payment_id}/refund", json={"reason": reason})


async def _tier(user: httpx.AsyncClient) -> str:
    response = await me(user)
    assert response.status_code == 200, response.text
    tier: str = response.json()["data"]["tier"]
    return tier


async def test_the_list_filters_by_user_status_and_provider_newest_first(
    desk: PaymentDesk,
) -> None:
    admin, now = desk.admin, desk.now
    alice = await desk.account(email="alice-pay@example.com")
    bob = await desk.account(email="bob-pay@example.com")
    a1 = await desk.payment(alice, now - 3 * DAY, provider="card")
    a2 = await desk.payment(alice, now - 2 * DAY, status="failed")
    b1 = await desk.payment(bob, now - DAY, provider="crypto", status="pending")
    b2 = await desk.payment(
        bob, now, provider="crypto", plan="premium", status="refunded", refunded_at=now
    )

    assert await _ids(admin.http) == [b2, b1, a2, a1]
    assert await _ids(admin.http, user_id=alice) == [a2, a1]
    assert await _ids(admin.http, status="pending") == [b1]
    assert await _ids(admin.http, provider="crypto") == [b2, b1]
    assert await _ids(admin.http, provider="crypto", status="refunded", user_id=bob) == [b2]
    assert await _ids(admin.http, provider="card", user_id=bob) == []

    first = await admin.http.get(PAYMENTS, params={"limit": 3})
    assert [row["id"] for row in first.json()["data"]] == [b2, b1, a2]
    cursor = first.json()["meta"]["next_cursor"]
    second = await admin.http.get(PAYMENTS, params={"limit": 3, "cursor": cursor})
    assert [row["id"] for row in second.json()["data"]] == [a1]
    assert second.json()["meta"].get("next_cursor") is None

    row = first.json()["data"][0]
    assert row["email"] == "bob-pay@example.com" and row["user_id"] == bob
    assert (row["plan"], row["cycle"], row["amount"], row["currency"]) == (
        "premium", "monthly", "49.00", "USD",
    )  # fmt: skip
    assert row["status"] == "refunded" and row["refunded_by"] == "provider"

    for bad in ({"status": "paid"}, {"provider": "paypal"}, {"user_id": "x"}):
        response = await admin.http.get(PAYMENTS, params=bad)
        assert response.status_code == 422, (bad, response.text)
        assert response.json()["meta"]["code"] == "validation_error"


async def test_a_payment_shows_its_provider_events_oldest_first(desk: PaymentDesk) -> None:
    admin, now, session_factory = desk.admin, desk.now, desk.factory
    user = await desk.account(email="carol-pay@example.com")
    payment_id = await desk.payment(user, now - DAY, provider="crypto")
    other = await desk.payment(user, now - DAY, status="failed")
    await add_event(
        session_factory, payment_id, now - DAY + timedelta(minutes=5), provider="crypto",
        event_type="finished",
    )  # fmt: skip
    first = await add_event(
        session_factory, payment_id, now - DAY, provider="crypto", event_type="confirming",
        detail="provider status only",
    )  # fmt: skip
    await add_event(
        session_factory, payment_id, now, provider="crypto", event_type="finished",
        outcome="ignored", detail="already completed",
    )  # fmt: skip
    await add_event(session_factory, other, now, event_type="failed")

    response = await admin.http.get(f"{PAYMENTS}/{payment_id}")
    assert response.status_code == 200, response.text
    detail = response.json()["data"]
    assert detail["id"] == payment_id and detail["email"] == "carol-pay@example.com"
    assert detail["provider"] == "crypto" and detail["method"] == "crypto"
    assert detail["provider_checkout_id"].startswith("chk_")
    assert detail["provider_object_id"].startswith("ord_")
    assert _at(detail["completed_at"]) == now - DAY
    assert _at(detail["expires_at"]) == now + 29 * DAY
    events = detail["events"]
    assert [(e["event_type"], e["outcome"]) for e in events] == [
        ("confirming", "applied"),
        ("finished", "applied"),
        ("finished", "ignored"),
    ]
    assert events[0]["event_id"] == first and events[0]["detail"] == "provider status only"
    assert _at(events[0]["received_at"]) == now - DAY
    assert events[2]["detail"] == "already completed"

    missing = await admin.http.get(f"{PAYMENTS}/{other + 1000}")
    assert missing.status_code == 404 and missing.json()["meta"]["code"] == "not_found"


async def test_the_user_page_shows_the_ten_latest_payments(desk: PaymentDesk) -> None:
    admin, now = desk.admin, desk.now
    user = await desk.account()
    someone = await desk.account()
    await desk.payment(someone, now)
    ids = [await desk.payment(user, now - (12 - n) * DAY, provider="card") for n in range(12)]

    response = await admin.http.get(f"{USERS}/{user}")
    assert response.status_code == 200, response.text
    payments = response.json()["data"]["payments"]
    assert [row["id"] for row in payments] == ids[::-1][:10]
    assert payments[0]["provider"] == "card" and payments[0]["status"] == "completed"
    assert payments[0]["provider_object_id"].startswith("ord_")

    empty = await admin.http.get(f"{USERS}/{someone + 1000}")
    assert empty.status_code == 404
    no_payments = await admin.http.get(f"{USERS}/{admin.user_id}")
    assert no_payments.json()["data"]["payments"] == []


async def test_refunding_the_funding_payment_makes_the_user_free_at_once(
    desk: PaymentDesk, make_user_client: MakeUserClient
) -> None:
    admin, now, session_factory = desk.admin, desk.now, desk.factory
    user = await make_user_client()
    payment_id = await desk.payment(user.user_id, now - 10 * DAY)
    await fund_subscription(
        session_factory, user.user_id, payment_id, plan="pro", started_at=now - 10 * DAY,
        expires_at=now + 20 * DAY,
    )  # fmt: skip
    assert await _tier(user.http) == "pro"

    response = await _refund(admin.http, payment_id)
    assert response.status_code == 200, response.text
    refunded = response.json()["data"]
    assert refunded["status"] == "refunded" and refunded["refunded_by"] == "admin"
    assert _at(refunded["refunded_at"]) == now

    assert await _tier(user.http) == "free"
    subscription = await subscription_of(session_factory, user.user_id)
    assert subscription is not None and subscription.status == "suspended"

    [row] = await audit_rows(admin.http, action="payment.refund")
    assert row["target_type"] == "payment" and row["target_id"] == str(payment_id)
    assert row["actor_id"] == admin.user_id
    assert row["before"]["status"] == "completed" and row["after"]["status"] == "refunded"
    assert row["before"]["subscription_status"] == "active"
    assert row["after"]["subscription_status"] == "suspended"
    assert row["after"]["refunded_by"] == "admin"
    assert row["after"]["reason"] == "chargeback by the bank"


async def test_refunding_an_older_payment_leaves_the_tier(
    desk: PaymentDesk, make_user_client: MakeUserClient
) -> None:
    admin, now, session_factory = desk.admin, desk.now, desk.factory
    user = await make_user_client()
    older = await desk.payment(user.user_id, now - 40 * DAY)
    newer = await desk.payment(user.user_id, now - 10 * DAY)
    await fund_subscription(
        session_factory, user.user_id, newer, plan="pro", started_at=now - 40 * DAY,
        expires_at=now + 20 * DAY,
    )  # fmt: skip

    response = await _refund(admin.http, older, reason="duplicate charge")
    assert response.status_code == 200, response.text
    assert response.json()["data"]["status"] == "refunded"

    assert await _tier(user.http) == "pro"
    subscription = await subscription_of(session_factory, user.user_id)
    assert subscription is not None
    assert (subscription.status, subscription.expires_at) == ("active", now + 20 * DAY)
    [row] = await audit_rows(admin.http, action="payment.refund")
    assert row["target_id"] == str(older) and row["after"]["reason"] == "duplicate charge"
    assert "subscription_status" not in row["after"]  # unchanged: not in the audit row


async def test_only_a_completed_payment_can_be_refunded(desk: PaymentDesk) -> None:
    admin, now = desk.admin, desk.now
    user = await desk.account()
    for status in ("pending", "failed", "expired", "refunded"):
        refunded_at = now if status == "refunded" else None
        payment_id = await desk.payment(user, now, status=status, refunded_at=refunded_at)
        response = await _refund(admin.http, payment_id)
        assert response.status_code == 409, (status, response.text)
        assert response.json()["meta"]["code"] == "payment_not_refundable"

    completed = await desk.payment(user, now)
    assert (await _refund(admin.http, completed)).status_code == 200
    again = await _refund(admin.http, completed)
    assert again.status_code == 409
    assert again.json()["meta"]["code"] == "payment_not_refundable"

    missing = await _refund(admin.http, completed + 1000)
    assert missing.status_code == 404 and missing.json()["meta"]["code"] == "not_found"
    for body in ({}, {"reason": "  "}, {"reason": "x", "amount": "5"}):
        response = await admin.http.post(f"{PAYMENTS}/{completed}/refund", json=body)
        assert response.status_code == 422, (body, response.text)
    assert len(await audit_rows(admin.http, action="payment.refund")) == 1


async def test_non_admins_cannot_see_or_refund_payments(
    make_user_client: MakeUserClient, session_factory: Factory, clock: FrozenClock
) -> None:
    user = await make_user_client("premium")
    payment_id = await add_payment(session_factory, user.user_id, clock.now())

    for response in (
        await user.http.get(PAYMENTS),
        await user.http.get(f"{PAYMENTS}/{payment_id}"),
        await _refund(user.http, payment_id),
    ):
        assert response.status_code == 403, response.text
        assert response.json()["meta"]["code"] == "admin_required"


async def test_refund_marks_on_payments_the_ledger_credited(
    desk: PaymentDesk, make_user_client: MakeUserClient
) -> None:
    admin, now, session_factory = desk.admin, desk.now, desk.factory
    user = await make_user_client()
    first = await buy(session_factory, user.user_id, now - 10 * DAY)
    second = await buy(session_factory, user.user_id, now)  # extends: now funds the period
    subscription = await subscription_of(session_factory, user.user_id)
    assert subscription is not None and subscription.funded_by_payment_id == second.id
    assert subscription.expires_at == now + 50 * DAY

    detail = (await admin.http.get(f"{PAYMENTS}/{second.id}")).json()["data"]
    assert [(e["event_type"], e["outcome"]) for e in detail["events"]] == [("paid", "applied")]

    assert (await _refund(admin.http, first.id)).status_code == 200
    assert await _tier(user.http) == "pro"
    assert (await _refund(admin.http, second.id)).status_code == 200
    assert await _tier(user.http) == "free"
    listed = (await admin.http.get(PAYMENTS, params={"user_id": user.user_id})).json()["data"]
    assert [(row["id"], row["status"], row["refunded_by"]) for row in listed] == [
        (second.id, "refunded", "admin"),
        (first.id, "refunded", "admin"),
    ]


async def test_two_refund_marks_at_once_refund_once(
    make_user_client: MakeUserClient, session_factory: Factory, clock: FrozenClock
) -> None:
    admin = await make_user_client(admin=True)
    other_admin = await make_user_client(admin=True)
    user = await make_user_client()
    payment = await buy(session_factory, user.user_id, clock.now())

    answers = await asyncio.gather(
        _refund(admin.http, payment.id), _refund(other_admin.http, payment.id)
    )

    assert sorted(response.status_code for response in answers) == [200, 409], [
        response.text for response in answers
    ]
    assert len(await audit_rows(admin.http, action="payment.refund")) == 1
    assert await _tier(user.http) == "free"
