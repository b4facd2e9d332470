"""The profile's response model: the account, its tier and limits, its subscription."""

from __future__ import annotations

from cryptolens.access.schemas import LimitsOut
from cryptolens.access.tiers import Tier
from cryptolens.auth.schemas import UserOut
from cryptolens.billing.schemas import SubscriptionOut


class MeOut(UserOut):
    tier: Tier
    limits: LimitsOut
    subscription: SubscriptionOut | None
    two_factor_enabled: bool
    backup_codes_left: int
