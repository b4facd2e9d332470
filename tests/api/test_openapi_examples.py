"""Every operation of the OpenAPI document has a request body example (when it takes a body)
and a success response example, and every example, error ones included, validates against its
own schema (system/openapi_examples.py makes the missing ones from the schemas)."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
from fastapi import FastAPI

from cryptolens.system.openapi_examples import ExampleSynthesizer


def _validator(document: dict[str, Any], schema: dict[str, Any]) -> Any:
    # The document's components ride along, so `#/components/schemas/...` resolves.
    return jsonschema_rs.Draft202012Validator(
        {**schema, "components": document["components"]}, validate_formats=True
    )


def _examples(media: dict[str, Any]) -> list[Any]:
    if "example" in media:
        return [media["example"]]
    return [example["value"] for example in media.get("examples", {}).values()]


def _check(document: dict[str, Any], media: dict[str, Any], where: tuple[str, ...]) -> None:
    examples = _examples(media)
    assert examples, f"no example: {where}"
    validator = _validator(document, media["schema"])
    for example in examples:
        errors = [str(e) for e in validator.iter_errors(example)]
        assert not errors, (where, example, errors)


async def test_every_operation_has_valid_body_and_success_examples(app: FastAPI) -> None:
    document = app.openapi()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            for media_type, media in operation.get("requestBody", {}).get("content", {}).items():
                _check(document, media, (method, path, "body", media_type))
            successes = {s: r for s, r in operation["responses"].items() if s.startswith("2")}
            assert successes, (method, path)
            for status, response in successes.items():
                for media_type, media in response.get("content", {}).items():
                    if "json" in media_type and "schema" in media:
                        _check(document, media, (method, path, status, media_type))


async def test_every_error_example_is_an_error_envelope(app: FastAPI) -> None:
    document = app.openapi()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    media = response["content"]["application/json"]
                    _check(document, media, (method, path, status))


def test_the_synthesizer_honours_the_schema() -> None:
    synthesizer = ExampleSynthesizer({"components": {"schemas": {}}})
    schema = {
        "type": "object",
        "properties": {
            "symbol": {"type": "string", "pattern": "^[A-Z]{1,20}/[A-Z]{1,20}$"},
            "direction": {"enum": ["long", "short"]},
            "limit": {"type": "integer", "minimum": 1, "maximum": 10},
            "ratio": {"type": "number", "exclusiveMinimum": 5},
            "since": {"type": "string", "format": "date-time"},
            "email": {"type": "string", "format": "email"},
            "note": {"anyOf": [{"type": "null"}, {"type": "string", "minLength": 3}]},
            "tags": {
                "type": "array",
                "items": {"type": "string"},
                "minItems": 2,
                "uniqueItems": True,
            },
            "given": {"type": "string", "examples": ["as written"]},
            "fallback": {"type": "integer", "default": 7},
        },
    }
    example = synthesizer.example(schema)
    assert example["symbol"] == "BTC/USDT"
    assert example["direction"] == "long"
    assert example["limit"] == 10
    assert example["ratio"] > 5
    assert example["since"].endswith("Z")
    assert "@" in example["email"]
    assert isinstance(example["note"], str) and len(example["note"]) >= 3
    assert len(set(example["tags"])) == 2
    assert example["given"] == "as written"
    assert example["fallback"] == 7
