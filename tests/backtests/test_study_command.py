"""`cryptolens study`: the study in one process over the stored candles, printed as JSON (or a
table); bad input exits 2 before anything is stored."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from cryptolens.cli import main
from cryptolens.core.timeframes import DAY_MS
from cryptolens.db import create_engine, create_session_factory
from cryptolens.settings import get_settings
from cryptolens.system import migrations
from tests.backtests.study_runs import START, store_btc


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    url = f"sqlite+aiosqlite:///{(tmp_path / 'study.db').as_posix()}"
    monkeypatch.setenv("CRYPTOLENS_DATABASE_URL", url)
    monkeypatch.setenv("CRYPTOLENS_VAR_DIR", str(tmp_path))
    get_settings.cache_clear()
    settings = get_settings()

    async def prepare() -> None:
        engine = create_engine(url, settings)
        await migrations.upgrade(engine)
        await store_btc(create_session_factory(engine))
        await engine.dispose()

    asyncio.run(prepare())
    yield url
    get_settings.cache_clear()


def _args(*extra: str, grid: str = '{"default_rr": [3]}') -> list[str]:
    return [
        "study",
        "--symbol",
        "BTC/USD",
        "--start",
        str(START),
        "--end",
        str(START + 21 * DAY_MS),
        "--grid",
        grid,
        "--train-days",
        "14",
        "--test-days",
        "7",
        "--min-sample",
        "10",
        *extra,
    ]


def test_the_command_runs_a_study_and_prints_it(
    database: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_args("--json")) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["status"] == "completed" and printed["progress"] == 100
    assert printed["replays_total"] == 3
    (window,) = printed["windows"]
    assert window["k"] == 0 and window["status"] in ("completed", "insufficient_sample")
    assert printed["warning"].startswith("Train results overstate performance")
    assert "overall" in printed["aggregates"]


def test_bad_input_exits_2(database: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_args(grid="{not json")) == 2
    assert main(_args(grid='{"unknown": [1]}')) == 2
    assert "body.grid.unknown" in capsys.readouterr().err
    assert main([*_args()[:-6], "--train-days", "13", "--test-days", "7"]) == 2
    assert main(["study", "--symbol", "NOPE/USD", *_args()[3:]]) == 2
    assert "not a stored symbol" in capsys.readouterr().err
