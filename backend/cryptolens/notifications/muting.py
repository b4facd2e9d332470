"""The push's "mute 24 h" button: a signed, expiring link that needs no session.

The token is `base64url(user_id:symbol:expiry)` + "." + HMAC-SHA256 over that payload with a
key derived for this use only; changing any part, or using it after expiry, is refused.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptolens.core.errors import AppError
from cryptolens.core.security import derive_key, sign, tokens_equal

KEY_PURPOSE = "ntfy-mute-link"


class InvalidMuteLinkError(AppError):
    status_code = 400
    code = "invalid_link"
    title = "Invalid link"


@dataclass(frozen=True)
class MuteRequest:
    user_id: int
    symbol: str
    expires_at: datetime


class MuteLinks:
    def __init__(self, secret_key: str) -> None:
        self._key = derive_key(secret_key, KEY_PURPOSE)

    def token(self, user_id: int, symbol: str, expires_at: datetime) -> str:
        payload = f"{user_id}:{symbol}:{int(expires_at.timestamp())}"
        encoded = base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii").rstrip("=")
        return f"{encoded}.{sign(self._key, encoded)}"

    def read(self, token: str, now: datetime) -> MuteRequest:
        """The request a genuine, unexpired token carries; InvalidMuteLinkError otherwise."""
        encoded, _, signature = token.partition(".")
        if not encoded or not signature or not tokens_equal(signature, sign(self._key, encoded)):
            raise InvalidMuteLinkError("the mute link was altered")
        try:
            padded = encoded + "=" * (-len(encoded) % 4)
            user_part, symbol, expiry_part = (
                base64.urlsafe_b64decode(padded).decode("utf-8").rsplit(":", 2)
            )
            request = MuteRequest(
                user_id=int(user_part),
                symbol=symbol,
                expires_at=datetime.fromtimestamp(int(expiry_part), tz=UTC),
            )
        except (ValueError, binascii.Error):
            raise InvalidMuteLinkError("the mute link was altered") from None
        if now >= request.expires_at:
            raise InvalidMuteLinkError("the mute link has expired")
        return request
