"""`cryptolens backtest-run`: parameters from the command line, the replay's figures printed as
a table or JSON, bad input exit 2, nothing written."""

from __future__ import annotations

import argparse
import json

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.backtests import commands, results
from cryptolens.backtests.commands import parse_params
from cryptolens.core.timeframes import DAY_MS
from cryptolens.settings import Settings
from tests.backtests.test_job import stored_series as stored_series  # the fixture
from tests.backtests.test_job import table_counts


def test_params_are_json_values_or_a_comma_list() -> None:
    given = parse_params(
        ["min_confluence=1", "require_htf=true", "confluence_timeframes=4h,1h", "default_rr=4"]
    )
    assert given.overrides() == {
        "min_confluence": 1,
        "require_htf": True,
        "confluence_timeframes": ["4h", "1h"],
        "default_rr": 4.0,
    }


@pytest.mark.parametrize(
    ("item", "named"),
    [
        ("max_leverage=3", "max_leverage"),
        ("min_zone_pct", "min_zone_pct"),
        ("min_zone_pct=9", "min_zone_pct"),
        ("signal_cooldown_hours=1.5", "signal_cooldown_hours"),
    ],
)
def test_bad_params_name_themselves(item: str, named: str) -> None:
    with pytest.raises(ValueError, match=named):
        parse_params([item])


def _args(**values: object) -> argparse.Namespace:
    return argparse.Namespace(**{"param": [], "json": False, **values})


async def test_a_run_prints_the_engine_figures_and_writes_nothing(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    stored_series: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    start = stored_series
    args = _args(symbol="BTC/USDT", start=start, end=start + DAY_MS, json=True)
    before = await table_counts(session_factory)
    status = await commands._run(args, test_settings, parse_params(["min_confluence=1"]))
    assert status == commands.EXIT_OK
    assert await table_counts(session_factory) == before
    report = json.loads(capsys.readouterr().out)
    assert report["parameters"]["min_confluence"] == 1
    assert report["summary"]["count"] == sum(line["count"] for line in report["by_setup"])
    assert set(report["summary"]) == set(results.summarize([]).as_dict())

    table_args = _args(symbol="BTC/USDT", start=start, end=start + DAY_MS)
    assert await commands._run(table_args, test_settings, parse_params([])) == 0
    printed = capsys.readouterr().out
    assert "overall" in printed and "avg_r" in printed

    early = _args(symbol="BTC/USDT", start=start - DAY_MS, end=start)
    assert await commands._run(early, test_settings, parse_params([])) == 2
    assert "insufficient history" in capsys.readouterr().err
    unknown = _args(symbol="DOGE/USDT", start=start, end=start + DAY_MS)
    assert await commands._run(unknown, test_settings, parse_params([])) == 2
