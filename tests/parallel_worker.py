"""Parallel runs (pytest-xdist, started by scripts/run_tests.py --workers N): each worker gets
a database and a Redis database of its own. Imported first by tests/conftest.py, so the
variables are per worker before any test module reads them."""

from __future__ import annotations

import os

_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _WORKER.startswith("gw"):
    for _name in ("CRYPTOLENS_TEST_MYSQL_URL", "CRYPTOLENS_TEST_REDIS_URL"):
        _per_worker = os.environ.get(f"{_name}S")
        if _per_worker:
            os.environ[_name] = _per_worker.split(",")[int(_WORKER[2:])]
