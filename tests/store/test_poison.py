"""A document the store cannot hold is a recorded failure; its batch is stored without it,
and a re-run adds nothing and does not crash (issue 18, item 1)."""

from __future__ import annotations

import subprocess
import sys

from sitrep.store import open_store
from sitrep.store.schema import MIGRATIONS, migrate
from sitrep.store.backend import connect
from tests.store.factories import document, extraction, incident

COMMAND = [sys.executable, "-m", "sitrep"]


def reports(count: int, poisoned: int, killed: int) -> list:
    items = []
    for number in range(count):
        text = f"Report {number}: soldiers and Taliban fighters clashed in Badakhshan."
        items.append(extraction(document(f"r{number:03d}", text),
                                [incident(text, text, killed=killed if number == poisoned else 3)]))
    return items


def test_a_value_no_column_holds_fails_its_document_only(store):
    batch = reports(10, poisoned=4, killed=10**30)
    result = store.write_batch(batch)
    assert result.documents == 9
    assert [(f.failure.source, f.failure.error.split(":")[0]) for f in result.unstored] == [("r004.txt", "cannot store")]
    counts = store.counts()
    assert (counts["documents"], counts["incidents"], counts["failures"]) == (9, 9, 1)
    again = store.write_batch(batch)
    assert (again.documents, again.skipped, again.failures) == (0, 9, 0)
    assert store.counts() == counts


def test_counts_past_32_bits_are_stored(store):
    store.write_batch(reports(2, poisoned=1, killed=2**40))
    assert sorted(r["killed"] for r in store.incidents().to_pylist()) == [3, 2**40]


def test_an_ingest_with_a_poison_document_stores_the_others_and_reruns_cleanly(tmp_path):
    source = tmp_path / "extracted.jsonl"
    source.write_text("".join(r.model_dump_json() + "\n" for r in reports(30, poisoned=11, killed=10**25)),
                      encoding="utf-8")
    target = str(tmp_path / "store.duckdb")
    first = subprocess.run([*COMMAND, "ingest", "--db", target, "--extracted", str(source)],
                           capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "sitrep: error: r011.txt: cannot store:" in first.stderr
    assert "stored 29 documents" in first.stderr and "1 failures" in first.stderr
    second = subprocess.run([*COMMAND, "ingest", "--db", target, "--extracted", str(source)],
                            capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert "stored 0 documents" in second.stderr and "29 already stored" in second.stderr
    with open_store(target) as store:
        assert (store.counts()["documents"], store.counts()["failures"]) == (29, 1)


def test_a_store_made_before_the_wide_counts_keeps_its_rows(tmp_path):
    target = tmp_path / "old.duckdb"
    backend = connect(target)
    migrate(backend, MIGRATIONS[:4])
    backend.close()
    with open_store(target) as store:  # migrates to the latest
        store.write_batch(reports(1, poisoned=0, killed=2**33))
        assert store.incidents().to_pylist()[0]["killed"] == 2**33
        assert store.schema_version() == MIGRATIONS[-1].version
