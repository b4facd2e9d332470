"""Request and response models of the account endpoints."""

from __future__ import annotations

from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    ValidationInfo,
    field_validator,
)

from cryptolens.auth.models import UserSession
from cryptolens.core.iso_times import IsoInstant


def _known_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"unknown time zone {name!r}; use an IANA name like Europe/Berlin"
        ) from exc
    return name


TimeZoneName = Annotated[
    str,
    Field(min_length=1, max_length=64, examples=["Europe/Berlin"]),
    AfterValidator(_known_timezone),
]
# Length caps keep hashing (argon2) and lookups bounded; the policy itself is in passwords.py.
Password = Annotated[str, Field(min_length=1, max_length=256)]
EmailText = Annotated[str, Field(min_length=3, max_length=191, examples=["trader@example.com"])]
OneTimeCode = Annotated[
    str,
    Field(min_length=6, max_length=32, description="6-digit authenticator code or a backup code"),
]
LinkToken = Annotated[str, Field(min_length=10, max_length=128)]
DisplayName = Annotated[str, Field(max_length=60)]
Theme = Literal["system", "light", "dark"]


class StrictBody(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CsrfOut(BaseModel):
    csrf_token: str = Field(description="Echo it in the X-CSRF-Token header of unsafe requests")


class RegisterIn(StrictBody):
    email: EmailStr = Field(max_length=191)
    password: Password = Field(description="10+ characters, not your email, not a common one")
    display_name: DisplayName | None = None
    timezone: TimeZoneName = "UTC"


class LoginIn(StrictBody):
    email: EmailText
    password: Password
    totp_code: OneTimeCode | None = Field(
        default=None, description="Optional: both factors in one request"
    )


class TotpLoginIn(StrictBody):
    code: OneTimeCode


class TokenIn(StrictBody):
    token: LinkToken


class EmailIn(StrictBody):
    email: EmailText


class ResetPasswordIn(StrictBody):
    token: LinkToken
    new_password: Password


class ChangePasswordIn(StrictBody):
    current_password: Password
    new_password: Password


class ProfileIn(StrictBody):
    """Only the fields sent are changed."""

    display_name: DisplayName | None = None
    timezone: TimeZoneName | None = None
    theme: Theme | None = Field(
        default=None, description="The SPA's colours; system follows the browser"
    )


class CodeIn(StrictBody):
    code: OneTimeCode


class DisableTwoFactorIn(StrictBody):
    password: Password
    code: OneTimeCode


class WatchlistIn(StrictBody):
    symbols: list[Annotated[str, Field(max_length=41)]] = Field(
        max_length=50, examples=[["BTC/USDT", "ETH/USDT"]]
    )


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # built from User rows

    id: int
    email: str
    display_name: str | None
    is_admin: bool
    is_verified: bool
    timezone: str
    theme: Theme
    ntfy_topic: str
    created_at: IsoInstant
    last_login_at: IsoInstant | None


class LoginOut(BaseModel):
    totp_required: bool = Field(
        description="true: send the code to POST /api/v1/auth/login/totp within 5 minutes"
    )
    user: UserOut | None = None


class MessageOut(BaseModel):
    message: str


CURRENT_SESSION = "current_session_id"  # validation context of SessionOut.of


class SessionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # built from UserSession rows

    id: int
    created_at: IsoInstant
    last_seen_at: IsoInstant
    expires_at: IsoInstant
    ip: str | None
    user_agent: str | None
    # From a row: its id, compared with the caller's session id in the context.
    current: bool = Field(validation_alias=AliasChoices("current", "id"))

    @field_validator("current", mode="before")
    @classmethod
    def _is_the_callers(cls, value: object, info: ValidationInfo) -> object:
        caller = (info.context or {}).get(CURRENT_SESSION)
        return value if caller is None else value == caller

    @classmethod
    def of(cls, user_session: UserSession, current_id: int) -> SessionOut:
        return cls.model_validate(user_session, context={CURRENT_SESSION: current_id})


class WatchlistOut(BaseModel):
    symbols: list[str] = Field(description="The symbols the user picked")
    following: list[str] | None = Field(
        description="What the tier lets the user see now; null: every symbol"
    )
    max_symbols: int | None = Field(description="How many the tier lets the user pick; null: any")
    choices: list[str] = Field(description="Every active symbol: what the watchlist may hold")


class TwoFactorSetupOut(BaseModel):
    secret: str = Field(description="Base32 seed, for typing into an authenticator by hand")
    otpauth_uri: str
    qr_image: str = Field(description="The otpauth URI as a QR code, a data: URI (SVG or PNG)")


class BackupCodesOut(BaseModel):
    backup_codes: list[str] = Field(description="Shown once; each works once")
