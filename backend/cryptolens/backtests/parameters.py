"""The tunable parameters of a replay (docs/rules/backtest.md "Tunable parameters"): each one
omitted takes its live value; every other setting is the live value at submission. The values
a run used are recorded on it (`values_used`) and the run is replayed from that record
(`settings_from_values`), so a later settings change never changes a queued run.

Types and ranges are admin.md's "Runtime settings" (system/runtime/registry.py); the ranges
that depend on other values (min_confluence up to the number of confluence timeframes, the
confluence timeframes a subset of the detection ones) are checked in `cycle_settings`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.errors import ValidationFailedError
from cryptolens.settings import Settings
from cryptolens.signals.reads import CycleSettings
from cryptolens.system.runtime import service as runtime

TUNABLE_NAMES: tuple[str, ...] = (
    "min_confluence",
    "require_htf",
    "confluence_timeframes",
    "min_zone_pct",
    "default_rr",
    "signal_cooldown_hours",
    "move_stop_to_entry_after_tp1",
)


class TunableParameters(BaseModel):
    """Overrides of the live values; JSON types as the admin settings (no string numbers)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    min_confluence: Annotated[
        int | None,
        Field(ge=1, description="1 to the number of confluence timeframes", examples=[2]),
    ] = None
    require_htf: bool | None = Field(default=None, description="4h or 1d must be among them")
    confluence_timeframes: Annotated[
        list[Annotated[str, Field(max_length=4)]] | None,
        Field(
            min_length=1,
            max_length=12,
            description="A non-empty subset of the detection timeframes",
            examples=[["4h", "1h", "15m"]],
        ),
    ] = None
    min_zone_pct: Annotated[float | None, Field(ge=0.01, le=5, strict=False)] = None
    default_rr: Annotated[float | None, Field(gt=2, le=10, strict=False)] = None
    signal_cooldown_hours: Annotated[int | None, Field(ge=0, le=168)] = None
    move_stop_to_entry_after_tp1: bool | None = None

    def overrides(self) -> dict[str, Any]:
        """The parameters given, by name."""
        return self.model_dump(exclude_none=True)


def _invalid(field: str, problem: str) -> ValidationFailedError:
    return ValidationFailedError(f"body.parameters.{field}: {problem}")


def cycle_settings(live: Settings, parameters: TunableParameters) -> CycleSettings:
    """The settings of a replay: the live ones (the effective runtime values at submission)
    with the given parameters in place. Raises ValidationFailedError naming the field when a
    value is out of the range the others allow."""
    given = parameters.overrides()
    detection = tuple(live.scan.timeframes)
    counted = live.signals.counted_timeframes(live.scan)
    if "confluence_timeframes" in given:
        chosen = given["confluence_timeframes"]
        unknown = [timeframe for timeframe in chosen if timeframe not in detection]
        if unknown:
            raise _invalid(
                "confluence_timeframes",
                f"{unknown} are not detection timeframes ({', '.join(detection)})",
            )
        if len(set(chosen)) != len(chosen):
            raise _invalid("confluence_timeframes", "names a timeframe twice")
        counted = tuple(timeframe for timeframe in detection if timeframe in chosen)
    min_confluence = given.get("min_confluence", live.signals.min_confluence)
    if min_confluence > len(counted):
        field = "min_confluence" if "min_confluence" in given else "confluence_timeframes"
        raise _invalid(
            field,
            f"min_confluence ({min_confluence}) exceeds the {len(counted)} confluence timeframes",
        )
    signals = live.signals.model_copy(
        update={
            "min_confluence": min_confluence,
            "require_htf": given.get("require_htf", live.signals.require_htf),
            "confluence_timeframes": counted,
            "default_rr": float(given.get("default_rr", live.signals.default_rr)),
            "cooldown_hours": float(
                given.get("signal_cooldown_hours", live.signals.cooldown_hours)
            ),
            "move_stop_to_entry_after_tp1": given.get(
                "move_stop_to_entry_after_tp1", live.signals.move_stop_to_entry_after_tp1
            ),
        }
    )
    scan = live.scan.model_copy(
        update={"min_zone_pct": float(given.get("min_zone_pct", live.scan.min_zone_pct))}
    )
    return CycleSettings(signals=signals, scan=scan)


def _hours(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def values_used(settings: CycleSettings) -> dict[str, Any]:
    """Every value a replay's cycle reads that a setting decides: the tunables first, then the
    live ones kept (the detection timeframes and scan windows are the environment's)."""
    signals, scan = settings.signals, settings.scan
    return {
        "min_confluence": signals.min_confluence,
        "require_htf": signals.require_htf,
        "confluence_timeframes": list(settings.confluence_timeframes),
        "min_zone_pct": scan.min_zone_pct,
        "default_rr": signals.default_rr,
        "signal_cooldown_hours": _hours(signals.cooldown_hours),
        "move_stop_to_entry_after_tp1": signals.move_stop_to_entry_after_tp1,
        "min_risk_pct": signals.min_risk_pct,
        "require_trend_alignment": signals.require_trend_alignment,
        "ob_impulse_multiplier": scan.ob_impulse_multiplier,
        "timeframes": list(scan.timeframes),
        "scan_windows": dict(scan.windows),
    }


def settings_from_values(base: Settings, values: Mapping[str, Any]) -> CycleSettings:
    """The CycleSettings a record of `values_used` describes (the inverse of values_used);
    settings no record names (stats windows, warm-up) are `base`'s."""
    signals = base.signals.model_copy(
        update={
            "min_confluence": int(values["min_confluence"]),
            "require_htf": bool(values["require_htf"]),
            "confluence_timeframes": tuple(values["confluence_timeframes"]),
            "default_rr": float(values["default_rr"]),
            "cooldown_hours": float(values["signal_cooldown_hours"]),
            "move_stop_to_entry_after_tp1": bool(values["move_stop_to_entry_after_tp1"]),
            "min_risk_pct": float(values["min_risk_pct"]),
            "require_trend_alignment": bool(values["require_trend_alignment"]),
        }
    )
    scan = base.scan.model_copy(
        update={
            "min_zone_pct": float(values["min_zone_pct"]),
            "ob_impulse_multiplier": float(values["ob_impulse_multiplier"]),
            "timeframes": tuple(values["timeframes"]),
            "windows": {str(tf): int(n) for tf, n in dict(values["scan_windows"]).items()},
        }
    )
    return CycleSettings(signals=signals, scan=scan)


async def live_settings(session: AsyncSession, environment: Settings) -> Settings:
    """The settings the running service works with now: the stored runtime values over the
    environment's (what the minute job's cycles read at their start)."""
    return await runtime.effective_settings(session, environment)
