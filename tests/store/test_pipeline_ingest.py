"""Ingest through the real pipeline: text files in, worker processes, store out."""

from __future__ import annotations

import io
import json

from typer.testing import CliRunner

import sitrep
import sitrep.cli.db  # noqa: F401 - registers the store commands on the app
from sitrep.cli import app
from sitrep.export import export
from tests.conftest import DEV, FOUNDING, needs_shared

pd = __import__("pytest").importorskip("pandas", reason="pandas is a test extra")


def dev_texts(directory, count: int) -> list[str]:
    names = []
    for path in sorted(DEV.glob("*.json"))[:count]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        (directory / f"{gold['id']}.txt").write_text(gold["text"], encoding="utf-8")
        names.append(gold["id"])
    return names


@needs_shared(DEV)
@needs_shared(FOUNDING)
def test_ingest_with_two_workers_then_rerun_adds_nothing(tmp_path):
    inputs = tmp_path / "articles"
    inputs.mkdir()
    dev_texts(inputs, 3)
    (inputs / "doha-meeting.txt").write_text(FOUNDING.read_text(encoding="utf-8"), encoding="utf-8")
    scan = tmp_path / "scan.pdf"  # named on the command line: a directory walk reads article files only
    scan.write_bytes(b"%PDF-1.7 not an article")
    db = str(tmp_path / "store.duckdb")
    arguments = ["ingest", "--db", db, "-j", "2", "--batch-size", "2", str(inputs), str(scan)]
    first = CliRunner().invoke(app, arguments)
    assert first.exit_code == 0, first.output
    with sitrep.open(db) as store:
        counts = store.counts()
        assert (counts["documents"], counts["failures"]) == (4, 1)
        assert counts["incidents"] > 0 and counts["clusters"] > 0
        ids = sorted(store.sql("SELECT doc_id FROM documents").column("doc_id").to_pylist())
        assert "doha-meeting" in ids
        # Stored records read back as the pipeline made them.
        doha = store.sql("SELECT doc_key FROM documents WHERE doc_id = 'doha-meeting'").column(0)[0].as_py()
        assert store.extraction(doha).document.published.isoformat() == "2020-04-12"
    second = CliRunner().invoke(app, arguments)
    assert "stored 0 documents (0 incidents, 0 statements); 4 already stored; 1 failures" in second.output
    with sitrep.open(db) as store:
        assert store.counts() == counts


@needs_shared(FOUNDING)
def test_founding_example_through_the_pipeline_exports_acled_csv(tmp_path):
    with sitrep.open(str(tmp_path / "store.duckdb")) as store:
        store.write_batch([sitrep.extract(FOUNDING.read_text(encoding="utf-8"), doc_id="doha-meeting")])
        handle = io.StringIO()
        rows = export(store, "acled-csv", None, handle=handle)
        assert rows == store.counts()["clusters"] > 0
    frame = pd.read_csv(io.StringIO(handle.getvalue()), keep_default_na=False)
    assert list(frame.columns)[4:9] == ["event_date", "year", "time_precision", "event_type", "sub_event_type"]
    assert {"actor1", "inter1", "actor2", "inter2", "country", "admin1", "admin2", "location", "latitude",
            "longitude", "geo_precision", "source", "notes", "fatalities"} <= set(frame.columns)
    assert len(frame) == rows
    assert set(frame["country"]) <= {"Afghanistan", "Qatar", "United States"}


def children(pid: int) -> set[int]:
    from pathlib import Path

    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(child) for child in (task / "children").read_text().split()}
    return found


def alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead, waiting for init to reap it.
    from pathlib import Path

    return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"


ACLED_DIR = DEV.parent / "acled_rpanlilio_2020may"


@needs_shared(ACLED_DIR)
def test_sigkill_of_a_worker_pool_ingest_loses_nothing_and_leaves_no_worker(tmp_path):
    """The real pipeline with two workers, killed after its second committed batch."""
    import csv
    import signal
    import subprocess
    import sys
    import time

    from tests.store.test_kill import COMMAND, assert_membership_consistent, committed_totals

    with (ACLED_DIR / "acled.csv").open(encoding="utf-8", newline="") as handle:
        notes = [row["notes"] for row, _ in zip(csv.DictReader(handle), range(240))]
    source = tmp_path / "notes.jsonl"  # a temporary copy for the test only, deleted with tmp_path
    source.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(notes)))
    db = str(tmp_path / "store.duckdb")
    arguments = [*COMMAND, "ingest", "--db", db, "-j", "2", "--batch-size", "16", str(source)]
    process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen, committed = 0, 0
    while seen < 2:
        line = process.stderr.readline()
        assert line, "the ingest ended before the kill point"
        if (totals := committed_totals(line)) is not None:
            seen, committed = seen + 1, totals["documents"]
    workers = children(process.pid)
    time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stderr.close()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)]
    with sitrep.open(db) as store:
        assert_membership_consistent(store)
        stored = store.counts()["documents"]
    assert committed <= stored < len(set(notes))
    finished = subprocess.run(arguments, capture_output=True, text=True, check=True)
    from sitrep.ingest import document_from_text

    distinct = len({document_from_text(t, doc_id="n", source="n").content_hash for t in notes})
    with sitrep.open(db) as store:
        assert_membership_consistent(store)
        counts = store.counts()
        assert counts["documents"] + counts["failures"] == distinct
        assert f"stored {counts['documents'] - stored} documents" in finished.stderr
        assert store.sql("SELECT count(*) - count(DISTINCT doc_key) AS d FROM documents").column(0)[0].as_py() == 0


@needs_shared(FOUNDING)
def test_cli_ingest_extracts_text_from_stdin(tmp_path):
    db = str(tmp_path / "store.duckdb")
    text = FOUNDING.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "--db", db, "-"], input=text)
    assert result.exit_code == 0, result.output
    with sitrep.open(db) as store:
        assert store.sql("SELECT doc_id, source FROM documents").to_pylist() == [{"doc_id": "stdin", "source": "-"}]
    again = CliRunner().invoke(app, ["ingest", "--db", db, "-"], input=text)
    assert "stored 0 documents (0 incidents, 0 statements); 1 already stored" in again.output
