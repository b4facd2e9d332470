"""Annotated dependencies shared by every domain's routes, read from the app's resources."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.cache import Cache
from cryptolens.core.clock import Clock
from cryptolens.core.events import EventBus
from cryptolens.core.resources import CoreResources, resources_of
from cryptolens.db import unit_of_work
from cryptolens.settings import Settings


async def _resources(request: Request) -> CoreResources:
    return resources_of(request.app)


ResourcesDep = Annotated[CoreResources, Depends(_resources)]


async def _session(resources: ResourcesDep) -> AsyncIterator[AsyncSession]:
    async with unit_of_work(resources.session_factory) as session:
        yield session


async def _session_factory(resources: ResourcesDep) -> async_sessionmaker[AsyncSession]:
    return resources.session_factory


async def _settings(resources: ResourcesDep) -> Settings:
    return resources.settings


async def _clock(resources: ResourcesDep) -> Clock:
    return resources.clock


async def _cache(resources: ResourcesDep) -> Cache:
    return resources.cache


async def _events(resources: ResourcesDep) -> EventBus:
    return resources.events


async def _shared_clients(resources: ResourcesDep) -> dict[str, Any]:
    return resources.shared_clients


async def require_csrf(request: Request, resources: ResourcesDep) -> None:
    """For routes that are unsafe and cookie-facing but not session-authenticated (login,
    register, token flows): the CSRF header must echo the cookie. Safe methods pass. Routes
    a session authenticates are checked by the identity layer instead (access/)."""
    resources.csrf_tokens.check(request)


# The small getters are coroutines: FastAPI runs a plain `def` dependency in a worker thread.
# scope="function": the unit of work commits before the response is sent.
SessionDep = Annotated[AsyncSession, Depends(_session, scope="function")]
# For work that needs the database only sometimes (a cache miss): open a unit of work then.
SessionFactoryDep = Annotated[async_sessionmaker[AsyncSession], Depends(_session_factory)]
SettingsDep = Annotated[Settings, Depends(_settings)]
CacheDep = Annotated[Cache, Depends(_cache)]
ClockDep = Annotated[Clock, Depends(_clock)]
EventsDep = Annotated[EventBus, Depends(_events)]
SharedClientsDep = Annotated[dict[str, Any], Depends(_shared_clients)]
