"""Article text in a table is text: never Rich markup, never a terminal control sequence
(issue 18, item 5)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.cli.render import cell

ARTICLE = (
    "KABUL - Taliban fighters attacked a police checkpoint [red]in Kunduz province[/red] on Tuesday, "
    "and two officers were killed.\n"
    '"They [the government] lied [/b] about the raid [sic] and \x1b[31mwe will answer," a Taliban '
    "spokesman, Zabihullah Mujahid, said on Twitter.\n"
)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_a_cell_is_plain_text_without_control_characters():
    assert cell("[bold]x[/] \x1b[31mred\x07 \u202eevil").plain == "[bold]x[/] [31mred evil"
    assert cell("two\nlines\tand a tab").plain == "two lines and a tab"
    assert cell(None).plain == ""
    assert cell(3).plain == "3"


def test_extract_table_keeps_brackets_and_drops_escape_sequences(tmp_path: Path):
    path = tmp_path / "quote.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(path), "--format", "table")
    assert result.exit_code == 0, result.output
    assert "They [the government] lied [/b] about the raid [sic]" in result.stdout
    assert "\x1b" not in result.stdout


def test_store_tables_keep_brackets_and_drop_escape_sequences(tmp_path: Path):
    path = tmp_path / "quote.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    assert run("ingest", str(path), "--db", db, "-j", "1").exit_code == 0
    statements = run("statements", "--db", db)
    assert statements.exit_code == 0, statements.output
    assert "[the government]" in statements.stdout and "[sic]" in statements.stdout
    assert "\x1b" not in statements.stdout
    rows = run("sql", "SELECT quote FROM statements", "--db", db)
    assert rows.exit_code == 0, rows.output
    assert "[/b]" in rows.stdout and "\x1b" not in rows.stdout


def test_an_error_line_naming_a_hostile_file_is_one_clean_line(tmp_path: Path):
    path = tmp_path / "bad\x1b[2Jname.txt"
    path.write_bytes(b"")
    result = run("extract", str(path), "--format", "json")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert f"sitrep: error: {tmp_path}/bad[2Jname.txt: empty file" in result.stderr
