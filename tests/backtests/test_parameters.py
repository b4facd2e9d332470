"""The tunable parameters over the live settings, and the record of every value used."""

from __future__ import annotations

import pytest

from cryptolens.backtests.parameters import (
    TUNABLE_NAMES,
    TunableParameters,
    cycle_settings,
    settings_from_values,
    values_used,
)
from cryptolens.core.errors import ValidationFailedError
from cryptolens.settings import Settings


def live() -> Settings:
    base = Settings()
    return base.model_copy(
        update={
            "signals": base.signals.model_copy(
                update={"min_confluence": 3, "cooldown_hours": 6.0, "min_risk_pct": 0.7}
            ),
            "scan": base.scan.model_copy(update={"ob_impulse_multiplier": 2.0}),
        }
    )


def test_omitted_parameters_take_the_live_values() -> None:
    used = values_used(cycle_settings(live(), TunableParameters()))
    assert used["min_confluence"] == 3 and used["signal_cooldown_hours"] == 6
    assert used["min_risk_pct"] == 0.7 and used["ob_impulse_multiplier"] == 2.0
    assert used["confluence_timeframes"] == list(live().scan.timeframes)
    assert set(TUNABLE_NAMES) <= used.keys()


def test_given_parameters_replace_them_and_the_record_round_trips() -> None:
    given = TunableParameters(
        min_confluence=2,
        require_htf=True,
        confluence_timeframes=["15m", "4h"],
        min_zone_pct=0.3,
        default_rr=5,
        signal_cooldown_hours=0,
        move_stop_to_entry_after_tp1=False,
    )
    cycle = cycle_settings(live(), given)
    assert cycle.confluence_timeframes == ("15m", "4h")  # in detection order
    assert cycle.signals.cooldown_hours == 0.0 and cycle.scan.min_zone_pct == 0.3
    assert cycle.signals.min_risk_pct == 0.7  # not tunable: live
    rebuilt = settings_from_values(Settings(), values_used(cycle))
    assert values_used(rebuilt) == values_used(cycle)
    assert rebuilt.signals == cycle.signals and rebuilt.scan == cycle.scan


def test_min_confluence_is_bounded_by_the_confluence_timeframes() -> None:
    with pytest.raises(ValidationFailedError, match=r"body\.parameters\.confluence_timeframes"):
        cycle_settings(live(), TunableParameters(confluence_timeframes=["1h", "4h"]))
    with pytest.raises(ValidationFailedError, match=r"body\.parameters\.min_confluence"):
        cycle_settings(live(), TunableParameters(min_confluence=7))
    with pytest.raises(ValidationFailedError, match="twice"):
        cycle_settings(live(), TunableParameters(confluence_timeframes=["1h", "1h"]))
