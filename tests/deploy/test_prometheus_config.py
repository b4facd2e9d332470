"""docker/prometheus/ checked by Debian's promtool: the scrape configuration, the alert rules
and their unit tests (alerts_test.yml); and the alerts' metric names against what the app
really registers, so a renamed metric cannot leave an alert that never fires."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
from prometheus_client import REGISTRY

from cryptolens.app import create_app
from tests.conftest import make_settings
from tests.deploy.stack_files import PROMETHEUS, load_yaml, output_of, require_tool, run_tool

ALERTS = PROMETHEUS / "alerts.yml"
ALERT_TESTS = PROMETHEUS / "alerts_test.yml"
# Issue 18's alerts, by the name each has here.
REQUIRED_ALERTS = {
    "CryptoLensWorkerDown",
    "CryptoLensNoScan",
    "CryptoLensDataStale",
    "CryptoLensPushFailureRate",
    "CryptoLensHigh5xxRate",
    "CryptoLensDatabaseDown",
    "CryptoLensRedisDown",
}
# Unit-tested both ways (firing and quiet) at least.
TESTED_BOTH_WAYS = {"CryptoLensWorkerDown", "CryptoLensDataStale", "CryptoLensNoScan"}


def _promtool(*arguments: str | Path) -> None:
    result = run_tool(require_tool("promtool"), *arguments, cwd=PROMETHEUS)
    assert result.returncode == 0, output_of(result)


def test_promtool_accepts_the_scrape_configuration() -> None:
    _promtool("check", "config", "prometheus.yml")


def test_promtool_accepts_the_alert_rules() -> None:
    _promtool("check", "rules", "alerts.yml")


def test_the_alert_rules_pass_their_unit_tests() -> None:
    _promtool("test", "rules", "alerts_test.yml")


def _rules() -> list[dict[str, Any]]:
    return [rule for group in load_yaml(ALERTS)["groups"] for rule in group["rules"]]


def test_the_issues_alerts_exist_and_are_tested_firing_and_quiet() -> None:
    names = {rule["alert"] for rule in _rules()}
    assert names >= REQUIRED_ALERTS
    cases: dict[str, set[bool]] = {}
    for test in load_yaml(ALERT_TESTS)["tests"]:
        for case in test["alert_rule_test"]:
            cases.setdefault(case["alertname"], set()).add(bool(case["exp_alerts"]))
    for name in TESTED_BOTH_WAYS:
        assert cases.get(name) == {True, False}, f"{name}: a firing and a quiet case"


async def test_alerts_name_only_metrics_the_app_registers(tmp_path: Path) -> None:
    # The instrumentator registers its cryptolens_http_* metrics when the app's middleware
    # stack is built, on its first request.
    app = create_app(make_settings(tmp_path))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        assert (await client.get("/api/health/live")).status_code == 200
        # The gauges counted on scrape (admin/stats/gauges.py) are declared in its text.
        scraped = (await client.get("/metrics")).text
    registered = set(REGISTRY._names_to_collectors)
    registered |= set(re.findall(r"^# TYPE (\S+) ", scraped, flags=re.MULTILINE))
    used = {
        name for rule in _rules() for name in re.findall(r"\b(cryptolens_[a-z_]+)\b", rule["expr"])
    }
    assert used, "the alerts name no cryptolens metric"
    assert used <= registered, f"not registered by the app: {used - registered}"
