"""Tiers through the API: the watchlist limits, require_tier on a route, the tier following the
subscription's state on the injected clock, admins as premium, the plans."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI

from cryptolens.access.deps import CurrentAccess, PremiumAccess, ProAccess
from cryptolens.billing import service as billing_service
from cryptolens.core.clock import FrozenClock
from cryptolens.resources import app_resources
from cryptolens.settings import PlanSettings
from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import API, error_of, me

WATCHLIST = f"{API}/me/watchlist"


async def test_free_user_cannot_put_a_second_symbol_on_the_watchlist(
    make_user_client: MakeUserClient,
) -> None:
    user = await make_user_client("free")
    shown = await user.http.get(WATCHLIST)
    assert shown.json()["data"] == {
        "symbols": [],
        "following": ["BTC/USDT"],
        "max_symbols": 1,
        "choices": [],
    }
    assert (await user.http.put(WATCHLIST, json={"symbols": ["BTC/USDT"]})).status_code == 200

    refused = await user.http.put(WATCHLIST, json={"symbols": ["BTC/USDT", "ETH/USDT"]})
    status, message, code = error_of(refused)
    assert (status, message, code) == (403, "Requires pro tier", "tier_required")
    other = await user.http.put(WATCHLIST, json={"symbols": ["ETH/USDT"]})
    assert error_of(other)[1] == "Requires pro tier"
    assert (await user.http.get(WATCHLIST)).json()["data"]["symbols"] == ["BTC/USDT"]


async def test_pro_user_picks_up_to_five(make_user_client: MakeUserClient) -> None:
    user = await make_user_client("pro")
    five = ["eth/usdt", "SOL/USDT", "BNB/USDT", "XRP/USDT", "ADA/USDT", "ETH/USDT"]
    saved = await user.http.put(WATCHLIST, json={"symbols": five})
    assert saved.status_code == 200, saved.text
    expected = ["ETH/USDT", "SOL/USDT", "BNB/USDT", "XRP/USDT", "ADA/USDT"]
    assert saved.json()["data"] == {
        "symbols": expected,
        "following": expected,
        "max_symbols": 5,
        "choices": [],
    }
    six = await user.http.put(WATCHLIST, json={"symbols": [*expected, "DOGE/USDT"]})
    assert error_of(six)[1] == "Requires premium tier"
    malformed = await user.http.put(WATCHLIST, json={"symbols": ["BTCUSDT; DROP"]})
    assert error_of(malformed)[::2] == (422, "validation_error")


async def test_premium_follows_everything(make_user_client: MakeUserClient) -> None:
    user = await make_user_client("premium")
    many = [f"C{number}/USDT" for number in range(8)]
    saved = await user.http.put(WATCHLIST, json={"symbols": many})
    assert saved.json()["data"] == {
        "symbols": many,
        "following": None,
        "max_symbols": None,
        "choices": [],
    }


@pytest.fixture
def app_with_tier_routes(app: FastAPI) -> FastAPI:
    async def pro_report(access: ProAccess) -> dict[str, str]:
        return {"tier": access.tier.value}

    async def premium_export(access: PremiumAccess) -> dict[str, str]:
        return {"tier": access.tier.value}

    async def my_symbols(access: CurrentAccess) -> dict[str, object]:
        return {"symbols": access.visible_symbols(["BTC/USDT", "ETH/USDT", "SOL/USDT"])}

    app.add_api_route("/api/v1/probe/pro", pro_report, methods=["GET"])
    app.add_api_route("/api/v1/probe/premium", premium_export, methods=["GET"])
    app.add_api_route("/api/v1/probe/symbols", my_symbols, methods=["GET"])
    return app


async def test_require_tier_dependency(
    app_with_tier_routes: FastAPI, make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    free, pro, admin = (
        await make_user_client("free"),
        await make_user_client("pro"),
        await make_user_client(admin=True),
    )
    assert error_of(await free.http.get("/api/v1/probe/pro")) == (
        403,
        "Requires pro tier",
        "tier_required",
    )
    assert (await pro.http.get("/api/v1/probe/pro")).json() == {"tier": "pro"}
    assert error_of(await pro.http.get("/api/v1/probe/premium"))[1] == "Requires premium tier"
    assert (await admin.http.get("/api/v1/probe/premium")).json() == {"tier": "premium"}
    assert error_of(await make_client().get("/api/v1/probe/pro"))[0] == 401

    await pro.http.put(WATCHLIST, json={"symbols": ["SOL/USDT"]})
    assert (await pro.http.get("/api/v1/probe/symbols")).json() == {"symbols": ["SOL/USDT"]}
    assert (await free.http.get("/api/v1/probe/symbols")).json() == {"symbols": ["BTC/USDT"]}


async def test_subscription_states_on_the_clock(
    app: FastAPI, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client("free")
    async with app_resources(app).session_factory() as db:
        await billing_service.grant_subscription(
            db,
            user.user_id,
            "pro_monthly",
            clock.now(),
            expires_at=clock.now() + timedelta(days=30),
        )
        await db.commit()

    async def tier() -> str:
        response = await me(user.http)
        assert response.status_code == 200, response.text
        return str(response.json()["data"]["tier"])

    async def live_through(days: int) -> None:
        # Visit daily so the 7-day idle session stays alive while the months pass.
        for _ in range(days):
            clock.advance(timedelta(days=1))
            await tier()

    assert await tier() == "pro"
    await live_through(32)  # expired two days ago: still in the grace
    assert await tier() == "pro"
    await live_through(1)  # beyond the 3-day grace
    assert await tier() == "free"

    async with app_resources(app).session_factory() as db:
        await billing_service.grant_subscription(
            db,
            user.user_id,
            "premium_monthly",
            clock.now(),
            expires_at=clock.now() + timedelta(days=30),
        )
        await db.commit()
    assert await tier() == "premium"
    async with app_resources(app).session_factory() as db:
        await billing_service.set_subscription_status(db, user.user_id, "suspended", clock.now())
        await db.commit()
    assert await tier() == "free"
    assert (await me(user.http)).json()["data"]["subscription"]["status"] == "suspended"


async def test_payment_extends_from_the_later_of_now_and_expiry(
    app: FastAPI, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    from cryptolens.billing.plans import plan_catalogue

    plans = plan_catalogue(PlanSettings())
    user = await make_user_client("free")
    now = clock.now()
    async with app_resources(app).session_factory() as db:
        first = await billing_service.extend_subscription(
            db, user.user_id, plans["pro_monthly"], now, 3
        )
        assert first.expires_at == now + timedelta(days=30)
        second = await billing_service.extend_subscription(
            db, user.user_id, plans["pro_monthly"], now + timedelta(days=10), 3
        )
        assert second.expires_at == now + timedelta(days=60)
        await db.commit()


async def test_plans_are_public(make_client: MakeClient) -> None:
    response = await make_client().get("/api/v1/billing/plans")
    assert response.status_code == 200
    plans = {plan["plan"]: plan for plan in response.json()["data"]}
    prices = {
        f"{name}_{price['cycle']}": price["amount"]
        for name, plan in plans.items()
        for price in plan["prices"]
    }
    assert prices == {
        "pro_monthly": "19.00",
        "pro_yearly": "190.00",
        "premium_monthly": "49.00",
        "premium_yearly": "490.00",
    }
    assert plans["pro"]["limits"]["max_watchlist"] == 5
    assert plans["premium"]["limits"]["api_keys"] is True
