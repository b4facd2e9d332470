"""The spec's fixed notification numbers. What an operator tunes lives in the app settings
(cryptolens.settings.NotificationSettings)."""

from __future__ import annotations

from datetime import timedelta

# ntfy sends no Retry-After: the retry schedule for 429 and 5xx, then failed.
RETRY_SCHEDULE_SECONDS: tuple[float, ...] = (5, 15, 45, 120, 300)
MAX_ATTEMPTS = len(RETRY_SCHEDULE_SECONDS) + 1
# A claimed delivery is its sender's until the lease runs out; a live sender renews it this
# often, so only a sender that died (or stalled for seconds) loses it (notifications/lease.py).
DELIVERY_LEASE = timedelta(seconds=15)
LEASE_RENEWAL = timedelta(seconds=5)
# Claims written before leases existed (no lease_until): abandoned once this old.
UNLEASED_CLAIM_ABANDONED_AFTER = timedelta(minutes=10)
# After a 429 wave the held-back pushes resume at this pace, not all at once.
THROTTLED_PUSHES_PER_SECOND = 50
MUTE_DURATION = timedelta(hours=24)
# How long the mute button of a push keeps working.
MUTE_LINK_VALIDITY = timedelta(days=3)
TEST_PUSH_RATE = "3/hour"
