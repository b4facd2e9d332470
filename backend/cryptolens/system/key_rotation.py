"""`cryptolens rotate-encryption`: re-encrypts every stored secret (TOTP seeds, webhook
secrets) with the first key of CRYPTOLENS_ENCRYPTION_KEYS, so the older keys can be dropped.
Run it after every process runs with the new key first; running it again changes nothing."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from typing import Any

from cryptolens.auth import service as accounts
from cryptolens.core.logging import configure_logging
from cryptolens.core.reencryption import DEFAULT_BATCH_SIZE, ReencryptionCount, reencrypt_column
from cryptolens.core.security import SecretBox
from cryptolens.db import create_engine, create_session_factory
from cryptolens.settings import Settings, get_settings
from cryptolens.webhooks import service as webhooks

log = logging.getLogger("cryptolens.system")

# Every column holding a Fernet ciphertext, as each domain declares them.
ENCRYPTED_COLUMNS = (*accounts.ENCRYPTED_COLUMNS, *webhooks.ENCRYPTED_COLUMNS)


def register(subparsers: Any) -> None:
    rotate = subparsers.add_parser(
        "rotate-encryption",
        help="re-encrypt every stored secret with the first CRYPTOLENS_ENCRYPTION_KEYS key",
    )
    rotate.add_argument(
        "--batch-size",
        type=_positive,
        default=DEFAULT_BATCH_SIZE,
        help=f"rows per transaction (default {DEFAULT_BATCH_SIZE})",
    )
    rotate.set_defaults(handler=_rotate_encryption)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


async def rotate_encryption(
    settings: Settings, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[ReencryptionCount]:
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        factory = create_session_factory(engine)
        box = SecretBox.for_settings(settings)
        return [
            await reencrypt_column(factory, box, column, batch_size=batch_size)
            for column in ENCRYPTED_COLUMNS
        ]
    finally:
        await engine.dispose()


def _rotate_encryption(args: argparse.Namespace) -> int:
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    counts = asyncio.run(rotate_encryption(settings, args.batch_size))
    for count in counts:
        log.info(
            "encryption.rotated",
            extra={
                "column": count.column,
                "rewritten": count.rewritten,
                "current": count.current,
                "unreadable": count.unreadable,
            },
        )
        print(count)
    unreadable = sum(count.unreadable for count in counts)
    if unreadable:
        print(
            f"rotate-encryption: {unreadable} stored secrets open with none of the configured "
            "keys; add the key they were written with (after the newest) and run it again",
            file=sys.stderr,
        )
        return 1
    print("Every stored secret is under the first key: the others can be removed.")
    return 0
