"""GET /billing/payments (the caller's own, newest first, a page at a time) and
GET /billing/payments/{id} (another user's is 404)."""

from __future__ import annotations

from fastapi import FastAPI

from tests.auth.helpers import error_of
from tests.billing.providers_fixtures import checkout, data_of
from tests.clients import MakeUserClient

PAYMENTS = "/api/v1/billing/payments"


async def test_the_history_is_own_newest_first_and_paged(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    user, other = await make_user_client("free"), await make_user_client("free")
    made = [
        (await checkout(user.http, plan, cycle, "card"))["payment_id"]
        for plan, cycle in (("pro", "monthly"), ("pro", "yearly"), ("premium", "monthly"))
    ]
    theirs = (await checkout(other.http, "pro", "monthly", "card"))["payment_id"]

    first = await user.http.get(PAYMENTS, params={"limit": 2})
    page = data_of(first)
    assert [p["id"] for p in page] == [made[2], made[1]]
    cursor = first.json()["meta"]["next_cursor"]
    assert cursor
    second = await user.http.get(PAYMENTS, params={"limit": 2, "cursor": cursor})
    assert [p["id"] for p in data_of(second)] == [made[0]]
    assert second.json()["meta"].get("next_cursor") is None
    assert theirs not in [p["id"] for p in data_of(await user.http.get(PAYMENTS))]

    newest = page[0]
    assert newest["plan"] == "premium" and newest["cycle"] == "monthly"
    assert (newest["amount"], newest["currency"], newest["status"]) == ("49.00", "USD", "pending")
    assert newest["checkout_url"] == f"/billing/fake-checkout/{made[2]}"
    assert newest["final"] is False


async def test_one_payment_is_the_owners_only(make_user_client: MakeUserClient) -> None:
    owner, other = await make_user_client("free"), await make_user_client("free")
    payment_id = (await checkout(owner.http, "pro", "monthly", "crypto"))["payment_id"]
    shown = data_of(await owner.http.get(f"{PAYMENTS}/{payment_id}"))
    assert set(shown) == {
        "id", "provider", "method", "kind", "plan", "cycle", "amount", "currency", "status",
        "provider_status", "failure_reason", "checkout_url", "created_at", "completed_at",
        "period_start", "expires_at", "refunded_at", "final",
    }  # fmt: skip
    assert (shown["id"], shown["method"], shown["kind"]) == (payment_id, "crypto", "checkout")
    assert error_of(await other.http.get(f"{PAYMENTS}/{payment_id}"))[::2] == (404, "not_found")
    assert error_of(await owner.http.get(f"{PAYMENTS}/999999999"))[::2] == (404, "not_found")


async def test_a_forged_cursor_is_422(make_user_client: MakeUserClient) -> None:
    user = await make_user_client("free")
    response = await user.http.get(PAYMENTS, params={"cursor": "bm90LWEtY3Vyc29y"})
    assert error_of(response)[::2] == (422, "validation_error")
