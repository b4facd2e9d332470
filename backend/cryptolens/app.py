"""create_app(): middleware, routers, error handlers and the lifespan's shared resources."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens import __version__
from cryptolens.auth.install import install_auth
from cryptolens.billing.access_memo import AccessMemo
from cryptolens.core.cache import MemoryCache, RedisCache
from cryptolens.core.clock import Clock, SystemClock
from cryptolens.core.envelope import ErrorEnvelope
from cryptolens.core.events import MemoryEventBus, RedisEventBus
from cryptolens.core.handlers import install_error_handlers
from cryptolens.core.metrics import install_metrics
from cryptolens.core.middleware import RequestContextMiddleware
from cryptolens.db import create_engine, create_session_factory
from cryptolens.jobs.runtime import create_arq_redis, create_jobs_runtime
from cryptolens.market.routes import router as market_router
from cryptolens.notifications.routes import router as notifications_router
from cryptolens.patterns.routes import router as patterns_router
from cryptolens.settings import Settings, get_settings
from cryptolens.signals.routes import router as signals_router
from cryptolens.signals.stream import router as stream_router
from cryptolens.startup import prepare_embedded_start
from cryptolens.system.docs import install_docs
from cryptolens.system.routes import router as health_router
from cryptolens.system.spa import SinglePageApp

log = logging.getLogger("cryptolens.app")

# Declared on every operation so clients know the error shape.
COMMON_ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    422: {"model": ErrorEnvelope, "description": "Invalid body or query"},
    500: {"model": ErrorEnvelope, "description": "Internal error (no details leaked)"},
}


def create_app(
    settings: Settings | None = None,
    engine: AsyncEngine | None = None,
    clock: Clock | None = None,
) -> FastAPI:
    """Build the app; tests pass their own engine to share one migrated database."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log.info(
            "app.start",
            extra={
                "env": settings.env,
                "database": app.state.engine.dialect.name,
                "cache": app.state.cache.backend,
            },
        )
        if settings.env != "test":  # tests set up data and drive jobs themselves
            await prepare_embedded_start(app)
        await app.state.jobs.start(schedule=settings.inline_jobs and settings.env != "test")
        try:
            yield
        finally:
            await app.state.jobs.stop()
            await app.state.cache.close()
            await app.state.engine.dispose()

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
        lifespan=lifespan,
        responses=COMMON_ERROR_RESPONSES,
    )
    # Resources live on app.state from construction, so tests and the lifespan share them.
    app.state.settings = settings
    app.state.engine = engine or create_engine(settings.resolved_database_url, settings)
    app.state.session_factory = create_session_factory(app.state.engine)
    app.state.clock = clock or SystemClock()
    redis = create_arq_redis(settings.redis_url) if settings.redis_url else None
    app.state.cache = RedisCache(redis) if redis is not None else MemoryCache()
    app.state.access_memo = AccessMemo(settings.access_memo_seconds)
    app.state.events = RedisEventBus(redis) if redis is not None else MemoryEventBus()
    app.state.jobs = create_jobs_runtime(
        settings,
        app.state.session_factory,
        app.state.cache,
        app.state.clock,
        redis,
        app.state.events,
    )
    app.state.data_source = settings.data_source

    install_error_handlers(app)
    install_metrics(app)
    app.add_middleware(RequestContextMiddleware)
    install_auth(app)

    app.include_router(health_router)
    app.include_router(market_router)
    app.include_router(patterns_router)
    app.include_router(signals_router)
    app.include_router(stream_router)
    app.include_router(notifications_router)
    install_docs(app)

    if (settings.frontend_dist / "index.html").is_file():
        app.mount("/", SinglePageApp(settings.frontend_dist), name="spa")
    return app
