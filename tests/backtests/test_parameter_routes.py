"""`GET /backtests/parameters`: the tunable parameters' live values and ranges for a premium
user's form (docs/rules/backtest.md "Tunable parameters"), the admin settings' own."""

from __future__ import annotations

import pytest

from cryptolens.backtests.parameters import TUNABLE_NAMES
from tests.backtests.conftest import API, code_of, data_of
from tests.clients import MakeUserClient

URL = f"{API}/backtests/parameters"


@pytest.mark.parametrize("tier", ["free", "pro"])
async def test_below_premium_is_refused_with_tier_required(
    make_user_client: MakeUserClient, tier: str
) -> None:
    user = await make_user_client(tier)
    response = await user.http.get(URL)
    assert response.status_code == 403
    assert code_of(response) == "tier_required"


async def test_the_seven_tunables_with_the_admin_settings_values_and_ranges(
    make_user_client: MakeUserClient,
) -> None:
    user = await make_user_client("premium")
    admin = await make_user_client(admin=True)
    parameters = data_of(await user.http.get(URL))
    assert list(parameters) == list(TUNABLE_NAMES)
    settings = {row["key"]: row for row in data_of(await admin.http.get(f"{API}/admin/settings"))}
    for name, parameter in parameters.items():
        assert parameter["value"] == settings[name]["value"], name
        assert parameter["type"] == settings[name]["type"], name
    assert parameters["default_rr"]["min"] == 2 and parameters["default_rr"]["min_exclusive"]
    assert parameters["default_rr"]["max"] == 10
    assert (
        parameters["signal_cooldown_hours"]["min"],
        parameters["signal_cooldown_hours"]["max"],
    ) == (0, 168)
    timeframes = parameters["confluence_timeframes"]
    assert set(timeframes["value"]) <= set(timeframes["choices"])
    # min_confluence goes up to the number of confluence timeframes in force.
    assert parameters["min_confluence"]["max"] == len(timeframes["value"])
    assert parameters["require_htf"]["type"] == "bool"
    assert parameters["require_htf"]["min"] is None


async def test_a_changed_live_setting_is_the_value_shown(make_user_client: MakeUserClient) -> None:
    admin = await make_user_client(admin=True)
    changed = await admin.http.put(f"{API}/admin/settings/min_zone_pct", json={"value": 0.5})
    assert changed.status_code == 200, changed.text
    parameters = data_of(await admin.http.get(URL))  # admins count as premium
    assert parameters["min_zone_pct"]["value"] == 0.5
    assert (parameters["min_zone_pct"]["min"], parameters["min_zone_pct"]["max"]) == (0.01, 5)
