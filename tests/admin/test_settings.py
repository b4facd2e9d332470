"""`/admin/settings` (admin.md "Runtime settings"): every key with its type, value, default
and range; each key's type and range refusals (422 `invalid_setting`, a bool is not a
number); unknown keys (404 `unknown_setting`); DELETE restoring the default; one audit row per
write, none for a refused one."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.clock import FrozenClock
from cryptolens.settings import DETECTION_TIMEFRAMES, Settings
from tests.clients import MakeUserClient, UserClient

SETTINGS = f"{ADMIN_PREFIX}/settings"
AUDIT = f"{ADMIN_PREFIX}/audit-log"

KEYS = [
    "min_confluence",
    "require_htf",
    "require_trend_alignment",
    "confluence_timeframes",
    "min_risk_pct",
    "default_rr",
    "signal_cooldown_hours",
    "move_stop_to_entry_after_tp1",
    "min_zone_pct",
    "ob_impulse_multiplier",
    "notifications_enabled",
    "notify_max_age_minutes",
    "log_level",
]


class Raw(str):
    """A JSON token sent as written (httpx refuses to encode NaN)."""


NUMBER_KEYS = {"min_risk_pct", "default_rr", "min_zone_pct", "ob_impulse_multiplier"}

# key -> (accepted values, refused values). The test settings scan every detection timeframe.
CASES: dict[str, tuple[list[Any], list[Any]]] = {
    "min_confluence": ([1, 6], [0, 7, True, 2.0, "2", None, 10**400]),
    "require_htf": ([True, False], [1, 0, "true", None]),
    "require_trend_alignment": ([True, False], [1, "false", None]),
    "confluence_timeframes": (
        [["4h", "1m"], list(DETECTION_TIMEFRAMES)],
        [[], ["2h"], ["1m", "1m"], "1m", [1], None, {"1m": True}],
    ),
    "min_risk_pct": ([0.05, 5, 1.25], [0.049, 5.01, True, "1", None, [1], 10**400, -(10**400)]),
    "default_rr": ([2.001, 10, 3], [2, 1.5, 10.01, False, "3", Raw("NaN"), Raw("Infinity")]),
    "signal_cooldown_hours": ([0, 168], [-1, 169, 1.5, 4.0, True, "4"]),
    "move_stop_to_entry_after_tp1": ([False, True], ["yes", 1, None]),
    "min_zone_pct": ([0.01, 5], [0.0099, 5.1, 0, True]),
    "ob_impulse_multiplier": ([1, 5, 2.5], [0.99, 5.01, False]),
    "notifications_enabled": ([False, True], [0, "off", None]),
    "notify_max_age_minutes": ([1, 120], [0, 121, 10.0, True]),
    "log_level": (["DEBUG", "WARNING", "ERROR", "INFO"], ["debug", "TRACE", "CRITICAL", 10, ""]),
}


async def _settings(admin: UserClient) -> dict[str, dict[str, Any]]:
    response = await admin.http.get(SETTINGS)
    assert response.status_code == 200, response.text
    return {item["key"]: item for item in response.json()["data"]}


async def _audit(admin: UserClient) -> list[dict[str, Any]]:
    response = await admin.http.get(AUDIT, params={"action": "setting."})
    assert response.status_code == 200, response.text
    entries: list[dict[str, Any]] = response.json()["data"]
    return entries


async def test_the_list_shows_every_key_with_its_default_and_range(
    app: FastAPI, make_user_client: MakeUserClient, test_settings: Settings
) -> None:
    admin = await make_user_client(admin=True)
    response = await admin.http.get(SETTINGS)
    assert response.status_code == 200, response.text
    items = response.json()["data"]
    assert [item["key"] for item in items] == KEYS
    by_key = {item["key"]: item for item in items}
    for item in items:
        assert item["value"] == item["default"], item
        assert (item["updated_at"], item["updated_by"]) == (None, None)
    expected: dict[str, tuple[str, Any, dict[str, Any]]] = {
        "min_confluence": ("int", 2, {"minimum": 1, "maximum": 6}),
        "require_htf": ("bool", False, {}),
        "require_trend_alignment": ("bool", False, {}),
        "confluence_timeframes": ("list", list(DETECTION_TIMEFRAMES), {"minimum": 1}),
        "min_risk_pct": ("number", 0.5, {"minimum": 0.05, "maximum": 5}),
        "default_rr": ("number", 3.0, {"minimum": 2, "maximum": 10, "minimum_exclusive": True}),
        "signal_cooldown_hours": ("int", 4, {"minimum": 0, "maximum": 168}),
        "move_stop_to_entry_after_tp1": ("bool", True, {}),
        "min_zone_pct": ("number", 0.15, {"minimum": 0.01, "maximum": 5}),
        "ob_impulse_multiplier": ("number", 1.5, {"minimum": 1, "maximum": 5}),
        "notifications_enabled": ("bool", True, {}),
        "notify_max_age_minutes": ("int", 10, {"minimum": 1, "maximum": 120}),
        "log_level": ("choice", test_settings.log_level.upper(), {}),
    }
    for key, (kind, default, bounds) in expected.items():
        item = by_key[key]
        assert (item["type"], item["default"]) == (kind, default), key
        assert type(item["default"]) is type(default), key  # 4 stays an int, 3.0 a number
        for name, bound in bounds.items():
            assert item["range"][name] == bound, (key, name)
    assert by_key["default_rr"]["range"]["text"] == "2 < x <= 10"
    assert by_key["min_risk_pct"]["range"]["text"] == "0.05 <= x <= 5"
    assert by_key["log_level"]["range"]["choices"] == ["DEBUG", "INFO", "WARNING", "ERROR"]
    assert by_key["confluence_timeframes"]["range"]["choices"] == list(DETECTION_TIMEFRAMES)


@pytest.mark.parametrize("key", KEYS)
async def test_each_key_takes_values_of_its_type_in_range_and_refuses_others(
    app: FastAPI, make_user_client: MakeUserClient, clock: FrozenClock, key: str
) -> None:
    admin = await make_user_client(admin=True)
    accepted, refused = CASES[key]
    for value in refused:
        if isinstance(value, Raw):
            response = await admin.http.put(
                f"{SETTINGS}/{key}",
                content=f'{{"value": {value}}}',
                headers={"content-type": "application/json"},
            )
        else:
            response = await admin.http.put(f"{SETTINGS}/{key}", json={"value": value})
        assert response.status_code == 422, (key, value, response.text)
        body = response.json()
        assert body["meta"]["code"] == "invalid_setting", (key, value)
        assert key in body["error"]
    # Nothing was stored and nothing audited by the refusals.
    assert (await _settings(admin))[key]["updated_at"] is None
    assert await _audit(admin) == []
    for value in accepted:
        clock.advance(timedelta(seconds=1))
        response = await admin.http.put(f"{SETTINGS}/{key}", json={"value": value})
        assert response.status_code == 200, (key, value, response.text)
        item = response.json()["data"]
        shown = value
        if isinstance(value, list):
            shown = sorted(value, key=DETECTION_TIMEFRAMES.index)  # kept in timeframe order
        elif key in NUMBER_KEYS:
            shown = float(value)  # a number key stores a JSON number (5 -> 5.0)
        assert item["value"] == shown and type(item["value"]) is type(shown), (key, value)
        assert item["updated_by"] == admin.user_id
        assert item["updated_at"] is not None
        listed = (await _settings(admin))[key]
        assert listed["value"] == shown and listed["updated_by"] == admin.user_id
    assert len(await _audit(admin)) == len(accepted)


async def test_unknown_keys_and_malformed_bodies(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    admin = await make_user_client(admin=True)
    for method in ("PUT", "DELETE"):
        response = await admin.http.request(method, f"{SETTINGS}/no_such_key", json={"value": 1})
        assert response.status_code == 404, response.text
        assert response.json()["meta"]["code"] == "unknown_setting"
    # Environment-only settings are not runtime keys.
    response = await admin.http.put(f"{SETTINGS}/ntfy_url", json={"value": "https://x"})
    assert response.json()["meta"]["code"] == "unknown_setting"
    for body in ({}, {"value": 3, "extra": 1}):
        response = await admin.http.put(f"{SETTINGS}/min_confluence", json=body)
        assert response.status_code == 422, response.text
        assert response.json()["meta"]["code"] == "validation_error"
    assert await _audit(admin) == []


async def test_put_overrides_and_delete_restores_the_default_with_an_audit_row_each(
    app: FastAPI, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    admin = await make_user_client(admin=True)
    response = await admin.http.put(f"{SETTINGS}/default_rr", json={"value": 4.5})
    assert response.status_code == 200, response.text
    stored = (await _settings(admin))["default_rr"]
    assert (stored["value"], stored["default"]) == (4.5, 3.0)
    assert stored["updated_at"].startswith(clock.now().isoformat()[:19])

    clock.advance(timedelta(minutes=1))
    response = await admin.http.delete(f"{SETTINGS}/default_rr")
    assert response.status_code == 200, response.text
    restored = response.json()["data"]
    assert restored["value"] == 3.0
    assert (restored["updated_at"], restored["updated_by"]) == (None, None)
    assert (await _settings(admin))["default_rr"]["value"] == 3.0
    # Deleting an unstored key restores nothing new, but is still a write.
    response = await admin.http.delete(f"{SETTINGS}/default_rr")
    assert response.status_code == 200, response.text

    entries = await _audit(admin)
    assert [entry["action"] for entry in entries] == [
        "setting.reset",
        "setting.reset",
        "setting.update",
    ]
    update, reset = entries[2], entries[1]
    for entry in entries:
        assert (entry["target_type"], entry["target_id"]) == ("setting", "default_rr")
        assert entry["actor_id"] == admin.user_id
    assert update["before"] == {"value": 3.0, "is_default": True}
    assert update["after"] == {"value": 4.5, "is_default": False}
    assert reset["before"] == {"value": 4.5, "is_default": False}
    assert reset["after"] == {"value": 3.0, "is_default": True}


async def test_min_confluence_ranges_over_the_confluence_timeframes(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    admin = await make_user_client(admin=True)
    put = admin.http.put
    assert (await put(f"{SETTINGS}/confluence_timeframes", json={"value": ["5m", "1h"]})).is_success
    listed = (await _settings(admin))["min_confluence"]
    assert (listed["range"]["minimum"], listed["range"]["maximum"]) == (1, 2)
    response = await put(f"{SETTINGS}/min_confluence", json={"value": 3})
    assert response.json()["meta"]["code"] == "invalid_setting"
    assert (await put(f"{SETTINGS}/min_confluence", json={"value": 2})).is_success
    # Fewer confluence timeframes than min_confluence would make it out of range.
    response = await put(f"{SETTINGS}/confluence_timeframes", json={"value": ["4h"]})
    assert response.status_code == 422
    assert response.json()["meta"]["code"] == "invalid_setting"
    assert (await _settings(admin))["confluence_timeframes"]["value"] == ["5m", "1h"]
    # Back to every detection timeframe: min_confluence may go up to 6 again.
    assert (await admin.http.delete(f"{SETTINGS}/confluence_timeframes")).is_success
    assert (await put(f"{SETTINGS}/min_confluence", json={"value": 6})).is_success
