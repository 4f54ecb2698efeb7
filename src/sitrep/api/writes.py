"""``POST /api/documents``: articles in, through the same idempotent path as ``sitrep ingest``.

The body is JSON Lines (one ``{"text", "id", "url", "title", "published"}`` object per
line), one such JSON object, a plain-text article or an HTML page, told apart by the
Content-Type. It is read by the ingest stage's own readers and stored by
``corpus.ingest.run_ingest``, so a document already stored is skipped and a bad line
fails alone with its reason. The route needs the bearer token (``security``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Header, Request
from fastapi.concurrency import run_in_threadpool

from sitrep.api.responses import ERRORS, IngestResult, error_response, json_response
from sitrep.api.security import check_write_access
from sitrep.models import Document, Failure

router = APIRouter(prefix="/api", responses=ERRORS)

JSON_LINES = {"application/x-ndjson", "application/jsonl", "application/json-lines", "application/ndjson"}
SOURCE = "POST /api/documents"


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def read_body(kind: str, text: str, decoding: str | None = None) -> Iterator[Document | Failure]:
    """The documents of one request body, by its media type; raises ValueError for a type we do not read.
    ``decoding`` says how the body's bytes were read (a text or HTML body's document keeps it,
    as a file's does)."""
    from sitrep.ingest.read import IngestError, document_from_html, document_from_text, documents_from_jsonl_lines

    if kind in JSON_LINES:
        yield from documents_from_jsonl_lines(text.splitlines(), SOURCE, "posted", decoding)
        return
    if kind == "application/json":
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            yield Failure(source=SOURCE, error=f"not valid JSON ({error.msg} at line {error.lineno})")
            return
        yield from documents_from_jsonl_lines([json.dumps(record)], SOURCE, "posted", decoding)
        return
    if kind not in {"text/plain", "text/html"}:
        raise ValueError(kind)
    try:
        reader = document_from_html if kind == "text/html" else document_from_text
        yield reader(text, doc_id="posted", source=SOURCE, decoding=decoding)
    except IngestError as error:
        yield Failure(source=SOURCE, error=str(error))


@router.post("/documents", response_model=IngestResult, status_code=200, summary="Ingest articles (needs the token)")
async def post_documents(
    request: Request,
    authorization: str | None = Header(None, description="Bearer <token> given to sitrep serve."),
    content_type: str | None = Header(None, description="application/x-ndjson, application/json, text/plain or text/html."),
) -> Any:
    """Extract and store the posted articles; answers with what was stored, skipped and refused.
    201 when at least one new document was stored."""
    denied = check_write_access(request.app.state.config.token, authorization)
    if denied:
        status, reason = denied
        return error_response(status, reason, {"WWW-Authenticate": "Bearer"} if status == 401 else None)
    from sitrep.ingest.read import IngestError, decode_with_note, sniff_binary

    body = await request.body()  # bounded by the BodyLimit middleware
    if not body.strip():
        return error_response(400, "empty request body")
    if binary := sniff_binary(body):
        return error_response(415, f"not a text document: {binary}")
    kind = media_type(content_type)
    try:
        text, decoding = decode_with_note(body)
    except IngestError as error:
        return error_response(415, str(error))
    try:
        items = list(read_body(kind, text, decoding))
    except ValueError:
        return error_response(415, f"cannot read {kind or 'a body without Content-Type'}; send JSON Lines, JSON, "
                                   "text/plain or text/html")
    try:
        totals, failures = await run_in_threadpool(
            store_items, request.app.state.sessions, items, request.app.state.config.doc_timeout)
    finally:
        request.app.state.cache.changed()  # what was kept may now be out of date
    errors = [{"source": failure.source, "error": failure.error} for failure in failures]
    result = {"read": totals.read, "documents": totals.documents, "skipped": totals.skipped,
              "failures": totals.failures, "errors": errors, "incidents": totals.incidents,
              "statements": totals.statements}
    return json_response(result, 201 if totals.documents else 200)


def store_items(sessions, items: list[Document | Failure], doc_timeout: float | None = None):
    """Extract and store, one request at a time (runs in a worker thread: extraction is CPU work).

    Each document runs under ``doc_timeout`` seconds, as in ``sitrep ingest``: an overrun is a
    recorded failure with its reason, and the other documents go on. Returns the totals and
    every failure (unreadable inputs, then failed extractions, batch by batch).
    """
    from sitrep.corpus.ingest import IngestOptions, run_ingest
    from sitrep.pipeline import ExtractOptions

    failures: list[Failure] = []
    options = IngestOptions(jobs=1, extract=ExtractOptions(doc_timeout=doc_timeout or None))
    with sessions.write_lock:
        totals = run_ingest(sessions.current(), items, options,
                            on_batch=lambda progress: failures.extend(progress.new_failures))
    return totals, failures
