"""Which webhook URLs may be called (spec webhooks.md, "URL and SSRF").

Two layers: `check_url_syntax` (no network: shape and scheme) and `check_url` (resolves the
host and judges every address). Both run at create/update and again at every attempt.
Refusals name the host and the address class only, never the resolved addresses: an error
message must not become a map of the inside of the network.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from cryptolens.core.errors import ValidationFailedError
from cryptolens.webhooks.resolver import ResolutionError, Resolver

MAX_URL_LENGTH = 2048
DEFAULT_PORTS = {"http": 80, "https": 443}
# RFC 6761: "localhost" and every name under it are loopback names.
_LOOPBACK_NAMES = ("localhost",)
# NAT64's well-known prefix carries an IPv4 address that the gateway will reach for us.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_SHARED = ipaddress.IPv4Network("100.64.0.0/10")
_PRIVATE = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UrlNotAllowedError(ValidationFailedError):
    code = "url_not_allowed"
    title = "URL not allowed"


class UnresolvableHostError(UrlNotAllowedError):
    """The host has no address now. At an attempt this is a connection failure, not a block."""


@dataclass(frozen=True)
class CheckedUrl:
    url: str
    scheme: str
    host: str  # ASCII (IDNA) name or IP literal, without brackets, lower case
    port: int
    addresses: tuple[str, ...]  # every one of them allowed; connect to one of these


def check_url_syntax(url: str, *, production: bool) -> str:
    """The URL if its shape and scheme are allowed; UrlNotAllowedError otherwise."""
    _parse(url, production=production)
    return url


async def check_url(url: str, *, production: bool, resolver: Resolver) -> CheckedUrl:
    """Syntax, then every address the host resolves to must be allowed (http: loopback only)."""
    scheme, host, port = _parse(url, production=production)
    literal = _ip_or_none(host)
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            addresses = await resolver.resolve(host, port)
        except ResolutionError as exc:
            raise UnresolvableHostError(f"{host} does not resolve") from exc
        if not addresses:
            raise UnresolvableHostError(f"{host} does not resolve")
    for address in addresses:
        ip = _ip_or_none(address)
        if ip is None:
            raise UrlNotAllowedError(f"{host} resolves to an invalid address")
        if not address_allowed(address, production=production):
            klass = address_class(ip)
            article = "an" if klass[0] in "aeiou" else "a"
            raise UrlNotAllowedError(f"{host} resolves to {article} {klass} address")
        if scheme == "http" and not _judged(ip).is_loopback:
            # http is a development convenience for local receivers, never a way out.
            raise UrlNotAllowedError(f"{host}: http is allowed to loopback addresses only")
    return CheckedUrl(url=url, scheme=scheme, host=host, port=port, addresses=tuple(addresses))


def address_allowed(ip: str, *, production: bool) -> bool:
    """Global unicast only (IPv4-mapped/6to4/NAT64 judged by their IPv4); loopback too outside
    production."""
    parsed = _ip_or_none(ip)
    if parsed is None:
        return False
    judged = _judged(parsed)
    if judged.is_loopback:
        return not production
    sixtofour = parsed.sixtofour if isinstance(parsed, ipaddress.IPv6Address) else None
    # 2002::/16 routes to the embedded IPv4 through a relay: that one must be global too.
    if sixtofour is not None and not _is_global_unicast(sixtofour):
        return False
    return _is_global_unicast(judged)


def address_class(ip: IPAddress) -> str:
    """A short name for why an address is refused, for error messages and logs."""
    judged = _judged(ip)
    if judged.is_unspecified:
        return "unspecified"
    if judged.is_loopback:
        return "loopback"
    if judged.is_multicast:
        return "multicast"
    if judged.is_link_local:
        return "link-local"
    if isinstance(judged, ipaddress.IPv4Address) and judged in _SHARED:
        return "shared (carrier-grade NAT)"
    if any(judged in network for network in _PRIVATE):
        return "private"
    if judged.is_reserved:
        return "reserved"
    if isinstance(ip, ipaddress.IPv6Address) and ip.sixtofour is not None:
        return "6to4 non-global"
    return "non-global"


def _is_global_unicast(ip: IPAddress) -> bool:
    return ip.is_global and not ip.is_multicast and not ip.is_reserved


def _judged(ip: IPAddress) -> IPAddress:
    """The address that decides: the IPv4 inside IPv4-mapped and NAT64 IPv6 addresses."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def _ip_or_none(value: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _is_loopback_host(host: str) -> bool:
    ip = _ip_or_none(host)
    if ip is not None:
        return _judged(ip).is_loopback
    name = host.rstrip(".")
    return any(name == n or name.endswith("." + n) for n in _LOOPBACK_NAMES)


def _parse(url: str, *, production: bool) -> tuple[str, str, int]:
    """(scheme, host, port) of an allowed URL shape; UrlNotAllowedError otherwise."""
    _check_text(url)
    try:
        split = urlsplit(url)
        parsed = httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as exc:
        raise UrlNotAllowedError("the URL is not valid") from exc
    scheme = parsed.scheme.lower()
    if scheme not in DEFAULT_PORTS or not split.netloc:
        raise UrlNotAllowedError("the URL must be absolute, with http or https")
    if "@" in split.netloc or parsed.userinfo:
        raise UrlNotAllowedError("the URL must not contain a user name or password")
    try:
        host = parsed.raw_host.decode("ascii").lower()
    except UnicodeDecodeError as exc:
        raise UrlNotAllowedError("the URL's host is not valid") from exc
    if not host:
        raise UrlNotAllowedError("the URL has no host")
    port = DEFAULT_PORTS[scheme] if parsed.port is None else parsed.port
    if not 0 < port < 65536:
        raise UrlNotAllowedError("the URL's port is not valid")
    if scheme == "http":
        if production:
            raise UrlNotAllowedError("the URL must use https")
        if not _is_loopback_host(host):
            raise UrlNotAllowedError("http is allowed to loopback hosts only; use https")
    return scheme, host, port


def _check_text(url: str) -> None:
    if not isinstance(url, str) or not url:
        raise UrlNotAllowedError("the URL is empty")
    if len(url) > MAX_URL_LENGTH:
        raise UrlNotAllowedError(f"the URL is longer than {MAX_URL_LENGTH} characters")
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        raise UrlNotAllowedError("the URL contains spaces or control characters")
    if "#" in url:
        raise UrlNotAllowedError("the URL must not have a fragment")
