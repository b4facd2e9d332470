"""Annotated dependencies shared by every domain's routes, read from the app's resources."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any, Protocol

from fastapi import Depends, Request
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.cache import Cache
from cryptolens.core.clock import Clock
from cryptolens.core.events import EventBus
from cryptolens.core.job_queue import JobQueue
from cryptolens.core.resources import RESOURCES_ATTRIBUTE, CoreResources, resources_of
from cryptolens.db import TransactionConflictError, is_conflict, unit_of_work
from cryptolens.settings import Settings


async def _resources(request: Request) -> CoreResources:
    return resources_of(request.app)


ResourcesDep = Annotated[CoreResources, Depends(_resources)]


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    try:
        async with unit_of_work(resources_of(request.app).session_factory) as session:
            yield session
    except DBAPIError as error:
        # A deadlock victim or a lock wait out of time: the request is run again
        # (core/conflicts.py), since a route's body cannot be re-entered from here.
        if is_conflict(error):
            raise TransactionConflictError(str(error.orig)) from error
        raise


async def _session_factory(request: Request) -> async_sessionmaker[AsyncSession]:
    return resources_of(request.app).session_factory


async def _settings(request: Request) -> Settings:
    return resources_of(request.app).settings


async def _clock(request: Request) -> Clock:
    return resources_of(request.app).clock


async def _cache(request: Request) -> Cache:
    return resources_of(request.app).cache


async def _events(request: Request) -> EventBus:
    return resources_of(request.app).events


async def _shared_clients(request: Request) -> dict[str, Any]:
    return resources_of(request.app).shared_clients


class JobQueueResources(Protocol):
    """What the routes that queue jobs read from the app's one AppResources beyond core's."""

    @property
    def job_queue(self) -> JobQueue: ...


async def _job_queue(request: Request) -> JobQueue:
    resources: JobQueueResources = getattr(request.app.state, RESOURCES_ATTRIBUTE)
    return resources.job_queue


async def require_csrf(request: Request) -> None:
    """For routes that are unsafe and cookie-facing but not session-authenticated (login,
    register, token flows): the CSRF header must echo the cookie. Safe methods pass. Routes
    a session authenticates are checked by the identity layer instead (access/)."""
    resources_of(request.app).csrf_tokens.check(request)


# The small getters are coroutines reading the request's app directly: FastAPI runs a plain
# `def` dependency in a worker thread, and every extra dependency level costs on every request.
# scope="function": the unit of work commits before the response is sent.
SessionDep = Annotated[AsyncSession, Depends(_session, scope="function")]
# For work that needs the database only sometimes (a cache miss): open a unit of work then.
SessionFactoryDep = Annotated[async_sessionmaker[AsyncSession], Depends(_session_factory)]
SettingsDep = Annotated[Settings, Depends(_settings)]
CacheDep = Annotated[Cache, Depends(_cache)]
ClockDep = Annotated[Clock, Depends(_clock)]
EventsDep = Annotated[EventBus, Depends(_events)]
SharedClientsDep = Annotated[dict[str, Any], Depends(_shared_clients)]
# Enqueue a job by name (after the commit that made its rows visible): arq, or the embedded runner.
JobQueueDep = Annotated[JobQueue, Depends(_job_queue)]
