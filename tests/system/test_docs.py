"""docs/operations.md documents every setting: the tables of its Settings section list exactly the
environment names the Settings class reads, each with the field it sets and its real default.
Names only the test harness reads (scripts/run_tests.py) are not settings: contributing.md
documents them, and operations.md does not mention them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cryptolens.settings import Settings
from cryptolens.settings_sources import FILE_SUFFIX, flat_names

ROOT = Path(__file__).resolve().parents[2]
OPERATIONS = ROOT / "docs" / "operations.md"
CONTRIBUTING = ROOT / "docs" / "contributing.md"
HARNESS_SOURCES = (ROOT / "scripts" / "run_tests.py", ROOT / "tests" / "conftest.py")

FLAT_NAMES = {name.env: name for name in flat_names(Settings)}
ENV_NAME = re.compile(r"CRYPTOLENS_[A-Z0-9_]+")
# A default cell is "unset..." (the field defaults to None) or starts with the value, in
# backticks, written as it would be in the environment.
DEFAULT_VALUE = re.compile(r"`([^`]*)`")


@dataclass(frozen=True)
class SettingRow:
    env: str
    field: str
    default: str
    heading: str  # the `settings...` its table's heading names


def settings_section() -> str:
    text = OPERATIONS.read_text(encoding="utf-8")
    _, found, rest = text.partition("\n## Settings\n")
    assert found, f"{OPERATIONS} has no '## Settings' section"
    return rest.split("\n## ", 1)[0]


def documented_rows() -> list[SettingRow]:
    """The rows of the setting tables: `| `CRYPTOLENS_X` | `settings.group.field` | default |
    meaning |`, each under a `### ... `settings.group`` heading."""
    rows = []
    heading = ""
    for line in settings_section().splitlines():
        if line.startswith("### "):
            named = re.search(r"`(settings(?:\.[a-z0-9_]+)?)`", line)
            heading = named.group(1) if named else ""
            continue
        if not line.startswith("| `CRYPTOLENS_"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == 4, f"a settings row has four cells (no '|' inside one): {line}"
        env, field, default, _meaning = cells
        assert re.fullmatch(r"`CRYPTOLENS_[A-Z0-9_]+`", env), f"one name per row: {line}"
        assert re.fullmatch(r"`settings(\.[a-z0-9_]+)+`", field), f"a field path: {line}"
        rows.append(SettingRow(env.strip("`"), field.strip("`"), default, heading))
    return rows


ROWS = documented_rows()


def nested(settings: Settings, field: str) -> Any:
    value: Any = settings
    for part in field.split(".")[1:]:
        value = getattr(value, part)
    return value


def build() -> Settings:
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_the_tables_list_every_setting_once() -> None:
    documented = [row.env for row in ROWS]
    repeated = sorted({name for name in documented if documented.count(name) > 1})
    assert repeated == [], "documented twice"
    assert sorted(set(FLAT_NAMES) - set(documented)) == [], "read by Settings, not documented"
    assert sorted(set(documented) - set(FLAT_NAMES)) == [], "documented, read by nothing"


@pytest.mark.parametrize("row", ROWS, ids=[row.env for row in ROWS])
def test_a_row_names_the_field_its_variable_sets(row: SettingRow) -> None:
    name = FLAT_NAMES.get(row.env)
    assert name is not None, f"{row.env} is documented but no setting reads it"
    assert row.field == "settings." + ".".join(name.path)
    # Each group has its own table, under a heading naming the group.
    assert row.field.rpartition(".")[0] == row.heading, f"{row.env} is under {row.heading!r}"


@pytest.mark.parametrize("row", ROWS, ids=[row.env for row in ROWS])
def test_a_documented_default_is_the_real_one(
    row: SettingRow, clean_environment: pytest.MonkeyPatch
) -> None:
    default = nested(build(), row.field)
    if row.default.startswith("unset"):
        assert default is None, f"{row.env} defaults to {default!r}, not unset"
        return
    written = DEFAULT_VALUE.match(row.default)
    assert written is not None, f"{row.env}: a default is `value` or 'unset...': {row.default}"
    clean_environment.setenv(row.env, written.group(1))
    assert nested(build(), row.field) == default, f"{row.env}={written.group(1)} is not the default"


def test_the_page_mentions_only_real_settings() -> None:
    mentioned = set(ENV_NAME.findall(OPERATIONS.read_text(encoding="utf-8")))
    # A secret's `_FILE` twin (settings_sources.py) is a real name too.
    files = {name.env + FILE_SUFFIX for name in FLAT_NAMES.values() if name.is_secret}
    assert sorted(mentioned - set(FLAT_NAMES) - files) == []


def test_harness_names_are_documented_for_contributors_and_are_not_settings() -> None:
    harness = {
        name
        for source in HARNESS_SOURCES
        for name in ENV_NAME.findall(source.read_text(encoding="utf-8"))
        if name not in FLAT_NAMES
    }
    assert "CRYPTOLENS_TEST_MYSQL_URL" in harness
    assert sorted(harness - set(ENV_NAME.findall(CONTRIBUTING.read_text(encoding="utf-8")))) == []
