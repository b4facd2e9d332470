"""The app's shared resources as core and every domain see them.

The composition root builds ONE `AppResources` (cryptolens.resources) and stores it on the app
once. Each layer reads it through the protocol of what it needs: this one for what core
provides (database, settings, clock, cache, event stream, CSRF tokens), the rate limiter's
(core/ratelimit.py), the identity layer's for its memo and sources (access/resources.py),
auth's for its toolkit. The root checks statically that its dataclass satisfies all of them.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette

from cryptolens.core.cache import Cache
from cryptolens.core.clock import Clock
from cryptolens.core.csrf import CsrfTokens
from cryptolens.core.events import EventBus
from cryptolens.settings import Settings

# Where candles come from: the market's DataSource (core cannot import the market domain).
DataSource = Literal["exchange", "replay"]


class CoreResources(Protocol):
    @property
    def settings(self) -> Settings: ...

    @property
    def engine(self) -> AsyncEngine: ...

    @property
    def session_factory(self) -> async_sessionmaker[AsyncSession]: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def cache(self) -> Cache: ...

    @property
    def events(self) -> EventBus:
        """The live stream (pattern.*, signal.* events for SSE clients)."""
        ...

    @property
    def csrf_tokens(self) -> CsrfTokens: ...

    @property
    def data_source(self) -> DataSource:
        """Decided at start-up (in the embedded mode the market bootstrap may pick replay)."""
        ...

    @property
    def shared_clients(self) -> dict[str, Any]:
        """Long-lived clients (HTTP pools...) shared by requests and in-process jobs, keyed by
        name, closed when the app stops."""
        ...


# The one attribute of Starlette's untyped app.state this project uses (slowapi aside).
RESOURCES_ATTRIBUTE = "resources"


def resources_of(app: Starlette) -> CoreResources:
    resources: CoreResources = getattr(app.state, RESOURCES_ATTRIBUTE)
    return resources
