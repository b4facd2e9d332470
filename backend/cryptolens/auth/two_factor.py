"""Two-factor sign-in: set-up, enabling (needs a valid code), disabling (password and code),
backup codes, and checking a second factor once (a code's time step or a backup code can
never be used twice)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth import repository, totp
from cryptolens.auth.errors import InvalidCodeError, TwoFactorStateError
from cryptolens.auth.models import TotpCredential, User
from cryptolens.auth.reauth import confirm_password
from cryptolens.auth.sessions import ClientInfo, SignedIn, rotate_session
from cryptolens.auth.toolkit import AuthToolkit
from cryptolens.core.security import InvalidToken
from cryptolens.db import end_read_transaction

log = logging.getLogger("cryptolens.auth")


@dataclass(frozen=True)
class TwoFactorSetup:
    secret: str
    otpauth_uri: str
    qr_image: str


@dataclass(frozen=True)
class TwoFactorEnabled:
    backup_codes: list[str]
    session_token: str


async def setup(
    db: AsyncSession, tools: AuthToolkit, user: User, now: datetime, qr_format: totp.QrFormat
) -> TwoFactorSetup:
    """A new seed, kept (encrypted) until a code from it enables two-factor sign-in."""
    credential = await repository.get_totp(db, user.id)
    if credential is not None and credential.enabled:
        raise TwoFactorStateError("Two-factor sign-in is already on; disable it first")
    secret = totp.new_secret()
    encrypted = tools.secret_box.encrypt(secret)
    if credential is None:
        credential = TotpCredential(user_id=user.id, secret_encrypted=encrypted, created_at=now)
    else:
        credential.secret_encrypted = encrypted
        credential.created_at = now
        credential.last_used_step = None
    await repository.save_totp(db, credential)
    uri = totp.provisioning_uri(secret, user.email)
    return TwoFactorSetup(secret=secret, otpauth_uri=uri, qr_image=totp.qr_data_uri(uri, qr_format))


async def enable(
    db: AsyncSession,
    tools: AuthToolkit,
    signed_in: SignedIn,
    code: str,
    now: datetime,
    client: ClientInfo,
) -> TwoFactorEnabled:
    user = signed_in.user
    credential = await repository.get_totp(db, user.id)
    if credential is None:
        raise TwoFactorStateError("Start the two-factor set-up first")
    if credential.enabled:
        raise TwoFactorStateError("Two-factor sign-in is already on")
    if not await _accept_totp_code(db, tools, credential, code, now):
        raise InvalidCodeError()
    credential.enabled = True
    credential.enabled_at = now
    codes = await _issue_backup_codes(db, user.id, now)
    token = await rotate_session(db, tools.security, signed_in, now, client)
    log.info("auth.two_factor_enabled", extra={"user_id": user.id})
    return TwoFactorEnabled(backup_codes=codes, session_token=token)


async def disable(
    db: AsyncSession,
    tools: AuthToolkit,
    signed_in: SignedIn,
    password: str,
    code: str,
    now: datetime,
    client: ClientInfo,
) -> str:
    """Turns two-factor sign-in off; returns the rotated session token."""
    user = signed_in.user
    credential = await repository.get_totp(db, user.id)
    if credential is None or not credential.enabled:
        raise TwoFactorStateError("Two-factor sign-in is not on")
    # No connection held while hashing; a wrong password counts toward the lockout.
    await end_read_transaction(db)
    await confirm_password(db, tools, user, password, now)
    if not await accept_second_factor(db, tools, credential, code, now):
        raise InvalidCodeError()
    await repository.delete_totp(db, user.id)
    log.info("auth.two_factor_disabled", extra={"user_id": user.id})
    return await rotate_session(db, tools.security, signed_in, now, client)


async def regenerate_backup_codes(
    db: AsyncSession, tools: AuthToolkit, user: User, code: str, now: datetime
) -> list[str]:
    """New codes replace the old ones; needs a current authenticator code."""
    credential = await repository.get_totp(db, user.id)
    if credential is None or not credential.enabled:
        raise TwoFactorStateError("Two-factor sign-in is not on")
    if not await _accept_totp_code(db, tools, credential, code, now):
        raise InvalidCodeError()
    log.info("auth.backup_codes_regenerated", extra={"user_id": user.id})
    return await _issue_backup_codes(db, user.id, now)


async def accept_second_factor(
    db: AsyncSession, tools: AuthToolkit, credential: TotpCredential, code: str, now: datetime
) -> bool:
    """True for an authenticator code of an unused step, or an unused backup code; using it
    marks it used."""
    if totp.looks_like_totp_code(code):
        return await _accept_totp_code(db, tools, credential, code, now)
    code_hash = totp.backup_code_hash(credential.user_id, code)
    accepted = await repository.claim_backup_code(db, credential.user_id, code_hash, now)
    if accepted:
        log.info("auth.backup_code_used", extra={"user_id": credential.user_id})
    return accepted


async def is_enabled(db: AsyncSession, user_id: int) -> bool:
    return await repository.totp_enabled(db, user_id)


async def unused_backup_codes(db: AsyncSession, user_id: int) -> int:
    return await repository.count_unused_backup_codes(db, user_id)


async def _accept_totp_code(
    db: AsyncSession, tools: AuthToolkit, credential: TotpCredential, code: str, now: datetime
) -> bool:
    try:
        secret = tools.secret_box.decrypt(credential.secret_encrypted)
    except InvalidToken:
        # Never read a seed as plaintext: a key was removed from the configuration.
        log.error("auth.totp_secret_unreadable", extra={"user_id": credential.user_id})
        return False
    step = totp.matching_step(secret, code, now)
    if step is None:
        return False
    if not await repository.claim_totp_step(db, credential.user_id, step):
        log.info("auth.totp_replay_refused", extra={"user_id": credential.user_id})
        return False
    if tools.secret_box.needs_rotation(credential.secret_encrypted):
        credential.secret_encrypted = tools.secret_box.rotate(credential.secret_encrypted)
    return True


async def _issue_backup_codes(db: AsyncSession, user_id: int, now: datetime) -> list[str]:
    codes = totp.new_backup_codes()
    hashes = [totp.backup_code_hash(user_id, code) for code in codes]
    await repository.replace_backup_codes(db, user_id, hashes, now)
    return codes
