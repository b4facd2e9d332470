"""Numba compilation for the few inherently sequential steps, typed for mypy."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from numba import njit

CompiledFunction = TypeVar("CompiledFunction", bound=Callable[..., object])


def compiled(function: CompiledFunction) -> CompiledFunction:
    """Compile to machine code once and cache it on disk, so later runs skip the JIT warm-up."""
    return cast(CompiledFunction, njit(cache=True, nogil=True)(function))
