"""URL and SSRF rules: every refused address class, the URL shape, and what stays allowed.
Names resolve through a StaticResolver: no network."""

from __future__ import annotations

import pytest

from cryptolens.webhooks.resolver import StaticResolver
from cryptolens.webhooks.urls import (
    UnresolvableHostError,
    UrlNotAllowedError,
    address_allowed,
    check_url,
    check_url_syntax,
)

REFUSED_EVERYWHERE = {
    "10.1.2.3": "private",
    "172.16.0.1": "private",
    "172.31.255.254": "private",
    "192.168.1.1": "private",
    "fc00::1": "private",
    "fd12:3456::1": "private",
    "169.254.169.254": "link-local",
    "fe80::1": "link-local",
    "100.64.0.1": "shared",
    "100.127.255.254": "shared",
    "0.0.0.0": "unspecified",
    "::": "unspecified",
    "224.0.0.1": "multicast",
    "239.255.255.250": "multicast",
    "ff02::1": "multicast",
    "ff0e::1": "multicast",
    "240.0.0.1": "reserved",
    "255.255.255.255": "reserved",
    "::ffff:10.0.0.1": "private",
    "::ffff:169.254.169.254": "link-local",
    "64:ff9b::a00:1": "private",  # NAT64 of 10.0.0.1
    "2002:a00:1::1": "6to4",  # 6to4 of 10.0.0.1
    "192.0.2.10": "non-global",  # documentation
    "2001:db8::1": "non-global",  # documentation
    "198.18.0.1": "non-global",  # benchmarking
}
PUBLIC = ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:93.184.216.34"]


@pytest.mark.parametrize("production", [True, False])
@pytest.mark.parametrize(("ip", "klass"), sorted(REFUSED_EVERYWHERE.items()))
async def test_refused_address_classes(ip: str, klass: str, production: bool) -> None:
    assert address_allowed(ip, production=production) is False
    resolver = StaticResolver({"hooks.example.com": ["93.184.216.34", ip]})
    with pytest.raises(UrlNotAllowedError) as raised:
        await check_url("https://hooks.example.com/in", production=production, resolver=resolver)
    assert raised.value.code == "url_not_allowed" and raised.value.status_code == 422
    message = str(raised.value)
    assert "hooks.example.com" in message and klass in message
    assert ip not in message and "93.184.216.34" not in message  # the host, nothing more


async def test_an_ip_literal_host_is_judged_without_resolving() -> None:
    resolver = StaticResolver()
    with pytest.raises(UrlNotAllowedError, match="private"):
        await check_url("https://[::ffff:10.0.0.1]/x", production=True, resolver=resolver)
    with pytest.raises(UrlNotAllowedError, match="link-local"):
        await check_url("https://169.254.169.254/latest", production=True, resolver=resolver)
    assert resolver.lookups == []


@pytest.mark.parametrize("ip", ["127.0.0.1", "127.10.0.1", "::1", "::ffff:127.0.0.1"])
async def test_loopback_refused_in_production_allowed_in_test(ip: str) -> None:
    resolver = StaticResolver({"local.example.com": [ip]})
    assert address_allowed(ip, production=True) is False
    assert address_allowed(ip, production=False) is True
    with pytest.raises(UrlNotAllowedError, match="loopback"):
        await check_url("https://local.example.com/", production=True, resolver=resolver)
    checked = await check_url("https://local.example.com/", production=False, resolver=resolver)
    assert checked.addresses == (ip,)


@pytest.mark.parametrize("production", [True, False])
async def test_public_addresses_allowed(production: bool) -> None:
    resolver = StaticResolver({"hooks.example.com": PUBLIC})
    checked = await check_url(
        "https://Hooks.Example.com:8443/in?x=1", production=production, resolver=resolver
    )
    assert checked.host == "hooks.example.com"
    assert checked.port == 8443 and checked.scheme == "https"
    assert checked.addresses == tuple(PUBLIC)
    assert all(address_allowed(ip, production=production) for ip in PUBLIC)


async def test_idn_host_is_resolved_in_ascii() -> None:
    resolver = StaticResolver({"xn--bcher-kva.example": ["93.184.216.34"]})
    checked = await check_url("https://bücher.example/", production=True, resolver=resolver)
    assert checked.host == "xn--bcher-kva.example" and checked.port == 443


async def test_unresolvable_host() -> None:
    with pytest.raises(UnresolvableHostError) as raised:
        await check_url("https://nowhere.example/", production=True, resolver=StaticResolver())
    assert raised.value.code == "url_not_allowed"


@pytest.mark.parametrize(
    "url",
    [
        "https://user:pass@hooks.example.com/",
        "https://user@hooks.example.com/",
        "https://@hooks.example.com/",
        "https://hooks.example.com/in#part",
        "https://hooks.example.com/in#",
        "https://hooks.example.com/" + "a" * 2030,
        "hooks.example.com/in",
        "/in",
        "ftp://hooks.example.com/",
        "javascript:alert(1)",
        "https:///in",
        "https://hooks.example.com:0/",
        "https://hooks.example.com:70000/",
        "https://hooks.example.com:port/",
        "https://hooks.example.com/a b",
        "https://hooks.example.com/\n",
        "",
    ],
)
@pytest.mark.parametrize("production", [True, False])
def test_refused_shapes(url: str, production: bool) -> None:
    with pytest.raises(UrlNotAllowedError):
        check_url_syntax(url, production=production)


def test_length_limit_is_2048() -> None:
    base = "https://hooks.example.com/"
    at_limit = base + "a" * (2048 - len(base))
    assert check_url_syntax(at_limit, production=True) == at_limit
    with pytest.raises(UrlNotAllowedError, match="2048"):
        check_url_syntax(at_limit + "a", production=True)


def test_http_to_a_non_loopback_host_is_refused_everywhere() -> None:
    for production in (True, False):
        with pytest.raises(UrlNotAllowedError):
            check_url_syntax("http://hooks.example.com/", production=production)


@pytest.mark.parametrize(
    "url",
    ["http://localhost:8080/in", "http://127.0.0.1/", "http://[::1]:9/", "http://a.localhost/"],
)
def test_http_to_loopback_hosts_only_outside_production(url: str) -> None:
    assert check_url_syntax(url, production=False) == url
    with pytest.raises(UrlNotAllowedError, match="https"):
        check_url_syntax(url, production=True)


async def test_http_never_leaves_loopback() -> None:
    # A loopback-looking name that resolves elsewhere still may not use http.
    resolver = StaticResolver({"evil.localhost": ["93.184.216.34"]})
    with pytest.raises(UrlNotAllowedError, match="loopback"):
        await check_url("http://evil.localhost/", production=False, resolver=resolver)
    resolver.set("evil.localhost", ["127.0.0.1"])
    checked = await check_url("http://evil.localhost/", production=False, resolver=resolver)
    assert checked.addresses == ("127.0.0.1",)


@pytest.mark.parametrize("host", ["2130706433", "127.1", "0x7f.1", "localhost"])
async def test_odd_spellings_of_loopback_are_judged_by_what_they_resolve_to(host: str) -> None:
    from cryptolens.webhooks.resolver import SystemResolver

    with pytest.raises(UrlNotAllowedError, match="loopback"):
        await check_url(f"https://{host}/", production=True, resolver=SystemResolver())


async def test_system_resolver_resolves_localhost() -> None:
    from cryptolens.webhooks.resolver import SystemResolver

    addresses = await SystemResolver(timeout_seconds=5).resolve("localhost", 80)
    assert addresses and len(addresses) == len(set(addresses))
    assert all(address in {"127.0.0.1", "::1"} for address in addresses)
