"""The `cryptolens` command. Each domain contributes its subcommands through a `commands` module
exposing `register(subparsers)`; every subcommand sets `handler(args) -> int` (the exit status)."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Domain command modules, in the order their commands are listed by --help.
COMMAND_MODULES = [
    "cryptolens.system.commands",
    "cryptolens.auth.commands",
    "cryptolens.startup.commands",
    "cryptolens.admin.commands",
    "cryptolens.market.commands",
    "cryptolens.patterns.commands",
    "cryptolens.signals.commands",
    "cryptolens.jobs.commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cryptolens",
        description="CryptoLens: Smart Money Concepts patterns, signals and alerts.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    status: int = handler(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
