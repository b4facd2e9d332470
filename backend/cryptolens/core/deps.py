"""Annotated dependencies shared by every domain's routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.cache import Cache
from cryptolens.core.clock import Clock
from cryptolens.db import unit_of_work
from cryptolens.settings import Settings


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    async with unit_of_work(request.app.state.session_factory) as session:
        yield session


async def _session_factory(request: Request) -> async_sessionmaker[AsyncSession]:
    factory: async_sessionmaker[AsyncSession] = request.app.state.session_factory
    return factory


async def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def _clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


async def _cache(request: Request) -> Cache:
    cache: Cache = request.app.state.cache
    return cache


# The small getters are coroutines: FastAPI runs a plain `def` dependency in a worker thread.
# scope="function": the unit of work commits before the response is sent.
SessionDep = Annotated[AsyncSession, Depends(_session, scope="function")]
# For work that needs the database only sometimes (a cache miss): open a unit of work then.
SessionFactoryDep = Annotated[async_sessionmaker[AsyncSession], Depends(_session_factory)]
SettingsDep = Annotated[Settings, Depends(_settings)]
CacheDep = Annotated[Cache, Depends(_cache)]
ClockDep = Annotated[Clock, Depends(_clock)]
