"""docker/compose.yaml and docker/Dockerfile, checked without a Docker daemon: docker-compose's
own parser (Debian's docker-compose 1.29 validates the file and its service, volume and
dependency references offline), then what it does not check (secrets and networks used but
not defined) and the deployment rules of issue 18, against the app's own settings."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from cryptolens.jobs.worker import STOP_GRACE_SECONDS
from cryptolens.settings import HttpSettings, JobSettings, Settings
from cryptolens.settings_sources import flat_names
from tests.deploy.stack_files import (
    COMPOSE_FILE,
    DOCKER,
    ROOT,
    compose,
    output_of,
    require_tool,
    run_tool,
)

LONG_RUNNING = ("db", "redis", "api", "worker", "nginx", "prometheus")


def _services() -> dict[str, dict[str, Any]]:
    services: dict[str, dict[str, Any]] = compose()["services"]
    return services


def _environment(service: str) -> dict[str, str]:
    environment = _services()[service].get("environment", {})
    assert isinstance(environment, dict), f"{service}: environment as a mapping, please"
    return {name: str(value) for name, value in environment.items()}


def _seconds(duration: str) -> float:
    """A compose duration (`15s`, `5m30s`, `1h`) in seconds."""
    parts = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", duration)
    assert parts and any(parts.groups()), f"unreadable duration {duration!r}"
    hours, minutes, seconds = (int(part or 0) for part in parts.groups())
    return hours * 3600 + minutes * 60 + seconds


def test_docker_compose_validates_the_file() -> None:
    tool = require_tool("docker-compose")
    # In place: build contexts and relative paths resolve as they will on a host.
    result = run_tool(tool, "-f", COMPOSE_FILE, "config", "--quiet", cwd=DOCKER)
    assert result.returncode == 0, output_of(result)


def test_every_reference_names_a_defined_item() -> None:
    document = compose()
    defined = {kind: set(document.get(kind) or {}) for kind in ("volumes", "secrets", "networks")}
    services = document["services"]
    used: dict[str, set[str]] = {kind: set() for kind in defined}
    for name, service in services.items():
        for dependency in service.get("depends_on") or {}:
            assert dependency in services, f"{name} depends on undefined service {dependency}"
        for mount in service.get("volumes") or []:
            source = mount.split(":", 1)[0] if isinstance(mount, str) else mount["source"]
            if not source.startswith((".", "/")):  # a named volume, not a bind mount
                used["volumes"].add(source)
        for secret in service.get("secrets") or []:
            used["secrets"].add(secret if isinstance(secret, str) else secret["source"])
        used["networks"].update(service.get("networks") or [])
    for kind, names in defined.items():
        assert used[kind] <= names, f"undefined {kind}: {used[kind] - names}"
        assert names <= used[kind], f"{kind} defined but unused: {names - used[kind]}"
    for name, secret in document["secrets"].items():
        assert set(secret) == {"file"}, f"secret {name}: from a file only, never inline"


def test_restart_policies_and_the_migration_order() -> None:
    services = _services()
    for name in LONG_RUNNING:
        assert services[name].get("restart") == "unless-stopped", name
    assert services["migrate"]["command"] == ["migrate"]
    assert services["migrate"]["restart"] == "no"
    for name in ("api", "worker"):
        condition = services[name]["depends_on"]["migrate"]["condition"]
        assert condition == "service_completed_successfully", name


def test_workers_scale_and_only_nginx_is_public() -> None:
    services = _services()
    worker = services["worker"]
    assert "container_name" not in worker and "ports" not in worker
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"nginx", "prometheus"}
    assert services["prometheus"]["ports"] == ["127.0.0.1:9090:9090"]


def test_forwarded_headers_are_trusted_from_the_edge_network_only() -> None:
    document = compose()
    services = document["services"]
    [subnet] = [entry["subnet"] for entry in document["networks"]["edge"]["ipam"]["config"]]
    on_edge = {name for name, service in services.items() if "edge" in service.get("networks", [])}
    assert on_edge == {"api", "nginx"}
    assert services["nginx"]["networks"] == ["edge"]
    environment = _environment("api")
    assert environment["CRYPTOLENS_TRUST_PROXY_HEADERS"] == "true"
    assert environment["CRYPTOLENS_FORWARDED_ALLOW_IPS"] == subnet


def test_stop_grace_covers_the_apps_own_shutdown() -> None:
    services = _services()
    grace = int(
        _environment("api").get(
            "CRYPTOLENS_SHUTDOWN_GRACE_SECONDS", HttpSettings().shutdown_grace_seconds
        )
    )
    assert _seconds(services["api"]["stop_grace_period"]) >= grace + 5
    jobs = JobSettings()
    longest_job = max(
        jobs.timeout_high_seconds, jobs.timeout_default_seconds, jobs.timeout_low_seconds
    )
    assert _seconds(services["worker"]["stop_grace_period"]) >= longest_job + STOP_GRACE_SECONDS


def test_app_settings_are_known_and_secrets_come_from_files() -> None:
    known = {flat.env for flat in flat_names(Settings)}
    secret_words = ("SECRET", "PASSWORD", "TOKEN", "_KEY", "DATABASE_URL")
    for service in ("migrate", "api", "worker"):
        for name, value in _environment(service).items():
            if not name.startswith("CRYPTOLENS_"):
                continue
            setting = name.removesuffix("_FILE")
            assert setting in known, f"{service}: {name} is no setting"
            if any(word in setting for word in secret_words):
                assert name.endswith("_FILE"), f"{service}: {name} must come from a file"
                secret = value.removeprefix("/run/secrets/")
                assert value.startswith("/run/secrets/"), f"{service}: {name}={value}"
                assert secret in _services()[service]["secrets"], f"{service}: {secret}"


def test_the_image_runs_unprivileged_over_read_only_code() -> None:
    dockerfile = (DOCKER / "Dockerfile").read_text(encoding="utf-8")
    stages = re.findall(r"^FROM \S+ AS (\S+)$", dockerfile, flags=re.MULTILINE)
    assert stages == ["spa", "python-deps", "runtime"]
    runtime = dockerfile.split("AS runtime", 1)[1]
    assert re.search(r"^USER cryptolens", runtime, flags=re.MULTILINE)
    assert "CRYPTOLENS_VAR_DIR=/var/lib/cryptolens" in runtime
    assert 'VOLUME ["/var/lib/cryptolens"]' in runtime
    assert re.search(r"^STOPSIGNAL SIGTERM$", runtime, flags=re.MULTILINE)
    assert "/api/health/live" in runtime.split("HEALTHCHECK", 1)[1]
    assert "uv sync --frozen --no-dev" in dockerfile
    # Secrets never enter the image, neither as values nor as files.
    assert not re.search(r"(SECRET_KEY|ENCRYPTION_KEYS|DATABASE_URL)=", dockerfile)
    # The build context is an allow list: no .venv, var/, .env or node_modules in it.
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert "**" in ignored and "frontend/node_modules/" in ignored


def test_the_image_sets_only_known_settings() -> None:
    runtime = (DOCKER / "Dockerfile").read_text(encoding="utf-8").split("AS runtime", 1)[1]
    known = {flat.env for flat in flat_names(Settings)}
    named = set(re.findall(r"\b(CRYPTOLENS_[A-Z_]+)=", runtime))
    assert named and named <= known, f"no such setting: {named - known}"


def test_make_secrets_writes_what_compose_mounts_and_the_app_accepts(tmp_path: Path) -> None:
    target = tmp_path / "secrets"
    script = DOCKER / "secrets" / "make-secrets.sh"
    first = run_tool("sh", script, target)
    assert first.returncode == 0, output_of(first)
    files = {secret["file"].removeprefix("./secrets/") for secret in compose()["secrets"].values()}
    assert {path.name for path in target.iterdir()} == files
    read = {name: (target / name).read_text(encoding="utf-8") for name in files}
    settings = Settings(
        _env_file=None,
        env="production",
        secret_key=read["secret_key"],
        encryption_keys=read["encryption_keys"],
        database_url=read["database_url"],
        redis_url="redis://redis:6379/0",
    )
    assert settings.fernet_keys() == [read["encryption_keys"]]
    url = make_url(read["database_url"])
    assert (url.username, url.password, url.host) == ("cryptolens", read["db_password"], "db")
    assert f"password={read['db_password']}" in read["mysqld_exporter.cnf"]
    # Run again, it keeps every file: the encryption key must outlive a second run.
    again = run_tool("sh", script, target)
    assert again.returncode == 0, output_of(again)
    assert {name: (target / name).read_text(encoding="utf-8") for name in files} == read


def _interpolated(value: str) -> str:
    """compose's `${NAME:-default}` as it reads with NAME unset."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


def test_the_app_starts_from_the_stacks_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The image's and each app service's variables, with make-secrets.sh's files where
    compose mounts them, make valid production settings (secrets read from the files)."""
    secrets = tmp_path / "secrets"
    made = run_tool("sh", DOCKER / "secrets" / "make-secrets.sh", secrets)
    assert made.returncode == 0, output_of(made)
    runtime = (DOCKER / "Dockerfile").read_text(encoding="utf-8").split("AS runtime", 1)[1]
    image_env = dict(re.findall(r"\b(CRYPTOLENS_[A-Z_]+)=(\S+)", runtime))
    for service in ("migrate", "api", "worker"):
        for name in [name for name in os.environ if name.startswith("CRYPTOLENS_")]:
            monkeypatch.delenv(name)
        for name, value in {**image_env, **_environment(service)}.items():
            monkeypatch.setenv(name, _interpolated(value).replace("/run/secrets/", f"{secrets}/"))
        settings = Settings(_env_file=None)
        assert settings.is_production, service
        assert settings.database_url == (secrets / "database_url").read_text(encoding="utf-8")
        assert settings.var_dir == Path("/var/lib/cryptolens")
        if service == "api":
            assert settings.http.trust_proxy_headers
            assert settings.http.forwarded_allow_ips == "172.29.18.0/24"
