"""Test-only routes that fail, for error tracking's tests (in-process, and in a real API
process started by `python -m tests.system.error_routes`)."""

from __future__ import annotations

import argparse
from typing import Any

from fastapi import APIRouter, FastAPI
from sqlalchemy import text

from cryptolens.access.deps import OptionalUser
from cryptolens.core.deps import SessionDep
from cryptolens.core.errors import NotFoundError
from cryptolens.core.params import instant_ms

PREFIX = "/api/v1/test-failures"
ORDER_ROUTE = f"{PREFIX}/orders/{{order_id}}"
REPORT_ROUTE = f"{PREFIX}/reports"

router = APIRouter(prefix=PREFIX)


@router.post("/orders/{order_id}")
async def fail_an_order(order_id: int, body: dict[str, Any], user: OptionalUser) -> None:
    # Fails inside our own code (core.params), so the group's frames name it.
    instant_ms(str(body.get("when", "not a time")))


@router.get("/reports")
async def fail_a_report() -> None:
    raise RuntimeError("the report broke")


@router.get("/missing")
async def answer_not_found() -> None:
    raise NotFoundError("nothing here")


@router.get("/bad-sql")
async def run_bad_sql(db: SessionDep) -> None:
    await db.execute(text("SELECT nothing FROM no_such_table_here"))


def with_failing_routes(app: FastAPI) -> FastAPI:
    app.include_router(router)
    return app


def main() -> None:
    """The API as `cryptolens serve` runs it (settings from the environment), plus these."""
    import uvicorn

    from cryptolens.app import create_app
    from cryptolens.core.logging import configure_logging, uvicorn_log_config
    from cryptolens.settings import get_settings

    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    arguments, _ = parser.parse_known_args()
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    uvicorn.run(
        with_failing_routes(create_app(settings)),
        host=arguments.host,
        port=arguments.port,
        log_config=uvicorn_log_config(settings.log_level, settings.log_format),
    )


if __name__ == "__main__":
    main()
