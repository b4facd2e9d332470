"""Request and response models of the account endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field

from cryptolens.auth.models import User, UserSession
from cryptolens.billing.schemas import LimitsOut, SubscriptionOut
from cryptolens.billing.tiers import Tier


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
    id: int
    email: str
    display_name: str | None
    is_admin: bool
    is_verified: bool
    timezone: str
    ntfy_topic: str
    created_at: datetime
    last_login_at: datetime | None

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(
            id=user.id,
            email=user.email,
            display_name=user.display_name,
            is_admin=user.is_admin,
            is_verified=user.is_verified,
            timezone=user.timezone,
            ntfy_topic=user.ntfy_topic,
            created_at=user.created_at,
            last_login_at=user.last_login_at,
        )


class MeOut(UserOut):
    tier: Tier
    limits: LimitsOut
    subscription: SubscriptionOut | None
    two_factor_enabled: bool
    backup_codes_left: int


class LoginOut(BaseModel):
    totp_required: bool = Field(
        description="true: send the code to POST /api/v1/auth/login/totp within 5 minutes"
    )
    user: UserOut | None = None


class MessageOut(BaseModel):
    message: str


class SessionOut(BaseModel):
    id: int
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    ip: str | None
    user_agent: str | None
    current: bool

    @classmethod
    def of(cls, user_session: UserSession, current_id: int) -> SessionOut:
        return cls(
            id=user_session.id,
            created_at=user_session.created_at,
            last_seen_at=user_session.last_seen_at,
            expires_at=user_session.expires_at,
            ip=user_session.ip,
            user_agent=user_session.user_agent,
            current=user_session.id == current_id,
        )


class WatchlistOut(BaseModel):
    symbols: list[str] = Field(description="The symbols the user picked")
    following: list[str] | None = Field(
        description="What the tier lets the user see now; null: every symbol"
    )
    max_symbols: int | None = Field(description="How many the tier lets the user pick; null: any")


class TwoFactorSetupOut(BaseModel):
    secret: str = Field(description="Base32 seed, for typing into an authenticator by hand")
    otpauth_uri: str
    qr_image: str = Field(description="The otpauth URI as a QR code, a data: URI (SVG or PNG)")


class BackupCodesOut(BaseModel):
    backup_codes: list[str] = Field(description="Shown once; each works once")
