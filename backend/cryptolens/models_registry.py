"""Imports every domain's models so Base.metadata knows all tables (alembic, test checks)."""

from __future__ import annotations

import importlib

MODEL_MODULES = [
    "cryptolens.system.models",
    "cryptolens.system.audit.models",
    "cryptolens.system.errors.models",
    "cryptolens.auth.models",
    "cryptolens.billing.models",
    "cryptolens.market.models",
    "cryptolens.patterns.models",
    "cryptolens.signals.models",
    "cryptolens.notifications.models",
    "cryptolens.job_requests.models",
    "cryptolens.apikeys.models",
    "cryptolens.webhooks.models",
    "cryptolens.portfolio.models",
    "cryptolens.backtests.models",
    "cryptolens.backtests.study_models",
]


def load_all_models() -> None:
    for module_name in MODEL_MODULES:
        importlib.import_module(module_name)
