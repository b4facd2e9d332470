"""`/admin/broadcast-templates`: list, create, read, change, delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from cryptolens.admin.broadcasts.schemas import TemplateIn, TemplateOut, TemplatePatchIn
from cryptolens.admin.deps import AdminActor, AuditDep
from cryptolens.core.deps import ClockDep, SessionDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import PageParams, PageRequest, ok_page
from cryptolens.core.params import EntityId
from cryptolens.notifications.broadcasting import service

router = APIRouter(tags=["admin"])

_NOT_FOUND = {404: "No template with this id (`not_found`)"}
_INVALID = {
    409: "Another template has this name (`name_taken`)",
    422: "Bad input (`validation_error`) or an unknown placeholder (`unknown_placeholder`)",
}
_TARGET = "broadcast_template"


@router.get(
    "/broadcast-templates",
    operation_id="admin-broadcast-templates",
    summary="Broadcast templates, newest first",
    response_model=Envelope[list[TemplateOut]],
)
async def list_templates(
    db: SessionDep, page: PageParams, is_active: Annotated[bool | None, Query()] = None
) -> Envelope[list[TemplateOut]]:
    request = PageRequest.from_cursor(page.cursor, key_size=1, limit=page.limit)
    templates = await service.list_templates(db, is_active, request)
    return ok_page(templates.map(TemplateOut.model_validate))


@router.post(
    "/broadcast-templates",
    operation_id="admin-broadcast-template-create",
    summary="Create a broadcast template",
    status_code=201,
    response_model=Envelope[TemplateOut],
    responses=error_responses(_INVALID),
)
async def create_template(
    body: TemplateIn, db: SessionDep, actor: AdminActor, audit: AuditDep, clock: ClockDep
) -> Envelope[TemplateOut]:
    template = await service.create_template(
        db, **body.model_dump(), created_by=actor.user_id, now=clock.now()
    )
    await audit.record(
        f"{_TARGET}.create",
        target_type=_TARGET,
        target_id=template.id,
        after=service.template_fields(template),
    )
    return ok(TemplateOut.model_validate(template))


@router.get(
    "/broadcast-templates/{template_id}",
    operation_id="admin-broadcast-template",
    summary="One broadcast template",
    response_model=Envelope[TemplateOut],
    responses=error_responses(_NOT_FOUND),
)
async def get_template(template_id: EntityId, db: SessionDep) -> Envelope[TemplateOut]:
    return ok(TemplateOut.model_validate(await service.get_template(db, template_id)))


@router.patch(
    "/broadcast-templates/{template_id}",
    operation_id="admin-broadcast-template-update",
    summary="Change a broadcast template's fields",
    response_model=Envelope[TemplateOut],
    responses=error_responses({**_NOT_FOUND, **_INVALID}),
)
async def update_template(
    template_id: EntityId,
    body: TemplatePatchIn,
    db: SessionDep,
    audit: AuditDep,
    clock: ClockDep,
) -> Envelope[TemplateOut]:
    before, template = await service.update_template(db, template_id, body.changes(), clock.now())
    await audit.record(
        f"{_TARGET}.update",
        target_type=_TARGET,
        target_id=template_id,
        before=before,
        after=service.template_fields(template),
    )
    return ok(TemplateOut.model_validate(template))


@router.delete(
    "/broadcast-templates/{template_id}",
    operation_id="admin-broadcast-template-delete",
    summary="Delete a broadcast template (broadcasts made from it keep their text)",
    status_code=204,
    response_class=Response,
    responses=error_responses(_NOT_FOUND),
)
async def delete_template(template_id: EntityId, db: SessionDep, audit: AuditDep) -> Response:
    template = await service.delete_template(db, template_id)
    await audit.record(
        f"{_TARGET}.delete",
        target_type=_TARGET,
        target_id=template_id,
        before=service.template_fields(template),
    )
    return Response(status_code=204)
