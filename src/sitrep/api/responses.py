"""JSON bodies: rows out of the store, pages of them, and errors with a one-line reason.

Routes build their payload as plain dicts and return it through ``json_response``
(orjson: dates, NaN and large pages without pydantic's per-row cost); the models
below exist for the OpenAPI schema, so that ``/docs`` tells what each route returns.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import Response
from pydantic import BaseModel, Field

from sitrep.models import one_line

Row = dict[str, Any]


def json_response(payload: Any, status_code: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(payload), status_code=status_code,
                    media_type="application/json", headers=headers)


def error_response(status_code: int, reason: str, headers: dict[str, str] | None = None) -> Response:
    return json_response({"status": status_code, "error": one_line(reason)}, status_code, headers)


def page(rows: list[Row], offset: int, limit: int) -> dict[str, Any]:
    """``rows`` holds up to ``limit + 1`` rows: one more than the page tells that another page follows."""
    more = len(rows) > limit
    return {"items": rows[:limit], "offset": offset, "limit": limit, "next_offset": offset + limit if more else None}


class Error(BaseModel):
    status: int = Field(..., examples=[404])
    error: str = Field(..., description="One line saying what was wrong.", examples=["no document with that id"])


class Page(BaseModel):
    items: list[Row] = Field(..., description="The rows, in the order `sitrep incidents` / `statements` prints them.")
    offset: int
    limit: int
    next_offset: int | None = Field(..., description="Pass as `offset` for the next page; null on the last page.")


class Rows(BaseModel):
    items: list[Row] = Field(..., description="Every row, in the order the CLI prints them.")


class EventDetail(BaseModel):
    event: Row = Field(..., description="The merged incident: its figures' range (low, high, best) and sources.")
    accounts: list[Row] = Field(..., description="Every report of it: who reported what figure, with its evidence.")


class MapPoints(BaseModel):
    columns: list[str]
    points: list[list[Any]] = Field(..., description="One row per merged incident, values in `columns` order.")
    truncated: bool = Field(..., description="true when more merged incidents match than one response carries.")


class DocumentRecord(BaseModel):
    document: Row = Field(..., description="The document, with `text`: the string every offset indexes.")
    incidents: list[Row] = Field(..., description="Each with `evidence` {text, start, end} and `key` (its store key).")
    statements: list[Row]


class IngestResult(BaseModel):
    read: int
    documents: int = Field(..., description="New documents stored by this request.")
    skipped: int = Field(..., description="Documents the store already held (ingest is idempotent).")
    failures: int
    errors: list[Row] = Field(..., description="The inputs that could not be read, each with its one-line reason.")
    incidents: int
    statements: int


ERRORS = {
    400: {"model": Error}, 401: {"model": Error}, 403: {"model": Error}, 404: {"model": Error},
    413: {"model": Error}, 415: {"model": Error}, 422: {"model": Error},
}
