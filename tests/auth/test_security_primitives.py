"""core.security, core.csrf tokens and core.mail's local sender, used directly."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from cryptolens.core.csrf import CsrfTokens
from cryptolens.core.mail import MailMessage, SavedMailSender, send_quietly
from cryptolens.core.security import (
    InvalidToken,
    PasswordHasher,
    SecretBox,
    hash_token,
    new_token,
    tokens_equal,
)


async def test_argon2id_hashes_verify_and_flag_old_parameters() -> None:
    cheap = PasswordHasher(cheap=True)
    hashed = await cheap.hash("a long passphrase")
    assert hashed.startswith("$argon2id$")
    assert await cheap.verify(hashed, "a long passphrase")
    assert not await cheap.verify(hashed, "a long passphrasE")
    assert not await cheap.verify("not-a-hash", "a long passphrase")
    # Production parameters differ: a cheap hash gets upgraded at the next sign-in.
    assert PasswordHasher().needs_rehash(hashed)
    assert not cheap.needs_rehash(hashed)


def test_tokens_are_random_and_hashed() -> None:
    first, second = new_token(), new_token()
    assert first != second and len(first) >= 43  # 32 bytes, url-safe base64
    assert hash_token(first) == hash_token(first) != hash_token(second)
    assert first not in hash_token(first)
    assert tokens_equal(first, first) and not tokens_equal(first, second)


def test_secret_box_rotates_keys() -> None:
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    old_box = SecretBox([old_key])
    stored = old_box.encrypt("JBSWY3DPEHPK3PXP")
    assert "JBSWY3DPEHPK3PXP" not in stored

    rotated_box = SecretBox([new_key, old_key])
    assert rotated_box.decrypt(stored) == "JBSWY3DPEHPK3PXP"
    assert rotated_box.needs_rotation(stored)
    renewed = rotated_box.rotate(stored)
    assert not rotated_box.needs_rotation(renewed)
    assert SecretBox([new_key]).decrypt(renewed) == "JBSWY3DPEHPK3PXP"
    with pytest.raises(InvalidToken):
        SecretBox([new_key]).decrypt(stored)


def test_csrf_tokens_are_signed() -> None:
    tokens = CsrfTokens("k" * 48)
    token = tokens.issue()
    assert tokens.is_genuine(token)
    nonce, _, signature = token.partition(".")
    assert not tokens.is_genuine(f"{nonce}x.{signature}")
    assert not tokens.is_genuine(nonce)
    assert not CsrfTokens("z" * 48).is_genuine(token)


async def test_saved_mail_goes_to_a_file_and_only_its_path_to_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="cryptolens.mail")
    sender = SavedMailSender(tmp_path / "mail", "CryptoLens <no-reply@cryptolens.local>")
    link = "http://127.0.0.1:8000/verify-email?token=very-secret-token"
    await sender.send(MailMessage(to="eve@example.com", subject="Confirm", text=f"Go: {link}"))
    saved = list((tmp_path / "mail").glob("*.eml"))
    assert len(saved) == 1
    assert link in saved[0].read_text()
    assert saved[0].stat().st_mode & 0o077 == 0
    logged = " ".join(f"{r.getMessage()} {vars(r)}" for r in caplog.records)
    assert str(saved[0]) in logged
    assert "very-secret-token" not in logged


async def test_a_failed_send_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    class Broken:
        async def send(self, message: MailMessage) -> None:
            raise ConnectionRefusedError("smtp down")

    await send_quietly(Broken(), MailMessage(to="a@example.com", subject="s", text="t"))
    assert any(record.getMessage() == "mail.failed" for record in caplog.records)
