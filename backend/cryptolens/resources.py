"""The app's shared resources: built once per app, stored once on it, read typed.

Part of the composition root (with app.py and startup/): `AppResources` is the one dataclass
holding what requests and the lifespan share, and the place where the domains are wired into
the identity layer: auth answers for sessions and users, billing for tiers, apikeys for keys
(access.ports.AccountSource / TierSource / ApiKeySource), so none imports another.

Each layer reads the resources through the protocol of what it needs (core.resources,
core.ratelimit, access.resources, auth.toolkit); `store_resources` checks statically that
this dataclass satisfies all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from arq.connections import ArqRedis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette

from cryptolens.access.key_memo import KeyMemo
from cryptolens.access.memo import AccessMemo
from cryptolens.access.ports import AccountSource, ApiKeySource, TierSource
from cryptolens.access.resources import AccessResources
from cryptolens.access.session_cookie import SESSION_COOKIE
from cryptolens.apikeys.access_source import ApiKeyDirectory
from cryptolens.auth.access_source import SessionAccountSource
from cryptolens.auth.toolkit import AuthResources, AuthToolkit, build_toolkit
from cryptolens.billing.access_source import SubscriptionTierSource
from cryptolens.core.cache import Cache, MemoryCache, RedisCache
from cryptolens.core.clock import Clock, SystemClock
from cryptolens.core.csrf import CsrfTokens
from cryptolens.core.deps import JobQueueResources
from cryptolens.core.error_reporting import ErrorReporter, ErrorReportingResources
from cryptolens.core.events import MAX_BLOCK_SECONDS, EventBus, MemoryEventBus, RedisEventBus
from cryptolens.core.job_queue import BoundedJobQueue
from cryptolens.core.ratelimit import AppRateLimiter, RateLimitResources
from cryptolens.core.redis_guard import RedisGuard
from cryptolens.core.resources import RESOURCES_ATTRIBUTE, CoreResources, DataSource
from cryptolens.db import create_engine, create_session_factory
from cryptolens.job_context import JobQueue
from cryptolens.jobs.runtime import JobsRuntime, create_jobs_runtime, use_json_payloads
from cryptolens.settings import Settings
from cryptolens.system.errors.capture import ErrorTracker


@dataclass
class AppResources:
    settings: Settings
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    clock: Clock
    cache: Cache
    events: EventBus
    csrf_tokens: CsrfTokens
    rate_limiter: AppRateLimiter
    access_memo: AccessMemo
    accounts: AccountSource
    tiers: TierSource
    api_keys: ApiKeySource
    key_memo: KeyMemo
    auth_toolkit: AuthToolkit
    jobs: JobsRuntime
    # Unhandled API exceptions are stored by error tracking (None: they are only logged).
    error_reporter: ErrorReporter | None

    @property
    def data_source(self) -> DataSource:
        # One value, the jobs' own: start-up may switch it to the replay (embedded mode).
        return self.jobs.ctx.data_source

    @property
    def shared_clients(self) -> dict[str, Any]:
        return self.jobs.ctx.resources

    @property
    def job_queue(self) -> JobQueue:
        # Where requests queue jobs: arq with Redis, else the embedded runner; bounded, so a
        # hung Redis costs a request a second, not the client's read timeout.
        return BoundedJobQueue(self.jobs.ctx.enqueuer)


def build_resources(
    settings: Settings, engine: AsyncEngine | None = None, clock: Clock | None = None
) -> AppResources:
    """Everything an app shares; tests pass their own engine to share one migrated database."""
    engine = engine or create_engine(
        settings.resolved_database_url, settings, serving_requests=True
    )
    session_factory = create_session_factory(engine)
    clock = clock or SystemClock()
    redis = create_api_redis(settings.redis_url, settings) if settings.redis_url else None
    # One guard for every Redis call a request makes: Redis down is one fact for the cache,
    # the limiter and the stream, and its breaker spares all three the timeout.
    guard = RedisGuard.from_settings(settings.http)
    cache: Cache = RedisCache(redis, guard=guard) if redis is not None else MemoryCache()
    events: EventBus = RedisEventBus(redis, guard=guard) if redis is not None else MemoryEventBus()
    return AppResources(
        settings=settings,
        engine=engine,
        session_factory=session_factory,
        clock=clock,
        cache=cache,
        events=events,
        csrf_tokens=CsrfTokens(settings.secret_key_value(), session_cookie=SESSION_COOKIE),
        rate_limiter=AppRateLimiter(settings, guard),
        access_memo=AccessMemo(settings.security.access_memo_seconds),
        accounts=SessionAccountSource(settings.security),
        tiers=SubscriptionTierSource(),
        api_keys=ApiKeyDirectory(cache, settings.api_keys.usage_days_kept),
        key_memo=KeyMemo(settings.security.access_memo_seconds),
        auth_toolkit=build_toolkit(settings),
        jobs=create_jobs_runtime(settings, session_factory, cache, clock, redis, events),
        # Bounded like a request's own wait for the database (it runs after the response).
        error_reporter=ErrorTracker(session_factory, clock, settings.database.request_wait_seconds),
    )


def create_api_redis(url: str, settings: Settings) -> ArqRedis:
    """An API process's one Redis client (cache, event stream, enqueueing), connecting lazily
    so the API starts, and keeps serving, with Redis down. Connecting is bounded by the short
    Redis timeout, one read by the stream's longest block (and a second); the guard bounds
    each cache and stream call further (core/redis_guard.py)."""
    client: ArqRedis = ArqRedis.from_url(
        url,
        socket_connect_timeout=settings.http.redis_timeout_seconds,
        socket_timeout=MAX_BLOCK_SECONDS + 1.0,
        health_check_interval=30,
    )
    return use_json_payloads(client)


def store_resources(app: Starlette, resources: AppResources) -> None:
    # Every layer's view of the resources, checked here by mypy: a field a layer reads and
    # this dataclass lacks fails the type check, not a request.
    views: tuple[
        CoreResources,
        RateLimitResources,
        AccessResources,
        AuthResources,
        JobQueueResources,
        ErrorReportingResources,
    ] = (resources, resources, resources, resources, resources, resources)
    del views
    setattr(app.state, RESOURCES_ATTRIBUTE, resources)


def app_resources(app: Starlette) -> AppResources:
    """The concrete resources (the lifespan, start-up, tests that swap a part)."""
    resources = getattr(app.state, RESOURCES_ATTRIBUTE)
    if not isinstance(resources, AppResources):
        raise RuntimeError("the app has no resources: build it with cryptolens.app.create_app")
    return resources
