"""The interactive API docs, served with local assets only (offline, and the CSP forbids CDNs)."""

from __future__ import annotations

from pathlib import Path

import swagger_ui
from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles

SWAGGER_ASSETS = Path(swagger_ui.__file__).parent / "static"
ASSET_PREFIX = "/api/docs/assets"

_DOCS_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CryptoLens API</title>
<link rel="stylesheet" href="{ASSET_PREFIX}/swagger-ui.css">
<link rel="icon" href="{ASSET_PREFIX}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{ASSET_PREFIX}/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
"""

# Kept in a file-like route rather than inline: the CSP allows only same-origin scripts.
_INIT_SCRIPT = """window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
});
"""

router = APIRouter(include_in_schema=False)


@router.get("/api/docs", response_class=HTMLResponse)
async def docs_page() -> HTMLResponse:
    return HTMLResponse(_DOCS_PAGE)


@router.get("/api/docs/init.js", response_class=PlainTextResponse)
async def docs_init_script() -> PlainTextResponse:
    return PlainTextResponse(_INIT_SCRIPT, media_type="application/javascript")


def install_docs(app: FastAPI) -> None:
    app.mount(ASSET_PREFIX, StaticFiles(directory=SWAGGER_ASSETS), name="docs-assets")
    app.include_router(router)
