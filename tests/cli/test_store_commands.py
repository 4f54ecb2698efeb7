"""The store commands as a user meets them: read-only SQL, no store conjured from a wrong
path, exit codes that tell, each failure named (issue 18, items 7, 10 and 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.corpus.ingest import default_jobs, machine_cores

ARTICLE = (
    "KABUL - Taliban fighters attacked a police checkpoint in Kunduz province on Tuesday, and the "
    "provincial police spokesman said two officers were killed and three were wounded.\n"
)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def db(tmp_path: Path) -> str:
    article = tmp_path / "kunduz.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    target = str(tmp_path / "store.duckdb")
    result = run("ingest", str(article), "--db", target)
    assert result.exit_code == 0, result.output
    return target


def count(db: str, table: str) -> str:
    result = run("sql", f"SELECT count(*) AS n FROM {table}", "--db", db, "-f", "json")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_sql_refuses_to_write_without_write(db):
    before = count(db, "incidents")
    for statement in ("DELETE FROM incidents", "DROP TABLE failures", "INSERT INTO failures SELECT * FROM failures"):
        result = run("sql", statement, "--db", db)
        assert result.exit_code == 1
        assert result.stderr.startswith("sitrep: error: ") and result.stderr.count("\n") == 1
    assert count(db, "incidents") == before == '[\n  {\n    "n": 1\n  }\n]\n'


def test_sql_runs_one_statement_only(db):
    result = run("sql", "SELECT 1; DROP TABLE failures", "--db", db)
    assert result.exit_code == 1
    assert "sitrep: error: give one SQL statement at a time (found 2)" in result.stderr
    assert run("sql", "SELECT count(*) FROM failures", "--db", db).exit_code == 0


def test_sql_writes_when_told_to(db):
    result = run("sql", "DELETE FROM failures", "--db", db, "--write")
    assert result.exit_code == 0, result.output


def test_sql_cannot_read_files_beside_the_store(db, tmp_path: Path):
    (tmp_path / "secret.csv").write_text("a\n1\n", encoding="utf-8")
    result = run("sql", f"SELECT * FROM read_csv('{tmp_path / 'secret.csv'}')", "--db", db)
    assert result.exit_code == 1


@pytest.mark.parametrize("command", [["incidents"], ["statements"], ["sql", "SELECT 1"], ["export", "-f", "jsonl"]])
def test_a_reading_command_on_a_missing_store_is_an_error_and_creates_nothing(tmp_path: Path, command):
    target = tmp_path / "typo.duckdb"
    result = run(*command, "--db", str(target))
    assert result.exit_code == 2
    assert f"sitrep: error: cannot open store {target}: no store at {target}" in result.stderr
    assert not target.exists()


def test_an_unknown_country_is_an_error(db):
    result = run("incidents", "--db", db, "--country", "Narnia")
    assert result.exit_code == 2
    assert "unknown country: 'Narnia'" in result.output
    assert run("incidents", "--db", db, "--country", "Afghanistan").exit_code == 0
    assert run("export", "-f", "jsonl", "--db", db, "--country", "Narnia").exit_code == 2


def test_export_into_a_missing_directory_fails_before_the_work(db, tmp_path: Path):
    result = run("export", "-f", "acled-csv", "--db", db, "--out", str(tmp_path / "no" / "such" / "x.csv"))
    assert result.exit_code == 2
    assert "no such directory" in result.output
    assert "Traceback" not in result.output


def test_ingest_names_every_failure_and_fails_when_nothing_was_stored(tmp_path: Path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(b"")
    target = str(tmp_path / "store.duckdb")
    result = run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", target)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("sitrep: error:")]
    assert errors == [f"sitrep: error: {tmp_path}/a.txt: empty file", f"sitrep: error: {tmp_path}/b.txt: empty file",
                      "sitrep: error: nothing was stored (2 failed)"]
    failures = run("sql", "SELECT source, error FROM failures ORDER BY source", "--db", target, "-f", "json")
    assert '"error": "empty file"' in failures.stdout


def test_a_rerun_that_stores_nothing_new_succeeds(db, tmp_path: Path):
    result = run("ingest", str(tmp_path / "kunduz.txt"), "--db", db)
    assert result.exit_code == 0
    assert "stored 0 documents" in result.stderr and "1 already stored" in result.stderr


def test_default_parallelism_is_one_worker_per_core_and_no_more_than_batches():
    cores = machine_cores()
    assert default_jobs(None, 64) == cores
    assert default_jobs(10, 64) == 1
    assert default_jobs(64 * 50, 64) == cores
    assert default_jobs(0, 64) == 1
