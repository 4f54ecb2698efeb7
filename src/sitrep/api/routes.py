"""The read routes: lists with the CLI's filters and paging, one merged incident with its
accounts, one document with the offsets of everything read from it, map points, and
what the store holds. Every one reads through ``Store`` methods, never its own SQL.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from sitrep.api.params import MAX_TEXT, IncidentFilters, IncidentQuery, StatementQuery
from sitrep.api.responses import (
    ERRORS,
    DocumentRecord,
    EventDetail,
    MapPoints,
    Page,
    Row,
    error_response,
    json_response,
    page,
)
from sitrep.store import Store
from sitrep.store.rows import record_key

router = APIRouter(prefix="/api", responses=ERRORS)

#: What the map and the timeline need of each merged incident, and no more.
MAP_COLUMNS = ("cluster_id", "latitude", "longitude", "acled_type", "acled_sub_type", "date_start", "date_end",
               "date_precision", "killed_best", "killed_low", "killed_high", "reports", "contested", "country",
               "admin1", "place")
MAX_MAP_POINTS = 50_000

#: What a threaded statement carries of the statements it answers or is answered by.
THREAD_COLUMNS = ("statement_key", "kind", "speaker", "speaker_affiliation", "target", "date", "published",
                  "evidence", "doc_key", "doc_id", "site_name")


def store_of(request: Request) -> Store:
    """This thread's store session (call inside the route: routes run in worker threads)."""
    return request.app.state.sessions.current()


def keys(joined: str | None) -> list[str]:
    return [key for key in (joined or "").split("; ") if key]


@router.get("/incidents", response_model=Page, summary="Incident reports (one row per report and article)")
def list_incidents(request: Request, query: Annotated[IncidentQuery, Query()]) -> Any:
    """The rows of `sitrep incidents -f json` with the same filters, a page at a time."""
    rows = store_of(request).incidents(**query.filters(), limit=query.limit + 1, offset=query.offset).to_pylist()
    return json_response(page(rows, query.offset, query.limit))


@router.get("/events", response_model=Page, summary="Merged incidents (reports of one incident across articles)")
def list_events(request: Request, query: Annotated[IncidentQuery, Query()]) -> Any:
    """The rows of `sitrep incidents --merged -f json`: each cluster with its figures' low, high and best."""
    rows = store_of(request).events(**query.filters(), limit=query.limit + 1, offset=query.offset).to_pylist()
    return json_response(page(rows, query.offset, query.limit))


@router.get("/map", response_model=MapPoints, summary="Every merged incident matching the filters, compactly")
def map_points(request: Request, query: Annotated[IncidentFilters, Query()]) -> Any:
    """For the map and the timeline: one short row per merged incident (those without coordinates
    included, with null latitude and longitude), at most 50,000."""
    table = store_of(request).events(**query.filters(), limit=MAX_MAP_POINTS + 1).select(list(MAP_COLUMNS))
    rows = [list(row) for row in zip(*(table.column(name).to_pylist() for name in MAP_COLUMNS))]
    return json_response({"columns": MAP_COLUMNS, "points": rows[:MAX_MAP_POINTS],
                          "truncated": len(rows) > MAX_MAP_POINTS})


@router.get("/events/{cluster_id}", response_model=EventDetail, summary="One merged incident and every account of it")
def event_detail(request: Request, cluster_id: Annotated[str, Path(max_length=MAX_TEXT)]) -> Any:
    store = store_of(request)
    events = store.events(cluster_id=cluster_id).to_pylist()
    if not events:
        return error_response(404, f"no merged incident {cluster_id!r}")
    return json_response({"event": events[0], "accounts": store.incidents(cluster_id=cluster_id).to_pylist()})


@router.get("/statements", response_model=Page, summary="Statements: who said, accused, denied or demanded what")
def list_statements(request: Request, query: Annotated[StatementQuery, Query()]) -> Any:
    """The rows of `sitrep statements -f json`; `answers` and `answered_by` hold the keys of the
    statements a denial answers and of the denials answering an accusation. With `thread=true`
    each row also carries those statements themselves (`answers_to`, `replies`)."""
    store = store_of(request)
    rows = store.statements(**query.filters(), limit=query.limit + 1, offset=query.offset).to_pylist()
    body = page(rows, query.offset, query.limit)
    if query.thread:
        thread(store, body["items"])
    return json_response(body)


def thread(store: Store, rows: list[Row]) -> None:
    wanted = sorted({key for row in rows for key in keys(row["answers"]) + keys(row["answered_by"])})
    linked = {row["statement_key"]: {name: row[name] for name in THREAD_COLUMNS}
              for row in store.statements(keys=wanted).to_pylist()} if wanted else {}
    for row in rows:
        row["answers_to"] = [linked[key] for key in keys(row["answers"]) if key in linked]
        row["replies"] = [linked[key] for key in keys(row["answered_by"]) if key in linked]


@router.get("/documents/{doc_key}", response_model=DocumentRecord, summary="One document with its records' offsets")
def document(request: Request, doc_key: Annotated[str, Path(max_length=128)]) -> Any:
    """The stored text and every incident and statement read from it; each `evidence` has the
    character offsets `start` and `end` into `document.text`."""
    extraction = store_of(request).extraction(doc_key)
    if extraction is None:
        return error_response(404, f"no document {doc_key!r}")
    body = extraction.model_dump(mode="json")
    for prefix, records in (("inc", body["incidents"]), ("stm", body["statements"])):
        for record in records:
            record["key"] = record_key(prefix, doc_key, record["id"])
    return json_response(body)


@router.get("/summary", summary="What the store holds: counts, countries, event types, dates")
def summary(request: Request) -> Any:
    return json_response(store_of(request).summary())
