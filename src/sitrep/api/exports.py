"""``GET /api/export``: the store's exports (``sitrep.export``) as a download.

The export is written to a temporary file by the same code as ``sitrep export`` and
then streamed in chunks, so memory stays bounded whatever the size of the selection;
the file is removed once sent.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from sitrep.api.params import ExportQuery
from sitrep.api.responses import ERRORS, error_response
from sitrep.api.routes import store_of

router = APIRouter(prefix="/api", responses=ERRORS)

MEDIA_TYPES = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}


@router.get("/export", summary="Export the selection as ACLED CSV, GeoJSON, Parquet or JSON Lines",
            response_class=FileResponse,
            responses={200: {"content": {media: {} for media, _ in MEDIA_TYPES.values()}}})
def export(request: Request, query: Annotated[ExportQuery, Query()]) -> Any:
    """What `sitrep export` writes, with the same filters (they apply to events and incidents)."""
    from sitrep.export import export as write_export

    filters = query.filters()
    what = "events" if query.format in ("acled-csv", "geojson") else query.what
    if what == "statements" and filters:
        return error_response(422, "the filters apply to events and incidents; statements export whole")
    media, suffix = MEDIA_TYPES[query.format]
    handle, name = tempfile.mkstemp(prefix="sitrep-export-", suffix=f".{suffix}")
    os.close(handle)
    try:
        write_export(store_of(request), query.format, Path(name), what=what, **filters)
    except BaseException:
        os.unlink(name)
        raise
    return FileResponse(name, media_type=media, filename=f"sitrep-{what}.{suffix}",
                        background=BackgroundTask(os.unlink, name))
