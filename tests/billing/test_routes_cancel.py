"""GET /billing/subscription and POST /billing/cancel: a card subscription is stopped at the
provider first (the fake LemonSqueezy records the DELETE), and if the provider cannot be
reached nothing changes; access lasts to the end of the period; 409 when there is nothing to
cancel or it is cancelled already."""

from __future__ import annotations

from fastapi import FastAPI

from cryptolens.billing.service import grant_subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.resources import app_resources
from tests.auth.helpers import error_of
from tests.billing.providers_fixtures import (
    app,
    checkout,
    data_of,
    deliver,
    lemonsqueezy,
    mail_settings,
    nowpayments,
    outcome_of,
    provider_settings,
    smtp_server,
    smtp_sink,
    tier_now,
)
from tests.clients import MakeUserClient, UserClient
from tests.fakes.lemonsqueezy import FakeLemonSqueezy

__all__ = [
    "app",
    "lemonsqueezy",
    "mail_settings",
    "nowpayments",
    "provider_settings",
    "smtp_server",
    "smtp_sink",
]

BILLING = "/api/v1/billing"


async def _subscribed_by_card(user: UserClient, lemonsqueezy: FakeLemonSqueezy) -> str:
    """A paid pro monthly card checkout with its recurring subscription; its id."""
    await checkout(user.http, "pro", "monthly", "card")
    [checkout_id] = lemonsqueezy.checkouts
    assert outcome_of(
        await deliver(user.http, "card", lemonsqueezy.order_created(checkout_id))
    ) == ("applied")
    linked = lemonsqueezy.subscription_created(checkout_id)
    assert outcome_of(await deliver(user.http, "card", linked)) == "applied"
    return linked.object_id


async def test_cancel_stops_renewals_at_the_provider_and_keeps_access(
    make_user_client: MakeUserClient, lemonsqueezy: FakeLemonSqueezy
) -> None:
    user = await make_user_client("free")
    subscription_id = await _subscribed_by_card(user, lemonsqueezy)
    before = data_of(await user.http.get(f"{BILLING}/subscription"))
    assert (before["plan"], before["tier"], before["status"], before["cycle"]) == (
        "pro",
        "pro",
        "active",
        "monthly",
    )
    assert (before["renews"], before["can_cancel"], before["scheduled"]) == (True, True, None)

    after = data_of(await user.http.post(f"{BILLING}/cancel"))
    assert lemonsqueezy.cancelled == [subscription_id]
    assert (after["status"], after["tier"], after["renews"], after["can_cancel"]) == (
        "cancelled",
        "pro",
        False,
        False,
    )
    assert after["cancelled_at"] is not None
    assert after["expires_at"] == before["expires_at"]
    assert await tier_now(user.http) == "pro"

    again = await user.http.post(f"{BILLING}/cancel")
    assert error_of(again)[::2] == (409, "already_cancelled")
    assert lemonsqueezy.cancelled == [subscription_id]


async def test_a_provider_down_cancels_nothing(
    make_user_client: MakeUserClient, lemonsqueezy: FakeLemonSqueezy
) -> None:
    user = await make_user_client("free")
    await _subscribed_by_card(user, lemonsqueezy)
    lemonsqueezy.fail_next = 100
    refused = await user.http.post(f"{BILLING}/cancel")
    assert error_of(refused)[::2] == (503, "provider_unavailable")
    assert "Retry-After" in refused.headers
    assert lemonsqueezy.cancelled == []
    still = data_of(await user.http.get(f"{BILLING}/subscription"))
    assert (still["status"], still["renews"], still["can_cancel"]) == ("active", True, True)


async def test_nothing_to_cancel_is_409(
    app: FastAPI, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    free = await make_user_client("free")
    assert error_of(await free.http.post(f"{BILLING}/cancel"))[::2] == (409, "no_subscription")
    shown = data_of(await free.http.get(f"{BILLING}/subscription"))
    assert shown == {
        "plan": None,
        "tier": "free",
        "status": None,
        "cycle": None,
        "expires_at": None,
        "cancelled_at": None,
        "renews": False,
        "scheduled": None,
        "can_cancel": False,
    }
    granted = await make_user_client("free")
    async with unit_of_work(app_resources(app).session_factory) as db:
        await grant_subscription(db, granted.user_id, "premium", clock.now(), expires_at=None)
    refused = await granted.http.post(f"{BILLING}/cancel")
    assert error_of(refused) == (409, "Conflict: nothing to cancel", "no_subscription")
    view = data_of(await granted.http.get(f"{BILLING}/subscription"))
    assert (view["plan"], view["tier"], view["can_cancel"]) == ("premium", "premium", False)


async def test_cancel_needs_csrf(make_user_client: MakeUserClient) -> None:
    user = await make_user_client("pro")
    del user.http.headers["X-CSRF-Token"]
    assert error_of(await user.http.post(f"{BILLING}/cancel"))[::2] == (403, "csrf_failed")
