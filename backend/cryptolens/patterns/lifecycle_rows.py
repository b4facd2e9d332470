"""Converts between stored patterns and the detectors' lifecycle arrays."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from cryptolens.patterns.detectors import (
    DIRECTIONS,
    NO_TIME,
    PATTERN_TYPES,
    STATUSES,
    Lifecycles,
    TrackedZones,
)
from cryptolens.patterns.stored import StoredPattern

TYPE_CODE = {name: code for code, name in enumerate(PATTERN_TYPES)}
DIRECTION_CODE = {name: code for code, name in enumerate(DIRECTIONS)}
_STATUS_CODE = {name: code for code, name in enumerate(STATUSES)}


def time_or_none(instant: int) -> int | None:
    return None if instant == NO_TIME else instant


def _time_array(values: Sequence[int | None]) -> np.ndarray[Any, np.dtype[np.int64]]:
    return np.array([NO_TIME if value is None else value for value in values], dtype=np.int64)


def zones_of(patterns: Sequence[StoredPattern]) -> TrackedZones:
    return TrackedZones(
        np.array([TYPE_CODE[p.type] for p in patterns], dtype=np.int8),
        np.array([DIRECTION_CODE[p.direction] for p in patterns], dtype=np.int8),
        np.array([p.zone_low for p in patterns], dtype=np.float64),
        np.array([p.zone_high for p in patterns], dtype=np.float64),
        np.array([p.expires_at for p in patterns], dtype=np.int64),
    )


def lifecycles_of(patterns: Sequence[StoredPattern]) -> Lifecycles:
    return Lifecycles(
        np.array([_STATUS_CODE[p.status] for p in patterns], dtype=np.int8),
        _time_array([p.touched_at for p in patterns]),
        np.array([p.fill_pct for p in patterns], dtype=np.float64),
        _time_array([p.filled_at for p in patterns]),
        _time_array([p.invalidated_at for p in patterns]),
        _time_array([p.expired_at for p in patterns]),
    )


def lifecycle_columns(lifecycle: Lifecycles, index: int) -> dict[str, Any]:
    return {
        "status": STATUSES[int(lifecycle.status[index])],
        "touched_at": time_or_none(int(lifecycle.touched_at[index])),
        "fill_pct": float(lifecycle.fill_pct[index]),
        "filled_at": time_or_none(int(lifecycle.filled_at[index])),
        "invalidated_at": time_or_none(int(lifecycle.invalidated_at[index])),
        "expired_at": time_or_none(int(lifecycle.expired_at[index])),
    }


def lifecycles_differ(before: Lifecycles, after: Lifecycles) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Which patterns' lifecycle fields changed."""
    changed: np.ndarray[Any, np.dtype[np.bool_]] = (
        (before.status != after.status)
        | (before.touched_at != after.touched_at)
        | (before.fill_pct != after.fill_pct)
        | (before.filled_at != after.filled_at)
        | (before.invalidated_at != after.invalidated_at)
        | (before.expired_at != after.expired_at)
    )
    return changed
