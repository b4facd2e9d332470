"""The fake provider's checkout page (the embedded default): the server signs the event the
fake "sends" and runs it through the webhook intake, so paying there is the real path."""

from __future__ import annotations

from fastapi import FastAPI

from tests.auth.helpers import error_of
from tests.billing.providers_fixtures import checkout, data_of, event_rows, tier_now
from tests.clients import MakeUserClient

BILLING = "/api/v1/billing"


async def test_paying_on_the_fake_page_makes_the_user_pro(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client("free")
    started = await checkout(user.http, "pro", "monthly", "card")
    assert started["checkout_url"] == f"/billing/fake-checkout/{started['payment_id']}"
    page = data_of(await user.http.get(f"{BILLING}/fake-checkout/{started['payment_id']}"))
    assert page == {
        "payment_id": started["payment_id"],
        "plan": "pro",
        "cycle": "monthly",
        "amount": "19.00",
        "currency": "USD",
        "status": "pending",
        "final": False,
    }

    paid = data_of(
        await user.http.post(
            f"{BILLING}/fake-checkout/{started['payment_id']}", json={"outcome": "paid"}
        )
    )
    assert (paid["status"], paid["final"], paid["provider"]) == ("completed", True, "fake")
    assert paid["checkout_url"] is None  # only while pending
    assert await tier_now(user.http) == "pro"
    assert [(e.provider, e.outcome) for e in await event_rows(app)] == [("fake", "applied")]

    # Paying again is the same signed event: a replay, no second credit.
    again = await user.http.post(
        f"{BILLING}/fake-checkout/{started['payment_id']}", json={"outcome": "paid"}
    )
    assert data_of(again)["expires_at"] == paid["expires_at"]
    assert len(await event_rows(app)) == 1


async def test_declining_fails_the_payment_and_keeps_the_tier(
    make_user_client: MakeUserClient,
) -> None:
    user = await make_user_client("free")
    started = await checkout(user.http, "premium", "yearly", "crypto")
    failed = data_of(
        await user.http.post(
            f"{BILLING}/fake-checkout/{started['payment_id']}", json={"outcome": "failed"}
        )
    )
    assert (failed["status"], failed["final"]) == ("failed", True)
    assert failed["failure_reason"]
    assert await tier_now(user.http) == "free"


async def test_another_users_checkout_is_not_found(make_user_client: MakeUserClient) -> None:
    owner, other = await make_user_client("free"), await make_user_client("free")
    started = await checkout(owner.http, "pro", "monthly", "card")
    url = f"{BILLING}/fake-checkout/{started['payment_id']}"
    assert error_of(await other.http.get(url))[::2] == (404, "not_found")
    refused = await other.http.post(url, json={"outcome": "paid"})
    assert error_of(refused)[::2] == (404, "not_found")
    assert await tier_now(other.http) == "free"
    assert await tier_now(owner.http) == "free"


async def test_a_bad_outcome_is_422(make_user_client: MakeUserClient) -> None:
    user = await make_user_client("free")
    started = await checkout(user.http, "pro", "monthly", "card")
    response = await user.http.post(
        f"{BILLING}/fake-checkout/{started['payment_id']}", json={"outcome": "free"}
    )
    assert error_of(response)[::2] == (422, "validation_error")


async def test_without_csrf_the_outcome_is_refused(make_user_client: MakeUserClient) -> None:
    user = await make_user_client("free")
    started = await checkout(user.http, "pro", "monthly", "card")
    del user.http.headers["X-CSRF-Token"]
    response = await user.http.post(
        f"{BILLING}/fake-checkout/{started['payment_id']}", json={"outcome": "paid"}
    )
    assert response.status_code == 403
    user_tier = await tier_now(user.http)
    assert user_tier == "free"
