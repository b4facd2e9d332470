"""What a principal may do through the REST API, by scope.

A session acts with every scope its user has; an API key (next) with the scopes it was given.
`all` on a key grants every user scope; admin scopes go to admins only.
"""

from __future__ import annotations

from typing import Literal, get_args

Scope = Literal[
    "read:symbols",
    "read:candles",
    "read:patterns",
    "read:signals",
    "read:matrix",
    "read:stats",
    "write:scan",
    "write:fetch",
    "admin:scheduler",
]

ADMIN_SCOPES: frozenset[Scope] = frozenset(s for s in get_args(Scope) if s.startswith("admin:"))
USER_SCOPES: frozenset[Scope] = frozenset(get_args(Scope)) - ADMIN_SCOPES


def scopes_of_user(is_admin: bool) -> frozenset[Scope]:
    """Every scope the user may hold: what a session grants, and the most a key can get."""
    return USER_SCOPES | ADMIN_SCOPES if is_admin else USER_SCOPES
