"""TOTP (RFC 6238: SHA1, 6 digits, 30 s steps) and backup codes, as pure functions.

pyotp computes the codes; the step a code matched is returned so the caller can store it and
refuse a replay (pyotp itself accepts the same code again)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime
from typing import Literal

import pyotp
import segno

ISSUER = "CryptoLens"
STEP_SECONDS = 30
DIGITS = 6
# The previous and the next step are accepted too: phones drift and people type slowly.
STEP_WINDOW = 1

BACKUP_CODE_COUNT = 10
# 32 letters and digits without the look-alikes l, o, 0 and 1: 16 of them carry 80 bits, so
# a salted SHA-256 cannot be brute-forced from a leaked table.
BACKUP_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
BACKUP_CODE_LENGTH = 16
BACKUP_GROUP = 4

QrFormat = Literal["svg", "png"]
_TOTP_CODE = re.compile(rf"^\d{{{DIGITS}}}$")


def new_secret() -> str:
    """A base32 seed of 160 bits (the RFC's recommended length for SHA1)."""
    return pyotp.random_base32(length=32)


def time_step(moment: datetime) -> int:
    return int(moment.timestamp()) // STEP_SECONDS


def code_for_step(secret: str, step: int) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).generate_otp(step)


def code_at(secret: str, moment: datetime) -> str:
    return code_for_step(secret, time_step(moment))


def matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The time step `code` belongs to within the window around `now`, else None.

    Every candidate is compared in constant time and the loop never stops early."""
    cleaned = code.strip().replace(" ", "")
    if not _TOTP_CODE.match(cleaned):
        return None
    current = time_step(now)
    found: int | None = None
    for step in range(current - STEP_WINDOW, current + STEP_WINDOW + 1):
        if hmac.compare_digest(code_for_step(secret, step), cleaned) and found is None:
            found = step
    return found


def looks_like_totp_code(code: str) -> bool:
    return bool(_TOTP_CODE.match(code.strip().replace(" ", "")))


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).provisioning_uri(
        name=email, issuer_name=ISSUER
    )


def qr_data_uri(uri: str, qr_format: QrFormat) -> str:
    qr = segno.make(uri, error="m")
    if qr_format == "png":
        return str(qr.png_data_uri(scale=5, border=2))
    return str(qr.svg_data_uri(scale=5, border=2))


def new_backup_codes(count: int = BACKUP_CODE_COUNT) -> list[str]:
    codes = []
    for _ in range(count):
        raw = "".join(secrets.choice(BACKUP_ALPHABET) for _ in range(BACKUP_CODE_LENGTH))
        groups = [raw[i : i + BACKUP_GROUP] for i in range(0, BACKUP_CODE_LENGTH, BACKUP_GROUP)]
        codes.append("-".join(groups))
    return codes


def normalize_backup_code(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


def backup_code_hash(user_id: int, code: str) -> str:
    # Salted with the user id, so equal codes of two users hash differently.
    material = f"backup-code:{user_id}:{normalize_backup_code(code)}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()
