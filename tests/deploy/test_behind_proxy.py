"""Behind a reverse proxy on another address, as nginx in its own container (issue 18): a real
`cryptolens serve` on 127.0.0.1 and loopback proxies on 127.0.0.2 that connect to it from
127.0.0.2 and forward like the shipped nginx.conf. The API trusts forwarded headers from that
address only (CRYPTOLENS_FORWARDED_ALLOW_IPS=127.0.0.2), so:

- each client behind the proxy has its own per-IP limits (login 5 a minute, sign-up 3 an hour),
  instead of all of them sharing the proxy's address;
- an X-Forwarded-For sent straight to the API by an untrusted peer changes nothing, and one a
  client sends through the proxy is kept in front of the address the proxy appends (the API
  takes the last untrusted one);
- cookies are `Secure` when the proxy says https, and not when it says http.

Clients connect from their own loopback source addresses. The proxy only plays the TLS hop
(X-Forwarded-Proto), so the test's browser keeps Secure cookies itself, as one on https would.
The rules are the same on either database: SQLite only.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from http.cookies import Morsel, SimpleCookie
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.core.security import PasswordHasher
from cryptolens.db import unit_of_work
from tests.auth.helpers import strong_password
from tests.fakes.forwarding_proxy import ForwardingProxy
from tests.processes import ApiProcess, start_api

pytestmark = pytest.mark.parametrize("db_engine", ["sqlite"], indirect=True)

AUTH = "/api/v1/auth"
PROXY_ADDRESS = "127.0.0.2"


@pytest.fixture(scope="module")
def proxied_api(
    db_engine: AsyncEngine, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ApiProcess]:
    """One API process for the file, in development (http cookies are allowed there), its rate
    limits in its own memory; each test uses client addresses of its own."""
    api = start_api(
        tmp_path_factory.mktemp("proxied-api"),
        database_url=db_engine.url.render_as_string(hide_password=False),
        redis_url=None,
        env={
            "CRYPTOLENS_ENV": "development",
            "CRYPTOLENS_TRUST_PROXY_HEADERS": "true",
            "CRYPTOLENS_FORWARDED_ALLOW_IPS": PROXY_ADDRESS,
        },
    )
    try:
        yield api
    finally:
        api.stop()
        sys.stderr.write(f"--- API process log (tail) ---\n{api.log_tail()}\n")


async def _proxy(api: ApiProcess, scheme: str) -> ForwardingProxy:
    await api.wait_live(within_seconds=240)  # a loaded machine starts slowly
    upstream = urlsplit(api.base_url)
    proxy = ForwardingProxy(upstream.hostname or "", upstream.port or 0, PROXY_ADDRESS, scheme)
    await proxy.start()
    return proxy


@pytest.fixture
async def https_proxy(proxied_api: ApiProcess) -> AsyncIterator[ForwardingProxy]:
    proxy = await _proxy(proxied_api, "https")
    yield proxy
    await proxy.stop()


@pytest.fixture
async def http_proxy(proxied_api: ApiProcess) -> AsyncIterator[ForwardingProxy]:
    proxy = await _proxy(proxied_api, "http")
    yield proxy
    await proxy.stop()


class Browser:
    """A client on its own source address that keeps every cookie it is given (Secure ones
    too) and echoes the CSRF cookie in its header, like the SPA."""

    def __init__(self, base_url: str, source: str) -> None:
        transport = httpx.AsyncHTTPTransport(local_address=source)
        self.http = httpx.AsyncClient(base_url=base_url, transport=transport, timeout=60)
        self.cookies: dict[str, Morsel[str]] = {}
        self.last_set: dict[str, Morsel[str]] = {}  # the cookies of the latest response

    async def request(
        self, method: str, path: str, json: Any = None, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={m.value}" for name, m in self.cookies.items())
        if "cl_csrf" in self.cookies:
            sent["X-CSRF-Token"] = self.cookies["cl_csrf"].value
        response = await self.http.request(method, path, json=json, headers=sent)
        self.http.cookies.clear()  # this class keeps them, whatever the scheme
        self.last_set = {}
        for header in response.headers.get_list("set-cookie"):
            parsed: SimpleCookie = SimpleCookie()
            parsed.load(header)
            for name, morsel in parsed.items():
                self.last_set[name] = morsel
                if morsel["max-age"] == "0" or not morsel.value.strip('"'):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel
        return response

    async def csrf(self) -> httpx.Response:
        response = await self.request("GET", f"{AUTH}/csrf")
        assert response.status_code == 200, response.text
        return response

    async def login(self, email: str, password: str, **headers: str) -> httpx.Response:
        body = {"email": email, "password": password}
        return await self.request("POST", f"{AUTH}/login", json=body, headers=headers)

    async def register(self, email: str) -> httpx.Response:
        body = {"email": email, "password": strong_password()}
        return await self.request("POST", f"{AUTH}/register", json=body)

    async def aclose(self) -> None:
        await self.http.aclose()


@pytest.fixture
async def browsers() -> AsyncIterator[Any]:
    opened: list[Browser] = []

    async def open_browser(base_url: str, source: str) -> Browser:
        browser = Browser(base_url, source)
        opened.append(browser)
        await browser.csrf()
        return browser

    yield open_browser
    for browser in opened:
        await browser.aclose()


def _nobody(label: str, index: int) -> str:
    return f"nobody-{label}-{index}@example.com"


def _code(response: httpx.Response) -> str:
    return str(response.json()["meta"].get("code"))


async def test_each_forwarded_client_has_its_own_login_limit(
    https_proxy: ForwardingProxy, browsers: Any
) -> None:
    first = await browsers(https_proxy.base_url, "127.0.3.1")
    second = await browsers(https_proxy.base_url, "127.0.3.2")
    for index in range(5):
        refused = await first.login(_nobody("a", index), strong_password())
        assert refused.status_code == 401, refused.text
    limited = await first.login(_nobody("a", 5), strong_password())
    assert limited.status_code == 429, limited.text
    assert _code(limited) == "rate_limited"
    # A forged X-Forwarded-For through the proxy stays in front of the address nginx appends:
    # the API takes the last untrusted address, the client's own.
    forged = await first.login(
        _nobody("a", 6), strong_password(), **{"X-Forwarded-For": "198.51.100.7"}
    )
    assert forged.status_code == 429, forged.text
    # The other client, behind the same proxy, still gets its normal answer.
    other = await second.login(_nobody("b", 0), strong_password())
    assert other.status_code == 401, other.text


async def test_a_forwarded_for_sent_straight_to_the_api_is_ignored(
    proxied_api: ApiProcess, https_proxy: ForwardingProxy, browsers: Any
) -> None:
    """127.0.0.1 is not the proxy: every forged address counts against the real peer."""
    direct = await browsers(proxied_api.base_url, "127.0.0.1")
    for index in range(5):
        forged = {"X-Forwarded-For": f"203.0.113.{index + 1}"}
        refused = await direct.login(_nobody("direct", index), strong_password(), **forged)
        assert refused.status_code == 401, refused.text
    limited = await direct.login(
        _nobody("direct", 5), strong_password(), **{"X-Forwarded-For": "203.0.113.99"}
    )
    assert limited.status_code == 429, limited.text
    # The limit is that peer's, not everyone's: a client behind the proxy still gets its answer.
    behind = await browsers(https_proxy.base_url, "127.0.4.9")
    answer = await behind.login(_nobody("behind", 0), strong_password())
    assert answer.status_code == 401, answer.text


async def test_each_forwarded_client_has_its_own_sign_up_limit(
    https_proxy: ForwardingProxy, browsers: Any, session_factory: object
) -> None:
    first = await browsers(https_proxy.base_url, "127.0.4.1")
    second = await browsers(https_proxy.base_url, "127.0.4.2")
    for index in range(3):
        accepted = await first.register(f"signup-a-{index}@example.com")
        assert accepted.status_code == 201, accepted.text
    limited = await first.register("signup-a-3@example.com")
    assert limited.status_code == 429, limited.text
    assert _code(limited) == "rate_limited"
    other = await second.register("signup-b-0@example.com")
    assert other.status_code == 201, other.text


async def _account(factory: async_sessionmaker[AsyncSession], label: str) -> tuple[str, str]:
    email, password = f"proxied-{label}@example.com", strong_password()
    async with unit_of_work(factory) as db:
        await create_user(
            db,
            PasswordHasher(cheap=True),
            datetime.now(UTC),
            email=email,
            password=password,
            is_verified=True,
        )
    return email, password


async def test_cookies_are_secure_when_the_proxy_says_https(
    https_proxy: ForwardingProxy,
    http_proxy: ForwardingProxy,
    browsers: Any,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    for proxy, secure, source in (
        (https_proxy, True, "127.0.5.1"),
        (http_proxy, False, "127.0.5.2"),
    ):
        browser = await browsers(proxy.base_url, source)
        assert bool(browser.last_set["cl_csrf"]["secure"]) is secure, proxy.scheme
        email, password = await _account(session_factory, proxy.scheme)
        signed_in = await browser.login(email, password)
        assert signed_in.status_code == 200, signed_in.text
        for name in ("cl_session", "cl_csrf"):
            assert bool(browser.last_set[name]["secure"]) is secure, (proxy.scheme, name)
        # The session works through the proxy with the cookies it was given.
        me = await browser.request("GET", f"{AUTH}/me")
        assert me.status_code == 200, me.text
        assert me.json()["data"]["email"] == email
