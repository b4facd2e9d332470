"""Standard Webhooks signing: the spec's vector, rotation's two signatures, id/secret shapes."""

from __future__ import annotations

import base64
import re

import pytest

from cryptolens.webhooks.signing import (
    new_message_id,
    new_secret,
    signature,
    signature_header,
    webhook_headers,
)

VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
VECTOR_TIMESTAMP = 1614265330
VECTOR_BODY = b'{"test": 2432232314}'
VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_the_spec_vector() -> None:
    assert signature(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY) == VECTOR_SIGNATURE


def test_two_secrets_give_two_signatures_newest_first() -> None:
    newer = new_secret()
    header = signature_header([newer, VECTOR_SECRET], VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)
    first, second = header.split(" ")
    assert first == signature(newer, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)
    assert second == VECTOR_SIGNATURE


def test_signing_needs_a_secret() -> None:
    with pytest.raises(ValueError):
        signature_header([], VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)


def test_the_signature_covers_id_timestamp_and_body() -> None:
    base = signature(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)
    assert signature(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP + 1, VECTOR_BODY) != base
    assert signature(VECTOR_SECRET, new_message_id(), VECTOR_TIMESTAMP, VECTOR_BODY) != base
    assert signature(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY + b" ") != base


def test_secret_format() -> None:
    secret = new_secret()
    assert secret.startswith("whsec_")
    encoded = secret.removeprefix("whsec_")
    assert len(encoded) == 44 and encoded.endswith("=")  # standard padded base64 of 32 bytes
    assert len(base64.b64decode(encoded, validate=True)) == 32
    assert new_secret() != secret


def test_message_id_format() -> None:
    ids = {new_message_id() for _ in range(50)}
    assert len(ids) == 50
    assert all(re.fullmatch(r"msg_[A-Za-z0-9]{26}", msg_id) for msg_id in ids)


def test_webhook_headers() -> None:
    headers = webhook_headers([VECTOR_SECRET], VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)
    assert headers == {
        "Content-Type": "application/json",
        "User-Agent": "CryptoLens-Webhooks/1",
        "webhook-id": VECTOR_ID,
        "webhook-timestamp": str(VECTOR_TIMESTAMP),
        "webhook-signature": VECTOR_SIGNATURE,
    }
