"""docker/nginx/ checked by Debian's nginx (the package the nginx image installs):
`nginx -t` on a copy of the shipped files, with a certificate pair made by the shipped
docker/certs/make-self-signed.sh, and the settings it must share with the app.

The copy differs from the shipped files in one place only: the asset cache directory
(/var/cache/nginx, a volume in the container) moves under the test's directory, because
`nginx -t` creates it. Names need no resolution: the API's address is looked up per request
through Docker's DNS (the `resolver` of conf.d/cryptolens.conf), never when nginx loads the
configuration, so no hosts entry and no rewritten upstream are needed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from cryptolens.settings import HttpSettings
from tests.deploy.stack_files import DOCKER, NGINX, output_of, require_tool, run_tool

SITE = NGINX / "conf.d" / "cryptolens.conf"
CACHE_DIR = "/var/cache/nginx/"
# Debian's nginx package ships it; the image's nginx has the same file.
MIME_TYPES = Path("/etc/nginx/mime.types")
SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def shipped_copy(target: Path) -> Path:
    """The shipped configuration under `target`, with a fresh self-signed pair in certs/."""
    shutil.copy(NGINX / "nginx.conf", target / "nginx.conf")
    shutil.copytree(NGINX / "conf.d", target / "conf.d")
    shutil.copytree(NGINX / "snippets", target / "snippets")
    shutil.copy(MIME_TYPES, target / "mime.types")
    site = target / "conf.d" / SITE.name
    text = site.read_text(encoding="utf-8")
    assert CACHE_DIR in text, "the asset cache moved: update this test's copy"
    (target / "cache").mkdir()
    site.write_text(text.replace(CACHE_DIR, f"{target}/cache/"), encoding="utf-8")
    made = run_tool("sh", DOCKER / "certs" / "make-self-signed.sh", "localhost", target / "certs")
    assert made.returncode == 0, output_of(made)
    return target / "nginx.conf"


def nginx_test(config: Path) -> tuple[bool, str]:
    tool = require_tool("nginx")
    if not MIME_TYPES.exists():
        require_tool("nginx-mime-types-missing")  # fails loudly in CI, skips elsewhere
    result = run_tool(tool, "-t", "-q", "-p", f"{config.parent}/", "-e", "stderr", "-c", config)
    return result.returncode == 0, output_of(result)


def test_nginx_accepts_the_shipped_configuration(tmp_path: Path) -> None:
    require_tool("nginx")
    ok, output = nginx_test(shipped_copy(tmp_path))
    assert ok, output


def test_nginx_refuses_a_broken_copy(tmp_path: Path) -> None:
    """The check above can fail: a directive nginx does not know is refused."""
    require_tool("nginx")
    config = shipped_copy(tmp_path)
    site = tmp_path / "conf.d" / SITE.name
    site.write_text(site.read_text(encoding="utf-8") + "\nno_such_directive on;\n")
    ok, output = nginx_test(config)
    assert not ok and "no_such_directive" in output


def _size(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([kmgKMG]?)", value).groups()  # type: ignore[union-attr]
    return int(number) * SIZE_UNITS[unit.lower()]


def test_the_body_limit_is_the_apps() -> None:
    [limit] = re.findall(r"client_max_body_size\s+(\S+);", SITE.read_text(encoding="utf-8"))
    assert _size(limit) == HttpSettings().max_body_bytes


def _location(text: str, path: str) -> str:
    match = re.search(r"location\s+(?:=\s+)?" + re.escape(path) + r"\s*\{(.*?)\n    \}", text, re.S)
    assert match, f"no location {path}"
    return match.group(1)


def test_the_site_redirects_hides_metrics_and_streams_unbuffered() -> None:
    text = SITE.read_text(encoding="utf-8")
    http, https = text.split("listen 443", 1)
    assert "listen 80" in http and "return 301 https://$host$request_uri;" in http
    assert "ssl" in https.split("\n", 1)[0]
    assert 'add_header Strict-Transport-Security "max-age=' in https
    # nginx drops a server's add_header in any location with one of its own: none has one.
    assert "add_header" not in https.split("\n    location", 1)[1]
    assert _location(text, "/metrics").split() == ["deny", "all;"]
    stream = _location(text, "/api/v1/stream")
    for directive in ("proxy_buffering off;", "proxy_cache off;", "gzip off;", "brotli off;"):
        assert directive in stream
    assert "proxy_read_timeout 1h;" in stream
    assert "proxy_cache assets;" in _location(text, "/assets/")
    proxy = (NGINX / "snippets" / "proxy-to-api.conf").read_text(encoding="utf-8")
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in proxy
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in proxy
