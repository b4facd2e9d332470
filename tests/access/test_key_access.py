"""Which client addresses a key's IP rules admit, including a peer that is not an IP at all."""

from __future__ import annotations

import ipaddress

import pytest

from cryptolens.access.key_memo import KeyAccess
from cryptolens.access.principal import Principal, PrincipalUser
from cryptolens.access.scopes import USER_SCOPES
from cryptolens.access.tiers import Tier

PRINCIPAL = Principal(
    user=PrincipalUser(id=1, email="dev@example.com", is_admin=False, is_verified=True),
    tier=Tier.PREMIUM,
    scopes=USER_SCOPES,
    method="api_key",
    credential_id=7,
)


def access(allow: tuple[str, ...] = (), deny: tuple[str, ...] = ()) -> KeyAccess:
    return KeyAccess(
        PRINCIPAL,
        tuple(ipaddress.ip_network(rule) for rule in allow),
        tuple(ipaddress.ip_network(rule) for rule in deny),
    )


@pytest.mark.parametrize(
    ("allow", "deny", "host", "admitted"),
    [
        ((), (), "203.0.113.9", True),
        (("203.0.113.0/24",), (), "203.0.113.9", True),
        (("203.0.113.0/24",), (), "198.51.100.1", False),
        (("203.0.113.0/24",), ("203.0.113.9/32",), "203.0.113.9", False),  # deny wins
        ((), ("2001:db8::/32",), "2001:db8::1", False),
        (("2001:db8::/32",), (), "2001:db8::1", True),
        (("203.0.113.0/24",), (), "::ffff:203.0.113.9", True),  # v4-mapped judged as v4
        ((), (), "testclient", True),  # no rules: nothing to check
        (("203.0.113.0/24",), (), "testclient", False),  # a rule refuses what it cannot check
        ((), ("10.0.0.0/8",), "testclient", False),
    ],
)
def test_ip_rules(allow: tuple[str, ...], deny: tuple[str, ...], host: str, admitted: bool) -> None:
    assert access(allow, deny).admits(host) is admitted
