"""The page's routes: ``/`` (the page), ``/docs`` (the API's reference), our static files,
the vendored libraries under ``/vendor`` and the country outlines."""

from __future__ import annotations

from fastapi import FastAPI, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from sitrep.web.assets import STATIC_DIR, vendor_dirs
from sitrep.web.outlines import country_outlines


def mount(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for prefix, directory in vendor_dirs().items():
        app.mount(f"/vendor/{prefix}", StaticFiles(directory=directory), name=f"vendor-{prefix}")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html", media_type="text/html")

    @app.get("/data/countries.geojson", include_in_schema=False)
    def outlines() -> Response:
        return Response(country_outlines(), media_type="application/geo+json",
                        headers={"Cache-Control": "public, max-age=86400"})
