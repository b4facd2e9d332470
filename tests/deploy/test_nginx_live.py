"""The shipped nginx configuration serving for real, on loopback: Debian's nginx runs a copy of
docker/nginx/ in front of a small recording upstream that stands in for the API.

The copy listens on free loopback ports instead of 80 and 443, keeps its pid and temporary
files in the test's directory (its workers run as the test's user to reach them), and names
the upstream by its loopback address instead of `api` (Docker's DNS is not here); everything
else is the shipped text. It shows what `nginx -t` cannot: HTTP redirects to HTTPS, HSTS on
every answer, /metrics never reaches the API, bodies over the app's limit are refused, the
forwarded headers the API trusts, events of the stream pass one by one, and hashed assets are
served from nginx's cache.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import signal
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from cryptolens.settings import HttpSettings
from tests.deploy.stack_files import require_tool
from tests.deploy.test_nginx_config import shipped_copy
from tests.processes import free_port

START_SECONDS = 30
STREAM_WAIT_SECONDS = 20


@dataclass
class Upstream:
    """What the stand-in API saw, and the gate that holds its stream open."""

    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    release_stream: threading.Event = field(default_factory=threading.Event)

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def _handler(upstream: Upstream) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def _record(self) -> None:
            upstream.requests.append((self.path, dict(self.headers.items())))

        def do_POST(self) -> None:
            self._record()
            length = int(self.headers.get("Content-Length", "0"))
            self.rfile.read(length)
            self._send(200, b"{}", "application/json")

        def do_GET(self) -> None:
            self._record()
            if self.path == "/api/v1/stream":
                self._stream()
            elif self.path.startswith("/assets/"):
                headers = {"Cache-Control": "public, max-age=31536000, immutable"}
                self._send(200, b"console.log(1)", "application/javascript", headers)
            else:
                body = json.dumps(dict(self.headers.items())).encode()
                self._send(200, body, "application/json")

        def _send(
            self, status: int, body: bytes, media: str, headers: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _stream(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self._chunk(b"data: first\n\n")
            # The second event waits for the test: the first must reach it alone.
            upstream.release_stream.wait(STREAM_WAIT_SECONDS)
            self._chunk(b"data: second\n\n")
            self._chunk(b"")

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

    return Handler


@dataclass
class Site:
    http_url: str
    https_url: str
    ca_file: Path
    upstream: Upstream


def _running_copy(target: Path, http_port: int, https_port: int, upstream_port: int) -> Path:
    config = shipped_copy(target)
    replacements = {
        target / "nginx.conf": [
            ("pid /run/nginx.pid;", f"pid {target}/nginx.pid;"),
            # Workers as the test's user: www-data cannot enter pytest's private directories.
            ("user www-data;", f"user {getpass.getuser()};" if os.geteuid() == 0 else ""),
            (
                "http {\n",
                "http {\n"
                + "".join(
                    f"    {kind}_temp_path {target}/{kind}-temp;\n"
                    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
                ),
            ),
        ],
        target / "conf.d" / "cryptolens.conf": [
            ("listen 80 default_server;", f"listen 127.0.0.1:{http_port} default_server;"),
            ("listen [::]:80 default_server;\n", ""),
            (
                "listen 443 ssl http2 default_server;",
                f"listen 127.0.0.1:{https_port} ssl http2 default_server;",
            ),
            ("listen [::]:443 ssl http2 default_server;\n", ""),
        ],
        target / "snippets" / "proxy-to-api.conf": [
            ("http://api:8000;", f"http://127.0.0.1:{upstream_port};"),
        ],
    }
    for path, pairs in replacements.items():
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"{path.name} no longer has {old!r}: update this test's copy"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return config


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited {process.returncode}:\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"nginx did not listen within {START_SECONDS} s:\n{log.read_text()}")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    nginx = require_tool("nginx")
    upstream = Upstream()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(upstream))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    http_port, https_port = free_port(), free_port()
    config = _running_copy(tmp_path, http_port, https_port, server.server_address[1])
    log = tmp_path / "nginx.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [nginx, "-p", f"{tmp_path}/", "-e", "stderr", "-c", str(config), "-g", "daemon off;"],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_port(https_port, process, log)
        yield Site(
            f"http://127.0.0.1:{http_port}",
            f"https://127.0.0.1:{https_port}",
            tmp_path / "certs" / "fullchain.pem",
            upstream,
        )
    finally:
        upstream.release_stream.set()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        server.shutdown()
        server.server_close()


def _client(site: Site) -> httpx.Client:
    return httpx.Client(verify=ssl.create_default_context(cafile=site.ca_file), timeout=10)


def test_http_redirects_to_https(site: Site) -> None:
    with _client(site) as client:
        response = client.get(f"{site.http_url}/login?next=%2Fsignals")
    assert response.status_code == 301
    assert response.headers["location"] == "https://127.0.0.1/login?next=%2Fsignals"
    assert site.upstream.requests == []


def test_https_forwards_the_client_and_sends_hsts(site: Site) -> None:
    with _client(site) as client:
        response = client.get(
            f"{site.https_url}/api/v1/me", headers={"X-Forwarded-For": "203.0.113.9"}
        )
    assert response.status_code == 200
    assert response.headers["strict-transport-security"] == "max-age=31536000"
    seen = {name.lower(): value for name, value in response.json().items()}
    assert seen["x-forwarded-proto"] == "https"
    # The client's own header stays in front; nginx appends the peer it saw, which the API
    # (trusting nginx only) takes as the client.
    assert seen["x-forwarded-for"] == "203.0.113.9, 127.0.0.1"
    assert seen["host"] == "127.0.0.1"


def test_metrics_stay_private(site: Site) -> None:
    with _client(site) as client:
        response = client.get(f"{site.https_url}/metrics")
    assert response.status_code == 403
    assert response.headers["strict-transport-security"] == "max-age=31536000"
    assert site.upstream.requests == []


def test_bodies_over_the_apps_limit_never_reach_it(site: Site) -> None:
    limit = HttpSettings().max_body_bytes
    with _client(site) as client:
        small = client.post(f"{site.https_url}/api/v1/auth/login", content=b"x" * 1000)
        large = client.post(f"{site.https_url}/api/v1/auth/login", content=b"x" * (limit + 1))
    assert small.status_code == 200
    assert large.status_code == 413
    assert site.upstream.paths() == ["/api/v1/auth/login"]


def test_stream_events_pass_one_by_one(site: Site) -> None:
    with _client(site) as client, client.stream("GET", f"{site.https_url}/api/v1/stream") as stream:
        assert stream.headers["content-type"] == "text/event-stream"
        lines = stream.iter_lines()
        # The upstream holds the second event until released: the first arrives alone.
        assert next(line for line in lines if line) == "data: first"
        site.upstream.release_stream.set()
        assert next(line for line in lines if line) == "data: second"


def test_hashed_assets_are_served_from_nginx_cache(site: Site) -> None:
    url = f"{site.https_url}/assets/index-3f9a1c.js"
    with _client(site) as client:
        responses = [client.get(url, headers={"Accept-Encoding": "br, gzip"}) for _ in range(3)]
    assert [response.status_code for response in responses] == [200, 200, 200]
    assert all("immutable" in response.headers["cache-control"] for response in responses)
    assert site.upstream.paths() == ["/assets/index-3f9a1c.js"]
    [(_, headers)] = site.upstream.requests
    assert headers["Accept-Encoding"] == "br, gzip"
    assert re.fullmatch(r"max-age=\d+", responses[0].headers["strict-transport-security"])
