"""Readers are not locked out of a DuckDB store while an ingest writes to it (issue 18,
item 11): the writer holds the file only while it commits a batch, so a reader waits at
most for the batch being committed. The ingest is a real ``sitrep ingest`` process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from sitrep.store import open_store
from tests.store.factories import synthetic_reports

COMMAND = [sys.executable, "-m", "sitrep"]
DOCUMENTS = 3000  # enough batches that the ingest is still writing when a reader process has started, on a fast machine too
BATCH = 20
READS = 6


def test_incidents_answer_while_an_ingest_runs_on_the_same_file(tmp_path):
    source = tmp_path / "extracted.jsonl"
    source.write_text("".join(r.model_dump_json() + "\n" for r in synthetic_reports(DOCUMENTS)), encoding="utf-8")
    target = str(tmp_path / "store.duckdb")
    writer = subprocess.Popen(
        [*COMMAND, "ingest", "--db", target, "--extracted", "--batch-size", str(BATCH), str(source)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "200"},
    )
    try:
        while not writer.stderr.readline().startswith("sitrep: batch committed"):
            assert writer.poll() is None, "the ingest ended before its first batch"
        partial_counts = []
        for _ in range(READS):
            if writer.poll() is not None:
                break
            reader = subprocess.run([*COMMAND, "sql", "SELECT count(*) AS n FROM incidents", "--db", target,
                                     "-f", "json"], capture_output=True, text=True, timeout=120)
            assert reader.returncode == 0, reader.stderr
            seen = json.loads(reader.stdout)[0]["n"]
            assert 0 < seen <= DOCUMENTS
            partial_counts.append(seen)
            listing = subprocess.run([*COMMAND, "incidents", "--db", target, "--limit", "3", "-f", "json"],
                                     capture_output=True, text=True, timeout=120)
            assert listing.returncode == 0, listing.stderr
            assert len(json.loads(listing.stdout)) == 3
        # They answered while the ingest was still writing: they saw part of it, growing.
        assert partial_counts and partial_counts[0] < DOCUMENTS
        assert partial_counts == sorted(partial_counts)
        with open_store(target, read_only=True) as store:  # the Python API, too
            assert store.counts()["documents"] > 0
        for _line in writer.stderr:  # drain progress lines so the writer never blocks on a full pipe
            pass
        assert writer.wait(timeout=600) == 0
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
        writer.stderr.close()
    with open_store(target) as store:
        assert store.counts()["documents"] == DOCUMENTS
