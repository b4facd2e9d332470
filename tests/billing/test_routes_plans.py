"""GET /billing/plans: public; free, pro and premium with their monthly and yearly prices, the
yearly saving, feature lines of features that exist, and the limits of the one tier table."""

from __future__ import annotations

from cryptolens.access.schemas import LimitsOut
from cryptolens.access.tiers import TIER_LIMITS
from tests.billing.providers_fixtures import data_of
from tests.clients import MakeClient

PLANS = "/api/v1/billing/plans"


async def test_plans_are_public_with_prices_and_the_yearly_saving(make_client: MakeClient) -> None:
    plans = data_of(await make_client().get(PLANS))
    assert [plan["plan"] for plan in plans] == ["free", "pro", "premium"]
    by_plan = {plan["plan"]: plan for plan in plans}
    assert by_plan["free"]["prices"] == []
    assert by_plan["pro"]["prices"] == [
        {
            "cycle": "monthly",
            "amount": "19.00",
            "currency": "USD",
            "days": 30,
            "monthly_equivalent": "19.00",
            "saving_pct": None,
        },
        {
            "cycle": "yearly",
            "amount": "190.00",
            "currency": "USD",
            "days": 365,
            "monthly_equivalent": "15.83",
            "saving_pct": 17,  # 190 against 12 x 19 = 228
        },
    ]
    premium = {price["cycle"]: price for price in by_plan["premium"]["prices"]}
    assert (premium["monthly"]["amount"], premium["yearly"]["amount"]) == ("49.00", "490.00")
    assert premium["yearly"]["saving_pct"] == 17  # 490 against 588
    assert premium["yearly"]["monthly_equivalent"] == "40.83"


async def test_limits_come_from_the_tier_table(make_client: MakeClient) -> None:
    plans = data_of(await make_client().get(PLANS))
    for plan in plans:
        expected = LimitsOut.of(TIER_LIMITS[plan["plan"]]).model_dump(mode="json")
        assert plan["limits"] == expected
    assert plans[1]["limits"]["max_watchlist"] == 5
    assert plans[2]["limits"]["api_keys"] is True


async def test_features_name_only_what_exists(make_client: MakeClient) -> None:
    plans = {plan["plan"]: plan for plan in data_of(await make_client().get(PLANS))}
    every_line = [line.lower() for plan in plans.values() for line in plan["features"]]
    assert every_line
    assert not [line for line in every_line if "portfolio" in line or "trade" in line]
    assert "BTC/USDT only" in plans["free"]["features"]
    assert "Up to 5 symbols of your choice" in plans["pro"]["features"]
    assert "1 push notification a day, delayed 10 min" in plans["free"]["features"]
    assert {"All symbols", "REST API keys", "Webhooks for patterns and signals"} <= set(
        plans["premium"]["features"]
    )
    assert "REST API keys" not in plans["pro"]["features"]
