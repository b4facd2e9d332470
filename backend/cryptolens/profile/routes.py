"""`GET/PATCH /api/v1/auth/me`: the profile, under the account routes' path and tag."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from cryptolens.access.deps import CurrentPrincipal
from cryptolens.auth.routes.common import UNSAFE, error_responses
from cryptolens.auth.schemas import ProfileIn
from cryptolens.core.deps import SessionDep, require_csrf
from cryptolens.core.envelope import Envelope, ok
from cryptolens.profile import service
from cryptolens.profile.schemas import MeOut

router = APIRouter(prefix="/api/v1/auth", tags=["auth"], dependencies=[Depends(require_csrf)])


@router.get(
    "/me",
    operation_id="auth-me",
    summary="The signed-in user: profile, tier and what it allows",
    response_model=Envelope[MeOut],
    responses=error_responses(401),
)
async def me(principal: CurrentPrincipal, db: SessionDep) -> Envelope[MeOut]:
    return ok(await service.load_profile(db, principal))


@router.patch(
    "/me",
    operation_id="auth-update-me",
    summary="Change the display name, the time zone or the theme",
    response_model=Envelope[MeOut],
    responses=error_responses(401, *UNSAFE),
)
async def update_me(
    body: ProfileIn, principal: CurrentPrincipal, db: SessionDep
) -> Envelope[MeOut]:
    changed = await service.update_profile(
        db,
        principal,
        display_name=body.display_name,
        timezone=body.timezone,
        theme=body.theme,
        fields=body.model_fields_set,
    )
    return ok(changed)
