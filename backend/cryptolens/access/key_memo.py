"""Who an API key belongs to, with its rules and its owner's tier, remembered for a moment.

Like the session memo (memo.py): kept per process for `security.access_memo_seconds`, never
past the key's expiry, and dropped at once when this process commits a write to a table the
answer comes from (a revoke here takes effect on the next request; one in another process
within those seconds). Concurrent first lookups of one key each read: a key lookup writes
nothing, so there is nothing to serialise.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptolens.access.ports import ApiKeyIdentity
from cryptolens.access.principal import Principal
from cryptolens.core.change_counters import change_counter
from cryptolens.core.security import hash_token

KEY_TABLES = ("api_keys", "users", "watchlist_items", "subscriptions")
MAX_ENTRIES = 10_000

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class KeyAccess:
    """A resolved key: the principal it acts as and the addresses it may be used from."""

    principal: Principal
    allow: tuple[IpNetwork, ...]
    deny: tuple[IpNetwork, ...]

    @classmethod
    def of(cls, principal: Principal, identity: ApiKeyIdentity) -> KeyAccess:
        return cls(principal, _networks(identity.ip_allow), _networks(identity.ip_deny))

    def admits(self, host: str) -> bool:
        """Deny wins; a non-empty allow list admits only its members. An IPv4-mapped IPv6
        address (::ffff:1.2.3.4, a dual-stack socket's view of a v4 client) is judged as v4."""
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            # No IP to judge (a Unix socket, a test transport): only a key without rules
            # may be used; any rule refuses what it cannot check.
            return not (self.allow or self.deny)
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if any(address in network for network in self.deny):
            return False
        return not self.allow or any(address in network for network in self.allow)


def _networks(rules: tuple[str, ...]) -> tuple[IpNetwork, ...]:
    # Stored rules were validated at creation; strict=False accepts a host part (10.0.0.1/8).
    return tuple(ipaddress.ip_network(rule, strict=False) for rule in rules)


@dataclass(frozen=True)
class _Remembered:
    access: KeyAccess
    since: datetime
    until: datetime
    changes: int


class KeyMemo:
    def __init__(self, seconds: float) -> None:
        self._lifetime = timedelta(seconds=seconds)
        self._entries: dict[str, _Remembered] = {}
        self._changes = change_counter(KEY_TABLES)

    @property
    def changes(self) -> int:
        """Take it before reading the database and pass it to put (see memo.AccessMemo)."""
        return self._changes.value

    def get(self, key: str, now: datetime) -> KeyAccess | None:
        if not self._lifetime:
            return None
        found = self._entries.get(hash_token(key))
        if found is None or found.changes != self._changes.value:
            return None
        if not found.since <= now < found.until:
            return None
        return found.access

    def put(
        self,
        key: str,
        access: KeyAccess,
        now: datetime,
        expires_at: datetime | None,
        changes_before_read: int,
    ) -> None:
        if not self._lifetime:
            return
        if len(self._entries) >= MAX_ENTRIES:
            self._entries.clear()  # a burst of distinct keys: start over, never grow
        until = now + self._lifetime
        if expires_at is not None:
            until = min(until, expires_at)
        self._entries[hash_token(key)] = _Remembered(access, now, until, changes_before_read)
