"""Standard Webhooks 1.0 signing (spec webhooks.md, "Signing").

`webhook-signature` = "v1," + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), the key
being the bytes base64-encoded after "whsec_". During a rotation's grace period an attempt
carries one signature per secret, the newest first, so receivers can switch at their pace.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets as random_source
import string
from collections.abc import Sequence

SECRET_PREFIX = "whsec_"  # noqa: S105 - a prefix, not a secret
MESSAGE_ID_PREFIX = "msg_"
MESSAGE_ID_LENGTH = 26
SECRET_BYTES = 32
USER_AGENT = "CryptoLens-Webhooks/1"
_ID_ALPHABET = string.ascii_letters + string.digits


def new_secret() -> str:
    """ "whsec_" + standard padded base64 of 32 random bytes."""
    return SECRET_PREFIX + base64.b64encode(random_source.token_bytes(SECRET_BYTES)).decode()


def new_message_id() -> str:
    """ "msg_" + 26 random characters [A-Za-z0-9]: the delivery's webhook-id."""
    return MESSAGE_ID_PREFIX + "".join(
        random_source.choice(_ID_ALPHABET) for _ in range(MESSAGE_ID_LENGTH)
    )


def secret_key(secret: str) -> bytes:
    """The HMAC key: the base64-decoded bytes after the "whsec_" prefix."""
    encoded = secret.removeprefix(SECRET_PREFIX)
    return base64.b64decode(encoded, validate=True)


def signature(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signature_header(secrets: Sequence[str], msg_id: str, timestamp: int, body: bytes) -> str:
    """One signature per secret, space-separated, in the given order (newest first)."""
    if not secrets:
        raise ValueError("at least one secret is needed to sign")
    return " ".join(signature(secret, msg_id, timestamp, body) for secret in secrets)


def webhook_headers(
    secrets: Sequence[str], msg_id: str, timestamp: int, body: bytes
) -> dict[str, str]:
    """The headers of one attempt; `body` must be the exact bytes that will be sent."""
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(secrets, msg_id, timestamp, body),
    }
