"""The store: schema and migrations, idempotent batch writes, stable keys, queries."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.models import Failure
from sitrep.store import FailedDocument, open_store
from sitrep.store.backend import to_pyformat
from sitrep.store.rows import date_span, record_key
from sitrep.store.schema import DUCKDB_UNREAD_INDEXES, LATEST, MIGRATIONS, Migration, migrate
from tests.store.factories import (
    CLASH_A,
    clash_a,
    clash_b,
    clash_other_province,
    document,
    extraction,
    incident,
    statement,
)


def test_new_store_is_at_the_latest_schema_version(store):
    assert store.schema_version() == LATEST == 10
    assert [row[0] for row in store.backend.fetchall("SELECT version FROM schema_migrations ORDER BY version")] == [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10]


def index_names(store) -> set[str]:
    if store.backend.kind == "duckdb":
        return {row[0] for row in store.backend.fetchall("SELECT index_name FROM duckdb_indexes()")}
    return {row[0] for row in store.backend.fetchall("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}


def test_only_postgresql_keeps_the_indexes_duckdb_never_reads(store):
    """Each index costs a DuckDB writer memory in proportion to its table; PostgreSQL reads them."""
    names = index_names(store)
    assert "incidents_cluster" in names and "incident_actors_incident" in names
    if store.backend.kind == "duckdb":
        assert not names & set(DUCKDB_UNREAD_INDEXES)
    else:
        assert set(DUCKDB_UNREAD_INDEXES) <= names


def test_a_store_made_before_the_unread_indexes_went_loses_them_and_still_adds_nothing_twice(target):
    with open_store(target) as old:  # put back at version 9, with the indexes as they were then
        old.backend.execute("DELETE FROM schema_migrations WHERE version = 10")
        if old.backend.kind == "duckdb":
            for command in MIGRATIONS[1].statements + MIGRATIONS[8].statements:
                if command.split()[2] in DUCKDB_UNREAD_INDEXES:
                    old.backend.execute(command)
        assert set(DUCKDB_UNREAD_INDEXES) <= index_names(old)
    with open_store(target) as store:
        assert store.schema_version() == LATEST
        store.write_batch([clash_a(), clash_b()])
        before = store.counts()
        assert store.write_batch([clash_a(), clash_b()]).documents == 0
        assert store.counts() == before
        assert (not index_names(store) & set(DUCKDB_UNREAD_INDEXES)) == (store.backend.kind == "duckdb")


def test_duckdb_reads_no_composite_index(tmp_path):
    """Why (country, date_start) and (target_folded, reference_day) go from a DuckDB store: DuckDB
    finds rows through a single-column index only, and scans the table for a composite one's
    columns, even given its whole key."""
    import duckdb

    connection = duckdb.connect(str(tmp_path / "plain.duckdb"))
    connection.execute("CREATE TABLE t (a TEXT, b INTEGER, c TEXT)")
    connection.execute("INSERT INTO t SELECT 'a' || i::TEXT, i % 7, 'c' || i::TEXT FROM range(300000) r(i)")
    connection.execute("CREATE INDEX t_ab ON t (a, b)")
    connection.execute("CREATE INDEX t_c ON t (c)")

    def plan(sql: str) -> str:
        return " ".join(row[1] for row in connection.execute(f"EXPLAIN ANALYZE {sql}").fetchall())

    assert "Index Scan" in plan("SELECT * FROM t WHERE c = 'c4242'")
    assert "Index Scan" not in plan("SELECT * FROM t WHERE a = 'a4242'")
    assert "Index Scan" not in plan("SELECT * FROM t WHERE a = 'a4242' AND b = 4242 % 7")


def test_reopening_applies_no_migration_twice(target):
    open_store(target).close()
    with open_store(target) as again:
        assert migrate(again.backend) == []
        assert again.schema_version() == LATEST


def test_a_later_migration_is_applied_to_an_existing_store(target):
    with open_store(target) as store:
        store.write_batch([clash_a()])
        extra = Migration(LATEST + 1, "a note column", ("ALTER TABLE documents ADD COLUMN note TEXT",))
        assert migrate(store.backend, (*MIGRATIONS, extra)) == [LATEST + 1]
        assert store.backend.fetchall("SELECT count(*), max(note) FROM documents") == [(1, None)]


def test_a_batch_is_stored_with_every_table_filled(store):
    result = store.write_batch([clash_a(), clash_b(), clash_other_province()])
    assert (result.documents, result.incidents, result.skipped) == (3, 3, 0)
    counts = store.counts()
    assert {k: counts[k] for k in ("documents", "incidents", "provenance", "sources", "places", "actors", "batches")} == {
        "documents": 3, "incidents": 3, "provenance": 3, "sources": 2, "places": 2, "actors": 2, "batches": 1,
    }


def test_rewriting_stored_documents_adds_nothing(store):
    store.write_batch([clash_a(), clash_b()])
    before = store.counts()
    result = store.write_batch([clash_b(), clash_a(), clash_a()])
    assert (result.documents, result.skipped) == (0, 3)
    assert store.counts() == before


def test_keys_are_stable_and_derive_from_content_hash_and_local_id(store):
    first = clash_a()
    store.write_batch([first])
    key = record_key("inc", first.document.content_hash, "e1")
    assert store.backend.fetchall("SELECT incident_key FROM incidents") == [(key,)]
    # Same local id in another document: another key.
    assert record_key("inc", clash_b().document.content_hash, "e1") != key


def test_the_stored_extraction_reads_back_equal(store):
    original = clash_a()
    store.write_batch([original])
    assert store.extraction(original.document.content_hash) == original


def test_failures_are_recorded_once_with_their_reason(store):
    failure = FailedDocument(Failure(source="bad.pdf", error="not a text document: a PDF file"))
    store.write_batch([], [failure, failure])
    store.write_batch([], [failure])
    assert store.backend.fetchall("SELECT source, error, content_hash FROM failures") == [
        ("bad.pdf", "not a text document: a PDF file", None)
    ]


def test_known_hashes_include_failed_documents_only_when_asked(store):
    store.write_batch([clash_a()], [FailedDocument(Failure(source="x", error="extraction failed: boom"), "h-failed")])
    stored = clash_a().document.content_hash
    assert store.known_hashes([stored, "h-failed", "h-new"]) == {stored, "h-failed"}
    assert store.known_hashes([stored, "h-failed", "h-new"], include_failed=False) == {stored}


def test_incident_filters(store):
    store.write_batch([clash_a(), clash_b(), clash_other_province()])

    def ids(**filters):
        return sorted(store.incidents(**filters).column("doc_id").to_pylist())

    assert ids() == ["clash-a", "clash-b", "clash-kunduz"]
    assert ids(country="Afghanistan") == ids(country="AF") == ids(country="AFG") == ["clash-a", "clash-b", "clash-kunduz"]
    assert ids(country="PK") == []
    assert ids(admin1="kunduz") == ["clash-kunduz"]
    assert ids(actor="defense and security") == ["clash-a", "clash-kunduz"]
    assert ids(actor="ministry of") == ["clash-a"]  # the reporting source counts as well
    assert ids(type="armed clash") == ids(type="Battles") == ["clash-a", "clash-b", "clash-kunduz"]
    assert ids(since=date(2020, 4, 11)) == []
    assert ids(since=date(2020, 4, 10), until="2020-04-10") == ["clash-a", "clash-b", "clash-kunduz"]
    assert ids(text="INSURGENTS") == ["clash-b"]
    assert ids(text="100%") == []  # LIKE wildcards in user text are literal
    assert store.incidents(limit=1).num_rows == 1


def accusation_and_denial():
    """One document: an accusation (s1) and the denial answering it (s2)."""
    text = "The Taliban accused the US of violating the agreement. The US rejected the claim on Saturday."
    doc = document("st", text, published=date(2020, 4, 12))
    return extraction(doc, statements=[
        statement(text, "The Taliban accused the US of violating the agreement.", id="s1", speaker="Taliban",
                  kind="accusation", target="United States"),
        statement(text, "The US rejected the claim on Saturday.", id="s2", speaker="United States",
                  kind="denial", target="Taliban", answers="s1", date="2020-04-11"),
    ])


def test_statement_filters_and_sql(store):
    both = accusation_and_denial()
    doc = both.document
    store.write_batch([both])
    table = store.statements(kind="denial")
    assert table.column("speaker").to_pylist() == ["United States"]
    assert table.column("answers").to_pylist() == [record_key("stm", doc.content_hash, "s1")]
    assert store.statements(actor="taliban").num_rows == 2
    assert store.statements(since="2020-04-12").column("local_id").to_pylist() == ["s1"]
    assert store.statements(text="violating").column("local_id").to_pylist() == ["s1"]
    assert store.sql("SELECT kind, count(*) AS n FROM statements GROUP BY kind ORDER BY kind").to_pylist() == [
        {"kind": "accusation", "n": 1}, {"kind": "denial", "n": 1},
    ]


def test_evidence_offsets_index_the_stored_text(store):
    store.write_batch([clash_a()])
    evidence, start, end, text = store.backend.fetchall(
        "SELECT p.evidence, p.evidence_start, p.evidence_end, d.text FROM provenance p "
        "JOIN documents d ON d.doc_key = p.doc_key")[0]
    assert text[start:end] == evidence and text == CLASH_A


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-04-10", (date(2020, 4, 10), date(2020, 4, 10))),
        ("2020-04-08/2020-04-09", (date(2020, 4, 8), date(2020, 4, 9))),
        ("2020-02", (date(2020, 2, 1), date(2020, 2, 29))),
        ("2020-12", (date(2020, 12, 1), date(2020, 12, 31))),
        ("not a date", (None, None)),
        (None, (None, None)),
    ],
)
def test_date_span(value, expected):
    assert date_span(value) == expected


def test_placeholders_are_rewritten_outside_quotes_only():
    assert to_pyformat("SELECT '?', \"a?\" FROM t WHERE a = ? AND b LIKE '50%' AND c % 2 = ?") == (
        "SELECT '?', \"a?\" FROM t WHERE a = %s AND b LIKE '50%%' AND c %% 2 = %s"
    )


def test_incident_without_date_or_place_is_stored_alone(store):
    text = "Clashes were reported somewhere."
    doc = document("vague", text)
    store.write_batch([extraction(doc, [incident(text, text, date=None, precision=None, country=None, admin1=None)])])
    assert store.events().column("reports").to_pylist() == [1]


def test_storing_a_document_that_failed_before_clears_its_failure(store):
    stored = clash_a()
    failure = FailedDocument(Failure(source="clash-a.txt", error="extraction failed: boom"), stored.document.content_hash)
    store.write_batch([], [failure])
    store.write_batch([stored])
    assert store.counts()["failures"] == 0


def test_python_api_returns_arrow_tables_that_convert_to_pandas(target):
    import sitrep

    pytest.importorskip("pandas", reason="pandas is a test extra")
    with sitrep.open(target) as store:
        store.write_batch([clash_a(), clash_b()])
        frame = store.incidents(country="AF").to_pandas()
        assert sorted(frame["doc_id"]) == ["clash-a", "clash-b"]
        assert frame["cluster_killed_high"].tolist() == [30, 30]
        assert store.events().to_pandas()["reports"].tolist() == [2]


def test_sql_that_selects_nothing_returns_an_empty_table(store):
    assert store.sql("CREATE TABLE analyst_notes (note TEXT)", write=True).num_rows == 0
    store.sql("INSERT INTO analyst_notes VALUES ('checked')", write=True)
    assert store.sql("SELECT note FROM analyst_notes").to_pylist() == [{"note": "checked"}]


def test_the_stored_extraction_keeps_text_order_past_ten_incidents(store):
    sentences = [f"Clash number {n} happened in Badakhshan." for n in range(1, 12)]
    text = " ".join(sentences)
    incidents = [incident(text, sentence, id=f"e{n}", date=f"2020-03-{n:02d}")
                 for n, sentence in enumerate(sentences, start=1)]
    original = extraction(document("many", text), incidents)
    store.write_batch([original])
    assert [i.id for i in store.extraction(original.document.content_hash).incidents] == [
        f"e{n}" for n in range(1, 12)]


def test_user_sql_only_reads_and_runs_one_statement_unless_told_to_write(store):
    for command in ("DELETE FROM failures", "DROP TABLE failures", "SELECT 1; DROP TABLE failures"):
        with pytest.raises(Exception):
            store.sql(command)
    assert store.sql("SELECT count(*) AS n FROM failures").to_pylist() == [{"n": 0}]
    store.sql("DELETE FROM failures", write=True)


def test_contested_filter_keeps_the_reports_of_merged_incidents_a_party_disputes(store):
    text = "The Taliban denied that 27 of their fighters were killed in Badakhshan on Friday."
    disputed = extraction(document("clash-denied", text, published=date(2020, 4, 11)),
                          [incident(text, text, killed=0, actors=("Taliban",), claim_status="disputed")])
    store.write_batch([clash_a(), disputed, clash_other_province()])

    def ids(**filters):
        return sorted(store.incidents(**filters).column("doc_id").to_pylist())

    assert ids(contested=True) == ["clash-a", "clash-denied"]
    assert ids(contested=False) == ["clash-kunduz"]
    assert store.events(contested=True).column("reports").to_pylist() == [2]
    assert store.events(contested=True, admin1="Kunduz").num_rows == 0


def test_offset_pages_through_rows_in_the_listing_order(store):
    store.write_batch([clash_a(), clash_b(), clash_other_province()])
    everything = store.incidents().column("incident_key").to_pylist()
    pages = [store.incidents(limit=2, offset=offset).column("incident_key").to_pylist() for offset in (0, 2, 4)]
    assert pages == [everything[:2], everything[2:], []]
    assert store.events(limit=1, offset=1).num_rows == 1


def test_statements_by_key_with_the_denials_that_answer_them(store):
    both = accusation_and_denial()
    doc = both.document
    store.write_batch([both])
    accusation, denial = (record_key("stm", doc.content_hash, local) for local in ("s1", "s2"))
    assert store.statements(kind="accusation").column("answered_by").to_pylist() == [denial]
    assert store.statements(keys=[accusation]).column("local_id").to_pylist() == ["s1"]
    assert store.statements(keys=[]).num_rows == 0
    assert store.statements(limit=1, offset=1).column("local_id").to_pylist() == ["s1"]


def test_a_clone_reads_what_another_connection_committed(target):
    with open_store(target) as store:
        other = store.clone()
        try:
            store.write_batch([clash_a()])
            assert other.incidents().column("doc_id").to_pylist() == ["clash-a"]
        finally:
            other.close()


def test_summary_counts_merged_incidents_by_country_and_type(store):
    store.write_batch([clash_a(), clash_b(), clash_other_province()])
    summary = store.summary()
    assert {k: summary[k] for k in ("documents", "incidents", "events", "statements")} == {
        "documents": 3, "incidents": 3, "events": 2, "statements": 0}
    assert summary["countries"] == [{"country": "AF", "events": 2}]
    assert summary["types"] == [{"acled_type": "Battles", "acled_sub_type": "Armed clash", "events": 2}]
    assert (summary["first_date"], summary["last_date"]) == (date(2020, 4, 10), date(2020, 4, 10))
