"""--doc-timeout in the worker processes: a document past its budget is a recorded failure, the rest are stored.

Before, one long document held its worker for minutes (a 990,000-character article ran
past 600 s and was killed) and the batch with it.
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

import sitrep
import sitrep.cli.db  # noqa: F401 - registers the store commands on the app
from sitrep.cli import app
from tests.conftest import DEV, needs_shared


@needs_shared(DEV)
def test_a_document_past_its_budget_fails_alone_in_a_worker(tmp_path):
    inputs = tmp_path / "articles"
    inputs.mkdir()
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(DEV.glob("*.json"))]
    (inputs / "a-short.txt").write_text(texts[0], encoding="utf-8")
    # 400,000 characters of dev articles back to back: a minute or more of extraction
    long_text = "\n\n".join(texts * 8)[:400_000]
    (inputs / "b-long.txt").write_text(long_text, encoding="utf-8")
    (inputs / "c-short.txt").write_text(texts[1], encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    arguments = ["ingest", "--db", db, "-j", "2", "--batch-size", "1", "--doc-timeout", "8", str(inputs)]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    reason = "extraction stopped: took longer than the per-document budget of 8 s (--doc-timeout)"
    assert f"sitrep: error: {inputs / 'b-long.txt'}: {reason}" in result.output
    with sitrep.open(db) as store:
        assert sorted(store.sql("SELECT doc_id FROM documents").column("doc_id").to_pylist()) == ["a-short", "c-short"]
        failures = store.sql("SELECT source, error FROM failures").to_pylist()
        assert failures == [{"source": str(inputs / "b-long.txt"), "error": reason}]
    again = CliRunner().invoke(app, arguments)  # the failure is known: a re-run adds nothing
    assert "stored 0 documents (0 incidents, 0 statements); 3 already stored; 0 failures" in again.output
