"""`/admin/settings`: list, change and restore the runtime settings (admin.md "Runtime
settings"). The rules live in cryptolens.system.runtime.service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Path, Request

from cryptolens.admin.deps import AuditDep
from cryptolens.admin.settings.schemas import SettingIn, SettingOut
from cryptolens.core.deps import SessionDep, SettingsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.settings import Settings
from cryptolens.system.runtime import service as runtime
from cryptolens.system.runtime.service import RuntimeSettingsMemo, SettingChange

router = APIRouter(tags=["admin"])

MEMO_ATTRIBUTE = "runtime_settings_memo"
KeyPath = Annotated[
    str, Path(max_length=100, description="A runtime key", examples=["min_confluence"])
]


def runtime_memo(request: Request) -> RuntimeSettingsMemo:
    """This API process's copy of the effective settings (read again after 10 s)."""
    memo = getattr(request.app.state, MEMO_ATTRIBUTE, None)
    if not isinstance(memo, RuntimeSettingsMemo):
        memo = RuntimeSettingsMemo()
        setattr(request.app.state, MEMO_ATTRIBUTE, memo)
    return memo


def _after_write(
    request: Request, background: BackgroundTasks, settings: Settings, change: SettingChange
) -> None:
    """This process sees the change at once (the others within the memo's 10 s); a
    log_level change takes effect after the commit, when the response has gone."""
    runtime_memo(request).forget()
    if change.after.key == "log_level":
        level = settings.model_copy(update={"log_level": change.after.value})
        background.add_task(runtime.apply_log_level, level)


async def _audit_change(audit: AuditDep, verb: str, change: SettingChange) -> None:
    await audit.record(
        f"setting.{verb}",
        target_type="setting",
        target_id=change.after.key,
        before={"value": change.before.value, "is_default": change.before.updated_at is None},
        after={"value": change.after.value, "is_default": change.after.updated_at is None},
    )


@router.get(
    "/settings",
    operation_id="admin-settings",
    summary="The runtime settings: value in force, default and valid range of each",
    response_model=Envelope[list[SettingOut]],
)
async def list_settings(db: SessionDep, settings: SettingsDep) -> Envelope[list[SettingOut]]:
    states = await runtime.list_settings(db, settings)
    return ok([SettingOut.of(state) for state in states])


@router.put(
    "/settings/{key}",
    operation_id="admin-setting-update",
    summary="Store a runtime setting (used from the next job run; API processes within 10 s)",
    response_model=Envelope[SettingOut],
    responses=error_responses(
        {
            404: "No such runtime setting (`unknown_setting`)",
            422: "Wrong JSON type or out of range (`invalid_setting`)",
        }
    ),
)
async def update_setting(
    key: KeyPath,
    body: SettingIn,
    request: Request,
    background: BackgroundTasks,
    db: SessionDep,
    settings: SettingsDep,
    audit: AuditDep,
) -> Envelope[SettingOut]:
    change = await runtime.change_setting(
        db, settings, key, body.value, admin_id=audit.actor.user_id, now=audit.now
    )
    await _audit_change(audit, "update", change)
    _after_write(request, background, settings, change)
    return ok(SettingOut.of(change.after))


@router.delete(
    "/settings/{key}",
    operation_id="admin-setting-reset",
    summary="Restore a runtime setting's default (the environment's value)",
    response_model=Envelope[SettingOut],
    responses=error_responses({404: "No such runtime setting (`unknown_setting`)"}),
)
async def reset_setting(
    key: KeyPath,
    request: Request,
    background: BackgroundTasks,
    db: SessionDep,
    settings: SettingsDep,
    audit: AuditDep,
) -> Envelope[SettingOut]:
    change = await runtime.reset_setting(db, settings, key)
    await _audit_change(audit, "reset", change)
    _after_write(request, background, settings, change)
    return ok(SettingOut.of(change.after))
