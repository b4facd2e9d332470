"""The response envelope every JSON answer uses: success, data, error and meta."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from fastapi import Response
from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from cryptolens.core.iso_times import ISO_MS, TIME_FORM_KEY, IsoInstant
from cryptolens.core.request_context import current_request_id

T = TypeVar("T")


class Meta(BaseModel):
    model_config = ConfigDict(extra="allow")

    # Meta is documented from its validation schema (openapi_document.py): mark the form here.
    timestamp: IsoInstant = Field(
        description="When the response was made (UTC)",
        json_schema_extra={TIME_FORM_KEY: ISO_MS},
    )
    request_id: str | None = Field(description="Also sent as the X-Request-ID header")
    count: int | None = Field(default=None, description="Items in `data` for lists")
    next_cursor: str | None = Field(default=None, description="Pass as `cursor` for the next page")
    code: str | None = Field(default=None, description="Stable machine code of an error")

    @model_serializer(mode="wrap")
    def _drop_unset_optionals(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # count/next_cursor/code appear only where they mean something.
        dumped: dict[str, Any] = handler(self)
        return {
            key: value for key, value in dumped.items() if value is not None or key == "request_id"
        }


class Envelope(BaseModel, Generic[T]):
    success: bool
    data: T | None
    error: str | None = None
    meta: Meta


class ErrorEnvelope(BaseModel):
    success: bool = Field(False, examples=[False])
    data: None = None
    error: str = Field(examples=["Not found: Symbol not found"])
    meta: Meta


def build_meta(**extra: Any) -> Meta:
    values = {key: value for key, value in extra.items() if value is not None}
    return Meta(timestamp=datetime.now(UTC), request_id=current_request_id.get(), **values)


def ok(data: T, **meta: Any) -> Envelope[T]:
    """Wrap a successful result; list results get `meta.count` automatically."""
    if isinstance(data, list) and "count" not in meta:
        meta["count"] = len(data)
    return Envelope[T](success=True, data=data, error=None, meta=build_meta(**meta))


def ok_response_from_json(data_json: str, **meta: Any) -> Response:
    """The success envelope around `data` already encoded as JSON (a cached read served as
    is, instead of decoding it into models only to encode it again)."""
    body = (
        '{"success":true,"data":'
        + data_json
        + ',"error":null,"meta":'
        + build_meta(**meta).model_dump_json()
        + "}"
    )
    return Response(content=body, media_type="application/json")


def error_body(message: str, code: str, **meta: Any) -> dict[str, Any]:
    envelope = ErrorEnvelope(error=message, meta=build_meta(code=code, **meta))
    return envelope.model_dump(mode="json")


def error_responses(descriptions: dict[int, str]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for a route's error statuses, each in the error envelope."""
    return {
        status: {"model": ErrorEnvelope, "description": text}
        for status, text in descriptions.items()
    }
