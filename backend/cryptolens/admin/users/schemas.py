"""Accounts as the admin API shows and changes them."""

from __future__ import annotations

from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    StrictBool,
    model_validator,
)

from cryptolens.access.tiers import Tier
from cryptolens.admin.payments.schemas import AdminPaymentOut
from cryptolens.admin.subscriptions.schemas import AdminSubscriptionOut, GrantIn
from cryptolens.auth.schemas import DisplayName, Password
from cryptolens.core.iso_times import IsoInstant
from cryptolens.notifications.schemas import DeliveryOut


def _no_null(value: Any) -> Any:
    if value is None:
        raise ValueError("must be true or false (leave the field out to keep it)")
    return value


# A flag PATCH may change: true or false, or left out; an explicit null is refused.
AdminFlag = Annotated[StrictBool | None, BeforeValidator(_no_null)]


class UserCreateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr = Field(max_length=191)
    password: Password = Field(description="10+ characters, not the email, not a common one")
    display_name: DisplayName | None = None
    is_verified: StrictBool = Field(
        default=False, description="false: a verification mail goes out"
    )
    is_admin: StrictBool = False
    grant: GrantIn | None = Field(default=None, description="A plan to grant at once")


class UserPatchIn(BaseModel):
    """Only the flags sent change (at least one)."""

    model_config = ConfigDict(extra="forbid")

    is_active: AdminFlag = Field(default=None, description="false: signs the user out")
    is_verified: AdminFlag = None
    is_admin: AdminFlag = Field(default=None, description="A change signs the user out")

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not self.model_fields_set:
            raise ValueError("send is_active, is_verified or is_admin")
        return self

    def wanted(self) -> dict[str, bool]:
        return {
            name: value
            for name in sorted(self.model_fields_set)
            if isinstance(value := getattr(self, name), bool)
        }


class AdminUserOut(BaseModel):
    id: int
    email: str
    display_name: str | None
    is_active: bool
    is_verified: bool
    is_admin: bool
    tier: Tier = Field(description="The tier now (admins: premium)")
    locked: bool = Field(description="Locked now after failed sign-ins")
    locked_until: IsoInstant | None
    failed_logins: int = Field(description="Consecutive failed sign-ins since the last success")
    created_at: IsoInstant
    last_login_at: IsoInstant | None


class AdminSessionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # built from UserSession rows

    id: int
    created_at: IsoInstant
    last_seen_at: IsoInstant
    expires_at: IsoInstant
    ip: str | None
    user_agent: str | None


class AdminUserDetailOut(AdminUserOut):
    timezone: str
    two_factor: bool = Field(description="Two-factor sign-in is on")
    subscription: AdminSubscriptionOut | None
    sessions: list[AdminSessionOut] = Field(description="Open sessions, last seen first")
    deliveries: list[DeliveryOut] = Field(description="The 10 latest notification deliveries")
    payments: list[AdminPaymentOut] = Field(description="The 10 latest payments, newest first")


class EndedSessionsOut(BaseModel):
    ended: int = Field(description="Sessions ended")
