"""Numba compilation for the few inherently sequential steps, typed for mypy."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from typing import TypeVar, cast

from numba import njit

CompiledFunction = TypeVar("CompiledFunction", bound=Callable[..., object])

log = logging.getLogger(__name__)


def compiled(function: CompiledFunction) -> CompiledFunction:
    """Compile to machine code once and cache it on disk, so later runs skip the JIT warm-up.
    Without a writable cache directory (NUMBA_CACHE_DIR, the package's or HOME's) every
    process compiles anew rather than failing (core/compiled_cache.py chooses the place)."""
    try:
        return cast(CompiledFunction, njit(cache=True, nogil=True)(function))
    except RuntimeError:  # numba: "cannot cache function ...: no locator available"
        _warn_not_cached()
        return cast(CompiledFunction, njit(nogil=True)(function))


@cache
def _warn_not_cached() -> None:  # once per process, not once per function
    log.warning(
        "patterns.compiled_code_not_cached",
        extra={"reason": "no writable NUMBA_CACHE_DIR, package __pycache__ or HOME cache"},
    )
