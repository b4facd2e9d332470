"""The runtime settings an admin may change (admin.md "Runtime settings"): each key's JSON
type, valid range, environment default, and the field of the app settings it overrides.

Pure: no I/O. `resolve` turns stored values into the effective ones (a stored value that is no
longer valid, e.g. after the environment dropped a timeframe, falls back to the default) and
`apply` writes them into a copy of the app settings, so every consumer keeps reading its own
settings group (signals, scan, notifications) and never knows where a value came from.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from cryptolens.core.errors import NotFoundError, ValidationFailedError
from cryptolens.settings import Settings

log = logging.getLogger("cryptolens.system")

SettingType = Literal["int", "number", "bool", "list", "choice"]
LOG_LEVELS: tuple[str, ...] = ("DEBUG", "INFO", "WARNING", "ERROR")


class UnknownSettingError(NotFoundError):
    code = "unknown_setting"
    title = "Unknown setting"


class InvalidSettingError(ValidationFailedError):
    code = "invalid_setting"
    title = "Invalid setting"


@dataclass(frozen=True)
class ValidRange:
    """Numbers: minimum..maximum (inclusive unless `minimum_exclusive`); choice: one of
    `choices`; list: a non-empty subset of `choices` (minimum..maximum items)."""

    minimum: float | None = None
    maximum: float | None = None
    minimum_exclusive: bool = False
    choices: tuple[str, ...] | None = None

    def describe(self, setting_type: SettingType) -> str:
        if setting_type == "bool":
            return "true or false"
        if setting_type == "choice":
            return "one of " + ", ".join(self.choices or ())
        if setting_type == "list":
            return "a non-empty subset of " + ", ".join(self.choices or ())
        low = "" if self.minimum is None else f"{_number(self.minimum)} <"
        low += "" if self.minimum is None or self.minimum_exclusive else "="
        high = "" if self.maximum is None else f" <= {_number(self.maximum)}"
        return f"{low} x{high}".strip()


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else "a number out of range"


@dataclass(frozen=True)
class RuntimeKey:
    key: str
    type: SettingType
    group: Literal["signals", "scan", "notifications"] | None  # None: a top-level field
    field: str
    description: str
    fixed_range: ValidRange = ValidRange()


RUNTIME_KEYS: tuple[RuntimeKey, ...] = (
    RuntimeKey(
        "min_confluence",
        "int",
        "signals",
        "min_confluence",
        "Confluence timeframes that must agree for a signal",
    ),
    RuntimeKey("require_htf", "bool", "signals", "require_htf", "4h or 1d must be among them"),
    RuntimeKey(
        "require_trend_alignment",
        "bool",
        "signals",
        "require_trend_alignment",
        "No signal against the trend of the longest confluence timeframe (stored and "
        "validated; market structure is not computed yet, so it changes no signal)",
    ),
    RuntimeKey(
        "confluence_timeframes",
        "list",
        "signals",
        "confluence_timeframes",
        "Timeframes counted for confluence",
    ),
    RuntimeKey(
        "min_risk_pct",
        "number",
        "signals",
        "min_risk_pct",
        "Smallest stop buffer, % of the zone's mid",
        ValidRange(0.05, 5),
    ),
    RuntimeKey(
        "default_rr",
        "number",
        "signals",
        "default_rr",
        "Reward of take_profit_3, in R",
        ValidRange(2, 10, minimum_exclusive=True),
    ),
    RuntimeKey(
        "signal_cooldown_hours",
        "int",
        "signals",
        "cooldown_hours",
        "Hours before another signal of a symbol and direction",
        ValidRange(0, 168),
    ),
    RuntimeKey(
        "move_stop_to_entry_after_tp1",
        "bool",
        "signals",
        "move_stop_to_entry_after_tp1",
        "The stop moves to the entry after tp1",
    ),
    RuntimeKey(
        "min_zone_pct",
        "number",
        "scan",
        "min_zone_pct",
        "Smallest pattern zone, % of its low",
        ValidRange(0.01, 5),
    ),
    RuntimeKey(
        "ob_impulse_multiplier",
        "number",
        "scan",
        "ob_impulse_multiplier",
        "Order-block impulse threshold, in average bodies",
        ValidRange(1, 5),
    ),
    RuntimeKey(
        "notifications_enabled",
        "bool",
        "notifications",
        "enabled",
        "Master switch of signal pushes",
    ),
    RuntimeKey(
        "notify_max_age_minutes",
        "int",
        "notifications",
        "max_age_minutes",
        "Older signals are recorded but not pushed",
        ValidRange(1, 120),
    ),
    RuntimeKey(
        "log_level",
        "choice",
        None,
        "log_level",
        "Level of the cryptolens loggers",
        ValidRange(choices=LOG_LEVELS),
    ),
)
KEYS_BY_NAME: dict[str, RuntimeKey] = {key.key: key for key in RUNTIME_KEYS}
# min_confluence's range depends on the confluence timeframes: those resolve first.
_RESOLUTION_ORDER = sorted(RUNTIME_KEYS, key=lambda key: key.key != "confluence_timeframes")


def runtime_key(name: str) -> RuntimeKey:
    try:
        return KEYS_BY_NAME[name]
    except KeyError:
        raise UnknownSettingError(f"no runtime setting named {name!r}") from None


def default_of(key: RuntimeKey, settings: Settings) -> Any:
    """The environment's value (cryptolens.settings), as the key's JSON type."""
    if key.key == "confluence_timeframes":
        return list(settings.signals.counted_timeframes(settings.scan))
    raw = getattr(settings if key.group is None else getattr(settings, key.group), key.field)
    if key.type == "choice":
        return str(raw).upper()
    if key.type == "int" and isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if key.type == "number":
        return float(raw)
    return raw


def defaults(settings: Settings) -> dict[str, Any]:
    return {key.key: default_of(key, settings) for key in RUNTIME_KEYS}


def range_of(key: RuntimeKey, settings: Settings, values: Mapping[str, Any]) -> ValidRange:
    """The valid range; `values`: the effective values (min_confluence depends on them)."""
    if key.key == "min_confluence":
        return ValidRange(1, len(values["confluence_timeframes"]))
    if key.key == "confluence_timeframes":
        detection = tuple(settings.scan.timeframes)
        return ValidRange(1, len(detection), choices=detection)
    return key.fixed_range


def check(key: RuntimeKey, value: Any, settings: Settings, values: Mapping[str, Any]) -> Any:
    """The value as stored and applied, or InvalidSettingError (wrong JSON type or range)."""
    valid = range_of(key, settings, values)
    if key.type == "bool":
        if not isinstance(value, bool):
            raise _invalid(key, "must be true or false")
        return value
    if key.type == "choice":
        if not isinstance(value, str) or value not in (valid.choices or ()):
            raise _invalid(key, valid.describe(key.type))
        return value
    if key.type == "list":
        return _timeframes(key, value, valid)
    return _number_in_range(key, value, valid)


def _number_in_range(key: RuntimeKey, value: Any, valid: ValidRange) -> int | float:
    # bool is an int to Python, never to the API.
    if key.type == "int" and (type(value) is not int):
        raise _invalid(key, "must be a JSON integer")
    # A huge JSON integer stays an int (no float conversion, which could overflow).
    if type(value) is not int and (type(value) is not float or not math.isfinite(value)):
        raise _invalid(key, "must be a JSON number")
    too_low = valid.minimum is not None and (
        value <= valid.minimum if valid.minimum_exclusive else value < valid.minimum
    )
    too_high = valid.maximum is not None and value > valid.maximum
    if too_low or too_high:
        raise _invalid(key, f"must be {valid.describe(key.type)}, got {_number(value)}")
    return value if key.type == "int" else float(value)


def _timeframes(key: RuntimeKey, value: Any, valid: ValidRange) -> list[str]:
    allowed = valid.choices or ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _invalid(key, "must be a JSON list of timeframes")
    if not value:
        raise _invalid(key, "must name at least one timeframe")
    unknown = [item for item in value if item not in allowed]
    if unknown:
        raise _invalid(key, f"{unknown} are not detection timeframes ({', '.join(allowed)})")
    if len(set(value)) != len(value):
        raise _invalid(key, "names a timeframe twice")
    return [timeframe for timeframe in allowed if timeframe in value]


def _invalid(key: RuntimeKey, reason: str) -> InvalidSettingError:
    return InvalidSettingError(f"{key.key} {reason}")


def resolve(settings: Settings, stored: Mapping[str, Any]) -> dict[str, Any]:
    """The effective value of every key: the stored one when still valid, else the default."""
    values = defaults(settings)
    for key in _RESOLUTION_ORDER:
        if key.key not in stored:
            continue
        try:
            values[key.key] = check(key, stored[key.key], settings, values)
        except InvalidSettingError as error:
            log.warning("runtime_settings.ignored", extra={"key": key.key, "reason": error.message})
    return values


def apply(settings: Settings, values: Mapping[str, Any]) -> Settings:
    """A copy of the app settings carrying `values` (every key, as from `resolve`)."""
    top: dict[str, Any] = {}
    groups: dict[str, dict[str, Any]] = {}
    for key in RUNTIME_KEYS:
        value = values[key.key]
        if key.type == "list":
            value = tuple(value)
        elif key.key == "signal_cooldown_hours" or key.type == "number":
            value = float(value)
        if key.group is None:
            top[key.field] = value
        else:
            groups.setdefault(key.group, {})[key.field] = value
    for group, fields in groups.items():
        top[group] = getattr(settings, group).model_copy(update=fields)
    return settings.model_copy(update=top)
