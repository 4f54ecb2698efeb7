"""Bulk ingest: reading inputs, batching, idempotent re-runs, failures, and the CLI."""

from __future__ import annotations

import io
import json

from typer.testing import CliRunner

import sitrep.cli.db  # noqa: F401 - registers the store commands on the app
from sitrep.cli import app
from sitrep.corpus.ingest import (
    IngestOptions,
    count_inputs,
    ingest_paths,
    iter_stdin_streaming,
    run_ingest,
)
from sitrep.models import Document, Failure
from sitrep.store import open_store
from tests.store.factories import clash_a, clash_b, synthetic_reports


def write_jsonl(path, extractions) -> None:
    path.write_text("".join(e.model_dump_json() + "\n" for e in extractions), encoding="utf-8")


def test_extracted_jsonl_ingests_and_a_second_run_adds_nothing(store, tmp_path):
    source = tmp_path / "extracted.jsonl"
    write_jsonl(source, synthetic_reports(120))
    first = ingest_paths(store, [str(source)], IngestOptions(batch_size=25), extracted=True)
    assert (first.read, first.documents, first.batches, first.failures) == (120, 120, 5, 0)
    counts = store.counts()
    assert (counts["documents"], counts["incidents"], counts["statements"], counts["clusters"]) == (120, 120, 120, 40)
    second = ingest_paths(store, [str(source)], IngestOptions(batch_size=25), extracted=True)
    assert (second.documents, second.skipped) == (0, 120)
    assert store.counts() == counts


def test_batch_size_does_not_change_the_result(target, tmp_path):
    reports = synthetic_reports(60)
    with open_store(target) as store:
        run_ingest(store, reports, IngestOptions(batch_size=7))
        by_seven = sorted(store.events().column("reports").to_pylist())
        killed = sorted(store.events().column("killed_high").to_pylist())
    assert by_seven == [3] * 20
    assert killed == [12] * 20


def test_unreadable_inputs_go_to_failures_with_their_reason_and_the_batch_goes_on(store, tmp_path):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4 binary")
    bad_lines = tmp_path / "notes.jsonl"
    bad_lines.write_text('{"id": "n1"}\nnot json\n', encoding="utf-8")
    progress = ingest_paths(store, [str(pdf), str(tmp_path / "missing.txt"), str(bad_lines)])
    assert (progress.documents, progress.failures) == (0, 4)
    rows = store.backend.fetchall("SELECT source, error FROM failures ORDER BY source")
    assert rows == [
        (str(tmp_path / "missing.txt"), "no such file or directory"),
        (f"{bad_lines}:1", 'a JSON Lines record needs a "text" string'),
        (f"{bad_lines}:2", "not valid JSON (Expecting value at column 1)"),
        (str(pdf), "not a text document: a PDF file"),
    ]
    ingest_paths(store, [str(pdf), str(tmp_path / "missing.txt"), str(bad_lines)])
    assert store.counts()["failures"] == 4


def test_extracted_lines_that_are_not_extractions_fail_alone(store, tmp_path):
    source = tmp_path / "mixed.jsonl"
    source.write_text(clash_a().model_dump_json() + "\n" + '{"text": "raw"}\n' + clash_b().model_dump_json() + "\n")
    progress = ingest_paths(store, [str(source)], extracted=True)
    assert (progress.documents, progress.failures) == (2, 1)
    assert store.backend.fetchall("SELECT source, error FROM failures") == [
        (f"{source}:2", "not a sitrep extraction (document: Field required)")
    ]


def test_stdin_json_lines_stream_one_document_per_line():
    stream = io.StringIO('{"id": "a", "text": "The army said two soldiers died."}\n\n{"text": "Second note here."}\n')
    items = list(iter_stdin_streaming(stream))
    assert [(type(i).__name__, i.id) for i in items] == [("Document", "a"), ("Document", "stdin-3")]


def test_stdin_plain_text_is_one_document():
    items = list(iter_stdin_streaming(io.StringIO("Clashes in Kunduz.\nSecond line.\n")))
    assert len(items) == 1 and isinstance(items[0], Document)
    assert items[0].text == "Clashes in Kunduz.\nSecond line."


def test_stdin_empty_is_a_failure():
    assert list(iter_stdin_streaming(io.StringIO(""))) == [
        Failure(source="-", error="empty document (no text after removing boilerplate)")
    ]


def test_count_inputs(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n')
    (tmp_path / ".hidden").write_text("skipped")
    assert count_inputs([str(tmp_path)]) == 4
    assert count_inputs([str(tmp_path), "-"]) is None


def cli(*args: str, input: str | None = None):
    result = CliRunner().invoke(app, list(args), input=input)
    return result


def test_cli_ingest_query_sql_and_export(target, tmp_path):
    source = tmp_path / "extracted.jsonl"
    write_jsonl(source, [clash_a(), clash_b()])
    result = cli("ingest", "--db", target, "--extracted", str(source))
    assert result.exit_code == 0, result.output
    assert "stored 2 documents (2 incidents, 0 statements); 0 already stored; 0 failures" in result.output
    again = cli("ingest", "--db", target, "--extracted", str(source))
    assert "stored 0 documents (0 incidents, 0 statements); 2 already stored" in again.output

    listed = cli("incidents", "--db", target, "--format", "json", "--admin1", "badakhshan")
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    assert sorted((r["doc_id"], r["killed"], r["cluster_killed_low"], r["cluster_killed_high"]) for r in rows) == [
        ("clash-a", 27, 27, 30), ("clash-b", 30, 27, 30)]
    merged = json.loads(cli("incidents", "--db", target, "--merged", "-f", "json").stdout)
    assert [(m["reports"], m["sources"]) for m in merged] == [(2, "Pajhwok; TOLOnews")]
    table = cli("incidents", "--db", target, "--merged")
    assert "27-30 (best 27)" in table.stdout

    counted = cli("sql", "--db", target, "-f", "json", "SELECT count(*) AS n FROM documents")
    assert json.loads(counted.stdout) == [{"n": 2}]
    broken = cli("sql", "--db", target, "SELECT * FROM no_such_table")
    assert broken.exit_code == 1 and "sitrep: error:" in broken.output

    out = tmp_path / "events.csv"
    exported = cli("export", "--db", target, "--format", "acled-csv", "--out", str(out))
    assert exported.exit_code == 0, exported.output
    assert out.read_text().splitlines()[0].startswith("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type")
    assert cli("export", "--db", target, "--format", "parquet").exit_code == 2  # Parquet needs --out


def test_cli_statements(target, tmp_path):
    from tests.store.test_merge import accusation_doc, denial_doc

    source = tmp_path / "st.jsonl"
    write_jsonl(source, [accusation_doc(), denial_doc()])
    assert cli("ingest", "--db", target, "--extracted", str(source)).exit_code == 0
    rows = json.loads(cli("statements", "--db", target, "--kind", "denial", "-f", "json").stdout)
    assert [(r["speaker"], r["target"], r["answers"] is not None) for r in rows] == [
        ("Sonny Legget", "Taliban", True)]


def test_cli_ingest_reads_extractions_from_stdin(target):
    lines = clash_a().model_dump_json() + "\n" + clash_b().model_dump_json() + "\n"
    result = cli("ingest", "--db", target, "--extracted", "-", input=lines)
    assert result.exit_code == 0, result.output
    assert "stored 2 documents (2 incidents, 0 statements)" in result.output
