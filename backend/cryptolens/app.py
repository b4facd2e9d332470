"""create_app(): the composition root. It builds the app's resources (resources.py), adds
middleware and error handlers, includes every router, and runs the lifespan."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens import __version__
from cryptolens.access.session_cookie import SESSION_COOKIE
from cryptolens.admin.router import router as admin_router
from cryptolens.admin.stats.gauges import business_gauges
from cryptolens.apikeys.routes import router as api_keys_router
from cryptolens.auth.routes import router as auth_router
from cryptolens.backtests.parameter_routes import router as backtest_parameters_router
from cryptolens.backtests.routes import router as backtests_router
from cryptolens.backtests.study_routes import router as studies_router
from cryptolens.billing.routes import router as billing_router
from cryptolens.core.admission import install_admission
from cryptolens.core.body_limit import install_body_limit
from cryptolens.core.clock import Clock
from cryptolens.core.conflicts import install_conflict_retries
from cryptolens.core.csrf import install_json_only
from cryptolens.core.envelope import ErrorEnvelope
from cryptolens.core.handlers import install_error_handlers
from cryptolens.core.metrics import install_metrics, release_process_metrics
from cryptolens.core.middleware import RequestContextMiddleware
from cryptolens.core.no_store import install_no_store
from cryptolens.core.origin import install_same_origin
from cryptolens.core.ratelimit import install_rate_limiting
from cryptolens.core.shutdown import install_stop_signal, stop_on_signals, stop_signal_of
from cryptolens.job_requests.routes import router as job_requests_router
from cryptolens.market.routes import router as market_router
from cryptolens.notifications.routes import router as notifications_router
from cryptolens.patterns.routes import router as patterns_router
from cryptolens.portfolio.journal_routes import router as journal_router
from cryptolens.portfolio.report_routes import router as portfolio_reports_router
from cryptolens.portfolio.routes import router as portfolio_router
from cryptolens.profile.routes import router as profile_router
from cryptolens.resources import app_resources, build_resources, store_resources
from cryptolens.settings import Settings, get_settings
from cryptolens.signals.routes import router as signals_router
from cryptolens.signals.stream import router as stream_router
from cryptolens.startup import announce, prepare_embedded_start
from cryptolens.system.compression import install_compression
from cryptolens.system.docs import install_docs
from cryptolens.system.openapi_document import install_openapi
from cryptolens.system.routes import router as health_router
from cryptolens.system.spa import SinglePageApp
from cryptolens.webhooks.routes import router as webhooks_router

log = logging.getLogger("cryptolens.app")

# Declared on every operation so clients know the error shape.
COMMON_ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorEnvelope, "description": "The body could not be read (e.g. not UTF-8)"},
    413: {"model": ErrorEnvelope, "description": "The body is over settings.http.max_body_bytes"},
    415: {"model": ErrorEnvelope, "description": "An unsafe request's body is not JSON"},
    422: {"model": ErrorEnvelope, "description": "Invalid path, query or body (named in meta)"},
    500: {"model": ErrorEnvelope, "description": "Internal error (no details leaked)"},
}

# Every answer of the account and admin routes is personal (tokens, sessions, users).
NO_STORE_PREFIXES = ("/api/v1/auth/", "/api/v1/admin/")

# Probes must answer under any load; streams live for hours and would hold a turn for ever.
ADMISSION_EXEMPT = ("/api/health/live", "/metrics", "/api/v1/stream")

# Providers sign their raw body and send it as they like; the signature protects them.
JSON_ONLY_EXEMPT = ("/api/v1/billing/webhooks/",)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    resources = app_resources(app)
    settings = resources.settings
    log.info(
        "app.start",
        extra={
            "env": settings.env,
            "database": resources.engine.dialect.name,
            "cache": resources.cache.backend,
        },
    )
    stop = stop_signal_of(app)
    # A signal ends SSE streams and inline jobs within the grace (core/shutdown.py).
    with stop_on_signals(stop):
        start_block = None
        if settings.env != "test":  # tests set up data and drive jobs themselves
            start_block = await prepare_embedded_start(resources)
        await resources.jobs.start(schedule=settings.jobs.inline and settings.env != "test")
        if resources.jobs.runner is not None:
            resources.jobs.runner.stop_when(stop)
        if settings.env != "test":  # a test run builds many apps in one process
            # What start-up built (modules, the app, its routes) lives as long as the
            # process: kept out of the collector's generations, a full collection no longer
            # walks it in a request's turn (liveness p99 under load 230 ms -> 17 ms, reads
            # +29 %: bench/bench_load.py).
            gc.collect()
            gc.freeze()
        announce(start_block)  # ready: where to open the app and how to sign in
        try:
            yield
        finally:
            await resources.jobs.stop()
            await resources.cache.close()
            await resources.engine.dispose()
            release_process_metrics()


def create_app(
    settings: Settings | None = None,
    engine: AsyncEngine | None = None,
    clock: Clock | None = None,
) -> FastAPI:
    """Build the app; tests pass their own engine to share one migrated database."""
    settings = settings or get_settings()
    app = FastAPI(
        title="CryptoLens API",
        version=__version__,
        description=(
            "Smart Money Concepts patterns (FVG, Order Blocks, Liquidity Sweeps), "
            "multi-timeframe signals and alerts. Every JSON response is an envelope "
            "`{success, data, error, meta}`."
        ),
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
        responses=COMMON_ERROR_RESPONSES,
    )
    # Built with the app, not in the lifespan, so tests and the lifespan share them.
    resources = build_resources(settings, engine, clock)
    store_resources(app, resources)
    install_stop_signal(app, settings.http.shutdown_grace_seconds)

    install_error_handlers(app)
    install_conflict_retries(app)  # first: the innermost middleware
    install_metrics(
        app,
        scrape_hooks=[
            business_gauges(
                resources.session_factory,
                resources.cache,
                resources.clock,
                resources.settings.database.request_wait_seconds,
            )
        ],
    )
    app.add_middleware(RequestContextMiddleware)
    install_rate_limiting(app, resources.rate_limiter)
    install_json_only(app, exempt_prefixes=JSON_ONLY_EXEMPT)
    install_same_origin(app, settings.public_url, settings.http.cors_origins)
    install_no_store(app, SESSION_COOKIE, always_prefixes=NO_STORE_PREFIXES)
    install_admission(app, settings.http.max_concurrent_requests, ADMISSION_EXEMPT)
    install_body_limit(app, settings.http.max_body_bytes)
    install_compression(app)  # last: the outermost, it sees the final body

    app.include_router(auth_router)
    app.include_router(profile_router)
    app.include_router(billing_router)
    app.include_router(health_router)
    app.include_router(market_router)
    app.include_router(patterns_router)
    app.include_router(signals_router)
    app.include_router(stream_router)
    app.include_router(notifications_router)
    app.include_router(job_requests_router)
    app.include_router(portfolio_router)
    app.include_router(portfolio_reports_router)
    app.include_router(journal_router)
    app.include_router(backtest_parameters_router)  # before /backtests/{id}
    app.include_router(backtests_router)
    app.include_router(studies_router)
    app.include_router(webhooks_router)
    app.include_router(api_keys_router)
    app.include_router(admin_router)
    install_docs(app)
    install_openapi(app)  # completes the document from the route table

    # Last: the SPA is mounted at "/" and would shadow anything added after it.
    frontend_dist = settings.http.frontend_dist
    if (frontend_dist / "index.html").is_file():
        app.mount("/", SinglePageApp(frontend_dist), name="spa")
    return app
