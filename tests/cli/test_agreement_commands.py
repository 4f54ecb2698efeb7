"""``sitrep agreements``, ``sitrep compliance`` and the agreement exports, on a store of two
made-up articles about one truce (tests/store/factories.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.store import open_store
from tests.store.factories import truce_a, truce_b


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "store.duckdb")
    with open_store(path) as store:
        store.write_batch([truce_a(), truce_b()])
    return path


def test_agreements_lists_each_with_its_counts(db):
    result = run("agreements", "--db", db, "-f", "json")
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert (row["name"], row["documents"], row["allegations"], row["denials"], row["deliveries"]) == (
        "Harbour Truce", 2, 1, 1, 3)
    table = run("agreements", "--db", db)
    assert "Harbour Truce" in table.stdout and "Northern Front against" in table.stdout


def test_compliance_prints_promised_against_delivered_and_the_timeline(db):
    result = run("compliance", "Harbour Truce", "--db", db)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "front-prisoners" in out and "1,000" in out and "700 so far (2021-03-20)" in out
    assert "550 in 2 batches" in out
    assert out.index("alleged violation") < out.index("allegation ") < out.index("denial")
    assert "The government denied violating the truce." in out and "Harbour Times" in out


def test_compliance_json_and_csv_carry_the_same_rows(db):
    rows = json.loads(run("compliance", "harbour", "--db", db, "-f", "json").stdout)
    table = list(csv.DictReader(io.StringIO(run("compliance", "harbour", "--db", db, "-f", "csv").stdout)))
    assert len(rows) == len(table) == 8
    assert [r["entry"] for r in rows] == [r["entry"] for r in table]
    assert rows[0]["promised"] == 1000 and table[0]["promised"] == "1000"


def test_compliance_filters_by_party_and_date(db):
    rows = json.loads(run("compliance", "Harbour Truce", "--db", db, "--party", "northern front",
                          "--since", "2021-03-14", "-f", "json").stdout)
    assert [r["entry"] for r in rows] == ["commitment", "commitment", "allegation", "denial"]


def test_an_unknown_agreement_is_one_line_naming_the_known_ones(db):
    result = run("compliance", "Minsk", "--db", db)
    assert result.exit_code == 1
    assert result.stderr.strip() == "sitrep: error: no agreement named 'Minsk' in the store; the store knows: Harbour Truce"


def test_agreement_tables_export_as_csv_and_jsonl_with_formulas_neutralised(db, tmp_path):
    with open_store(db) as store:
        # a hostile sentence in the source text must not run as a formula in a spreadsheet
        store.sql("UPDATE provenance SET evidence = '=HYPERLINK(\"x\")' WHERE record_kind = 'delivery'", write=True)
    out = tmp_path / "compliance.csv"
    result = run("export", "-f", "csv", "--what", "compliance", "--db", db, "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    deliveries = [r for r in rows if r["entry"] == "delivery"]
    assert len(deliveries) == 3 and all(r["evidence"] == "'=HYPERLINK(\"x\")" for r in deliveries)
    lines = tmp_path / "agreements.jsonl"
    assert run("export", "-f", "jsonl", "--what", "agreements", "--db", db, "-o", str(lines)).exit_code == 0
    (record,) = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert (record["agreement_key"], record["commitments"]) == ("test-truce", 2)
