"""Flat environment names for grouped settings.

Settings are grouped (settings.signals.min_confluence) but the environment keeps one flat
name per setting (CRYPTOLENS_MIN_CONFLUENCE). A grouped field is read from its own name unless
it carries an `EnvName` marker, declared beside the field, naming another one
(`cooldown_hours: Annotated[float, EnvName("SIGNAL_COOLDOWN_HOURS")]`). Lists and dicts are
JSON, as pydantic-settings reads them.

A secret (a SecretStr field, or one marked `Secret()`, like the URLs that carry passwords) is
also read from the file `<NAME>_FILE` names (CRYPTOLENS_SECRET_KEY_FILE=/run/secrets/secret_key),
as container secrets are mounted; one trailing newline is dropped. Setting both is an error.
"""

from __future__ import annotations

import json
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, SecretStr
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
)
from pydantic_settings import SettingsError as SourceError

FILE_SUFFIX = "_FILE"


class SettingsError(RuntimeError):
    """A setting makes it unsafe or impossible to start."""


@dataclass(frozen=True)
class EnvName:
    """The environment name (after the prefix) of a grouped setting whose name differs."""

    name: str


@dataclass(frozen=True)
class Secret:
    """Marks a setting that is a credential without being a SecretStr (a URL with a password):
    it may come from a file too."""


@dataclass(frozen=True)
class FlatName:
    """Where one environment variable lands: a top-level field or a (group, field) pair."""

    env: str
    path: tuple[str, ...]
    field: FieldInfo

    @property
    def is_secret(self) -> bool:
        annotation = self.field.annotation
        members = get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else ()
        return SecretStr in (*members, annotation) or any(
            isinstance(marker, Secret) for marker in self.field.metadata
        )


def flat_names(settings_cls: type[BaseSettings]) -> Iterator[FlatName]:
    """Every environment name the settings read, with the field it sets."""
    prefix = str(settings_cls.model_config.get("env_prefix", ""))
    for name, field in settings_cls.model_fields.items():
        group = _group_model(field)
        if group is None:
            yield FlatName(prefix + name.upper(), (name,), field)
            continue
        for inner, inner_field in group.model_fields.items():
            env = next((m.name for m in inner_field.metadata if isinstance(m, EnvName)), inner)
            yield FlatName(prefix + env.upper(), (name, inner), inner_field)


def flat_sources(
    settings_cls: type[BaseSettings], *read: PydanticBaseSettingsSource
) -> tuple[PydanticBaseSettingsSource, ...]:
    """The variables pydantic-settings' own sources loaded (the environment, .env), read by
    flat name; earlier ones win."""
    return tuple(
        FlatEnvironment(settings_cls, source.env_vars)
        for source in read
        if isinstance(source, EnvSettingsSource)
    )


class FlatEnvironment(PydanticBaseSettingsSource):
    """Reads one mapping of variables (the environment or a .env file) into the nested shape."""

    def __init__(
        self, settings_cls: type[BaseSettings], variables: Mapping[str, str | None]
    ) -> None:
        super().__init__(settings_cls)
        # Names are case-insensitive, as pydantic-settings reads them by default.
        self._variables = {key.upper(): value for key, value in variables.items()}

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        raise NotImplementedError  # __call__ reads every field at once

    def __call__(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in flat_names(self.settings_cls):
            raw = self._variables.get(name.env)
            if name.is_secret:
                raw = self._from_file(name, raw)
            if raw is None:
                continue
            target = values
            for part in name.path[:-1]:
                target = target.setdefault(part, {})
            target[name.path[-1]] = _decode(name, raw) if _is_container(name.field) else raw
        return values

    def _from_file(self, name: FlatName, raw: str | None) -> str | None:
        """The secret the `<NAME>_FILE` variable points at, if set; else the variable's own."""
        variable = name.env + FILE_SUFFIX
        path = self._variables.get(variable)
        if path is None:
            return raw
        if raw is not None:
            raise SettingsError(f"{name.env} and {variable} are both set: set one of them")
        return read_secret_file(variable, Path(path))


def read_secret_file(variable: str, path: Path) -> str:
    """The file's text without its trailing newline. Errors name the variable and the path,
    never the content."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SettingsError(f"{variable}: cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{variable}: {path} is not UTF-8 text") from None
    secret = text.removesuffix("\n").removesuffix("\r")
    if not secret:
        raise SettingsError(f"{variable}: {path} is empty")
    return secret


def _decode(name: FlatName, raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError as error:
        raise SourceError(f"{name.env} must be JSON (a list or an object): {error}") from None


def _group_model(field: FieldInfo) -> type[BaseModel] | None:
    annotation = field.annotation
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _is_container(field: FieldInfo) -> bool:
    """Lists, tuples and dicts (optional or not) come as JSON."""
    annotation = field.annotation
    members = get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else ()
    return any(get_origin(member) in (list, tuple, dict, set) for member in (*members, annotation))
