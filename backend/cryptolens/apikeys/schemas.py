"""Bodies and answers of `/api/v1/api-keys`. The key in clear appears in one answer only: the
creation's (ApiKeyCreated)."""

from __future__ import annotations

import ipaddress
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, field_validator

from cryptolens.access.scopes import Scope
from cryptolens.core.iso_times import IsoInstant

KeyStatus = Literal["active", "revoked", "expired"]
# `all`: every non-admin scope, expanded when the key is used (a scope added later included).
KeyScope = Scope | Literal["all"]
KeyName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
MAX_IP_RULES = 50


def _ip_rules(rules: list[str]) -> list[str]:
    """IPs and CIDR blocks, v4 or v6, each normalised (10.1.2.3/8 -> 10.0.0.0/8)."""
    normalised = []
    for rule in rules:
        try:
            network = ipaddress.ip_network(rule.strip(), strict=False)
        except ValueError:
            raise ValueError(f"{rule!r} is not an IP address or CIDR block") from None
        normalised.append(str(network))
    return list(dict.fromkeys(normalised))


class _KeyRules(BaseModel):
    @field_validator("ip_allow", "ip_deny", check_fields=False)
    @classmethod
    def _valid_ip_rules(cls, rules: list[str] | None) -> list[str] | None:
        return None if rules is None else _ip_rules(rules)

    @field_validator("scopes", check_fields=False)
    @classmethod
    def _distinct_scopes(cls, scopes: list[KeyScope] | None) -> list[KeyScope] | None:
        return None if scopes is None else list(dict.fromkeys(scopes))


class ApiKeyCreate(_KeyRules):
    name: KeyName
    scopes: list[KeyScope] = Field(min_length=1, description="`all`: every non-admin scope")
    limit_per_minute: int = Field(default=60, ge=1, le=100_000)
    limit_per_hour: int = Field(default=1000, ge=1, le=1_000_000)
    limit_per_day: int = Field(default=10_000, ge=1, le=10_000_000)
    ip_allow: list[str] = Field(default_factory=list, max_length=MAX_IP_RULES)
    ip_deny: list[str] = Field(default_factory=list, max_length=MAX_IP_RULES)
    expires_at: datetime | None = Field(default=None, description="In the future; none: never")


class ApiKeyUpdate(_KeyRules):
    """Only the fields sent change (`expires_at: null` removes the expiry)."""

    name: KeyName | None = None
    scopes: list[KeyScope] | None = Field(default=None, min_length=1)
    limit_per_minute: int | None = Field(default=None, ge=1, le=100_000)
    limit_per_hour: int | None = Field(default=None, ge=1, le=1_000_000)
    limit_per_day: int | None = Field(default=None, ge=1, le=10_000_000)
    ip_allow: list[str] | None = Field(default=None, max_length=MAX_IP_RULES)
    ip_deny: list[str] | None = Field(default=None, max_length=MAX_IP_RULES)
    expires_at: datetime | None = None


class ApiKeyOut(BaseModel):
    id: int
    name: str
    prefix: str = Field(description="The key's first 12 characters, to recognise it")
    scopes: list[str]
    limit_per_minute: int
    limit_per_hour: int
    limit_per_day: int
    ip_allow: list[str]
    ip_deny: list[str]
    expires_at: IsoInstant | None
    status: KeyStatus
    created_at: IsoInstant
    revoked_at: IsoInstant | None
    last_used_at: IsoInstant | None
    last_used_ip: str | None
    total_requests: int


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="The key itself: shown this once, never again")


class UsageDay(BaseModel):
    day: date
    requests: int = Field(description="Requests made with the key, refused ones included")
    refused: int


class ApiKeyUsageOut(BaseModel):
    key_id: int
    days: list[UsageDay]
    total_requests: int = Field(description="Over the days shown")
    total_refused: int
    all_time_requests: int
    last_used_at: IsoInstant | None
    last_used_ip: str | None
