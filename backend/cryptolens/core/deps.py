"""Annotated dependencies shared by every domain's routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.cache import Cache
from cryptolens.core.clock import Clock
from cryptolens.db import session_scope
from cryptolens.settings import Settings


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    async for session in session_scope(request.app.state.session_factory):
        yield session


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


def _cache(request: Request) -> Cache:
    cache: Cache = request.app.state.cache
    return cache


# scope="function": the unit of work commits before the response is sent.
SessionDep = Annotated[AsyncSession, Depends(_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(_settings)]
CacheDep = Annotated[Cache, Depends(_cache)]
ClockDep = Annotated[Clock, Depends(_clock)]
