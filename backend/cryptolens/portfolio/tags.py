"""A user's own tags for trades (never shared): list by name, create, rename or recolour,
delete (which takes the tag off every trade).

Names are unique per user ignoring case (409 `tag_exists`), kept through `name_key`, the
case-folded name, so the rule holds whatever the column collation; a user has at most 200 tags
(409 `limit_reached`). Creating and renaming hold the user's row, so two requests at once
cannot both take the last slot or the same name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from cryptolens.auth import reads as accounts
from cryptolens.core.errors import ValidationFailedError
from cryptolens.portfolio import repository
from cryptolens.portfolio.errors import TagExistsError, TagLimitError, TagNotFoundError
from cryptolens.portfolio.models import Tag
from cryptolens.portfolio.schemas import TagIn, TagOut, TagPatch, tag_name_key
from cryptolens.portfolio.service import Owner

MAX_TAGS_PER_USER = 200


@dataclass(frozen=True)
class TagRef:
    """One of the owner's tags as a request names it; `load_tag` looks it up."""

    owner: Owner
    tag_id: int


async def load_tag(ref: TagRef, *, for_update: bool = False) -> Tag:
    owner = ref.owner
    tag = await repository.owned_tag(owner.db, owner.user_id, ref.tag_id, for_update=for_update)
    if tag is None:  # another user's is "not found" too
        raise TagNotFoundError()
    return tag


def tag_out(tag: Tag) -> TagOut:
    return TagOut(
        id=tag.id,
        name=tag.name,
        color=tag.color,
        description=tag.description,
        created_at=tag.created_at,
    )


async def list_tags(owner: Owner) -> list[TagOut]:
    return [tag_out(tag) for tag in await repository.tags_of(owner.db, owner.user_id)]


async def _ensure_name_free(owner: Owner, name: str, own_id: int | None = None) -> None:
    found = await repository.tag_named(owner.db, owner.user_id, tag_name_key(name))
    if found is not None and found.id != own_id:
        raise TagExistsError(f"you have a tag named {found.name!r}")


async def _flush(owner: Owner, name: str) -> None:
    try:
        await owner.db.flush()
    except IntegrityError:  # the unique key (user, name_key) decides in the end
        raise TagExistsError(f"you have a tag named {name!r}") from None


async def create_tag(owner: Owner, wanted: TagIn) -> TagOut:
    await accounts.hold_user_row(owner.db, owner.user_id)
    if await repository.count_tags(owner.db, owner.user_id) >= MAX_TAGS_PER_USER:
        raise TagLimitError(f"at most {MAX_TAGS_PER_USER} tags; delete one first")
    await _ensure_name_free(owner, wanted.name)
    tag = Tag(
        user_id=owner.user_id,
        name=wanted.name,
        name_key=tag_name_key(wanted.name),
        color=wanted.color,
        description=wanted.description,
        created_at=owner.now,
    )
    owner.db.add(tag)
    await _flush(owner, wanted.name)
    return tag_out(tag)


async def update_tag(ref: TagRef, patch: TagPatch) -> TagOut:
    owner = ref.owner
    await accounts.hold_user_row(owner.db, owner.user_id)
    tag = await load_tag(ref, for_update=True)
    for field in sorted(patch.model_fields_set):
        value = getattr(patch, field)
        if value is None:
            raise ValidationFailedError(f"body.{field}: may not be null")
        if field == "name":
            await _ensure_name_free(owner, value, own_id=tag.id)
            tag.name_key = tag_name_key(value)
        setattr(tag, field, value)
    await _flush(owner, tag.name)
    return tag_out(tag)


async def delete_tag(ref: TagRef) -> None:
    tag = await load_tag(ref, for_update=True)
    await repository.delete_tag(ref.owner.db, tag)
