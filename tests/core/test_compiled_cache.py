"""numba's compiled code is cached under VAR_DIR for a command (and the processes it starts),
an operator's NUMBA_CACHE_DIR wins, the environment is left as found, and a function with no
writable cache location is compiled uncached instead of failing."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
from pathlib import Path

import pytest

from cryptolens.core.compiled_cache import NUMBA_CACHE_DIR_ENV, compiled_cache_under
from cryptolens.patterns.detectors import jit
from cryptolens.patterns.detectors.jit import compiled

# numba's settings module (untyped): what an imported numba currently uses.
config = importlib.import_module("numba.core.config")

KERNEL = """
from cryptolens.patterns.detectors.jit import compiled


@compiled
def doubled(x):
    return x * 2
"""


@pytest.fixture
def no_numba_cache_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NUMBA_CACHE_DIR_ENV, raising=False)
    config.reload_config()


def import_kernel(directory: Path) -> object:
    """A module declaring a compiled function, imported now (numba picks its cache then)."""
    path = directory / "h6_kernel.py"
    path.write_text(KERNEL, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("h6_kernel", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.doubled


@pytest.mark.usefixtures("no_numba_cache_dir")
def test_a_function_declared_in_the_block_caches_under_var_dir(tmp_path: Path) -> None:
    var_dir, source = tmp_path / "var", tmp_path / "src"
    source.mkdir()
    with compiled_cache_under(var_dir):
        assert os.environ[NUMBA_CACHE_DIR_ENV] == str((var_dir / "numba-cache").absolute())
        assert os.environ[NUMBA_CACHE_DIR_ENV] == config.CACHE_DIR  # an imported numba too
        doubled = import_kernel(source)
        assert doubled(21) == 42  # type: ignore[operator]
    assert list((var_dir / "numba-cache").rglob("h6_kernel.doubled-*.nbi"))
    assert not list(source.rglob("*.nbi"))  # not beside the source
    # Left as found: a test running a command in-process changes nothing for the next.
    assert NUMBA_CACHE_DIR_ENV not in os.environ
    assert config.CACHE_DIR == ""


def test_an_operators_cache_dir_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NUMBA_CACHE_DIR_ENV, "/srv/numba")
    with compiled_cache_under(tmp_path):
        assert os.environ[NUMBA_CACHE_DIR_ENV] == "/srv/numba"
    assert os.environ[NUMBA_CACHE_DIR_ENV] == "/srv/numba"


@pytest.mark.usefixtures("no_numba_cache_dir")
def test_the_command_line_leaves_the_environment_as_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cryptolens.cli import main
    from cryptolens.settings import get_settings

    monkeypatch.setenv("CRYPTOLENS_VAR_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        assert main(["detect", "--input", str(tmp_path / "none.csv"), "--timeframe", "1m"]) == 2
    finally:
        get_settings.cache_clear()
    assert "cannot read" in capsys.readouterr().err
    assert NUMBA_CACHE_DIR_ENV not in os.environ


def test_without_a_cache_location_the_function_compiles_uncached(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A source file that does not exist has no cache location at all (numba would raise
    # "cannot cache function ...: no locator available", as with a read-only package and HOME).
    namespace: dict[str, object] = {}
    exec(compile("def tripled(x):\n    return x * 3\n", "/nonexistent/gen.py", "exec"), namespace)
    jit._warn_not_cached.cache_clear()
    with caplog.at_level(logging.WARNING, logger=jit.__name__):
        tripled = compiled(namespace["tripled"])  # type: ignore[type-var]
    assert tripled(5) == 15  # type: ignore[operator]
    assert [record.getMessage() for record in caplog.records] == [
        "patterns.compiled_code_not_cached"
    ]
