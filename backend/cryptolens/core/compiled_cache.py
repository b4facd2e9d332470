"""Where numba keeps the detectors' compiled code: under the data directory (VAR_DIR).

By default numba writes beside the source (`__pycache__`) or under HOME, and the image has
neither writable (a read-only package, a system user). NUMBA_CACHE_DIR chooses the place; it
must be set before the compiled functions are declared (numba picks a function's cache
location then), so the command line sets it before importing the commands, and child
processes (uvicorn's workers) inherit it. An operator's own NUMBA_CACHE_DIR is kept.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NUMBA_CACHE_DIR_ENV = "NUMBA_CACHE_DIR"
CACHE_SUBDIR = "numba-cache"


def compiled_cache_dir(var_dir: Path) -> Path:
    # Absolute: the variable outlives this working directory in child processes.
    return (var_dir / CACHE_SUBDIR).absolute()


@contextmanager
def compiled_cache_under(var_dir: Path) -> Iterator[None]:
    """NUMBA_CACHE_DIR is `{var_dir}/numba-cache` inside the block (and in the processes
    started in it), unless already set; restored after, so a command run in-process (tests)
    leaves the environment as it found it."""
    if os.environ.get(NUMBA_CACHE_DIR_ENV):
        yield
        return
    os.environ[NUMBA_CACHE_DIR_ENV] = str(compiled_cache_dir(var_dir))
    _reload_numba_config()
    try:
        yield
    finally:
        os.environ.pop(NUMBA_CACHE_DIR_ENV, None)
        _reload_numba_config()


def _reload_numba_config() -> None:
    """numba reads its variables when imported: an already imported numba re-reads them (a
    process that has not imported it yet is not made to)."""
    config = sys.modules.get("numba.core.config")
    if config is not None:
        config.reload_config()
