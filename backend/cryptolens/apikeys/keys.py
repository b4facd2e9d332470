"""The key itself: made once, shown once, kept only as a lookup prefix and a hash.

A key is `clk_` + 40 random url-safe characters (240 bits): a plain SHA-256 is enough to
store it (nothing to guess, and no server secret whose rotation would void every key).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from cryptolens.access.key_credentials import KEY_PREFIX

LOOKUP_LENGTH = 12  # `clk_` and 8 random characters: the indexed column a key is found by
_KEY_FORMAT = re.compile(r"^clk_[A-Za-z0-9_-]{40}$")


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(30)  # 30 bytes: 40 characters


def is_well_formed(key: str) -> bool:
    return _KEY_FORMAT.match(key) is not None


def lookup_prefix(key: str) -> str:
    return key[:LOOKUP_LENGTH]


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def hash_matches(key: str, stored_hash: str) -> bool:
    return hmac.compare_digest(key_hash(key), stored_hash)
