"""Prometheus: HTTP metrics from the instrumentator, named cryptolens_*, served at /metrics.

Several API processes (`cryptolens serve --workers N`) answer one scrape alike: `serve` points
PROMETHEUS_MULTIPROC_DIR at a fresh directory before its workers start, every process then
writes its counters and histograms there, and /metrics sums them over all processes
(prometheus_client's multiprocess mode). Gauges computed from the database on scrape come from
scrape hooks the composition root registers (core imports no domain); a hook omits its
samples when it cannot count, so a database outage never reads as 0.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass

from fastapi import FastAPI
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_fastapi_instrumentator import Instrumentator
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

log = logging.getLogger("cryptolens.metrics")

METRIC_NAMESPACE = "cryptolens"
MULTIPROC_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"


@dataclass(frozen=True)
class GaugeReading:
    """A gauge counted at scrape time: `samples` are (label values, value); none when the
    count could not be made (the sample is omitted, never reported as 0)."""

    name: str
    documentation: str
    label_names: tuple[str, ...] = ()
    samples: tuple[tuple[tuple[str, ...], float], ...] = ()


# Registered by the composition root: each returns its readings for one scrape.
ScrapeHook = Callable[[], Awaitable[Sequence[GaugeReading]]]


def install_metrics(app: FastAPI, scrape_hooks: Sequence[ScrapeHook] = ()) -> None:
    instrumentator = Instrumentator(
        should_group_status_codes=False,
        should_ignore_untemplated=True,
        excluded_handlers=["/metrics", "/api/health/live"],
    )
    instrumentator.instrument(app, metric_namespace=METRIC_NAMESPACE)
    hooks = tuple(scrape_hooks)

    async def metrics(request: Request) -> Response:
        readings: list[GaugeReading] = []
        for hook in hooks:
            try:
                readings.extend(await hook())
            except Exception as exc:  # a broken hook costs its gauges, never the scrape
                log.warning("metrics.hook_failed", extra={"error": repr(exc)})
        body = await run_in_threadpool(exposition, readings)
        return Response(content=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.add_route("/metrics", metrics, methods=["GET"], include_in_schema=False)


def exposition(readings: Sequence[GaugeReading] = ()) -> bytes:
    """The text of one scrape: every process's metrics in multiprocess mode (the directory's
    files, whichever process answers), this process's otherwise, then the readings."""
    if MULTIPROC_DIR_ENV in os.environ:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry = REGISTRY
    text = generate_latest(registry)
    if readings:
        extra = CollectorRegistry()
        extra.register(_ReadingsCollector(tuple(readings)))
        text += generate_latest(extra)
    return text


class _ReadingsCollector:
    def __init__(self, readings: tuple[GaugeReading, ...]) -> None:
        self._readings = readings

    def collect(self) -> Iterator[Metric]:
        for reading in self._readings:
            family = GaugeMetricFamily(
                reading.name, reading.documentation, labels=list(reading.label_names)
            )
            for label_values, value in reading.samples:
                family.add_metric(list(label_values), value)
            yield family


def release_process_metrics() -> None:
    """At a process's exit in multiprocess mode: its live gauges leave the sums (its
    counters stay: what it counted happened)."""
    if MULTIPROC_DIR_ENV in os.environ:
        multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]


# Job metrics live in the default registry: the API's /metrics and each worker's own endpoint
# (settings.jobs.worker_metrics_port) serve them from the process where the work happens.
JOB_PROCESSING_SECONDS = Histogram(
    "cryptolens_job_processing_seconds",
    "Time spent running a job",
    ["job"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
)
# "mostrecent": in multiprocess mode the last value set by any process, with no pid label.
JOB_QUEUE_SIZE = Gauge(
    "cryptolens_job_queue_size",
    "Jobs waiting in a queue",
    ["queue"],
    multiprocess_mode="mostrecent",
)
JOBS_TOTAL = Counter("cryptolens_jobs_total", "Job runs by final status", ["job", "status"])
CACHE_HITS = Counter("cryptolens_cache_hits_total", "Cache lookups answered from the cache")
CACHE_MISSES = Counter("cryptolens_cache_misses_total", "Cache lookups that had to compute")
PATTERNS_ACTIVE = Gauge(
    "cryptolens_patterns_active",
    "Active patterns by type and timeframe",
    ["type", "timeframe"],
    multiprocess_mode="mostrecent",
)
# Counted by the process that commits the signal cycle (a worker, or the API in the embedded
# mode), after the commit, so a rolled-back cycle counts nothing.
SIGNALS_TOTAL = Counter("cryptolens_signals_total", "Signals created", ["direction"])
SIGNAL_OUTCOMES_TOTAL = Counter(
    "cryptolens_signal_outcomes_total",
    "Signals that reached a final status (stopped, tp3, closed, expired, cancelled)",
    ["outcome"],
)
