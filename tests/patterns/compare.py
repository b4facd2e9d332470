"""Pattern-by-pattern comparison with the tolerances of the golden README: times, names and
statuses exactly, floats within 1e-9 relative, strength within 1e-4."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

FIELDS = (
    "type",
    "direction",
    "formed_at",
    "confirmed_at",
    "zone_low",
    "zone_high",
    "strength",
    "status",
    "touched_at",
    "fill_pct",
    "filled_at",
    "invalidated_at",
    "expired_at",
)
STRENGTH_TOLERANCE = 1e-4 + 1e-12  # the float rounding of the 4-decimal values themselves
RELATIVE_TOLERANCE = 1e-9


def pattern_key(pattern: Mapping[str, object]) -> tuple[object, object, object]:
    return (pattern["formed_at"], pattern["type"], pattern["direction"])


def differences(
    expected: Sequence[Mapping[str, object]], actual: Sequence[Mapping[str, object]]
) -> list[str]:
    """Every difference, readable; empty when the two lists agree."""
    found: list[str] = []
    if [pattern_key(p) for p in expected] != [pattern_key(p) for p in actual]:
        expected_keys = {pattern_key(p) for p in expected}
        actual_keys = {pattern_key(p) for p in actual}
        found += [f"missing {key}" for key in sorted(expected_keys - actual_keys, key=str)]
        found += [f"unexpected {key}" for key in sorted(actual_keys - expected_keys, key=str)]
        if not found:
            found.append("same patterns in a different order")
        return found
    for want, got in zip(expected, actual, strict=True):
        if set(got) != set(FIELDS):
            found.append(f"{pattern_key(got)}: fields {sorted(got)}")
            continue
        for name in FIELDS:
            if not _same(name, want[name], got[name]):
                found.append(
                    f"{pattern_key(want)} {name}: expected {want[name]!r}, got {got[name]!r}"
                )
    return found


def _same(name: str, want: object, got: object) -> bool:
    if name == "strength":
        assert isinstance(want, float) and isinstance(got, float)
        return abs(want - got) <= STRENGTH_TOLERANCE
    if isinstance(want, float) and not isinstance(want, bool):
        return isinstance(got, float) and math.isclose(want, got, rel_tol=RELATIVE_TOLERANCE)
    return type(want) is type(got) and want == got
