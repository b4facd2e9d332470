"""The `cryptolens` command. Each domain contributes its subcommands through a `commands` module
exposing `register(subparsers)`; every subcommand sets `handler(args) -> int` (the exit status)."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext

from cryptolens.core.compiled_cache import compiled_cache_under
from cryptolens.settings import SettingsError, get_settings

# Domain command modules, in the order their commands are listed by --help.
COMMAND_MODULES = [
    "cryptolens.system.commands",
    "cryptolens.system.key_rotation",
    "cryptolens.auth.commands",
    "cryptolens.startup.commands",
    "cryptolens.admin.commands",
    "cryptolens.market.commands",
    "cryptolens.patterns.commands",
    "cryptolens.signals.commands",
    "cryptolens.backtests.commands",
    "cryptolens.backtests.study_commands",
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
    # Before the commands are imported: importing them declares the compiled detectors.
    with _compiled_code_cache():
        parser = build_parser()
        args = parser.parse_args(argv)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return 2
        status: int = handler(args)
        return status


def _compiled_code_cache() -> AbstractContextManager[None]:
    """The detectors' compiled code is cached under VAR_DIR (the package may be read-only)."""
    try:
        var_dir = get_settings().var_dir
    except (SettingsError, ValueError):  # ValueError: pydantic's validation and sources
        # The command that needs the settings reports why; --help and detect work without.
        return nullcontext()
    return compiled_cache_under(var_dir)


if __name__ == "__main__":
    sys.exit(main())
