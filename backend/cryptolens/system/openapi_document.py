"""The OpenAPI document a developer can use: FastAPI's document, then completed once from the
route table (who may call each operation, its errors, examples, tags, the time convention).

    install_openapi(app)    # in create_app, after every router is included
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI

from cryptolens.access.route_rules import authorization_table
from cryptolens.core.envelope import Meta
from cryptolens.system.openapi_errors import rewrite_error_responses
from cryptolens.system.openapi_examples import add_examples
from cryptolens.system.openapi_info import (
    API_DESCRIPTION,
    dedupe_operation_tags,
    document_time_fields,
    tag_list,
)
from cryptolens.system.openapi_security import SECURITY_SCHEMES, document_access


def complete_document(document: dict[str, Any], app: FastAPI) -> None:
    document["info"]["description"] = API_DESCRIPTION
    components = document.setdefault("components", {})
    components["securitySchemes"] = SECURITY_SCHEMES
    # Meta's serializer hides its fields from the serialization schema; they are these.
    components.setdefault("schemas", {})["Meta"] = Meta.model_json_schema(mode="validation")
    paths: dict[str, Any] = document.get("paths", {})
    for entry in authorization_table(app.routes):
        operation = paths.get(entry.path, {}).get(entry.method.lower())
        if operation is None:
            continue
        # Errors first: the access step adds the RateLimit headers to the 429 it declares.
        rewrite_error_responses(operation, entry.rule, entry.method, entry.path)
        _describe_success(operation)
        document_access(operation, entry.rule)
    dedupe_operation_tags(document)
    document["tags"] = tag_list(document)
    document_time_fields(document)
    add_examples(document)


def _describe_success(operation: dict[str, Any]) -> None:
    """`OK: <the summary>` rather than FastAPI's "Successful Response" on every operation."""
    for status, response in operation.get("responses", {}).items():
        if status.startswith("2") and response.get("description") == "Successful Response":
            phrase = HTTPStatus(int(status)).phrase
            summary = operation.get("summary")
            response["description"] = f"{phrase}: {summary}" if summary else phrase


def install_openapi(app: FastAPI) -> None:
    build = app.openapi  # FastAPI's own, which caches the document in app.openapi_schema

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            complete_document(build(), app)
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]
