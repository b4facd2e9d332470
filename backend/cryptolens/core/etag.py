"""Conditional reads: an ETag on the cached reads (matrix, stats, symbols) and a bodiless 304
when the client's If-None-Match still holds it (RFC 9110, sections 8.8.3 and 13.1.2).

The tag is a hash of the `data` (and of the meta that comes from it), not of the whole body:
the envelope's meta carries a timestamp and a request id that change on every answer. The
data is encoded once, hashed, and that same text goes into the envelope, so a tag costs one
hash over bytes already made. The data is what the caller's tier lets it see, so two callers
whose answers differ get different tags.

`Cache-Control: private, no-cache`: a browser may keep the answer but asks again each time
(the 304 makes that cheap); a shared cache keeps nothing. `Vary` names the credentials the
answer depends on.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from fastapi import Request, Response
from pydantic import TypeAdapter

from cryptolens.core.envelope import ok_response_from_json

CACHE_CONTROL = "private, no-cache"
VARY = "Cookie, X-API-Key, Authorization"

# OpenAPI for a route answering conditionally.
NOT_MODIFIED_RESPONSE: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: If-None-Match holds the current ETag (no body)"}
}


def entity_tag(data_json: str, meta: dict[str, Any]) -> str:
    """A strong validator: the same data and meta give the same tag, any change a new one."""
    digest = hashlib.blake2b(data_json.encode(), digest_size=16)
    digest.update(json.dumps(meta, sort_keys=True, default=str).encode())
    return f'"{digest.hexdigest()}"'


def _opaque(tag: str) -> str:
    """The quoted part, for the weak comparison If-None-Match uses (W/"x" matches "x")."""
    return tag[2:] if tag.startswith("W/") else tag


def none_match(if_none_match: str | None, tag: str) -> bool:
    """True when the If-None-Match header (`*`, or a list of tags) holds `tag`."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    wanted = _opaque(tag)
    return any(_opaque(part.strip()) == wanted for part in if_none_match.split(","))


def conditional_json(request: Request, data_json: str, **meta: Any) -> Response:
    """The success envelope around `data_json` with its ETag, or a 304 when the client's copy
    is current. `meta` as for `ok_response_from_json` (count, ...), part of the tag."""
    tag = entity_tag(data_json, meta)
    headers = {"ETag": tag, "Cache-Control": CACHE_CONTROL, "Vary": VARY}
    if none_match(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=headers)
    response = ok_response_from_json(data_json, **meta)
    response.headers.update(headers)
    return response


def conditional_data(
    request: Request, data: Any, adapter: TypeAdapter[Any], **meta: Any
) -> Response:
    """`conditional_json` for data as models: encoded once by `adapter` (the response type)."""
    if isinstance(data, list) and "count" not in meta:
        meta["count"] = len(data)
    return conditional_json(request, adapter.dump_json(data).decode(), **meta)
