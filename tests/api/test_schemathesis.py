"""schemathesis against the whole OpenAPI document (issues 13 and 15): every phase (examples,
coverage, fuzzing, stateful) on the in-process app on SQLite, once signed in as a premium user
with the CSRF header and once with a premium user's API key (every scope, no cookie), at a
budget that fits CI. No server error, no response outside the document, and every JSON answer
in the envelope (an extra check of ours)."""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import schemathesis
from fastapi import FastAPI
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events
from schemathesis.python import asgi

from cryptolens.access.principal import PrincipalUser
from cryptolens.apikeys.schemas import ApiKeyCreate
from cryptolens.apikeys.service import create_key
from cryptolens.app import create_app
from cryptolens.auth.accounts import create_user
from cryptolens.auth.sessions import ClientInfo, start_session
from cryptolens.billing.service import grant_subscription
from cryptolens.core.clock import SystemClock
from cryptolens.db import create_engine, create_session_factory, to_ms, unit_of_work
from cryptolens.resources import app_resources
from cryptolens.settings import HttpSettings, Settings
from cryptolens.system import migrations
from tests.api.conftest import store_market_rows
from tests.auth.helpers import strong_password
from tests.conftest import make_settings

# Each test stays well under 90 s on a CI machine.
BUDGET_SECONDS = 55
KEY_BUDGET_SECONDS = 30
MAX_EXAMPLES = 12
# Ending the session would leave the rest of the run signed out: these are run without the
# session cookie instead (see the second run below).
SESSION_ENDING = ["auth-logout", "auth-logout-all", "auth-end-session"]


@schemathesis.check
def error_envelope(ctx: Any, response: Any, case: Any) -> None:
    """Every JSON answer is the envelope; every error is `{success: false, data: null, error,
    meta: {code, timestamp, request_id}}` (core/envelope.py)."""
    content_type = response.headers.get("content-type", [""])[0]
    if "json" not in content_type:
        assert response.status_code < 400, f"{response.status_code} without a JSON envelope"
        return
    body = json.loads(response.content)
    assert isinstance(body, dict), "the body is not an envelope object"
    assert {"success", "data", "error", "meta"} <= body.keys(), f"not an envelope: {list(body)}"
    meta = body["meta"]
    assert isinstance(meta, dict) and "timestamp" in meta and "request_id" in meta, meta
    if response.status_code >= 400:
        assert body["success"] is False, "an error answered success: true"
        assert isinstance(body["error"], str) and body["error"], "an error without a message"
        assert isinstance(meta.get("code"), str) and meta["code"], "an error without meta.code"
        if response.status_code != 503:  # health's 503 carries the report in `data`
            assert body["data"] is None, "an error carrying data"


@dataclass
class SignedIn:
    cookie: str
    csrf_token: str


@dataclass
class Prepared:
    session_token: str
    api_key: str


async def _prepare(app: FastAPI, settings: Settings) -> Prepared:
    """Migrate the database, start a premium user's session and give them a key with every
    (non-admin) scope, its limits raised so the run reaches the routes."""
    engine = create_engine(settings.database_url, settings)
    try:
        await migrations.upgrade(engine)
        toolkit = app_resources(app).auth_toolkit
        now = SystemClock().now()
        factory = create_session_factory(engine)
        await store_market_rows(factory, to_ms(now))  # real ids for the reads to find
        async with unit_of_work(factory) as db:
            user = await create_user(
                db,
                toolkit.hasher,
                now,
                email="fuzz@example.com",
                password=strong_password(),
                is_verified=True,
            )
            await grant_subscription(db, user.id, "premium_monthly", now)
            token = await start_session(
                db, toolkit.security, user.id, now, ClientInfo(ip="127.0.0.1", user_agent="st")
            )
            owner = PrincipalUser(id=user.id, email=user.email, is_admin=False, is_verified=True)
            body = ApiKeyCreate(
                name="fuzz", scopes=["all"], limit_per_minute=100_000, limit_per_hour=1_000_000
            )
            created = await create_key(db, owner, body, 20, now)
            return Prepared(token, created.key)
    finally:
        await engine.dispose()


def _sign_in(app: FastAPI, session_token: str) -> SignedIn:
    with asgi.get_client(app) as client:
        response = client.get("/api/v1/auth/csrf", cookies={"cl_session": session_token})
        assert response.status_code == 200, response.text
        token = response.json()["data"]["csrf_token"]
        csrf_cookie = response.cookies.get("cl_csrf") or token
    return SignedIn(cookie=f"cl_session={session_token}; cl_csrf={csrf_cookie}", csrf_token=token)


def _config(headers: dict[str, str], *, max_time: float) -> Any:
    checks = [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
    ]
    return SchemathesisConfig.from_dict(
        {
            "headers": headers,
            "seed": 13,
            "max-time": max_time,
            "generation": {
                "max-examples": MAX_EXAMPLES,
                "deterministic": True,
                "database": "none",
            },
            "checks": {
                "enabled": False,
                **{name: {"enabled": True} for name in checks},
                "error_envelope": {"enabled": True},
            },
            "phases": {
                "examples": {"enabled": True},
                "coverage": {"enabled": True},
                "fuzzing": {"enabled": True},
                "stateful": {"enabled": True, "max-steps": 20},
            },
            # The event stream never ends on its own: what it sent within a second is checked.
            # Not a stateful step: there the in-process transport would wait on it for ever.
            "operations": [
                {
                    "include-path": "/api/v1/stream",
                    "request-timeout": 1,
                    "phases": {"stateful": {"enabled": False}},
                }
            ],
        }
    )


@dataclass
class RunReport:
    problems: list[str]
    requests_by_phase: Counter[str]
    answered_2xx: Counter[str]  # by operation label: the run reached the routes themselves


def _run(app: FastAPI, config: Any, *, session_ending: bool) -> RunReport:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app, config=config)
    if session_ending:
        schema = schema.include(operation_id=SESSION_ENDING)
    else:
        schema = schema.exclude(operation_id=SESSION_ENDING)
    return _collect(schema)


def _collect(schema: Any) -> RunReport:
    problems: dict[tuple[str, str, str], str] = {}  # one line per operation, check and title
    requests: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.NonFatalError | events.FatalError):
            problems[("error", repr(event)[:200], "")] = repr(event)[:2000]
        if isinstance(event, events.ScenarioFinished):
            requests[str(event.phase)] += len(event.recorder.interactions)
            for interaction in event.recorder.interactions.values():
                if interaction.response is not None and interaction.response.status_code < 300:
                    answered[event.recorder.label] += 1
            for key, text in _failed_checks(event.recorder).items():
                problems.setdefault(key, text)
    return RunReport(list(problems.values()), requests, answered)


def _run_all(app: FastAPI, config: Any) -> RunReport:
    """Every operation (a key cannot end a session, so none is set apart)."""
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app, config=config)
    return _collect(schema)


def _failed_checks(recorder: Any) -> dict[tuple[str, str, str], str]:
    """Each failed check of a scenario, with the request that caused it."""
    failed = {}
    for case_id, checks in recorder.checks.items():
        for check in checks:
            if check.failure_info is None:
                continue
            failure = check.failure_info.failure
            interaction = recorder.interactions.get(case_id)
            request = response = ""
            if interaction is not None:
                sent = interaction.request
                request = f"{sent.method} {sent.uri} body={(sent.body or b'')[:200]!r}"
                if interaction.response is not None:
                    response = interaction.response.content[:300].decode(errors="replace")
            key = (recorder.label, check.name, failure.title)
            failed[key] = (
                f"{recorder.label} [{check.name}] {failure.title}: {failure.message[:500]}\n"
                f"  request: {request}\n  response: {response}"
            )
    return failed


def test_schemathesis_finds_no_server_error_schema_or_envelope_violation(tmp_path: Path) -> None:
    started = time.monotonic()
    # Windows shrunk to seconds: the run reaches the routes instead of their 429s.
    http = HttpSettings(frontend_dist=tmp_path / "no-frontend", rate_limit_scale=0.001)
    settings = make_settings(tmp_path, http=http)
    app = create_app(settings)
    prepared = asyncio.run(_prepare(app, settings))
    signed_in = _sign_in(app, prepared.session_token)
    headers = {"Cookie": signed_in.cookie, "X-CSRF-Token": signed_in.csrf_token}
    try:
        main = _run(app, _config(headers, max_time=BUDGET_SECONDS * 0.8), session_ending=False)
        # Last, on their own: logging out ends the session the main run used.
        ending = _run(app, _config(headers, max_time=BUDGET_SECONDS * 0.2), session_ending=True)
    finally:
        asgi.shutdown_lifespans()
    problems = main.problems + ending.problems
    assert problems == [], "\n\n".join(problems)
    print(f"schemathesis requests by phase: {dict(main.requests_by_phase)}")
    assert {"examples", "coverage", "fuzzing", "stateful"} <= set(main.requests_by_phase)
    assert time.monotonic() - started < 90


def test_schemathesis_with_an_api_key_finds_no_server_error_or_schema_violation(
    tmp_path: Path,
) -> None:
    """The same run as a third-party client makes it: the key in X-API-Key, no cookie, no CSRF
    token. Key-scope routes answer; session and admin routes refuse the key as documented."""
    started = time.monotonic()
    http = HttpSettings(frontend_dist=tmp_path / "no-frontend", rate_limit_scale=0.001)
    settings = make_settings(tmp_path, http=http)
    app = create_app(settings)
    prepared = asyncio.run(_prepare(app, settings))
    try:
        report = _run_all(
            app, _config({"X-API-Key": prepared.api_key}, max_time=KEY_BUDGET_SECONDS)
        )
    finally:
        asgi.shutdown_lifespans()
    assert report.problems == [], "\n\n".join(report.problems)
    print(f"schemathesis (API key) requests by phase: {dict(report.requests_by_phase)}")
    assert {"examples", "coverage", "fuzzing"} <= set(report.requests_by_phase)
    # The key was accepted where it should be: the reads and the write API answered it.
    reached = {label.split(" ", 1)[1] for label in report.answered_2xx if " " in label}
    assert {"/api/v1/signals", "/api/v1/patterns", "/api/v1/matrix", "/api/v1/scan"} <= reached
    assert time.monotonic() - started < 90
