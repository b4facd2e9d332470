"""Is a setup proven? (docs/rules/signals.md "Only proven setups"). One pure rule over a
setup's statistics, shared by the push fan-out, the webhook filter and the count the
preferences page shows: its 90-day window has at least 30 resolved signals and a positive
average R. `resolved` is the count because avg_r is the mean of exactly those."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

PROVEN_WINDOW_DAYS = 90
PROVEN_MIN_RESOLVED = 30


@dataclass(frozen=True)
class SetupProof:
    proven: bool
    detail: str  # why, readable: shown beside a skipped push


def judge_setup(resolved: int, avg_r: float | None) -> SetupProof:
    if resolved < PROVEN_MIN_RESOLVED:
        return SetupProof(
            False,
            f"{resolved} resolved signals in {PROVEN_WINDOW_DAYS} days, "
            f"needs {PROVEN_MIN_RESOLVED}",
        )
    if avg_r is None or avg_r <= 0:
        average = "no" if avg_r is None else f"{avg_r:+.2f}"
        return SetupProof(False, f"average {average} R, needs above 0")
    return SetupProof(
        True, f"{resolved} resolved signals in {PROVEN_WINDOW_DAYS} days at {avg_r:+.2f} R"
    )


def setup_proof(setup_stats: Iterable[Mapping[str, Any]] | None) -> SetupProof:
    """The rule over a signal's frozen `setup_stats` (one entry per window); no 90-day entry
    counts as no statistics."""
    for window in setup_stats or ():
        if window.get("window_days") == PROVEN_WINDOW_DAYS:
            avg_r = window.get("avg_r")
            return judge_setup(
                int(window.get("resolved") or 0), None if avg_r is None else float(avg_r)
            )
    return SetupProof(False, f"no statistics over {PROVEN_WINDOW_DAYS} days")
