"""Fixtures of the settings and docs tests."""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No CRYPTOLENS_ variable from the test run's own environment (CRYPTOLENS_ENV=test...)
    leaks into a test."""
    for name in list(os.environ):
        if name.upper().startswith("CRYPTOLENS_"):
            monkeypatch.delenv(name)
    return monkeypatch
