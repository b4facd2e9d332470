"""`/admin/users`: list, read, create, change flags, unlock, end sessions (admin.md, Users)."""

from __future__ import annotations

from typing import Annotated, Protocol

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request, Response

from cryptolens.access.deps import CurrentPrincipal
from cryptolens.access.tiers import Tier
from cryptolens.admin.deps import AuditDep
from cryptolens.admin.subscriptions.service import grant_plan
from cryptolens.admin.users import service
from cryptolens.admin.users.schemas import (
    AdminUserDetailOut,
    AdminUserOut,
    EndedSessionsOut,
    UserCreateIn,
    UserPatchIn,
)
from cryptolens.auth.admin import service as auth_admin
from cryptolens.core.deps import ClockDep, JobQueueDep, SessionDep, SettingsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import PageParams, ok_page
from cryptolens.core.params import EntityId
from cryptolens.core.resources import RESOURCES_ATTRIBUTE
from cryptolens.core.security import PasswordHasher

router = APIRouter(tags=["admin"])

_NOT_FOUND = {404: "No user with this id (`not_found`)"}


class _Toolkit(Protocol):
    @property
    def hasher(self) -> PasswordHasher: ...


class _HasherResources(Protocol):
    @property
    def auth_toolkit(self) -> _Toolkit: ...


async def _hasher(request: Request) -> PasswordHasher:
    resources: _HasherResources = getattr(request.app.state, RESOURCES_ATTRIBUTE)
    return resources.auth_toolkit.hasher


# The app's one password hasher (its concurrency bound is per process, not per request).
HasherDep = Annotated[PasswordHasher, Depends(_hasher)]


@router.get(
    "/users",
    operation_id="admin-users",
    summary="Users, newest first, filtered",
    response_model=Envelope[list[AdminUserOut]],
)
async def list_users(
    db: SessionDep,
    clock: ClockDep,
    page: PageParams,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=191, description="In the email or display name, any case"),
    ] = None,
    is_active: bool | None = None,
    is_verified: bool | None = None,
    is_admin: bool | None = None,
    locked: Annotated[bool | None, Query(description="Locked now after failed sign-ins")] = None,
    tier: Annotated[Tier | None, Query(description="The tier now (admins: premium)")] = None,
) -> Envelope[list[AdminUserOut]]:
    query = service.UserQuery(
        q=q,
        is_active=is_active,
        is_verified=is_verified,
        is_admin=is_admin,
        locked=locked,
        tier=tier,
    )
    return ok_page(await service.list_users(db, query, page.cursor, page.limit, clock.now()))


@router.get(
    "/users/{user_id}",
    operation_id="admin-user",
    summary="A user with subscription, open sessions, failed sign-ins, latest deliveries",
    response_model=Envelope[AdminUserDetailOut],
    responses=error_responses(_NOT_FOUND),
)
async def user_detail(
    user_id: EntityId, db: SessionDep, clock: ClockDep
) -> Envelope[AdminUserDetailOut]:
    return ok(await service.user_detail(db, user_id, clock.now()))


@router.post(
    "/users",
    operation_id="admin-create-user",
    summary="Create a user (optionally with a plan); unverified ones get a verification mail",
    status_code=201,
    response_model=Envelope[AdminUserDetailOut],
    responses=error_responses({409: "Email already registered (`email_taken`)"}),
)
async def create_user(
    body: UserCreateIn,
    db: SessionDep,
    clock: ClockDep,
    settings: SettingsDep,
    hasher: HasherDep,
    audit: AuditDep,
    queue: JobQueueDep,
    tasks: BackgroundTasks,
) -> Envelope[AdminUserDetailOut]:
    now = clock.now()
    user = await auth_admin.create_account(
        db,
        hasher,
        now,
        email=body.email,
        password=body.password,
        display_name=body.display_name,
        is_verified=body.is_verified,
        is_admin=body.is_admin,
    )
    granted = None
    if body.grant is not None:
        grant = body.grant
        granted = await grant_plan(
            db,
            user,
            grant.tier,
            now,
            days=grant.days,
            grace_days=settings.plans.subscription_grace_days,
        )
    await audit.record(
        "user.create",
        target_type="user",
        target_id=user.id,
        after=service.created_fields(user, granted),
    )
    if not user.is_verified:
        # After the response, so after the commit: the job must find the account.
        tasks.add_task(auth_admin.queue_verification_mail, queue, user.email)
    return ok(await service.user_detail(db, user.id, now))


@router.patch(
    "/users/{user_id}",
    operation_id="admin-update-user",
    summary="Change is_active, is_verified or is_admin (deactivating or a rights change signs "
    "the user out)",
    response_model=Envelope[AdminUserOut],
    responses=error_responses(
        {404: _NOT_FOUND[404], 409: "Clearing your own is_active or is_admin (`self_protected`)"}
    ),
)
async def update_user(
    user_id: EntityId,
    body: UserPatchIn,
    principal: CurrentPrincipal,
    db: SessionDep,
    clock: ClockDep,
    audit: AuditDep,
) -> Envelope[AdminUserOut]:
    change = await auth_admin.change_flags(db, principal.user.id, user_id, body.wanted())
    await audit.record(
        "user.update",
        target_type="user",
        target_id=user_id,
        before=change.before,
        after=change.after,
    )
    return ok(await service.user_summary(db, change.user, clock.now()))


@router.post(
    "/users/{user_id}/unlock",
    operation_id="admin-unlock-user",
    summary="Clear the sign-in lock and the failure count",
    status_code=204,
    response_class=Response,
    responses=error_responses(_NOT_FOUND),
)
async def unlock_user(user_id: EntityId, db: SessionDep, audit: AuditDep) -> Response:
    before, after = await auth_admin.unlock_user(db, user_id)
    await audit.record(
        "user.unlock", target_type="user", target_id=user_id, before=before, after=after
    )
    return Response(status_code=204)


@router.post(
    "/users/{user_id}/end-sessions",
    operation_id="admin-end-user-sessions",
    summary="Sign the user out everywhere (yourself: every session but this one)",
    response_model=Envelope[EndedSessionsOut],
    responses=error_responses(_NOT_FOUND),
)
async def end_sessions(
    user_id: EntityId, principal: CurrentPrincipal, db: SessionDep, audit: AuditDep
) -> Envelope[EndedSessionsOut]:
    keep = None
    if user_id == principal.user.id and principal.method == "session":
        keep = principal.credential_id
    ended = await auth_admin.end_user_sessions(db, user_id, keep_session_id=keep)
    await audit.record(
        "user.end_sessions", target_type="user", target_id=user_id, after={"ended": ended}
    )
    return ok(EndedSessionsOut(ended=ended))
