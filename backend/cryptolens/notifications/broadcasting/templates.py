"""Broadcast templates: a name (unique), a title and message with placeholders, a priority,
tags and whether it may be used; how often and when it was last used."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.errors import ConflictError, NotFoundError
from cryptolens.core.paging import Page, PageRequest
from cryptolens.notifications.broadcasting import repository
from cryptolens.notifications.broadcasting.text import check_placeholders
from cryptolens.notifications.models import BroadcastTemplate

EDITABLE = ("name", "title", "message", "priority", "tags", "is_active")


class NameTakenError(ConflictError):
    code = "name_taken"


def template_fields(template: BroadcastTemplate) -> dict[str, Any]:
    """What the audit log records of a template."""
    return {name: getattr(template, name) for name in EDITABLE}


async def _ensure_name_free(db: AsyncSession, name: str, own_id: int | None = None) -> None:
    found = await repository.template_named(db, name)
    if found is not None and found.id != own_id:
        raise NameTakenError(f"a template is named {name!r}")


async def _flush(db: AsyncSession, name: str) -> None:
    try:
        await db.flush()
    except IntegrityError:  # a concurrent request took the name first
        raise NameTakenError(f"a template is named {name!r}") from None


async def create_template(
    db: AsyncSession,
    *,
    name: str,
    title: str,
    message: str,
    priority: int,
    tags: Sequence[str],
    is_active: bool,
    created_by: int | None,
    now: datetime,
) -> BroadcastTemplate:
    check_placeholders("title", title)
    check_placeholders("message", message)
    await _ensure_name_free(db, name)
    template = BroadcastTemplate(
        name=name,
        title=title,
        message=message,
        priority=priority,
        tags=list(tags),
        is_active=is_active,
        times_used=0,
        created_by=created_by,
        created_at=now,
        updated_at=now,
    )
    db.add(template)
    await _flush(db, name)
    return template


async def get_template(db: AsyncSession, template_id: int) -> BroadcastTemplate:
    template = await repository.get_template(db, template_id)
    if template is None:
        raise NotFoundError("Broadcast template not found")
    return template


async def list_templates(
    db: AsyncSession, is_active: bool | None, request: PageRequest
) -> Page[BroadcastTemplate]:
    return await repository.list_templates(db, is_active, request)


async def update_template(
    db: AsyncSession, template_id: int, changes: dict[str, Any], now: datetime
) -> tuple[dict[str, Any], BroadcastTemplate]:
    """Sets the fields given; returns the fields as they were, and the template."""
    template = await get_template(db, template_id)
    before = template_fields(template)
    for field in ("title", "message"):
        if field in changes:
            check_placeholders(field, changes[field])
    if "name" in changes:
        await _ensure_name_free(db, changes["name"], template.id)
    for field, value in changes.items():
        setattr(template, field, list(value) if field == "tags" else value)
    template.updated_at = now
    await _flush(db, template.name)
    return before, template


async def delete_template(db: AsyncSession, template_id: int) -> BroadcastTemplate:
    """Broadcasts made from it keep their own copy of the text (their template_id is
    cleared)."""
    template = await get_template(db, template_id)
    await repository.delete_template(db, template)
    return template
