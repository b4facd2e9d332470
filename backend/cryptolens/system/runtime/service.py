"""Runtime settings: what the admin API shows and changes, and the effective app settings a job
or an API process works with.

A stored value overrides the environment's (cryptolens.settings); deleting it restores that.
A job reads them once at its start (`settings_for_job`), so a change applies from the next
cycle or fan-out; an API process keeps them at most `API_MEMO_SECONDS` (RuntimeSettingsMemo).
Stored patterns and signals never change with them. Services never commit.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.settings import Settings
from cryptolens.system.runtime import registry
from cryptolens.system.runtime import repository as runtime_repository
from cryptolens.system.runtime.registry import (
    RUNTIME_KEYS,
    InvalidSettingError,
    SettingType,
    UnknownSettingError,
    ValidRange,
)

__all__ = [
    "API_MEMO_SECONDS",
    "InvalidSettingError",
    "RuntimeSettingsMemo",
    "SettingChange",
    "SettingState",
    "UnknownSettingError",
    "ValidRange",
    "apply_log_level",
    "change_setting",
    "current_settings",
    "effective_settings",
    "list_settings",
    "reset_setting",
    "settings_for_job",
]

log = logging.getLogger("cryptolens.system")

API_MEMO_SECONDS = 10.0
# The loggers a log_level change sets (the root logger keeps the environment's level).
APP_LOGGER = "cryptolens"


@dataclass(frozen=True)
class _Stored:
    value: Any
    updated_at: datetime
    updated_by: int | None


@dataclass(frozen=True)
class SettingState:
    """One key as the admin sees it; `updated_at`/`updated_by` are None for the default."""

    key: str
    type: SettingType
    description: str
    value: Any
    default: Any
    range: ValidRange
    updated_at: datetime | None
    updated_by: int | None

    @property
    def range_text(self) -> str:
        return self.range.describe(self.type)


@dataclass(frozen=True)
class SettingChange:
    before: SettingState
    after: SettingState


async def _stored(session: AsyncSession) -> dict[str, _Stored]:
    found: dict[str, _Stored] = {}
    for row in await runtime_repository.rows(session, registry.KEYS_BY_NAME):
        try:
            value = json.loads(row.value)
        except ValueError:
            log.warning("runtime_settings.unreadable", extra={"key": row.key})
            continue
        found[row.key] = _Stored(value, row.updated_at, row.updated_by)
    return found


def _states(settings: Settings, stored: dict[str, _Stored]) -> dict[str, SettingState]:
    values = registry.resolve(settings, {key: item.value for key, item in stored.items()})
    defaults = registry.defaults(settings)
    states = {}
    for key in RUNTIME_KEYS:
        item = stored.get(key.key)
        # A stored value no longer valid is ignored (resolve fell back to the default).
        in_force = item is not None and _valid(key, item.value, settings, values)
        states[key.key] = SettingState(
            key=key.key,
            type=key.type,
            description=key.description,
            value=values[key.key],
            default=defaults[key.key],
            range=registry.range_of(key, settings, values),
            updated_at=item.updated_at if in_force and item else None,
            updated_by=item.updated_by if in_force and item else None,
        )
    return states


def _valid(
    key: registry.RuntimeKey, value: Any, settings: Settings, values: dict[str, Any]
) -> bool:
    try:
        registry.check(key, value, settings, values)
    except InvalidSettingError:
        return False
    return True


async def list_settings(session: AsyncSession, settings: Settings) -> list[SettingState]:
    """Every runtime key, in admin.md's order."""
    return list(_states(settings, await _stored(session)).values())


async def change_setting(
    session: AsyncSession,
    settings: Settings,
    name: str,
    value: Any,
    *,
    admin_id: int | None,
    now: datetime,
) -> SettingChange:
    """Stores `value` for key `name` (404 `unknown_setting`; 422 `invalid_setting`)."""
    key = registry.runtime_key(name)
    stored = await _stored(session)
    before = _states(settings, stored)
    values = {state.key: state.value for state in before.values()}
    checked = registry.check(key, value, settings, values)
    if key.key == "confluence_timeframes" and len(checked) < values["min_confluence"]:
        raise InvalidSettingError(
            f"confluence_timeframes must hold at least min_confluence "
            f"({values['min_confluence']}) timeframes"
        )
    await runtime_repository.store(session, key.key, json.dumps(checked), now, admin_id)
    stored[key.key] = _Stored(checked, now, admin_id)
    return SettingChange(before[key.key], _states(settings, stored)[key.key])


async def reset_setting(session: AsyncSession, settings: Settings, name: str) -> SettingChange:
    """Deletes the stored value of `name`: the environment's default applies again."""
    key = registry.runtime_key(name)
    stored = await _stored(session)
    before = _states(settings, stored)[key.key]
    await runtime_repository.remove(session, key.key)
    stored.pop(key.key, None)
    return SettingChange(before, _states(settings, stored)[key.key])


async def effective_settings(session: AsyncSession, settings: Settings) -> Settings:
    """The app settings with the stored runtime values in place of the environment's."""
    stored = await _stored(session)
    values = registry.resolve(settings, {key: item.value for key, item in stored.items()})
    return registry.apply(settings, values)


def apply_log_level(settings: Settings) -> None:
    """Sets the cryptolens loggers to the effective log_level."""
    level = settings.log_level.upper()
    logger = logging.getLogger(APP_LOGGER)
    if logging.getLevelName(logger.level) != level:
        logger.setLevel(level)


async def current_settings(
    session_factory: async_sessionmaker[AsyncSession], settings: Settings
) -> Settings:
    """The effective settings, read in a unit of work of their own."""
    async with unit_of_work(session_factory) as session:
        return await effective_settings(session, settings)


async def settings_for_job(
    session_factory: async_sessionmaker[AsyncSession], settings: Settings
) -> Settings:
    """What a job works with, read once at its start (and its log_level applied)."""
    effective = await current_settings(session_factory, settings)
    apply_log_level(effective)
    return effective


class RuntimeSettingsMemo:
    """An API process's copy of the effective settings, read again after `ttl_seconds`."""

    def __init__(
        self,
        ttl_seconds: float = API_MEMO_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self._monotonic = monotonic
        self._value: Settings | None = None
        self._read_at = 0.0

    async def get(
        self, session_factory: async_sessionmaker[AsyncSession], settings: Settings
    ) -> Settings:
        now = self._monotonic()
        if self._value is None or now - self._read_at >= self.ttl_seconds:
            self._value = await settings_for_job(session_factory, settings)
            self._read_at = now
        return self._value

    def forget(self) -> None:
        self._value = None
