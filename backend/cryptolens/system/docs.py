"""The interactive API docs, served with local assets only (offline, and the CSP forbids CDNs):
Swagger UI at /api/docs (swagger-ui-py's bundle) and ReDoc at /api/redoc (the redoc standalone
bundle that fastapi-standalone-docs ships on PyPI, so no npm step is needed to serve it)."""

from __future__ import annotations

from pathlib import Path

import fastapi_standalone_docs
import swagger_ui
from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles

from cryptolens.core.csrf import CSRF_COOKIE, CSRF_HEADER

SWAGGER_ASSETS = Path(swagger_ui.__file__).parent / "static"
REDOC_ASSETS = Path(fastapi_standalone_docs.__file__).parent / "static" / "redoc"
ASSET_PREFIX = "/api/docs/assets"
REDOC_ASSET_PREFIX = "/api/redoc/assets"
OPENAPI_URL = "/api/openapi.json"

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
# Signed in to the web app, "Try it out" on an unsafe route copies the csrf cookie into the
# header the session needs; an API key (Authorize) never needs it.
_INIT_SCRIPT = f"""window.ui = SwaggerUIBundle({{
  url: "{OPENAPI_URL}",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  requestInterceptor: function (request) {{
    var match = document.cookie.match(/(?:^|; ){CSRF_COOKIE}=([^;]+)/);
    if (match && !request.headers["{CSRF_HEADER}"]) {{
      request.headers["{CSRF_HEADER}"] = decodeURIComponent(match[1]);
    }}
    return request;
  }}
}});
"""

# The standalone bundle renders every <redoc> element itself: no inline script needed.
_REDOC_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CryptoLens API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="{ASSET_PREFIX}/favicon-32x32.png">
</head>
<body>
<redoc spec-url="{OPENAPI_URL}" expand-responses="200,201" path-in-middle-panel></redoc>
<script src="{REDOC_ASSET_PREFIX}/redoc.standalone.js"></script>
</body>
</html>
"""

router = APIRouter(include_in_schema=False)


@router.get("/api/docs", response_class=HTMLResponse)
async def docs_page() -> HTMLResponse:
    return HTMLResponse(_DOCS_PAGE)


@router.get("/api/docs/init.js", response_class=PlainTextResponse)
async def docs_init_script() -> PlainTextResponse:
    return PlainTextResponse(_INIT_SCRIPT, media_type="application/javascript")


@router.get("/api/redoc", response_class=HTMLResponse)
async def redoc_page() -> HTMLResponse:
    return HTMLResponse(_REDOC_PAGE)


def install_docs(app: FastAPI) -> None:
    app.mount(ASSET_PREFIX, StaticFiles(directory=SWAGGER_ASSETS), name="docs-assets")
    app.mount(REDOC_ASSET_PREFIX, StaticFiles(directory=REDOC_ASSETS), name="redoc-assets")
    app.include_router(router)
