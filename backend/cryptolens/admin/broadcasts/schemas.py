"""Bodies of the broadcast and template routes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    model_validator,
)

from cryptolens.core.iso_times import IsoInstant

Tag = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,32}$")]
Tags = Annotated[list[Tag], Field(max_length=5, description="Up to 5 ntfy tags, [a-z0-9_]{1,32}")]
TierName = Literal["free", "pro", "premium"]
Priority = Annotated[StrictInt, Field(ge=1, le=5, description="ntfy priority 1-5")]
Name = Annotated[str, Field(min_length=1, max_length=100)]
Title = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        description="Placeholders {name}, {tier}, {app_url}; {{ and }} for literal braces",
    ),
]
Message = Annotated[
    str,
    Field(
        min_length=1,
        max_length=4000,
        description="Placeholders as in the title; rendered per recipient, cut with an "
        "ellipsis past 4,096 bytes of UTF-8",
    ),
]
BroadcastStatus = Literal["scheduled", "sending", "completed", "cancelled"]


class TemplateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    title: Title
    message: Message
    priority: Priority = 3
    tags: Tags = Field(default_factory=list)
    is_active: bool = True


class TemplatePatchIn(BaseModel):
    """Only the fields sent change; none may be null."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    title: Title | None = None
    message: Message | None = None
    priority: Priority | None = None
    tags: Tags | None = None
    is_active: bool | None = None

    @model_validator(mode="after")
    def _no_nulls(self) -> TemplatePatchIn:
        for field in self.model_fields_set:
            if getattr(self, field) is None:
                raise ValueError(f"{field}: may not be null")
        return self

    def changes(self) -> dict[str, Any]:
        return {field: getattr(self, field) for field in self.model_fields_set}


class TemplateOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    title: str
    message: str
    priority: int
    tags: list[str]
    is_active: bool
    times_used: int
    last_used_at: IsoInstant | None
    created_at: IsoInstant
    updated_at: IsoInstant


class AudienceOut(BaseModel):
    total: int = Field(description="Users a broadcast to these tiers would reach now")
    by_tier: dict[str, int] = Field(description="The total per tier asked for")
    excluded_unverified: int = Field(description="Active users of these tiers not verified")
    excluded_notifications_off: int = Field(
        description="Active, verified users of these tiers with notifications off"
    )


class BroadcastIn(BaseModel):
    """A template, and/or a title and message (what is sent overrides the template's)."""

    model_config = ConfigDict(extra="forbid")

    template_id: Annotated[StrictInt, Field(ge=1)] | None = None
    title: Title | None = None
    message: Message | None = None
    priority: Priority | None = Field(default=None, description="Default: the template's, or 3")
    tags: Tags | None = None
    tiers: list[TierName] | None = Field(
        default=None, min_length=1, max_length=3, description="Default: every tier"
    )
    scheduled_for: AwareDatetime | None = Field(
        default=None,
        description="ISO-8601 with an offset, 1 minute to 90 days ahead; sent in its minute. "
        "Absent: sent now",
    )


class FailureOut(BaseModel):
    user_id: int
    reason: str | None


class BroadcastOut(BaseModel):
    id: int
    template_id: int | None
    title: str
    message: str
    priority: int
    tags: list[str]
    tiers: list[TierName]
    status: BroadcastStatus
    scheduled_for: IsoInstant | None
    created_by: int | None
    created_at: IsoInstant
    started_at: IsoInstant | None
    completed_at: IsoInstant | None
    cancelled_at: IsoInstant | None
    recipients: int = Field(description="Members of the audience given a delivery")
    sent: int
    failed: int
    skipped: int = Field(description="Left out at send time (e.g. deactivated meanwhile)")
    queued: int = Field(description="Still to be sent (retries, quiet hours)")
    failure_reasons: list[FailureOut] = Field(description="The first 10 failures")
