"""The ``Store``: one growing record of documents, incidents and statements.

A store is a DuckDB file or a PostgreSQL database (``postgresql://`` URL), reached
through the same methods. ``write_batch`` adds one batch of extractions and failures
in a single transaction, including the cross-article merge of incident reports and the
links of denials to the accusations they answer: after a crash the store holds whole
batches or nothing of them, and re-adding a stored document adds nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa

from sitrep.store.merge import (
    DENIAL_WINDOW_DAYS, MAX_SPAN_DAYS, Member, Report, StatementRef, answers, fold, same_incident, summarise,
)
from sitrep.models import Agreement, Delivery, Document, Extraction, Failure, Incident, Statement
from sitrep.store import agreements as ag
from sitrep.store import query as q
from sitrep.store.backend import Backend, connect
from sitrep.store.rows import ExtractionRows, digest, extraction_rows
from sitrep.store.schema import LATEST, migrate

DEFAULT_DB = "sitrep.duckdb"


@dataclass(frozen=True)
class FailedDocument:
    """A failure, with the content hash of the document when one was read."""

    failure: Failure
    content_hash: str | None = None


@dataclass
class BatchResult:
    documents: int = 0
    incidents: int = 0
    statements: int = 0
    failures: int = 0
    skipped: int = 0
    clusters_touched: set[str] = field(default_factory=set)
    unstored: list[FailedDocument] = field(default_factory=list)  # documents the store could not hold

    def add(self, other: BatchResult) -> None:
        self.documents += other.documents
        self.incidents += other.incidents
        self.statements += other.statements
        self.failures += other.failures
        self.skipped += other.skipped
        self.clusters_touched |= other.clusters_touched


#: Tables a batch fills, in insert order, with how many leading columns form the key.
BATCH_TABLES = (
    ("documents", 1), ("sources", 1), ("actors", 1), ("places", 1), ("incidents", 1),
    ("incident_actors", 2), ("statements", 1), ("statement_links", 2), ("provenance", 1),
    ("agreements", 1), ("commitments", 2), ("document_agreements", 2), ("agreement_links", 2), ("deliveries", 1),
)


def unique_rows(rows: Iterable[tuple], key_width: int) -> list[tuple]:
    """The first row of each key: one INSERT must not carry a key twice."""
    seen: dict[tuple, tuple] = {}
    for row in rows:
        seen.setdefault(row[:key_width], row)
    return list(seen.values())


MEMBER_COLUMNS = (
    "incident_key, doc_key, acled_type, acled_sub_type, date_start, date_end, date_precision, country, "
    "admin1, admin2, place, latitude, longitude, geo_precision, killed, injured, claim_status"
)


def one_of(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """``column IN (?, ?, ...)`` with one placeholder per value, and the values.

    Not ``column = ANY(?)`` with one list parameter: DuckDB reads that as a join with
    the unnested list and scans the whole table, so every lookup of a batch's keys
    cost time in proportion to the store's size; a list of constants is looked up in
    the column's index (PostgreSQL uses its index for either). No values match nothing.
    """
    values = list(values)
    if not values:
        return f"{column} IN (NULL)", []
    return f"{column} IN ({', '.join('?' * len(values))})", values


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """A sitrep database. Use ``sitrep.open(target)``; close it, or use it as a context manager."""

    def __init__(self, backend: Backend, migrate_schema: bool = True) -> None:
        self.backend = backend
        if migrate_schema:
            with backend.session():
                migrate(backend)

    def session(self):
        """Hold the database across several calls (a DuckDB file is otherwise released after each)."""
        return self.backend.session()

    # --- lifecycle ------------------------------------------------------------------

    def close(self) -> None:
        self.backend.close()

    def clone(self) -> Store:
        """The same database through a connection of its own, for another thread (not migrated again)."""
        return Store(self.backend.clone(), migrate_schema=False)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing --------------------------------------------------------------------

    def known_hashes(self, hashes: Sequence[str], include_failed: bool = True) -> set[str]:
        """Which of ``hashes`` the store already holds (as documents, or as failed documents)."""
        if not hashes:
            return set()
        with self.backend.session():
            where, params = one_of("doc_key", hashes)
            found = {row[0] for row in self.backend.fetchall(f"SELECT doc_key FROM documents WHERE {where}", params)}
            if include_failed:
                where, params = one_of("content_hash", hashes)
                found |= {row[0] for row in self.backend.fetchall(
                    f"SELECT content_hash FROM failures WHERE {where}", params)}
        return found

    def write_batch(
        self,
        extractions: Iterable[Extraction],
        failures: Iterable[FailedDocument] = (),
        batch_id: str | None = None,
    ) -> BatchResult:
        """Add one batch in one transaction; documents already stored are skipped.

        Should the batch fail to store, it is rolled back and its documents are stored
        one transaction each: a document that cannot be stored (a value no column holds,
        say) becomes a recorded failure, and every other one is stored.
        """
        extractions, failures = list(extractions), list(failures)
        now = utcnow()
        batch_id = batch_id or f"b-{now:%Y%m%dT%H%M%S%f}"
        try:
            return self.write_transaction(extractions, failures, batch_id, now)
        except Exception:
            if not extractions:
                raise
        result = BatchResult()
        unstored: list[FailedDocument] = []
        for number, extraction in enumerate(extractions):
            try:
                result.add(self.write_transaction([extraction], [], f"{batch_id}-{number}", now))
            except Exception as error:
                document = extraction.document
                reason = " ".join(f"cannot store: {type(error).__name__}: {error}".split())
                unstored.append(FailedDocument(Failure(source=document.source, error=reason[:500]),
                                               document.content_hash or digest(document.text)))
        result.add(self.write_transaction([], failures + unstored, f"{batch_id}-failures", now))
        result.unstored = unstored
        return result

    def write_transaction(
        self, extractions: list[Extraction], failures: list[FailedDocument], batch_id: str, now: datetime
    ) -> BatchResult:
        result = BatchResult()
        with self.backend.transaction():
            fresh = self.fresh_rows(extractions, batch_id, now, result)
            self.insert_rows(fresh)
            if fresh:
                # A document stored now (a retried failure, say) is no longer a failure.
                where, params = one_of("content_hash", [r.doc_key for r in fresh])
                self.backend.execute(f"DELETE FROM failures WHERE {where}", params)
            result.documents = len(fresh)
            result.incidents = sum(len(rows.incident_keys) for rows in fresh)
            result.statements = sum(len(rows.statement_keys) for rows in fresh)
            failure_rows = self.failure_rows(failures, batch_id, now)
            result.failures = len(failure_rows)
            self.backend.insert("failures", failure_rows)
            result.clusters_touched = self.merge_incidents([key for rows in fresh for key in rows.incident_keys])
            self.link_statements([key for rows in fresh for key in rows.statement_keys])
            if result.documents or result.failures:
                self.backend.execute(
                    "INSERT INTO batches VALUES (?,?,?,?)", (batch_id, now, result.documents, result.failures)
                )
        return result

    def fresh_rows(
        self, extractions: Iterable[Extraction], batch_id: str, now: datetime, result: BatchResult
    ) -> list[ExtractionRows]:
        """Rows of the extractions whose documents are new to the store (and to the batch)."""
        candidates: dict[str, ExtractionRows] = {}
        for extraction in extractions:
            rows = extraction_rows(extraction, batch_id, now)
            if rows.doc_key in candidates:
                result.skipped += 1
                continue
            candidates[rows.doc_key] = rows
        stored = self.known_hashes(list(candidates), include_failed=False)
        result.skipped += len(stored)
        return [rows for key, rows in candidates.items() if key not in stored]

    def insert_rows(self, fresh: list[ExtractionRows]) -> None:
        for table, key_width in BATCH_TABLES:
            if table == "documents":
                rows: Iterable[tuple] = (r.document for r in fresh)
            else:
                rows = (row for r in fresh for row in getattr(r, table))
            self.backend.insert(table, unique_rows(rows, key_width))

    def failure_rows(self, failures: Iterable[FailedDocument], batch_id: str, now: datetime) -> list[tuple]:
        rows: dict[str, tuple] = {}
        for item in failures:
            key = digest(item.failure.source, item.failure.error, item.content_hash)
            rows[key] = (key, item.failure.source, item.failure.error, item.content_hash, batch_id, now)
        if not rows:
            return []
        where, params = one_of("failure_key", list(rows))
        stored = {row[0] for row in self.backend.fetchall(f"SELECT failure_key FROM failures WHERE {where}", params)}
        return [row for key, row in rows.items() if key not in stored]

    # --- merging across articles ----------------------------------------------------------

    def reports(self, keys: Sequence[str]) -> dict[str, Report]:
        keys = sorted(set(keys))
        actors: dict[str, set[str]] = defaultdict(set)
        where, params = one_of("ia.incident_key", keys)
        links = self.backend.fetchall(f"SELECT ia.incident_key, ia.actor_key FROM incident_actors ia WHERE {where}", params)
        where, params = one_of("actor_key", sorted({actor for _, actor in links}))
        names = dict(self.backend.fetchall(f"SELECT actor_key, lower(name) FROM actors WHERE {where}", params))
        for key, actor in links:
            if actor in names:  # as the inner join did
                actors[key].add(" ".join(names[actor].split()))
        where, params = one_of("incident_key", keys)
        rows = self.backend.fetchall(
            "SELECT incident_key, doc_key, acled_type, date_start, date_end, country, admin1, place, source_key "
            f"FROM incidents WHERE {where}",
            params,
        )
        return {
            row[0]: Report(
                key=row[0], doc_key=row[1], acled_type=row[2], date_start=q.as_date(row[3]),
                date_end=q.as_date(row[4]), country=row[5], admin1=row[6], place=row[7],
                actors=frozenset(actors[row[0]]), reporter=row[8],
            )
            for row in rows
        }

    def candidate_pairs(self, new_keys: Sequence[str]) -> list[tuple[str, str]]:
        """(new, stored) report pairs that could tell of one incident: the cheap part of the rule, in SQL.

        Bounded by date as ``merge.dates_overlap`` is: both reports span at most
        ``MAX_SPAN_DAYS`` and overlap, so the stored one starts no earlier than
        ``MAX_SPAN_DAYS - 1`` days before the new one starts and no later than it ends. That
        window is a range of the index on (country, date_start), not a join with every
        report of the country; the pairs it leaves out are ones the rule rejects anyway.
        """
        where, params = one_of("n.incident_key", new_keys)
        return self.backend.fetchall(
            "SELECT n.incident_key, i.incident_key FROM incidents n JOIN incidents i "
            f"ON i.country = n.country AND i.date_start >= n.date_start - {MAX_SPAN_DAYS - 1} "
            "AND i.date_start <= n.date_end AND i.date_end >= n.date_start "
            f"AND i.date_end - i.date_start < {MAX_SPAN_DAYS} "
            "AND (lower(i.admin1) = lower(n.admin1) OR lower(i.place) = lower(n.place)) "
            f"AND i.incident_key <> n.incident_key WHERE {where} AND n.date_end - n.date_start < {MAX_SPAN_DAYS}",
            params,
        )

    def cluster_of(self, keys: Sequence[str]) -> dict[str, str]:
        where, params = one_of("incident_key", keys)
        return dict(self.backend.fetchall(f"SELECT incident_key, cluster_id FROM incidents WHERE {where}", params))

    def merge_incidents(self, new_keys: Sequence[str]) -> set[str]:
        """Join each new report to the clusters of the reports it matches; return the clusters changed.

        New reports start as clusters of their own (cluster_id = incident_key); every match
        unites two clusters, and each united group takes its smallest id.
        """
        if not new_keys:
            return set()
        pairs = self.candidate_pairs(new_keys)
        involved = sorted({key for pair in pairs for key in pair} | set(new_keys))
        reports = self.reports([key for pair in pairs for key in pair]) if pairs else {}
        clusters = self.cluster_of(involved)
        parent = {cluster: cluster for cluster in clusters.values()}

        def root(cluster: str) -> str:
            while parent[cluster] != cluster:
                parent[cluster] = parent[parent[cluster]]
                cluster = parent[cluster]
            return cluster

        for new, stored in pairs:
            if same_incident(reports[new], reports[stored]):
                first, second = sorted((root(clusters[new]), root(clusters[stored])))
                parent[second] = first
        moves = {cluster: root(cluster) for cluster in parent if root(cluster) != cluster}
        if moves:
            sources, targets = zip(*sorted(moves.items()))
            # The IN list as well as the join: it lets DuckDB find the rows through the index.
            where, params = one_of("incidents.cluster_id", sources)
            self.backend.execute(
                "UPDATE incidents SET cluster_id = m.target FROM "
                "(SELECT unnest(CAST(? AS TEXT[])) AS source, unnest(CAST(? AS TEXT[])) AS target) m "
                f"WHERE incidents.cluster_id = m.source AND {where}",
                (list(sources), list(targets), *params),
            )
            where, params = one_of("cluster_id", sources)
            self.backend.execute(f"DELETE FROM clusters WHERE {where}", params)
        touched = {root(clusters[key]) for key in new_keys} | set(moves.values())
        self.refresh_clusters(sorted(touched))
        return touched

    def refresh_clusters(self, cluster_ids: Sequence[str]) -> None:
        members: dict[str, list[Member]] = defaultdict(list)
        where, params = one_of("cluster_id", cluster_ids)
        for row in self.backend.fetchall(f"SELECT cluster_id, {MEMBER_COLUMNS} FROM incidents WHERE {where}", params):
            values = list(row[1:])
            values[4], values[5] = q.as_date(values[4]), q.as_date(values[5])
            members[row[0]].append(Member(*values))
        rows = []
        for cluster_id in cluster_ids:
            summary = summarise(cluster_id, members[cluster_id])
            best = summary.representative
            rows.append((
                cluster_id, summary.acled_type, summary.acled_sub_type, summary.date_start, summary.date_end,
                best.date_precision, best.country, best.admin1, best.admin2, best.place, best.latitude,
                best.longitude, best.geo_precision, summary.killed.low, summary.killed.high, summary.killed.best,
                summary.injured.low, summary.injured.high, summary.injured.best, summary.reports,
                summary.documents, summary.contested, best.key,
            ))
        # Replace rather than upsert: one bulk insert instead of a statement per cluster.
        where, params = one_of("cluster_id", cluster_ids)
        self.backend.execute(f"DELETE FROM clusters WHERE {where}", params)
        self.backend.insert("clusters", rows)

    # --- denials answering accusations across documents -------------------------------------

    def statement_refs(
        self, where: str, params: Sequence[Any], keep: Callable[[tuple], bool] | None = None,
    ) -> list[StatementRef]:
        """The statements ``where`` selects (over ``statements`` alone) and ``keep`` keeps, with
        their speakers and the clusters of the incidents they are about, each looked up by key.

        ``keep`` tests a row (statement_key, doc_key, kind, source_key, target, reference_day,
        about_incident_key) here rather than in the SQL: DuckDB looks a key list up in its
        index only when nothing else filters the table (``kind = ?`` beside it, an index of
        its own, or a day range, made it scan every statement), so the SQL carries the indexed
        condition alone and the rest, a handful of rows, is tested in Python.
        """
        rows = self.backend.fetchall(
            "SELECT statement_key, doc_key, kind, source_key, target, reference_day, about_incident_key "
            f"FROM statements WHERE {where}",
            params,
        )
        rows = [row for row in rows if keep is None or keep(row)]
        if not rows:
            return []
        keys, keys_params = one_of("source_key", sorted({row[3] for row in rows}))
        speakers = {row[0]: row[1:] for row in self.backend.fetchall(
            f"SELECT source_key, name, affiliation FROM sources WHERE {keys}", keys_params)}
        about = sorted({row[6] for row in rows if row[6]})
        clusters = self.cluster_of(about) if about else {}
        return [
            StatementRef(r[0], r[1], r[2], *speakers[r[3]], r[4], q.as_date(r[5]), clusters.get(r[6]))
            for r in rows if r[3] in speakers  # as the inner join did
        ]

    def answer_candidates(self, statement: StatementRef) -> list[StatementRef]:
        """Stored statements of the other kind that ``statement`` may answer or be answered by.

        What ``merge.answers`` asks, through indexes: the same incident's cluster, or the
        accused named as the denier (by their folded name or side), and a day within the
        denial window (or no day, which the rule does not bound).
        """
        denial = statement.kind == "denial"
        other = "accusation" if denial else "denial"
        low = high = None
        if statement.day is not None:
            # The accusation at most DENIAL_WINDOW_DAYS before the denial and a day after it.
            before, after = (-DENIAL_WINDOW_DAYS, 1) if denial else (-1, DENIAL_WINDOW_DAYS)
            low, high = statement.day + timedelta(days=before), statement.day + timedelta(days=after)

        def keep(row: tuple) -> bool:
            day = q.as_date(row[5])
            return row[2] == other and row[1] != statement.doc_key and (
                low is None or day is None or low <= day <= high)

        where, params = f"kind = '{other}' AND doc_key <> ?", [statement.doc_key]
        if low is not None:
            where += " AND (reference_day IS NULL OR reference_day BETWEEN ? AND ?)"
            params += [low, high]
        found: dict[str, StatementRef] = {}
        if denial:
            accused = sorted({fold(statement.speaker), fold(statement.speaker_affiliation)} - {""})
            if accused:
                # The (target_folded, reference_day) index bounds this on PostgreSQL.
                names, names_params = one_of("target_folded", accused)
                found.update((r.key, r) for r in self.statement_refs(f"{where} AND {names}", params + names_params))
        elif accused := fold(statement.target):
            found.update((r.key, r) for r in self.statement_refs(
                f"{where} AND source_key IN (SELECT source_key FROM sources "
                "WHERE name_folded = ? OR affiliation_folded = ?)", params + [accused, accused]))
        if statement.cluster_id is not None:
            members = [row[0] for row in self.backend.fetchall(
                "SELECT incident_key FROM incidents WHERE cluster_id = ?", (statement.cluster_id,))]
            about, about_params = one_of("about_incident_key", members)
            found.update((r.key, r) for r in self.statement_refs(about, about_params, keep))
        return list(found.values())

    def link_statements(self, new_keys: Sequence[str]) -> None:
        if not new_keys:
            return
        links = []
        where, params = one_of("statement_key", new_keys)
        for statement in self.statement_refs(where, params, lambda row: row[2] in ("denial", "accusation")):
            others = self.answer_candidates(statement)
            pairs = [(statement, other) if statement.kind == "denial" else (other, statement) for other in others]
            for denial, accusation in pairs:
                if basis := answers(denial, accusation):
                    links.append((denial.key, accusation.key, basis))
        self.backend.insert("statement_links", unique_rows(links, 2))

    # --- reading ----------------------------------------------------------------------

    def incidents(self, **filters: Any) -> pa.Table:
        """One row per stored report, with its cluster; filters as in ``query.IncidentFilter``."""
        sql, params = q.incident_query(q.IncidentFilter(**filters))
        return self.backend.arrow(sql, params)

    def events(self, **filters: Any) -> pa.Table:
        """One row per cluster (merged incident) with its figures' range and its sources."""
        sql, params = q.event_query(q.IncidentFilter(**filters))
        return self.backend.arrow(sql, params)

    def statements(self, **filters: Any) -> pa.Table:
        sql, params = q.statement_query(q.StatementFilter(**filters))
        return self.backend.arrow(sql, params)

    def agreements(self) -> pa.Table:
        """One row per agreement the stored documents refer to, merged across documents by the
        knowledge base's id or by name, with how often it is accused, denied, demanded and
        delivered on. Columns (``store.agreements.AGREEMENT_SCHEMA``): agreement_key, name,
        kind, parties, signed, known, documents, statements, allegations, denials, demands,
        compliance_claims, withdrawal_threats, alleged_violations, deliveries, commitments,
        allegations_by ("Taliban against United States: 2; ..."), aliases."""
        with self.backend.session():
            return ag.agreement_table(self.backend)

    def compliance(
        self, name: str | None = None, party: str | None = None, since: date | str | None = None,
        until: date | str | None = None,
    ) -> pa.Table:
        """The compliance record of the agreement(s) ``name`` names (by key, name or alias;
        failing that, by part of one; every agreement when None): first one row per commitment
        (entry "commitment": party, promised, delivered and its basis, the largest running total
        "so far" and the sum of reported batches, due, description, the public source as
        evidence), then the timeline in date order: each allegation, denial, demand, compliance
        claim, withdrawal threat or other statement about it, each incident a party calls a
        violation, each delivery, with its source sentence and article. ``party`` keeps rows where
        the speaker, their side or the party aimed at matches; ``since``/``until`` bound the
        timeline's dates. Columns: ``store.agreements.COMPLIANCE_SCHEMA``."""
        with self.backend.session():
            return ag.compliance_table(self.backend, name, party=party, since=since, until=until)

    def sql(self, text: str, write: bool = False) -> pa.Table:
        """Run one statement of the user's own SQL and return what it selects.

        It may only read unless ``write`` is given: a read-only transaction on
        PostgreSQL, reading statement types only on DuckDB.
        """
        return self.backend.user_sql(text, write=write)

    def counts(self) -> dict[str, int]:
        tables = ("documents", "incidents", "statements", "statement_links", "clusters", "failures",
                  "actors", "places", "sources", "provenance", "batches")
        # Table names come from the fixed tuple above, never from input.
        with self.backend.session():
            return {table: self.backend.fetchall(f"SELECT count(*) FROM {table}")[0][0] for table in tables}

    def generation(self) -> int:
        """How many batches the store has committed: it changes with every write."""
        return self.backend.fetchall("SELECT count(*) FROM batches")[0][0]

    def summary(self) -> dict[str, Any]:
        """What the store holds, for a reader choosing filters: counts, merged incidents by country and
        by type, and their first and last days."""
        with self.backend.session():
            one = self.backend.fetchall(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM incidents), "
                "(SELECT count(*) FROM clusters), (SELECT count(*) FROM statements), "
                "(SELECT min(date_start) FROM clusters), (SELECT max(date_end) FROM clusters)"
            )[0]
            countries = self.backend.fetchall(
                "SELECT country, count(*) FROM clusters WHERE country IS NOT NULL "
                "GROUP BY country ORDER BY count(*) DESC, country")
            types = self.backend.fetchall(
                "SELECT acled_type, acled_sub_type, count(*) FROM clusters GROUP BY 1, 2 ORDER BY 1, 2")
            kinds = self.backend.fetchall("SELECT kind, count(*) FROM statements GROUP BY kind ORDER BY kind")
        return {
            "documents": one[0], "incidents": one[1], "events": one[2], "statements": one[3],
            "first_date": q.as_date(one[4]), "last_date": q.as_date(one[5]),
            "countries": [{"country": code, "events": n} for code, n in countries],
            "types": [{"acled_type": t, "acled_sub_type": sub, "events": n} for t, sub, n in types],
            "statement_kinds": [{"kind": kind, "statements": n} for kind, n in kinds],
        }

    def schema_version(self) -> int:
        return self.backend.fetchall("SELECT max(version) FROM schema_migrations")[0][0]

    def extraction(self, doc_key: str) -> Extraction | None:
        """Rebuild the stored extraction of one document from its rows."""
        with self.backend.session():
            return self.rebuild_extraction(doc_key)

    def rebuild_extraction(self, doc_key: str) -> Extraction | None:
        found = self.backend.fetchall(
            "SELECT doc_id, source, url, title, site_name, published, published_basis, text, removed, decoding "
            "FROM documents WHERE doc_key = ?", (doc_key,))
        if not found:
            return None
        r = found[0]
        document = Document(id=r[0], source=r[1], url=r[2], title=r[3], site_name=r[4], published=q.as_date(r[5]),
                            published_basis=r[6], text=r[7], removed=json.loads(r[8]), content_hash=doc_key,
                            decoding=r[9])
        # In text order, as the pipeline emits them (local ids sort e10 before e2).
        incidents = [Incident.model_validate_json(row[0]) for row in self.backend.fetchall(
            "SELECT i.record FROM incidents i JOIN provenance p ON p.record_key = i.incident_key "
            "WHERE i.doc_key = ? ORDER BY p.evidence_start, i.local_id", (doc_key,))]
        statements = [Statement.model_validate_json(row[0]) for row in self.backend.fetchall(
            "SELECT s.record FROM statements s JOIN provenance p ON p.record_key = s.statement_key "
            "WHERE s.doc_key = ? ORDER BY p.evidence_start, s.local_id", (doc_key,))]
        agreements = [Agreement.model_validate_json(row[0]) for row in self.backend.fetchall(
            "SELECT record FROM document_agreements WHERE doc_key = ? ORDER BY evidence_start, agreement_key", (doc_key,))]
        deliveries = [Delivery.model_validate_json(row[0]) for row in self.backend.fetchall(
            "SELECT d.record FROM deliveries d JOIN provenance p ON p.record_key = d.delivery_key "
            "WHERE d.doc_key = ? ORDER BY p.evidence_start, length(d.local_id), d.local_id", (doc_key,))]
        return Extraction(document=document, incidents=incidents, statements=statements, agreements=agreements,
                          deliveries=deliveries)


class StoreUnavailable(RuntimeError):
    """The target holds no sitrep store (for reading commands, which never create one)."""


def is_duckdb_path(target: str | Path) -> bool:
    return not str(target).startswith(("postgresql://", "postgres://"))


def open_store(target: str | Path = DEFAULT_DB, read_only: bool = False) -> Store:
    """Open the store at a DuckDB path or ``postgresql://`` URL.

    Writable, it is created and migrated as needed. Read-only, it must exist: a reading
    command pointed at a wrong path says so instead of answering from a new empty store.
    """
    if not read_only:
        return Store(connect(target, read_only=False))
    if is_duckdb_path(target) and not Path(target).is_file():
        raise StoreUnavailable(f"no store at {target} (sitrep ingest creates one)")
    store = Store(connect(target, read_only=True), migrate_schema=False)
    try:
        version = store.schema_version()
    except Exception:
        store.close()
        raise StoreUnavailable(f"{target} is not a sitrep store") from None
    if version is not None and version < LATEST:  # an older store: migrate once, then read
        store.close()
        open_store(target).close()
        store = Store(connect(target, read_only=True), migrate_schema=False)
    return store
