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
from sitrep.models import ActorRef, Agreement, Delivery, Document, Extraction, Incident, Source, Statement

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
    agreements: list[Row] = field(default_factory=list)
    commitments: list[Row] = field(default_factory=list)
    document_agreements: list[Row] = field(default_factory=list)
    agreement_links: list[Row] = field(default_factory=list)
    deliveries: list[Row] = field(default_factory=list)
    incident_keys: list[str] = field(default_factory=list)
    statement_keys: list[str] = field(default_factory=list)


def document_row(document: Document, doc_key: str, batch_id: str, now: datetime) -> Row:
    return (
        doc_key, document.id, document.source, document.url, document.title, document.site_name,
        document.published, document.published_basis, document.text, json.dumps(document.removed),
        batch_id, now, document.decoding,
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


def folded(text: str | None) -> str | None:
    """``merge.fold`` of a name as stored for lookups: None for no name."""
    return fold(text) or None


def statement_row(
    statement: Statement, key: str, doc_key: str, incident_keys: dict[str, str], published: date | None
) -> Row:
    start, end = date_span(statement.date)
    target = statement.target.name if statement.target else None
    return (
        key, doc_key, statement.id, source_key(statement.speaker), statement.kind,
        target, statement.date, start, end,
        statement.date_precision, statement.date_text, statement.channel, statement.quote,
        incident_keys.get(statement.about_incident or ""), statement.model_dump_json(),
        folded(target), start or published,
    )


def source_row(source: Source) -> Row:
    return (source_key(source), source.name, source.affiliation, folded(source.name), folded(source.affiliation))


def agreement_rows(agreement: Agreement, doc_key: str) -> tuple[Row, list[Row], Row]:
    """The store-wide row of an agreement (keyed by its id: the same KB id or name slug in every
    document), its commitments, and the row that says this document refers to it."""
    stored = (
        agreement.id, agreement.name, agreement.kind, json.dumps(agreement.parties), json.dumps(agreement.aliases),
        agreement.signed, agreement.known, agreement.source,
    )
    commitments = [
        (agreement.id, c.id, c.kind, c.description, c.party, c.beneficiary, c.quantity, c.unit, c.due, c.source)
        for c in agreement.commitments
    ]
    evidence = agreement.evidence
    referred = (
        doc_key, agreement.id, agreement.name, max(1, len(agreement.mentions)), evidence.text, evidence.start,
        evidence.end, agreement.model_dump_json(),
    )
    return stored, commitments, referred


def link_rows(extraction: Extraction, doc_key: str, incident_keys: dict[str, str], statement_keys: dict[str, str]) -> list[Row]:
    """(record_key, relation, record_kind, doc_key, agreement_key, stance, party, party_affiliation, counterpart)."""
    rows: list[Row] = []
    for statement in extraction.statements:
        if statement.about_agreement is not None:
            rows.append((
                statement_keys[statement.id], "about", "statement", doc_key, statement.about_agreement.id,
                statement.stance, statement.speaker.name, statement.speaker.affiliation,
                statement.target.name if statement.target else None,
            ))
    for incident in extraction.incidents:
        doer = incident.actors[0].name if incident.actors else None
        if incident.violation_of is not None:
            accuser = incident.alleged_by
            rows.append((
                incident_keys[incident.id], "violation", "incident", doc_key, incident.violation_of.id, None,
                accuser.name if accuser else None, accuser.affiliation if accuser else None, doer,
            ))
        if incident.under_agreement is not None:
            rows.append((
                incident_keys[incident.id], "under", "incident", doc_key, incident.under_agreement.id, None, doer,
                None, None,
            ))
    return rows


def delivery_row(delivery: Delivery, key: str, doc_key: str, incident_keys: dict[str, str], statement_keys: dict[str, str]) -> Row:
    start, end = date_span(delivery.date)
    return (
        key, doc_key, delivery.id, delivery.agreement.id, delivery.commitment, delivery.quantity, delivery.bound,
        delivery.cumulative, delivery.date, start, end, delivery.party,
        source_key(delivery.reported_by) if delivery.reported_by else None,
        incident_keys.get(delivery.incident or ""), statement_keys.get(delivery.statement or ""),
        delivery.model_dump_json(),
    )


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
        rows.statements.append(statement_row(statement, key, doc_key, incident_keys, document.published))
        rows.sources.append(source_row(statement.speaker))
        evidence = statement.evidence
        rows.provenance.append(
            (key, "statement", doc_key, source_key(statement.speaker), evidence.text, evidence.start, evidence.end)
        )
        if statement.answers and statement.answers in statement_keys:
            rows.statement_links.append((key, statement_keys[statement.answers], "same document"))
    for agreement in extraction.agreements:
        stored, commitments, referred = agreement_rows(agreement, doc_key)
        rows.agreements.append(stored)
        rows.commitments += commitments
        rows.document_agreements.append(referred)
    rows.agreement_links = link_rows(extraction, doc_key, incident_keys, statement_keys)
    for delivery in extraction.deliveries:
        key = record_key("dlv", doc_key, delivery.id)
        rows.deliveries.append(delivery_row(delivery, key, doc_key, incident_keys, statement_keys))
        reporter = source_key(delivery.reported_by) if delivery.reported_by else None
        if delivery.reported_by:
            rows.sources.append(source_row(delivery.reported_by))
        evidence = delivery.evidence
        rows.provenance.append((key, "delivery", doc_key, reporter, evidence.text, evidence.start, evidence.end))
    return rows
