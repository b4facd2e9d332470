"""Prometheus: HTTP metrics from the instrumentator, named cryptolens_*, served at /metrics."""

from __future__ import annotations

from fastapi import FastAPI
from prometheus_fastapi_instrumentator import Instrumentator

METRIC_NAMESPACE = "cryptolens"


def install_metrics(app: FastAPI) -> None:
    instrumentator = Instrumentator(
        should_group_status_codes=False,
        should_ignore_untemplated=True,
        excluded_handlers=["/metrics", "/api/health/live"],
    )
    instrumentator.instrument(app, metric_namespace=METRIC_NAMESPACE)
    instrumentator.expose(app, endpoint="/metrics", include_in_schema=False)
