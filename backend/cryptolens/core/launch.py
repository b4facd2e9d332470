"""One console start block per launch of `cryptolens serve`.

With `--workers N` every worker process runs the app's start-up, and each would print the
block (the first with the demo passwords, the others the emails again). `serve` gives its
workers a directory of their own launch (an environment variable, like the metrics directory);
the first process to claim the announcement there prints the block, the others stay quiet. A
process started on its own (one worker, a test's app) has no such directory and always prints.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LAUNCH_DIR_ENV = "CRYPTOLENS_LAUNCH_DIR"
ANNOUNCED_MARKER = "start-block-announced"


@contextmanager
def shared_launch(several_processes: bool) -> Iterator[None]:
    """For the worker processes about to start: a fresh launch directory named in
    LAUNCH_DIR_ENV, removed after (none for a single process)."""
    inherited = os.environ.pop(LAUNCH_DIR_ENV, None)
    directory = tempfile.mkdtemp(prefix="cryptolens-launch-") if several_processes else None
    if directory is not None:
        os.environ[LAUNCH_DIR_ENV] = directory
    try:
        yield
    finally:
        os.environ.pop(LAUNCH_DIR_ENV, None)
        if inherited is not None:
            os.environ[LAUNCH_DIR_ENV] = inherited
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)


def claim_announcement() -> bool:
    """Whether this process prints the launch's start block: the first claim of the launch
    wins (an exclusive create, so two processes never both win), a process outside a shared
    launch always does. Claimed under the start-up lock (startup/exclusive.py), the winner is
    the first process through it: the one that made the demo accounts and knows their
    passwords."""
    directory = os.environ.get(LAUNCH_DIR_ENV)
    if not directory:
        return True
    try:
        with (Path(directory) / ANNOUNCED_MARKER).open("x"):
            return True
    except FileExistsError:
        return False
    except OSError:
        return True  # the directory is gone (a stale variable): better twice than never
