"""Who gets a push for a signal: ONE pure function, with the moment passed in.

`decide` runs at fan-out time; `decide_at_send` runs again when a delayed (free tier) or
retried push goes out, without the daily count: the delivery already holds its place in the
day since it was queued.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cryptolens.access.tiers import Tier
from cryptolens.access.user_access import UserAccess
from cryptolens.notifications.alerts import SignalAlert

# Skip reasons, stored on the delivery row and shown in the user's history.
INACTIVE = "inactive"
UNVERIFIED = "unverified"
DISABLED = "notifications_off"
SYMBOL_NOT_IN_TIER = "symbol_not_in_tier"
PATTERN_NOT_IN_TIER = "pattern_type_not_in_tier"
SYMBOL_FILTERED = "symbol_filtered"
PATTERN_FILTERED = "pattern_type_filtered"
DIRECTION_FILTERED = "direction_filtered"
CONFLUENCE_TOO_LOW = "confluence_below_minimum"
MUTED = "symbol_muted"
SETUP_UNPROVEN = "setup_unproven"
QUIET_HOURS = "quiet_hours"
DAILY_LIMIT = "daily_limit"
TIER_CAP = "tier_daily_cap"


@dataclass(frozen=True)
class Preferences:
    """A user's choices; the defaults are those of a user who never changed them."""

    enabled: bool = True
    directions: str = "both"
    min_confluence: int = 2
    pattern_types: frozenset[str] | None = None  # None: all the tier allows
    symbols: frozenset[str] | None = None
    priority: int = 3
    quiet_start: int | None = None
    quiet_end: int | None = None
    daily_limit: int | None = None  # None: the tier's cap
    only_proven_setups: bool = False


@dataclass(frozen=True)
class Recipient:
    user_id: int
    topic: str
    timezone: str
    is_active: bool
    is_verified: bool
    access: UserAccess
    preferences: Preferences = field(default_factory=Preferences)
    muted_symbols: frozenset[str] = frozenset()

    @property
    def tier(self) -> Tier:
        return self.access.tier


@dataclass(frozen=True)
class Decision:
    reason: str | None  # None: push it
    delay: timedelta = timedelta(0)

    @property
    def eligible(self) -> bool:
        return self.reason is None


def zone_of(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def in_quiet_hours(start: int | None, end: int | None, zone: str, now: datetime) -> bool:
    """start == end means none; start > end spans midnight (22 -> 7: 22:00 to 06:59)."""
    if start is None or end is None or start == end:
        return False
    hour = now.astimezone(zone_of(zone)).hour
    if start < end:
        return start <= hour < end
    return hour >= start or hour < end


def local_day_start(zone: str, now: datetime) -> datetime:
    """00:00 of the user's current day, as an aware UTC moment."""
    tz = zone_of(zone)
    local = now.astimezone(tz)
    midnight = datetime.combine(local.date(), time(0), tzinfo=tz)
    return midnight.astimezone(now.tzinfo)


def daily_limit_of(recipient: Recipient) -> tuple[int | None, int | None]:
    """(the user's own limit, the tier's cap); None is unlimited."""
    return recipient.preferences.daily_limit, recipient.access.limits.pushes_per_day


def _filters(recipient: Recipient, alert: SignalAlert) -> str | None:
    if not recipient.is_active:
        return INACTIVE
    if not recipient.is_verified:
        return UNVERIFIED
    preferences = recipient.preferences
    if not preferences.enabled:
        return DISABLED
    access = recipient.access
    if not access.allows_symbol(alert.symbol):
        return SYMBOL_NOT_IN_TIER
    if not access.allows_pattern_type(alert.anchor_type):
        return PATTERN_NOT_IN_TIER
    if preferences.symbols is not None and alert.symbol not in preferences.symbols:
        return SYMBOL_FILTERED
    if preferences.pattern_types is not None and alert.anchor_type not in preferences.pattern_types:
        return PATTERN_FILTERED
    if preferences.directions not in ("both", alert.direction):
        return DIRECTION_FILTERED
    if alert.confluence < preferences.min_confluence:
        return CONFLUENCE_TOO_LOW
    if alert.symbol in recipient.muted_symbols:
        return MUTED
    if preferences.only_proven_setups and not alert.setup_proof.proven:
        return SETUP_UNPROVEN
    return None


def decide_at_send(recipient: Recipient, alert: SignalAlert, now: datetime) -> Decision:
    """Account state, preferences, mutes and quiet hours, as they are at `now`."""
    reason = _filters(recipient, alert)
    if reason is None:
        preferences = recipient.preferences
        if in_quiet_hours(preferences.quiet_start, preferences.quiet_end, recipient.timezone, now):
            reason = QUIET_HOURS
    return Decision(reason=reason)


def decide(recipient: Recipient, alert: SignalAlert, now: datetime, pushes_today: int) -> Decision:
    """The full check at fan-out time. `pushes_today`: deliveries queued or sent since 00:00
    in the user's timezone. A delayed tier (free) must not be in quiet hours now; it is
    checked again when the push goes out."""
    checked = decide_at_send(recipient, alert, now)
    if not checked.eligible:
        return checked
    own_limit, tier_cap = daily_limit_of(recipient)
    if tier_cap is not None and pushes_today >= tier_cap:
        return Decision(reason=TIER_CAP)
    if own_limit is not None and pushes_today >= own_limit:
        return Decision(reason=DAILY_LIMIT)
    return Decision(reason=None, delay=recipient.access.limits.push_delay)


def push_priority(preferences: Preferences, confluence: int) -> int:
    """The user's priority, one higher for confluence >= 4, capped at 5."""
    raised = preferences.priority + (1 if confluence >= 4 else 0)
    return max(1, min(5, raised))
