"""Two-factor routes: set-up, enable, disable, new backup codes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from cryptolens.auth import two_factor
from cryptolens.auth.cookies import start_session_cookies
from cryptolens.auth.deps import AuthToolkitDep, ClientDep, SignedInAccount, SignedInSession
from cryptolens.auth.routes.common import UNSAFE, error_responses, password_recheck_limits
from cryptolens.auth.schemas import (
    BackupCodesOut,
    CodeIn,
    DisableTwoFactorIn,
    MessageOut,
    TwoFactorSetupOut,
)
from cryptolens.auth.totp import QrFormat
from cryptolens.core.deps import ClockDep, ResourcesDep, SessionDep
from cryptolens.core.envelope import Envelope, ok

router = APIRouter(prefix="/2fa")


@router.post(
    "/setup",
    operation_id="auth-2fa-setup",
    summary="Start two-factor set-up: the secret, its otpauth URI and a QR code",
    response_model=Envelope[TwoFactorSetupOut],
    responses=error_responses(401, *UNSAFE, 409),
)
async def setup(
    user: SignedInAccount,
    db: SessionDep,
    clock: ClockDep,
    tools: AuthToolkitDep,
    qr_format: Annotated[QrFormat, Query(description="QR image type")] = "svg",
) -> Envelope[TwoFactorSetupOut]:
    started = await two_factor.setup(db, tools, user, clock.now(), qr_format)
    return ok(
        TwoFactorSetupOut(
            secret=started.secret, otpauth_uri=started.otpauth_uri, qr_image=started.qr_image
        )
    )


@router.post(
    "/enable",
    operation_id="auth-2fa-enable",
    summary="Turn two-factor sign-in on with a code; returns the backup codes once",
    response_model=Envelope[BackupCodesOut],
    responses=error_responses(400, 401, *UNSAFE, 409),
)
async def enable(
    body: CodeIn,
    request: Request,
    response: Response,
    signed_in: SignedInSession,
    db: SessionDep,
    clock: ClockDep,
    tools: AuthToolkitDep,
    client: ClientDep,
    resources: ResourcesDep,
) -> Envelope[BackupCodesOut]:
    enabled = await two_factor.enable(db, tools, signed_in, body.code, clock.now(), client)
    start_session_cookies(
        response, request, enabled.session_token, tools.security, resources.csrf_tokens
    )
    return ok(BackupCodesOut(backup_codes=enabled.backup_codes))


@router.post(
    "/disable",
    operation_id="auth-2fa-disable",
    summary="Turn two-factor sign-in off (password and a code or backup code)",
    response_model=Envelope[MessageOut],
    responses=error_responses(400, 401, *UNSAFE, 409, 429),
    dependencies=password_recheck_limits("auth-2fa-disable"),
)
async def disable(
    body: DisableTwoFactorIn,
    request: Request,
    response: Response,
    signed_in: SignedInSession,
    db: SessionDep,
    clock: ClockDep,
    tools: AuthToolkitDep,
    client: ClientDep,
    resources: ResourcesDep,
) -> Envelope[MessageOut]:
    token = await two_factor.disable(
        db, tools, signed_in, body.password, body.code, clock.now(), client
    )
    start_session_cookies(response, request, token, tools.security, resources.csrf_tokens)
    return ok(MessageOut(message="Two-factor sign-in is off"))


@router.post(
    "/backup-codes",
    operation_id="auth-2fa-backup-codes",
    summary="Replace the backup codes (needs an authenticator code); shown once",
    response_model=Envelope[BackupCodesOut],
    responses=error_responses(400, 401, *UNSAFE, 409),
)
async def backup_codes(
    body: CodeIn, user: SignedInAccount, db: SessionDep, clock: ClockDep, tools: AuthToolkitDep
) -> Envelope[BackupCodesOut]:
    codes = await two_factor.regenerate_backup_codes(db, tools, user, body.code, clock.now())
    return ok(BackupCodesOut(backup_codes=codes))
