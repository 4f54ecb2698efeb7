"""Flattening one ``Extraction`` into the rows of the store's tables.

Extracted ids are unique within their document only, so every stored row gets a stable
key derived from the document's content hash and the record's id: the same article
ingested twice yields the same keys, which is what makes ingest idempotent.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sitrep.store.merge import fold
from sitrep.models import ActorRef, Document, Extraction, Incident, Source, Statement

Row = tuple


def digest(*parts: str | None) -> str:
    text = "\x1f".join("" if part is None else part for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_key(document: Document) -> str:
    """The content hash; computed here only for documents made without the ingest stage."""
    return document.content_hash or digest(document.text)


def record_key(prefix: str, doc_key: str, local_id: str) -> str:
    return f"{prefix}-{digest(doc_key, local_id)[:24]}"


def source_key(source: Source) -> str:
    return f"src-{digest(fold(source.name), fold(source.affiliation))[:16]}"


def actor_key(actor: ActorRef) -> str:
    return f"act-{digest(fold(actor.name))[:16]}"


def place_key(incident: Incident) -> str | None:
    parts = (incident.country, incident.admin1, incident.admin2, incident.place)
    if not any(parts):
        return None
    return f"plc-{digest(*(fold(part) for part in parts))[:16]}"


def date_span(value: str | None) -> tuple[date | None, date | None]:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``start/end`` as first and last day; (None, None) if unreadable."""
    if not value:
        return None, None
    try:
        if "/" in value:
            first, last = value.split("/", 1)
            return date_span(first)[0], date_span(last)[1]
        if len(value) == 7:
            start = date.fromisoformat(value + "-01")
            following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
            return start, following - timedelta(days=1)
        day = date.fromisoformat(value[:10])
        return day, day
    except ValueError:
        return None, None


@dataclass
class ExtractionRows:
    """Every row one extraction contributes, by table."""

    doc_key: str
    document: Row
    sources: list[Row] = field(default_factory=list)
    actors: list[Row] = field(default_factory=list)
    places: list[Row] = field(default_factory=list)
    incidents: list[Row] = field(default_factory=list)
    incident_actors: list[Row] = field(default_factory=list)
    statements: list[Row] = field(default_factory=list)
    statement_links: list[Row] = field(default_factory=list)
    provenance: list[Row] = field(default_factory=list)
    incident_keys: list[str] = field(default_factory=list)
    statement_keys: list[str] = field(default_factory=list)


def document_row(document: Document, doc_key: str, batch_id: str, now: datetime) -> Row:
    return (
        doc_key, document.id, document.source, document.url, document.title, document.site_name,
        document.published, document.published_basis, document.text, json.dumps(document.removed),
        batch_id, now,
    )


def incident_row(incident: Incident, key: str, doc_key: str) -> Row:
    start, end = date_span(incident.date)
    reporter = source_key(incident.reported_by) if incident.reported_by else None
    return (
        key, doc_key, incident.id, key, incident.acled_type, incident.acled_sub_type,
        incident.plover_type, incident.plover_mode, incident.date, start, end, incident.date_precision,
        incident.date_text, incident.country, incident.admin1, incident.admin2, incident.place,
        place_key(incident), incident.latitude, incident.longitude, incident.geo_precision,
        incident.killed, incident.injured, incident.killed_or_injured, incident.released,
        incident.detained, incident.abducted, json.dumps(incident.count_notes), reporter,
        incident.claim_status, incident.model_dump_json(),
    )


def statement_row(statement: Statement, key: str, doc_key: str, incident_keys: dict[str, str]) -> Row:
    start, end = date_span(statement.date)
    return (
        key, doc_key, statement.id, source_key(statement.speaker), statement.kind,
        statement.target.name if statement.target else None, statement.date, start, end,
        statement.date_precision, statement.date_text, statement.channel, statement.quote,
        incident_keys.get(statement.about_incident or ""), statement.model_dump_json(),
    )


def source_row(source: Source) -> Row:
    return (source_key(source), source.name, source.affiliation)


def extraction_rows(extraction: Extraction, batch_id: str, now: datetime) -> ExtractionRows:
    document = extraction.document
    doc_key = document_key(document)
    rows = ExtractionRows(doc_key=doc_key, document=document_row(document, doc_key, batch_id, now))
    incident_keys = {i.id: record_key("inc", doc_key, i.id) for i in extraction.incidents}
    for incident in extraction.incidents:
        key = incident_keys[incident.id]
        rows.incident_keys.append(key)
        rows.incidents.append(incident_row(incident, key, doc_key))
        if incident.reported_by:
            rows.sources.append(source_row(incident.reported_by))
        evidence = incident.evidence
        reporter = source_key(incident.reported_by) if incident.reported_by else None
        rows.provenance.append((key, "incident", doc_key, reporter, evidence.text, evidence.start, evidence.end))
        if (pkey := place_key(incident)) is not None:
            name = incident.place or incident.admin2 or incident.admin1 or incident.country
            rows.places.append(
                (pkey, name, incident.country, incident.admin1, incident.admin2,
                 incident.latitude, incident.longitude, incident.geo_precision)
            )
        for position, actor in enumerate(incident.actors):
            rows.actors.append((actor_key(actor), actor.name, actor.kind, actor.inter, actor.country, actor.affiliation))
            rows.incident_actors.append((key, position, actor_key(actor), actor.role, actor.mention))
    statement_keys = {s.id: record_key("stm", doc_key, s.id) for s in extraction.statements}
    for statement in extraction.statements:
        key = statement_keys[statement.id]
        rows.statement_keys.append(key)
        rows.statements.append(statement_row(statement, key, doc_key, incident_keys))
        rows.sources.append(source_row(statement.speaker))
        evidence = statement.evidence
        rows.provenance.append(
            (key, "statement", doc_key, source_key(statement.speaker), evidence.text, evidence.start, evidence.end)
        )
        if statement.answers and statement.answers in statement_keys:
            rows.statement_links.append((key, statement_keys[statement.answers], "same document"))
    return rows
