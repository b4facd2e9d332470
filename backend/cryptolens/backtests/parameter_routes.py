"""`GET /api/v1/backtests/parameters`: the tunable parameters' live values and valid ranges,
so a premium user's backtest form starts from what the service runs now (docs/rules/backtest.md
"Tunable parameters": an omitted one takes its live value). The values and ranges are the
admin settings' (system/runtime), read for the seven tunables only; nothing else is shown."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from cryptolens.access.deps import PremiumAccess
from cryptolens.backtests.parameters import TUNABLE_NAMES
from cryptolens.core.deps import SessionDep, SettingsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.system.runtime import service as runtime

router = APIRouter(prefix="/api/v1", tags=["backtests"])


class ParameterOut(BaseModel):
    value: Any = Field(description="The live value (what an omitted parameter takes)")
    type: str = Field(description="int, number, bool or list", examples=["int"])
    min: float | None = Field(description="The smallest value (list: fewest items)")
    max: float | None = Field(description="The largest value (list: most items)")
    min_exclusive: bool = Field(description="True when the value must be above `min`")
    choices: list[str] | None = Field(description="A list's allowed items")
    description: str


@router.get(
    "/backtests/parameters",
    operation_id="backtests-parameters",
    summary="The tunable parameters: live value, type and valid range of each",
    description=(
        "By name, in the documented order: min_confluence (at most the number of confluence "
        "timeframes), require_htf, confluence_timeframes (a subset of `choices`), "
        "min_zone_pct, default_rr (above `min`), signal_cooldown_hours, "
        "move_stop_to_entry_after_tp1."
    ),
    response_model=Envelope[dict[str, ParameterOut]],
    responses=error_responses(
        {401: "Not signed in", 403: "An API key (session only) or a tier below premium"}
    ),
)
async def tunable_parameters(
    access: PremiumAccess, db: SessionDep, settings: SettingsDep
) -> Envelope[dict[str, ParameterOut]]:
    del access  # asked for its check only
    states = {state.key: state for state in await runtime.list_settings(db, settings)}
    return ok({name: _out(states[name]) for name in TUNABLE_NAMES})


def _out(state: runtime.SettingState) -> ParameterOut:
    valid = state.range
    return ParameterOut(
        value=state.value,
        type=state.type,
        min=valid.minimum,
        max=valid.maximum,
        min_exclusive=valid.minimum_exclusive,
        choices=None if valid.choices is None else list(valid.choices),
        description=state.description,
    )
