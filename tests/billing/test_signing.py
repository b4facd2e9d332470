"""The HMAC helpers providers' webhooks are checked with: known vectors, the canonical JSON
NOWPayments signs, and a comparison that never raises on what a sender puts in a header."""

from __future__ import annotations

import hashlib
import hmac

from cryptolens.billing.providers.signing import (
    header,
    sha256_hex,
    sha512_hex_of_json,
    signatures_match,
    sorted_json,
)

# RFC 4231, test case 2.
KEY, DATA = "Jefe", b"what do ya want for nothing?"
SHA256 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
SHA512 = (
    "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a"
    "6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
)


def test_sha256_hex_matches_the_rfc_vector() -> None:
    assert sha256_hex(KEY, DATA) == SHA256
    assert sha256_hex(KEY.encode(), DATA) == SHA256


def test_sorted_json_is_sorted_compact_and_keeps_non_ascii() -> None:
    payload = {"b": 1, "a": {"z": 0.5, "y": None}, "c": "café"}
    assert sorted_json(payload) == '{"a":{"y":null,"z":0.5},"b":1,"c":"café"}'.encode()


def test_sha512_of_json_signs_the_canonical_form_whatever_the_key_order() -> None:
    first = sha512_hex_of_json("secret", {"b": 2, "a": 1})
    assert first == sha512_hex_of_json("secret", {"a": 1, "b": 2})
    assert len(first) == 128
    assert first != sha512_hex_of_json("secret", {"a": 1, "b": 3})


def test_sha512_of_json_matches_the_rfc_vector_over_its_bytes() -> None:
    # The canonical bytes of {"k":"v"} signed directly and through the helper agree.
    expected = hmac.new(b"Jefe", b'{"k":"v"}', hashlib.sha512).hexdigest()
    assert sha512_hex_of_json(KEY, {"k": "v"}) == expected
    assert hmac.new(KEY.encode(), DATA, hashlib.sha512).hexdigest() == SHA512


def test_signatures_match_only_the_same_hex() -> None:
    assert signatures_match(SHA256, SHA256)
    assert signatures_match(SHA256, SHA256.upper())  # hex case does not matter
    assert signatures_match(SHA256, f" {SHA256}\n")
    assert not signatures_match(SHA256, SHA256[:-1] + "0")
    assert not signatures_match(SHA256, SHA256[:32])
    assert not signatures_match(SHA256, None)
    assert not signatures_match(SHA256, "")


def test_a_non_ascii_signature_is_wrong_not_an_error() -> None:
    assert not signatures_match(SHA256, "é" * 64)


def test_header_lookup_ignores_case() -> None:
    headers = {"x-signature": "abc", "Content-Type": "application/json"}
    assert header(headers, "X-Signature") == "abc"
    assert header(headers, "content-type") == "application/json"
    assert header(headers, "X-Event-Name") is None
