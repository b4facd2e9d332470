"""The HMAC signatures providers put on their webhooks, and the constant-time check of one.

Card and fake sign the raw body with HMAC-SHA256; crypto (NOWPayments) signs the body's JSON
re-serialised with sorted keys and compact separators with HMAC-SHA512. Signatures are hex.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping


def _key(secret: str | bytes) -> bytes:
    return secret.encode("utf-8") if isinstance(secret, str) else secret


def sha256_hex(secret: str | bytes, raw_body: bytes) -> str:
    return hmac.new(_key(secret), raw_body, hashlib.sha256).hexdigest()


def sorted_json(payload: Mapping[str, object]) -> bytes:
    """NOWPayments' canonical form: sorted keys, no spaces, non-ASCII kept as UTF-8."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def sha512_hex_of_json(secret: str | bytes, payload: Mapping[str, object]) -> str:
    return hmac.new(_key(secret), sorted_json(payload), hashlib.sha512).hexdigest()


def signatures_match(expected_hex: str, received: str | None) -> bool:
    """Constant time. Hex is case-insensitive; a header that is not ASCII is simply wrong
    (compared as bytes, so it cannot raise)."""
    if not received:
        return False
    return hmac.compare_digest(
        expected_hex.lower().encode("ascii"), received.strip().lower().encode("utf-8")
    )


def header(headers: Mapping[str, str], name: str) -> str | None:
    """A header by name, whatever its case (Starlette's headers are; a plain dict is not)."""
    found = headers.get(name)
    if found is not None:
        return found
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None
