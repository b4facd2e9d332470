"""Prometheus: HTTP metrics from the instrumentator, named cryptolens_*, served at /metrics."""

from __future__ import annotations

from fastapi import FastAPI
from prometheus_client import Counter, Gauge, Histogram
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


# Job metrics live in the default registry: the API's /metrics and each worker's own endpoint
# (settings.jobs.worker_metrics_port) serve them from the process where the work happens.
JOB_PROCESSING_SECONDS = Histogram(
    "cryptolens_job_processing_seconds",
    "Time spent running a job",
    ["job"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
)
JOB_QUEUE_SIZE = Gauge("cryptolens_job_queue_size", "Jobs waiting in a queue", ["queue"])
JOBS_TOTAL = Counter("cryptolens_jobs_total", "Job runs by final status", ["job", "status"])
CACHE_HITS = Counter("cryptolens_cache_hits_total", "Cache lookups answered from the cache")
CACHE_MISSES = Counter("cryptolens_cache_misses_total", "Cache lookups that had to compute")
PATTERNS_ACTIVE = Gauge(
    "cryptolens_patterns_active", "Active patterns by type and timeframe", ["type", "timeframe"]
)
# Counted by the process that commits the signal cycle (a worker, or the API in the embedded
# mode), after the commit, so a rolled-back cycle counts nothing.
SIGNALS_TOTAL = Counter("cryptolens_signals_total", "Signals created", ["direction"])
SIGNAL_OUTCOMES_TOTAL = Counter(
    "cryptolens_signal_outcomes_total",
    "Signals that reached a final status (stopped, tp3, closed, expired, cancelled)",
    ["outcome"],
)
