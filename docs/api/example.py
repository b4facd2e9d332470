"""CryptoLens REST API, a worked example: read signals with an API key, receive webhooks.

Needs Python 3.11+ and httpx (`pip install httpx`). Create a key in the web app (Developers,
API keys; premium) with the `read:signals` scope, then:

    export CRYPTOLENS_API_KEY=clk_...
    python example.py signals --base-url https://cryptolens.example.com --since-hours 24
    python example.py receive --port 8080 --secret whsec_...   # a webhook receiver

`signals` pages through GET /api/v1/signals with `meta.next_cursor` and prints one line per
signal; it waits and retries when the API answers 429 (the `Retry-After` header says how long).
`receive` is a minimal webhook receiver: it checks each delivery's Standard Webhooks signature
(and refuses timestamps more than 5 minutes from its clock) before trusting the body, and
answers 2xx quickly (CryptoLens retries anything else). Deliveries are at least once: keep the
`webhook-id` of the ones you handled and drop repeats.

The test suite runs this file against a live server (tests/docs/test_api_example.py).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import os
import sys
import time
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import httpx

TIMESTAMP_TOLERANCE_SECONDS = 5 * 60


# --- Reading: an API key in the X-API-Key header ----------------------------------------------


def iter_signals(
    client: httpx.Client, *, page_size: int = 100, since_ms: int | None = None
) -> Iterator[dict[str, Any]]:
    """Every signal the key may see, newest first, one page at a time."""
    params: dict[str, Any] = {"limit": page_size}
    if since_ms is not None:
        params["since"] = since_ms
    while True:
        body = _get(client, "/api/v1/signals", params)
        yield from body["data"]
        cursor = body["meta"].get("next_cursor")
        if not cursor:
            return
        params["cursor"] = cursor


def _get(client: httpx.Client, path: str, params: Mapping[str, Any]) -> dict[str, Any]:
    for _ in range(5):
        response = client.get(path, params=params)
        if response.status_code == 429:
            # Over the key's limit: the server says when the next call is admitted.
            time.sleep(float(response.headers.get("Retry-After", "1")))
            continue
        body: dict[str, Any] = response.json()
        if response.status_code != 200:
            # Errors share one envelope: a message and a stable machine code.
            raise SystemExit(f"{response.status_code} {body['meta'].get('code')}: {body['error']}")
        return body
    raise SystemExit("still rate limited after 5 tries")


def show_signals(
    base_url: str, api_key: str, since_hours: float | None, page_size: int = 100
) -> int:
    since_ms = None
    if since_hours is not None:
        since_ms = int((time.time() - since_hours * 3600) * 1000)
    headers = {"X-API-Key": api_key, "Accept": "application/json"}
    count = 0
    with httpx.Client(base_url=base_url, headers=headers, timeout=30) as client:
        for signal in iter_signals(client, page_size=page_size, since_ms=since_ms):
            count += 1
            # Market times (created_at, triggered_at, ...) are epoch milliseconds, UTC.
            print(
                f"signal {signal['id']} {signal['symbol']} {signal['direction']} "
                f"{signal['status']} entry={signal['entry']} stop={signal['stop_loss']} "
                f"tp1={signal['take_profit_1']} confluence={signal['confluence']}"
            )
    print(f"{count} signals")
    return count


# --- Receiving webhooks: verify before trusting --------------------------------------------------


class InvalidWebhookError(Exception):
    pass


def verify_webhook(
    secret: str, headers: Mapping[str, str], body: bytes, *, now: float | None = None
) -> dict[str, Any]:
    """The delivery's JSON once its signature and timestamp are checked (Standard Webhooks).

    `headers` must be looked up case-insensitively (http.server's and most frameworks' are).
    During a secret rotation a delivery carries several signatures: one match is enough.
    """
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (msg_id and timestamp and signatures):
        raise InvalidWebhookError("missing webhook headers")
    try:
        sent_at = int(timestamp)
    except ValueError as bad:
        raise InvalidWebhookError("bad webhook-timestamp") from bad
    if abs((time.time() if now is None else now) - sent_at) > TIMESTAMP_TOLERANCE_SECONDS:
        raise InvalidWebhookError("timestamp too far from our clock (replay?)")
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for candidate in signatures.split():
        version, _, value = candidate.partition(",")
        # Constant-time comparison: a timing difference must not reveal the signature.
        if version == "v1" and hmac.compare_digest(value, expected):
            event: dict[str, Any] = json.loads(body)
            return event
    raise InvalidWebhookError("no valid signature")


def receive(port: int, secret: str) -> None:
    seen: set[str] = set()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                event = verify_webhook(secret, self.headers, body)
            except InvalidWebhookError as refused:
                print(f"refused: {refused}", flush=True)
                self.send_response(400)
                self.end_headers()
                return
            msg_id = self.headers["webhook-id"]
            if msg_id in seen:
                print(f"duplicate {msg_id} dropped", flush=True)
            else:
                seen.add(msg_id)
                print(f"verified {event['type']} {msg_id}", flush=True)
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass  # one line per delivery above is enough

    server = HTTPServer(("127.0.0.1", port), Handler)
    print(f"listening on http://127.0.0.1:{server.server_port}/", flush=True)
    server.serve_forever()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    signals = commands.add_parser("signals", help="page through the signals the key may see")
    signals.add_argument("--base-url", default="http://127.0.0.1:8000")
    signals.add_argument("--since-hours", type=float)
    signals.add_argument("--page-size", type=int, default=100, help="signals per request")
    receiver = commands.add_parser("receive", help="run a webhook receiver that checks signatures")
    receiver.add_argument("--port", type=int, default=8080)
    receiver.add_argument("--secret", required=True)
    args = parser.parse_args(argv)
    if args.command == "signals":
        api_key = os.environ.get("CRYPTOLENS_API_KEY")
        if not api_key:
            parser.error("set CRYPTOLENS_API_KEY to your clk_ key")
        show_signals(args.base_url, api_key, args.since_hours, args.page_size)
    else:
        receive(args.port, args.secret)
    return 0


if __name__ == "__main__":
    sys.exit(main())
