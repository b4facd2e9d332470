"""One webhook attempt against real loopback receivers (aiohttp, plain and TLS): status rules,
no redirects, the time bound, errors, pinning to the checked address, rebinding, TLS by name,
and the excerpts kept for the log."""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import socket
import ssl
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from cryptolens.webhooks.resolver import StaticResolver
from cryptolens.webhooks.signing import signature, webhook_headers
from cryptolens.webhooks.transport import AttemptResult, WebhookSender
from cryptolens.webhooks.urls import check_url

TLS_NAME = "hooks.example.test"  # no DNS knows it: reaching the receiver proves pinning
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
BODY = b'{"type":"webhook.test","version":1}'
BIG_BODY = b"\xff" + b"a" * 2046 + "\u00e9".encode() + b"b" * 3000


@dataclass
class Received:
    path: str
    host: str | None
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    port: int = 0
    received: list[Received] = field(default_factory=list)
    server_names: list[str | None] = field(default_factory=list)  # TLS SNI seen


RECEIVER = web.AppKey("receiver", Receiver)


async def _handle(request: web.Request) -> web.StreamResponse:
    receiver = request.app[RECEIVER]
    body = await request.read()
    receiver.received.append(
        Received(request.path, request.headers.get("Host"), dict(request.headers), body)
    )
    if request.path == "/ok":
        return web.json_response({"ok": True}, headers={"X-Reply": "yes"})
    if request.path == "/fail":
        return web.Response(status=500, text="receiver broke")
    if request.path == "/redirect":
        return web.Response(status=302, headers={"Location": "/ok"})
    if request.path == "/slow":
        await asyncio.sleep(5)
        return web.Response(text="too late")
    if request.path == "/big":
        return web.Response(body=BIG_BODY, headers={"X-Big": "x" * 3000})
    if request.path == "/gzip":
        bomb = gzip.compress(b"0" * 5_000_000)
        return web.Response(body=bomb, headers={"Content-Encoding": "gzip"})
    return web.Response(status=404)


async def _serve(
    host: str, ssl_context: ssl.SSLContext | None = None, receiver: Receiver | None = None
) -> AsyncIterator[Receiver]:
    receiver = receiver or Receiver()
    app = web.Application()
    app[RECEIVER] = receiver
    app.router.add_post("/{tail:.*}", _handle)
    runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=0.5)
    await runner.setup()
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.bind((host, 0))
    receiver.port = sock.getsockname()[1]
    await web.SockSite(runner, sock, ssl_context=ssl_context).start()
    try:
        yield receiver
    finally:
        await runner.cleanup()


@dataclass(frozen=True)
class Certificate:
    cert_path: Path
    key_path: Path

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cert_path))


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """A self-signed certificate for TLS_NAME only (not for 127.0.0.1)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, TLS_NAME)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(TLS_NAME)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    directory = tmp_path_factory.mktemp("tls")
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return Certificate(cert_path, key_path)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    async for running in _serve("127.0.0.1"):
        yield running


@pytest.fixture
async def tls_receiver(certificate: Certificate) -> AsyncIterator[Receiver]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate.cert_path, certificate.key_path)
    receiver = Receiver()

    def record_sni(_socket: ssl.SSLObject, name: str | None, _context: ssl.SSLContext) -> None:
        receiver.server_names.append(name)

    context.sni_callback = record_sni
    async for running in _serve("127.0.0.1", context, receiver):
        yield running


@pytest.fixture
def resolver() -> StaticResolver:
    return StaticResolver({"receiver.localhost": ["127.0.0.1"], TLS_NAME: ["127.0.0.1"]})


@pytest.fixture
async def sender(resolver: StaticResolver) -> AsyncIterator[WebhookSender]:
    sending = WebhookSender(production=False, resolver=resolver, timeout_seconds=2)
    yield sending
    await sending.aclose()


def _headers(timestamp: int = 1_700_000_000) -> dict[str, str]:
    return webhook_headers([SECRET], "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp, BODY)


async def test_2xx_succeeds_and_host_keeps_the_name(
    receiver: Receiver, sender: WebhookSender
) -> None:
    url = f"http://receiver.localhost:{receiver.port}/ok?x=1"
    result = await sender.send(url, _headers(), BODY)
    assert result.succeeded and result.status_code == 200 and result.error is None
    assert result.response_body == '{"ok": true}'
    assert result.response_headers["X-Reply"] == "yes"
    assert result.request_headers["Host"] == f"receiver.localhost:{receiver.port}"
    assert result.request_headers["webhook-id"] == "msg_p5jXN8AQM9LWM0D4loKWxJek"
    assert result.request_headers["User-Agent"] == "CryptoLens-Webhooks/1"
    assert result.request_headers["Accept-Encoding"] == "identity"
    assert 0 <= result.duration_ms < 2000
    [got] = receiver.received
    assert got.host == f"receiver.localhost:{receiver.port}"
    assert got.body == BODY
    assert got.headers["webhook-signature"] == signature(
        SECRET, got.headers["webhook-id"], int(got.headers["webhook-timestamp"]), got.body
    )
    assert got.headers["Content-Type"] == "application/json"


async def test_500_fails_with_its_status(receiver: Receiver, sender: WebhookSender) -> None:
    result = await sender.send(f"http://receiver.localhost:{receiver.port}/fail", _headers(), BODY)
    assert not result.succeeded and result.status_code == 500 and result.error is None
    assert result.response_body == "receiver broke"


async def test_redirect_is_not_followed(receiver: Receiver, sender: WebhookSender) -> None:
    url = f"http://receiver.localhost:{receiver.port}/redirect"
    result = await sender.send(url, _headers(), BODY)
    assert not result.succeeded and result.status_code == 302 and result.error is None
    assert result.response_headers["Location"] == "/ok"
    assert [r.path for r in receiver.received] == ["/redirect"]


async def test_a_slow_receiver_times_out_within_the_bound(
    receiver: Receiver, resolver: StaticResolver
) -> None:
    sender = WebhookSender(production=False, resolver=resolver, timeout_seconds=0.5)
    try:
        started = time.monotonic()
        result = await sender.send(
            f"http://receiver.localhost:{receiver.port}/slow", _headers(), BODY
        )
        elapsed = time.monotonic() - started
    finally:
        await sender.aclose()
    assert not result.succeeded and result.error == "timeout" and result.status_code is None
    assert elapsed < 1.5 and 400 <= result.duration_ms < 1500


async def test_a_refused_port_is_a_connection_error(sender: WebhookSender) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = await sender.send(f"http://receiver.localhost:{port}/ok", _headers(), BODY)
    assert not result.succeeded and result.error == "connection" and result.status_code is None


async def test_a_refusing_address_falls_through_to_the_next_checked_one(
    receiver: Receiver, resolver: StaticResolver, sender: WebhookSender
) -> None:
    # 127.0.0.2 is loopback too but nothing listens there: connecting is refused.
    resolver.set("receiver.localhost", ["127.0.0.2", "127.0.0.1"])
    result = await sender.send(f"http://receiver.localhost:{receiver.port}/ok", _headers(), BODY)
    assert result.succeeded and len(receiver.received) == 1


async def test_an_unresolvable_name_is_a_connection_error(sender: WebhookSender) -> None:
    result = await sender.send("https://gone.example.test/ok", _headers(), BODY)
    assert result.error == "connection" and not result.succeeded


async def test_production_blocks_loopback_without_connecting(
    receiver: Receiver, tls_receiver: Receiver, resolver: StaticResolver, certificate: Certificate
) -> None:
    sender = WebhookSender(production=True, resolver=resolver, verify=certificate.client_context())
    try:
        tls = await sender.send(f"https://{TLS_NAME}:{tls_receiver.port}/ok", _headers(), BODY)
        plain = await sender.send(f"http://receiver.localhost:{receiver.port}/ok", _headers(), BODY)
    finally:
        await sender.aclose()
    for result in (tls, plain):
        assert result.error == "blocked_address" and result.status_code is None
        assert not result.succeeded and result.response_body == ""
        assert result.request_headers["webhook-id"] == "msg_p5jXN8AQM9LWM0D4loKWxJek"
    assert receiver.received == [] and tls_receiver.received == []


async def test_rebinding_after_the_check_is_caught(
    tls_receiver: Receiver, resolver: StaticResolver, certificate: Certificate
) -> None:
    url = f"https://{TLS_NAME}:{tls_receiver.port}/ok"
    sender = WebhookSender(production=False, resolver=resolver, verify=certificate.client_context())
    try:
        await check_url(url, production=False, resolver=resolver)  # as at create
        first = await sender.send(url, _headers(), BODY)
        resolver.set(TLS_NAME, ["169.254.169.254"])  # the name now points inside
        lookups_before = len(resolver.lookups)
        second = await sender.send(url, _headers(), BODY)
        resolver.set(TLS_NAME, ["93.184.216.34", "10.0.0.1"])  # one bad answer among good
        third = await sender.send(url, _headers(), BODY)
    finally:
        await sender.aclose()
    assert first.succeeded
    assert second.error == "blocked_address" and third.error == "blocked_address"
    assert len(resolver.lookups) == lookups_before + 2  # one lookup per attempt, no other
    assert len(tls_receiver.received) == 1


class FlippingResolver:
    """Answers loopback, then an inside address, alternately: a sender that resolved twice
    (once to check, once to connect) would be steered by the second answer."""

    def __init__(self) -> None:
        self.calls = 0

    async def resolve(self, host: str, port: int) -> list[str]:
        self.calls += 1
        return ["127.0.0.1"] if self.calls % 2 else ["10.0.0.1"]


async def test_the_connection_goes_to_the_address_just_checked(
    tls_receiver: Receiver, certificate: Certificate
) -> None:
    resolver = FlippingResolver()
    sender = WebhookSender(production=False, resolver=resolver, verify=certificate.client_context())
    try:
        result = await sender.send(f"https://{TLS_NAME}:{tls_receiver.port}/ok", _headers(), BODY)
    finally:
        await sender.aclose()
    assert result.succeeded and resolver.calls == 1
    [got] = tls_receiver.received
    assert got.host == f"{TLS_NAME}:{tls_receiver.port}"


async def test_tls_by_ip_with_the_name_as_sni_when_trusted(
    tls_receiver: Receiver, resolver: StaticResolver, certificate: Certificate
) -> None:
    sender = WebhookSender(production=False, resolver=resolver, verify=certificate.client_context())
    try:
        result = await sender.send(f"https://{TLS_NAME}:{tls_receiver.port}/ok", _headers(), BODY)
    finally:
        await sender.aclose()
    assert result.succeeded and result.status_code == 200, result
    assert tls_receiver.server_names == [TLS_NAME]
    assert tls_receiver.received[0].host == f"{TLS_NAME}:{tls_receiver.port}"


async def test_tls_fails_when_the_certificate_is_not_trusted(
    tls_receiver: Receiver, sender: WebhookSender
) -> None:
    result = await sender.send(f"https://{TLS_NAME}:{tls_receiver.port}/ok", _headers(), BODY)
    assert not result.succeeded and result.error == "tls" and result.status_code is None
    assert tls_receiver.received == []


async def test_tls_checks_the_certificate_against_the_name(
    tls_receiver: Receiver, certificate: Certificate
) -> None:
    # Trusted certificate, but issued for another name than the URL's: refused.
    resolver = StaticResolver({"other.example.test": ["127.0.0.1"]})
    sender = WebhookSender(production=False, resolver=resolver, verify=certificate.client_context())
    try:
        result = await sender.send(
            f"https://other.example.test:{tls_receiver.port}/ok", _headers(), BODY
        )
    finally:
        await sender.aclose()
    assert result.error == "tls" and tls_receiver.received == []


async def test_excerpts_are_cut_at_2048_bytes_and_invalid_utf8_replaced(
    receiver: Receiver, sender: WebhookSender
) -> None:
    result = await sender.send(f"http://receiver.localhost:{receiver.port}/big", _headers(), BODY)
    assert result.succeeded
    # \xff is invalid: replaced; the e-acute cut in half by the limit is dropped.
    assert result.response_body == "\ufffd" + "a" * 2046
    block = "".join(f"{k}: {v}\r\n" for k, v in result.response_headers.items())
    assert len(block.encode()) <= 2048
    assert result.response_headers["X-Big"] == "x" * len(result.response_headers["X-Big"])


async def test_compressed_bodies_are_kept_raw_never_inflated(
    receiver: Receiver, sender: WebhookSender
) -> None:
    result = await sender.send(f"http://receiver.localhost:{receiver.port}/gzip", _headers(), BODY)
    assert result.succeeded
    assert len(result.response_body) <= 2048 and "0" * 100 not in result.response_body


async def test_a_long_request_header_block_is_cut(
    receiver: Receiver, sender: WebhookSender
) -> None:
    headers = {**_headers(), "X-Long": "y" * 4000}
    result = await sender.send(f"http://receiver.localhost:{receiver.port}/ok", headers, BODY)
    assert result.succeeded
    block = "".join(f"{k}: {v}\r\n" for k, v in result.request_headers.items())
    assert len(block.encode()) <= 2048
    assert result.request_headers["webhook-id"] == "msg_p5jXN8AQM9LWM0D4loKWxJek"
    assert receiver.received[0].headers["X-Long"] == "y" * 4000  # sent whole, logged cut


async def test_proxy_environment_is_ignored(
    receiver: Receiver, resolver: StaticResolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    sender = WebhookSender(production=False, resolver=resolver)
    try:
        result = await sender.send(
            f"http://receiver.localhost:{receiver.port}/ok", _headers(), BODY
        )
    finally:
        await sender.aclose()
    assert result.succeeded


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.fixture
def ipv6_only() -> Iterator[None]:
    if not _ipv6_loopback():
        pytest.skip("no IPv6 loopback here")
    yield


async def test_ipv6_addresses_are_bracketed(ipv6_only: None) -> None:
    async for v6 in _serve("::1"):
        resolver = StaticResolver({"six.localhost": ["::1"]})
        sender = WebhookSender(production=False, resolver=resolver)
        try:
            by_name = await sender.send(f"http://six.localhost:{v6.port}/ok", _headers(), BODY)
            by_literal = await sender.send(f"http://[::1]:{v6.port}/ok", _headers(), BODY)
        finally:
            await sender.aclose()
        assert by_name.succeeded and by_literal.succeeded
        assert [r.host for r in v6.received] == [f"six.localhost:{v6.port}", f"[::1]:{v6.port}"]


def test_attempt_result_defaults() -> None:
    result = AttemptResult(succeeded=False, status_code=None, error="timeout", duration_ms=1)
    assert result.request_headers == {} and result.response_body == ""
