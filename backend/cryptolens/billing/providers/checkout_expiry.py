"""How long a hosted checkout stays open.

A pending checkout is handed out again for `checkout_reuse_minutes`; it stays open an hour past
that, so a reused checkout never closes under the payer.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from cryptolens.settings import BillingSettings

OPEN_PAST_REUSE = timedelta(hours=1)


def checkout_expires_at(billing: BillingSettings, now: datetime) -> datetime:
    return now + timedelta(minutes=billing.checkout_reuse_minutes) + OPEN_PAST_REUSE
