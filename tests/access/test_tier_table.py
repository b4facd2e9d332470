"""The tier table names the pattern types the detectors produce: access sits below the patterns
domain and keeps its own set, so a new type left out of it would be hidden from every tier."""

from __future__ import annotations

from cryptolens.access.tiers import ALL_PATTERN_TYPES, TIER_LIMITS
from cryptolens.patterns import reads, service


def test_the_tier_table_knows_every_pattern_type() -> None:
    assert frozenset(service.TYPE_ORDER) == ALL_PATTERN_TYPES
    assert tuple(service.TYPE_ORDER) == reads.ALL_PATTERN_TYPES
    for limits in TIER_LIMITS.values():
        assert limits.pattern_types <= ALL_PATTERN_TYPES
