"""The store's schema as numbered migrations, applied in order and recorded.

Each migration is a list of statements in the SQL that DuckDB and PostgreSQL share.
A store records the versions it has applied in ``schema_migrations``; opening a store
applies the missing ones inside one transaction each, so a crash mid-migration leaves
the previous version intact. Never edit a released migration: add the next one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.store.backend import Backend


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]
    #: The engines whose stores run the statements; on the others the version is recorded
    #: as applied with nothing run, so that every store reaches the same version.
    backends: tuple[str, ...] = ("duckdb", "postgresql")


INITIAL = (
    """CREATE TABLE batches (
        batch_id TEXT PRIMARY KEY,
        committed_at TIMESTAMP NOT NULL,
        documents INTEGER NOT NULL,
        failures INTEGER NOT NULL
    )""",
    """CREATE TABLE documents (
        doc_key TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        site_name TEXT,
        published DATE,
        published_basis TEXT,
        text TEXT NOT NULL,
        removed TEXT NOT NULL,
        batch_id TEXT NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE sources (
        source_key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        affiliation TEXT
    )""",
    """CREATE TABLE actors (
        actor_key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT,
        inter INTEGER,
        country TEXT,
        affiliation TEXT
    )""",
    """CREATE TABLE places (
        place_key TEXT PRIMARY KEY,
        name TEXT,
        country TEXT,
        admin1 TEXT,
        admin2 TEXT,
        latitude DOUBLE PRECISION,
        longitude DOUBLE PRECISION,
        level TEXT
    )""",
    """CREATE TABLE incidents (
        incident_key TEXT PRIMARY KEY,
        doc_key TEXT NOT NULL,
        local_id TEXT NOT NULL,
        cluster_id TEXT NOT NULL,
        acled_type TEXT NOT NULL,
        acled_sub_type TEXT NOT NULL,
        plover_type TEXT,
        plover_mode TEXT,
        date TEXT,
        date_start DATE,
        date_end DATE,
        date_precision TEXT,
        date_text TEXT,
        country TEXT,
        admin1 TEXT,
        admin2 TEXT,
        place TEXT,
        place_key TEXT,
        latitude DOUBLE PRECISION,
        longitude DOUBLE PRECISION,
        geo_precision TEXT,
        killed INTEGER,
        injured INTEGER,
        killed_or_injured INTEGER,
        released INTEGER,
        detained INTEGER,
        abducted INTEGER,
        count_notes TEXT NOT NULL,
        source_key TEXT,
        claim_status TEXT NOT NULL,
        record TEXT NOT NULL
    )""",
    """CREATE TABLE incident_actors (
        incident_key TEXT NOT NULL,
        position INTEGER NOT NULL,
        actor_key TEXT NOT NULL,
        role TEXT,
        mention TEXT,
        PRIMARY KEY (incident_key, position)
    )""",
    """CREATE TABLE statements (
        statement_key TEXT PRIMARY KEY,
        doc_key TEXT NOT NULL,
        local_id TEXT NOT NULL,
        source_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        target TEXT,
        date TEXT,
        date_start DATE,
        date_end DATE,
        date_precision TEXT,
        date_text TEXT,
        channel TEXT,
        quote TEXT,
        about_incident_key TEXT,
        record TEXT NOT NULL
    )""",
    """CREATE TABLE statement_links (
        statement_key TEXT NOT NULL,
        answers_key TEXT NOT NULL,
        basis TEXT NOT NULL,
        PRIMARY KEY (statement_key, answers_key)
    )""",
    """CREATE TABLE provenance (
        record_key TEXT PRIMARY KEY,
        record_kind TEXT NOT NULL,
        doc_key TEXT NOT NULL,
        source_key TEXT,
        evidence TEXT NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL
    )""",
    """CREATE TABLE clusters (
        cluster_id TEXT PRIMARY KEY,
        acled_type TEXT NOT NULL,
        acled_sub_type TEXT NOT NULL,
        date_start DATE,
        date_end DATE,
        date_precision TEXT,
        country TEXT,
        admin1 TEXT,
        admin2 TEXT,
        place TEXT,
        latitude DOUBLE PRECISION,
        longitude DOUBLE PRECISION,
        geo_precision TEXT,
        killed_low INTEGER,
        killed_high INTEGER,
        killed_best INTEGER,
        injured_low INTEGER,
        injured_high INTEGER,
        injured_best INTEGER,
        reports INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        contested BOOLEAN NOT NULL,
        best_incident_key TEXT NOT NULL
    )""",
    """CREATE TABLE failures (
        failure_key TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        error TEXT NOT NULL,
        content_hash TEXT,
        batch_id TEXT NOT NULL,
        failed_at TIMESTAMP NOT NULL
    )""",
)

INDEXES = (
    "CREATE INDEX incidents_cluster ON incidents (cluster_id)",
    "CREATE INDEX incidents_where_when ON incidents (country, date_start)",
    "CREATE INDEX incidents_doc ON incidents (doc_key)",
    "CREATE INDEX statements_doc ON statements (doc_key)",
    "CREATE INDEX statements_kind ON statements (kind)",
    "CREATE INDEX failures_hash ON failures (content_hash)",
)

#: Views that join what a reader wants to see together; rebuilt by later migrations
#: when the tables under them change.
VIEWS = (
    """CREATE VIEW incident_reports AS
    SELECT i.incident_key, i.cluster_id, i.doc_key, d.doc_id, d.source AS document_source,
           d.site_name, d.url, d.published, i.local_id,
           i.acled_type, i.acled_sub_type, i.plover_type, i.plover_mode,
           i.date, i.date_start, i.date_end, i.date_precision, i.date_text,
           i.country, i.admin1, i.admin2, i.place, i.latitude, i.longitude, i.geo_precision,
           i.killed, i.injured, i.killed_or_injured, i.released, i.detained, i.abducted,
           i.claim_status, s.name AS reported_by, s.affiliation AS reported_by_affiliation,
           p.evidence, p.evidence_start, p.evidence_end
    FROM incidents i
    JOIN documents d ON d.doc_key = i.doc_key
    JOIN provenance p ON p.record_key = i.incident_key
    LEFT JOIN sources s ON s.source_key = i.source_key""",
    """CREATE VIEW statement_reports AS
    SELECT st.statement_key, st.doc_key, d.doc_id, d.source AS document_source, d.site_name,
           d.published, st.local_id, st.kind, s.name AS speaker, s.affiliation AS speaker_affiliation,
           st.target, st.date, st.date_start, st.date_end, st.date_precision, st.channel, st.quote,
           st.about_incident_key, p.evidence
    FROM statements st
    JOIN documents d ON d.doc_key = st.doc_key
    JOIN sources s ON s.source_key = st.source_key
    JOIN provenance p ON p.record_key = st.statement_key""",
)

#: Agreements and compliance. ``agreements`` holds one row per agreement across the store
#: (keyed by the knowledge base's id, or by ``text:<slug>`` of the name, which is how
#: agreements merge across documents); ``document_agreements`` says which documents refer
#: to which; ``agreement_links`` ties statements (``about``) and incidents (``violation``,
#: ``under``) to them; ``deliveries`` holds reported deliveries on commitments, whose
#: evidence is in ``provenance`` like every other record's.
AGREEMENTS = (
    """CREATE TABLE agreements (
        agreement_key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        parties TEXT NOT NULL,
        aliases TEXT NOT NULL,
        signed TEXT,
        known BOOLEAN NOT NULL,
        source TEXT
    )""",
    """CREATE TABLE commitments (
        agreement_key TEXT NOT NULL,
        commitment_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        description TEXT NOT NULL,
        party TEXT,
        beneficiary TEXT,
        quantity INTEGER,
        unit TEXT,
        due TEXT,
        source TEXT NOT NULL,
        PRIMARY KEY (agreement_key, commitment_id)
    )""",
    """CREATE TABLE document_agreements (
        doc_key TEXT NOT NULL,
        agreement_key TEXT NOT NULL,
        name TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        evidence TEXT NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (doc_key, agreement_key)
    )""",
    """CREATE TABLE agreement_links (
        record_key TEXT NOT NULL,
        relation TEXT NOT NULL,
        record_kind TEXT NOT NULL,
        doc_key TEXT NOT NULL,
        agreement_key TEXT NOT NULL,
        stance TEXT,
        party TEXT,
        party_affiliation TEXT,
        counterpart TEXT,
        PRIMARY KEY (record_key, relation)
    )""",
    """CREATE TABLE deliveries (
        delivery_key TEXT PRIMARY KEY,
        doc_key TEXT NOT NULL,
        local_id TEXT NOT NULL,
        agreement_key TEXT NOT NULL,
        commitment_id TEXT,
        quantity INTEGER,
        bound TEXT,
        cumulative BOOLEAN NOT NULL,
        date TEXT,
        date_start DATE,
        date_end DATE,
        party TEXT,
        source_key TEXT,
        incident_key TEXT,
        statement_key TEXT,
        record TEXT NOT NULL
    )""",
    "CREATE INDEX agreement_links_agreement ON agreement_links (agreement_key)",
    "CREATE INDEX deliveries_agreement ON deliveries (agreement_key)",
    "CREATE INDEX document_agreements_agreement ON document_agreements (agreement_key)",
)

#: Counts are BIGINT: a figure an article states is bounded at extraction
#: (``config.MAX_PLAUSIBLE_COUNT``), but a store must never be where a batch overflows.
#: DuckDB alters no column of a table with indexes, and PostgreSQL none under a view, so
#: both are dropped and rebuilt around the change.
COUNT_COLUMNS = {
    "incidents": ("killed", "injured", "killed_or_injured", "released", "detained", "abducted"),
    "clusters": ("killed_low", "killed_high", "killed_best", "injured_low", "injured_high", "injured_best"),
    "commitments": ("quantity",),
    "deliveries": ("quantity",),
}
COUNTED_TABLE_INDEXES = tuple(
    statement for statement in INDEXES + AGREEMENTS
    if statement.startswith("CREATE INDEX") and statement.split()[4] in COUNT_COLUMNS
)
WIDE_COUNTS = (
    "DROP VIEW incident_reports",
    *(f"DROP INDEX {statement.split()[2]}" for statement in COUNTED_TABLE_INDEXES),
    *(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE BIGINT"
      for table, columns in COUNT_COLUMNS.items() for column in columns),
    *COUNTED_TABLE_INDEXES,
    VIEWS[0],
)

#: How the document's bytes were decoded when they were not plain UTF-8 (``Document.decoding``:
#: "decoded as UTF-16-LE (no byte order mark)", "decoded as UTF-8; 1 invalid byte replaced
#: (U+FFFD)", "decoded as cp1251 (detected)"); NULL for plain UTF-8 and for documents stored
#: before this migration. Added last, so every earlier table keeps its column order.
DOCUMENT_DECODING = ("ALTER TABLE documents ADD COLUMN decoding TEXT",)

#: What denial linking looks statements up by, stored so that the lookup is an index range
#: and not an expression over every statement: the accused (``target``) and each speaker's
#: name and side as ``merge.fold`` writes them (case folded, spaces collapsed), and the
#: statement's day (its date, else its document's publication date), which bounds the
#: accusations a denial may answer to ``merge.DENIAL_WINDOW_DAYS`` before it. Rows stored
#: earlier are filled here by the SQL nearest ``fold``; new rows get ``fold`` itself.
FOLD_SQL = r"lower(regexp_replace(trim({}), '\s+', ' ', 'g'))"
LINK_LOOKUPS = (
    "ALTER TABLE statements ADD COLUMN target_folded TEXT",
    "ALTER TABLE statements ADD COLUMN reference_day DATE",
    f"UPDATE statements SET target_folded = {FOLD_SQL.format('target')}",
    "UPDATE statements SET reference_day = coalesce(statements.date_start, d.published) "
    "FROM documents d WHERE d.doc_key = statements.doc_key",
    "ALTER TABLE sources ADD COLUMN name_folded TEXT",
    "ALTER TABLE sources ADD COLUMN affiliation_folded TEXT",
    f"UPDATE sources SET name_folded = {FOLD_SQL.format('name')}, "
    f"affiliation_folded = {FOLD_SQL.format('affiliation')}",
)
#: Their indexes, in a migration of their own: DuckDB makes no index in the transaction
#: that updated the table.
LINK_LOOKUP_INDEXES = (
    "CREATE INDEX statements_target_day ON statements (target_folded, reference_day)",
    "CREATE INDEX statements_source ON statements (source_key)",
    "CREATE INDEX statements_about ON statements (about_incident_key)",
    "CREATE INDEX sources_name ON sources (name_folded)",
    "CREATE INDEX sources_affiliation ON sources (affiliation_folded)",
)

#: Indexes DuckDB keeps but never reads. A DuckDB file's ART indexes are held whole in the
#: memory of the process writing it (every index of a table is updated by each insert, and
#: DuckDB cannot evict an index's nodes: below their size ``memory_limit`` only makes the
#: write fail), about 1.2 KB per document of the soak's mix at 40,000 documents, so the
#: writer grows with the store. DuckDB looks rows up through a single-column index only
#: (``EXPLAIN ANALYZE`` shows a sequential scan for a composite index's columns, its whole
#: key included), so (country, date_start) and (target_folded, reference_day) served no
#: lookup; ``kind`` has a handful of values, each soon past the share of a table
#: (``index_scan_percentage``) below which DuckDB reads an index at all. PostgreSQL reads
#: all three and keeps them (in its server, not in the writer).
DUCKDB_UNREAD_INDEXES = ("incidents_where_when", "statements_target_day", "statements_kind")

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial tables", INITIAL),
    Migration(2, "indexes", INDEXES),
    Migration(3, "reader views", VIEWS),
    Migration(4, "agreements and compliance", AGREEMENTS),
    Migration(5, "counts as BIGINT", WIDE_COUNTS),
    Migration(6, "document decoding", DOCUMENT_DECODING),
    # The merge reads the actors of a batch's candidate reports by incident key; the primary
    # key (incident_key, position) is not an index DuckDB looks a key list up in.
    Migration(7, "index of incident actors by incident", (
        "CREATE INDEX incident_actors_incident ON incident_actors (incident_key)",
    )),
    Migration(8, "denial links looked up by folded names and day", LINK_LOOKUPS),
    Migration(9, "indexes of the denial link lookups", LINK_LOOKUP_INDEXES),
    Migration(10, "no indexes DuckDB never reads", tuple(f"DROP INDEX {name}" for name in DUCKDB_UNREAD_INDEXES),
              backends=("duckdb",)),
)

LATEST = MIGRATIONS[-1].version

BOOKKEEPING = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
)"""


def applied_versions(backend: Backend) -> set[int]:
    return {row[0] for row in backend.fetchall("SELECT version FROM schema_migrations")}


def migrate(backend: Backend, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply the migrations the store lacks, oldest first; return the versions applied."""
    backend.execute(BOOKKEEPING)
    done = applied_versions(backend)
    applied = []
    for migration in migrations:
        if migration.version in done:
            continue
        with backend.transaction():
            for statement in migration.statements if backend.kind in migration.backends else ():
                backend.execute(statement)
            backend.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (migration.version, migration.name)
            )
        applied.append(migration.version)
    if applied:
        backend.columns_cache.clear()  # tables may have new columns
    return applied
