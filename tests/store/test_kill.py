"""SIGKILL during ingest: the store stays consistent, nothing committed is lost, a re-run
completes without duplicates. The ingest runs as a real ``sitrep ingest`` process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from sitrep.corpus.ingest import IngestOptions, run_ingest
from sitrep.store import open_store
from tests.store.factories import synthetic_reports

DOCUMENTS = 800
BATCH = 20
#: (committed batches to wait for, then seconds to wait before SIGKILL). None: kill during start-up.
KILL_POINTS = ((None, 0.4), (1, 0.0), (4, 0.013), (9, 0.031))
COMMAND = [sys.executable, "-m", "sitrep"]


def ingest_process(target: str, source) -> subprocess.Popen:
    return subprocess.Popen(
        [*COMMAND, "ingest", "--db", target, "--extracted", "--batch-size", str(BATCH), str(source)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "200"},
    )


def committed_totals(line: str) -> dict | None:
    prefix = "sitrep: batch committed "
    return json.loads(line[len(prefix):]) if line.startswith(prefix) else None


def run_and_kill(target: str, source, batches: int | None, delay: float) -> int:
    """Start an ingest, SIGKILL it; return how many documents it reported committed."""
    process = ingest_process(target, source)
    committed = 0
    if batches is not None:
        seen = 0
        while seen < batches:
            line = process.stderr.readline()
            assert line, "the ingest ended before the kill point"
            if (totals := committed_totals(line)) is not None:
                seen += 1
                committed = totals["documents"]
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    return committed


def scalar(store, sql: str) -> int:
    return store.backend.fetchall(sql)[0][0]


def assert_membership_consistent(store) -> None:
    """No orphan rows, clusters agree with their members, batches account for every document."""
    for table in ("incidents", "statements", "provenance"):
        assert scalar(store, f"SELECT count(*) FROM {table} t LEFT JOIN documents d ON d.doc_key = t.doc_key "
                             "WHERE d.doc_key IS NULL") == 0
    assert scalar(store, "SELECT count(*) FROM incidents i LEFT JOIN clusters c ON c.cluster_id = i.cluster_id "
                         "WHERE c.cluster_id IS NULL") == 0
    assert scalar(store, "SELECT count(*) FROM clusters c WHERE c.reports <> "
                         "(SELECT count(*) FROM incidents i WHERE i.cluster_id = c.cluster_id)") == 0
    assert scalar(store, "SELECT coalesce(sum(documents), 0) FROM batches") == scalar(
        store, "SELECT count(*) FROM documents")
    assert scalar(store, "SELECT count(*) FROM provenance") == scalar(
        store, "SELECT (SELECT count(*) FROM incidents) + (SELECT count(*) FROM statements)")


def assert_consistent(store) -> None:
    assert scalar(store, "SELECT count(*) - count(DISTINCT doc_id) FROM documents") == 0
    assert_membership_consistent(store)
    # Whole documents only: each synthetic article has exactly one incident and one statement.
    assert scalar(store, "SELECT count(*) FROM documents d WHERE "
                         "(SELECT count(*) FROM incidents i WHERE i.doc_key = d.doc_key) <> 1 OR "
                         "(SELECT count(*) FROM statements s WHERE s.doc_key = d.doc_key) <> 1") == 0
    assert scalar(store, "SELECT count(*) FROM provenance") == 2 * scalar(store, "SELECT count(*) FROM documents")


def membership(store) -> set[frozenset[str]]:
    rows = store.backend.fetchall(
        "SELECT i.cluster_id, d.doc_id FROM incidents i JOIN documents d ON d.doc_key = i.doc_key")
    clusters: dict[str, set[str]] = {}
    for cluster, doc in rows:
        clusters.setdefault(cluster, set()).add(doc)
    return {frozenset(docs) for docs in clusters.values()}


def test_sigkill_at_several_points_loses_nothing_committed_and_never_duplicates(target, tmp_path):
    reports = synthetic_reports(DOCUMENTS)
    source = tmp_path / "extracted.jsonl"
    source.write_text("".join(r.model_dump_json() + "\n" for r in reports), encoding="utf-8")
    with open_store(tmp_path / "reference.duckdb") as reference:
        run_ingest(reference, reports, IngestOptions(batch_size=BATCH))
        expected_counts, expected_clusters = reference.counts(), membership(reference)

    stored_before = 0
    for batches, delay in KILL_POINTS:
        committed = run_and_kill(target, source, batches, delay)
        with open_store(target) as store:
            assert_consistent(store)
            stored = scalar(store, "SELECT count(*) FROM documents")
        assert stored >= stored_before + committed  # every batch it reported committed is there
        assert stored < DOCUMENTS
        stored_before = stored

    finished = subprocess.run([*COMMAND, "ingest", "--db", target, "--extracted", str(source)],
                              capture_output=True, text=True, check=True)
    assert f"{stored_before} already stored" in finished.stderr
    with open_store(target) as store:
        assert_consistent(store)
        counts = store.counts()
        assert {k: counts[k] for k in ("documents", "incidents", "statements", "clusters", "provenance")} == {
            k: expected_counts[k] for k in ("documents", "incidents", "statements", "clusters", "provenance")}
        assert membership(store) == expected_clusters

    again = subprocess.run([*COMMAND, "ingest", "--db", target, "--extracted", str(source)],
                           capture_output=True, text=True, check=True)
    assert f"stored 0 documents (0 incidents, 0 statements); {DOCUMENTS} already stored" in again.stderr
    with open_store(target) as store:
        assert store.counts() == counts
