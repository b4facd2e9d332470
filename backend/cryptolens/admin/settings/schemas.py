"""The runtime settings as the admin API shows and takes them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from cryptolens.core.iso_times import IsoInstant
from cryptolens.system.runtime.service import SettingState


class SettingRangeOut(BaseModel):
    """Numbers: minimum..maximum (inclusive, except the minimum when `minimum_exclusive`);
    choice: one of `choices`; list: a non-empty subset of `choices`; bool: no bounds."""

    minimum: float | None = Field(description="Lowest value (list: fewest items)")
    maximum: float | None = Field(description="Highest value (list: most items)")
    minimum_exclusive: bool
    choices: list[str] | None
    text: str = Field(examples=["2 < x <= 10"])


class SettingOut(BaseModel):
    key: str = Field(examples=["min_confluence"])
    type: Literal["int", "number", "bool", "list", "choice"]
    description: str
    value: Any = Field(description="In force now (the stored value, else the default)")
    default: Any = Field(description="The environment's value")
    range: SettingRangeOut
    updated_at: IsoInstant | None = Field(description="When it was stored; null: the default")
    updated_by: int | None = Field(description="The admin who stored it; null: the default")

    @classmethod
    def of(cls, state: SettingState) -> SettingOut:
        valid = state.range
        return cls(
            key=state.key,
            type=state.type,
            description=state.description,
            value=state.value,
            default=state.default,
            range=SettingRangeOut(
                minimum=valid.minimum,
                maximum=valid.maximum,
                minimum_exclusive=valid.minimum_exclusive,
                choices=None if valid.choices is None else list(valid.choices),
                text=state.range_text,
            ),
            updated_at=state.updated_at,
            updated_by=state.updated_by,
        )


class SettingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: Any = Field(
        description="A JSON value of the key's type (a bool is not a number)", examples=[3]
    )
