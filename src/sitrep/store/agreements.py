"""Reading agreements and their compliance record out of the store.

``agreement_table`` is one row per agreement with its counts of allegations, denials,
demands and deliveries; ``compliance_table`` is one agreement's record: a row per
commitment with its promised and delivered figures, then every dated allegation,
denial, demand, claim of compliance, alleged violation and delivery with its source
sentence and article. Both are Arrow tables with a fixed schema, empty or not, so
callers (the CLI, the HTTP API, exports) can rely on the columns.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

import pyarrow as pa

from sitrep.agreements.balance import Report, balance
from sitrep.store.backend import Backend
from sitrep.store.query import as_date, as_day

AGREEMENT_SCHEMA = pa.schema([
    ("agreement_key", pa.string()),  # the knowledge base's id, or "text:<slug>" of the name
    ("name", pa.string()),
    ("kind", pa.string()),  # ceasefire, peace agreement, truce, prisoner exchange, other
    ("parties", pa.string()),  # "; "-separated
    ("signed", pa.string()),  # ISO date, month or year
    ("known", pa.bool_()),  # from the knowledge base (with sources) rather than the text alone
    ("documents", pa.int64()),  # documents that refer to it
    ("statements", pa.int64()),  # statements about it
    ("allegations", pa.int64()),  # statements alleging a violation
    ("denials", pa.int64()),
    ("demands", pa.int64()),
    ("compliance_claims", pa.int64()),
    ("withdrawal_threats", pa.int64()),
    ("alleged_violations", pa.int64()),  # incidents a party calls a violation
    ("deliveries", pa.int64()),  # reported deliveries on its commitments
    ("commitments", pa.int64()),
    ("allegations_by", pa.string()),  # "Taliban against United States: 2; ..."
    ("aliases", pa.string()),  # "; "-separated
])

COMPLIANCE_SCHEMA = pa.schema([
    ("agreement_key", pa.string()),
    ("agreement", pa.string()),
    # commitment | allegation | denial | demand | compliance claim | withdrawal threat |
    # statement | alleged violation | delivery
    ("entry", pa.string()),
    ("date", pa.date32()),  # the record's first day, else its document's publication date
    ("when", pa.string()),  # the date as recorded ("2020-04-08/2020-04-09"), or "published ..."
    ("stance", pa.string()),  # a statement's stance
    ("party", pa.string()),  # who speaks, alleges, or delivers (or must deliver, for a commitment)
    ("party_affiliation", pa.string()),
    ("against", pa.string()),  # whom an allegation or demand is aimed at; a commitment's beneficiary
    ("commitment", pa.string()),  # the commitment a delivery counts toward (its id)
    ("quantity", pa.int64()),  # a delivery's figure
    ("bound", pa.string()),  # "lower" for "over 4,000", "approximate", "upper"
    ("cumulative", pa.bool_()),  # a delivery given as a running total "so far"
    ("promised", pa.int64()),  # commitment rows: how many were promised
    ("delivered", pa.int64()),  # commitment rows: the figure that counts (see delivered_basis)
    ("delivered_basis", pa.string()),  # "so far" (largest running total) or "sum of reports"
    ("delivered_so_far", pa.int64()),
    ("delivered_so_far_bound", pa.string()),
    ("delivered_so_far_date", pa.date32()),
    ("delivered_reports_sum", pa.int64()),  # sum over distinct reported batches
    ("delivered_batches", pa.int64()),
    ("due", pa.string()),  # commitment rows: by when
    ("description", pa.string()),  # commitment rows: what was promised
    ("evidence", pa.string()),  # the source sentence; for a commitment, its public source
    ("doc_id", pa.string()),
    ("document_source", pa.string()),
    ("site_name", pa.string()),
    ("url", pa.string()),
    ("published", pa.date32()),
    ("record_key", pa.string()),
    ("doc_key", pa.string()),  # the article's store key (``Store.extraction``), null for commitment rows
    ("reported_by", pa.string()),  # a delivery's source, when another than the deliverer
])

#: A statement's stance as a timeline entry.
STANCE_ENTRY = {
    "alleges_violation": "allegation",
    "denies_violation": "denial",
    "demands_compliance": "demand",
    "claims_compliance": "compliance claim",
    "threatens_withdrawal": "withdrawal threat",
    "other": "statement",
    None: "statement",
}


def folded(text: str | None) -> str:
    return " ".join((text or "").lower().replace("–", "-").split())


def side(party: str | None, affiliation: str | None) -> str | None:
    """Whom a speaker speaks for: the side an allegation is counted under."""
    return affiliation or party


def table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist([{name: row.get(name) for name in schema.names} for row in rows], schema=schema)


# --- the list of agreements ----------------------------------------------------------------


def agreement_table(backend: Backend) -> pa.Table:
    agreements = backend.fetchall(
        "SELECT a.agreement_key, a.name, a.kind, a.parties, a.signed, a.known, a.aliases, "
        "(SELECT count(*) FROM document_agreements da WHERE da.agreement_key = a.agreement_key), "
        "(SELECT count(*) FROM deliveries dl WHERE dl.agreement_key = a.agreement_key), "
        "(SELECT count(*) FROM commitments c WHERE c.agreement_key = a.agreement_key) "
        "FROM agreements a"
    )
    stances: dict[str, Counter] = defaultdict(Counter)
    by_side: dict[str, Counter] = defaultdict(Counter)
    for key, relation, stance, party, affiliation, counterpart in backend.fetchall(
        "SELECT agreement_key, relation, stance, party, party_affiliation, counterpart FROM agreement_links"
    ):
        stances[key][stance if relation == "about" else relation] += 1
        if relation == "about":
            stances[key]["statements"] += 1
        if stance == "alleges_violation" or relation == "violation":
            accuser = side(party, affiliation) or "unnamed"
            by_side[key][f"{accuser} against {counterpart}" if counterpart else accuser] += 1
    rows = []
    for key, name, kind, parties, signed, known, aliases, documents, deliveries, commitments in agreements:
        counts = stances[key]
        rows.append({
            "agreement_key": key, "name": name, "kind": kind, "parties": "; ".join(json.loads(parties)),
            "signed": signed, "known": bool(known), "documents": documents, "statements": counts["statements"],
            "allegations": counts["alleges_violation"], "denials": counts["denies_violation"],
            "demands": counts["demands_compliance"], "compliance_claims": counts["claims_compliance"],
            "withdrawal_threats": counts["threatens_withdrawal"], "alleged_violations": counts["violation"],
            "deliveries": deliveries, "commitments": commitments,
            "allegations_by": "; ".join(f"{who}: {n}" for who, n in sorted(by_side[key].items(), key=lambda x: (-x[1], x[0]))),
            "aliases": "; ".join(json.loads(aliases)),
        })
    rows.sort(key=lambda r: (-r["documents"], folded(r["name"])))
    return table(rows, AGREEMENT_SCHEMA)


# --- one agreement's record ----------------------------------------------------------------


def matching_agreements(backend: Backend, name: str | None) -> list[tuple[str, str]]:
    """(key, name) of the agreements ``name`` names: by key, name or alias exactly, else by part
    of one; every agreement when ``name`` is None."""
    rows = backend.fetchall("SELECT agreement_key, name, aliases FROM agreements ORDER BY agreement_key")
    if name is None:
        return [(key, title) for key, title, _ in rows]
    wanted = folded(name)
    exact, partial = [], []
    for key, title, aliases in rows:
        names = [key, title, *json.loads(aliases)]
        if any(folded(n) == wanted for n in names):
            exact.append((key, title))
        elif any(wanted in folded(n) for n in names):
            partial.append((key, title))
    return exact or partial


DOCUMENT_COLUMNS = "d.doc_id, d.source, d.site_name, d.url, d.published, d.doc_key"


def document_fields(row: Sequence[Any]) -> dict[str, Any]:
    doc_id, source, site_name, url, published, doc_key = row
    return {"doc_id": doc_id, "document_source": source, "site_name": site_name, "url": url,
            "published": as_date(published), "doc_key": doc_key}


#: The records each kind of link ties to an agreement: (table, key column).
LINKED = {"about": ("statements", "statement_key"), "violation": ("incidents", "incident_key")}


def link_entries(backend: Backend, relation: str, keys: list[str], names: dict[str, str]) -> list[dict[str, Any]]:
    """Timeline rows of the statements about (or incidents called violations of) the agreements."""
    table_name, key = LINKED[relation]  # fixed names, never input
    rows = []
    for r in backend.fetchall(
        "SELECT l.agreement_key, l.stance, l.party, l.party_affiliation, l.counterpart, r.date, r.date_start, "
        f"p.evidence, p.evidence_start, r.{key}, {DOCUMENT_COLUMNS} "
        f"FROM agreement_links l JOIN {table_name} r ON r.{key} = l.record_key "
        "JOIN documents d ON d.doc_key = r.doc_key JOIN provenance p ON p.record_key = l.record_key "
        "WHERE l.relation = ? AND l.agreement_key = ANY(?)",
        (relation, keys),
    ):
        entry = STANCE_ENTRY.get(r[1], "statement") if relation == "about" else "alleged violation"
        rows.append({
            "agreement_key": r[0], "agreement": names[r[0]], "entry": entry, "stance": r[1], "party": r[2],
            "party_affiliation": r[3], "against": r[4], "when": r[5], "date": as_date(r[6]), "evidence": r[7],
            "_order": r[8], "record_key": r[9], **document_fields(r[10:]),
        })
    return rows


def delivery_entries(backend: Backend, keys: list[str], names: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for r in backend.fetchall(
        "SELECT dl.agreement_key, dl.commitment_id, dl.quantity, dl.bound, dl.cumulative, dl.date, dl.date_start, "
        "dl.party, s.name, s.affiliation, i.cluster_id, p.evidence, p.evidence_start, dl.delivery_key, "
        f"{DOCUMENT_COLUMNS} "
        "FROM deliveries dl JOIN documents d ON d.doc_key = dl.doc_key "
        "JOIN provenance p ON p.record_key = dl.delivery_key "
        "LEFT JOIN sources s ON s.source_key = dl.source_key "
        "LEFT JOIN incidents i ON i.incident_key = dl.incident_key "
        "WHERE dl.agreement_key = ANY(?)",
        (keys,),
    ):
        rows.append({
            "agreement_key": r[0], "agreement": names[r[0]], "entry": "delivery", "commitment": r[1],
            "quantity": r[2], "bound": r[3], "cumulative": bool(r[4]), "when": r[5], "date": as_date(r[6]),
            "party": r[7] or r[8], "reported_by": r[8] if r[8] != r[7] else None, "_batch": r[10],
            "evidence": r[11], "_order": r[12],
            "record_key": r[13], **document_fields(r[14:]),
        })
    return rows


def commitment_entries(
    backend: Backend, keys: list[str], names: dict[str, str], deliveries: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """One row per commitment, with what was promised against what was delivered."""
    reports: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for d in deliveries:
        if d["commitment"]:
            day_of = d["date"] or d["published"]
            reports[(d["agreement_key"], d["commitment"])].append(
                Report(d["record_key"], d["quantity"], d["cumulative"], day_of, d["bound"], d["_batch"]))
    rows = []
    for key, cid, kind, description, party, beneficiary, quantity, unit, due, source in backend.fetchall(
        "SELECT agreement_key, commitment_id, kind, description, party, beneficiary, quantity, unit, due, source "
        "FROM commitments WHERE agreement_key = ANY(?) ORDER BY agreement_key, commitment_id",
        (keys,),
    ):
        figures = balance(quantity, reports[(key, cid)])
        rows.append({
            "agreement_key": key, "agreement": names[key], "entry": "commitment", "party": party,
            "against": beneficiary, "commitment": cid, "promised": quantity, "delivered": figures.delivered,
            "delivered_basis": figures.basis, "delivered_so_far": figures.so_far,
            "delivered_so_far_bound": figures.so_far_bound, "delivered_so_far_date": figures.so_far_date,
            "delivered_reports_sum": figures.reports_sum, "delivered_batches": figures.batches, "due": due,
            "when": due, "description": description, "evidence": source, "record_key": f"{key}#{cid}",
        })
    return rows


def mentions(value: str | None, needle: str) -> bool:
    return needle in folded(value)


def compliance_table(
    backend: Backend, name: str | None, party: str | None = None, since: date | str | None = None,
    until: date | str | None = None,
) -> pa.Table:
    found = matching_agreements(backend, name)
    if not found:
        return table([], COMPLIANCE_SCHEMA)
    keys = [key for key, _ in found]
    names = dict(found)
    deliveries = delivery_entries(backend, keys, names)
    commitments = commitment_entries(backend, keys, names, deliveries)
    timeline = link_entries(backend, "about", keys, names) + link_entries(backend, "violation", keys, names) + deliveries
    for row in timeline:
        if row["date"] is None:
            row["date"] = row["published"]
            if row["when"] is None and row["published"] is not None:
                row["when"] = f"published {row['published'].isoformat()}"
    if party:
        wanted = folded(party)
        commitments = [r for r in commitments if mentions(r["party"], wanted) or mentions(r["against"], wanted)]
        timeline = [r for r in timeline
                    if any(mentions(r.get(k), wanted) for k in ("party", "party_affiliation", "against"))]
    first, last = as_day(since), as_day(until)
    if first is not None:
        timeline = [r for r in timeline if r["date"] is not None and r["date"] >= first]
    if last is not None:
        timeline = [r for r in timeline if r["date"] is not None and r["date"] <= last]
    timeline.sort(key=lambda r: (r["date"] is None, r["date"] or date.min, r["doc_id"] or "", r.get("_order") or 0))
    return table(commitments + timeline, COMPLIANCE_SCHEMA)
