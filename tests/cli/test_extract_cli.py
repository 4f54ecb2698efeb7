from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app

ARTICLE = (
    "KABUL, June 15 2021 - Taliban fighters attacked a police checkpoint in Kunduz province on Tuesday, "
    "and the provincial police spokesman said two officers were killed and three were wounded.\n"
)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_bad_documents_get_one_line_each_and_the_good_one_comes_out(tmp_path: Path):
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "b-empty.txt").write_bytes(b"")
    with (tmp_path / "c-huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (tmp_path / "d-broken.html").write_text("<html><body><div><p>", encoding="utf-8")
    (tmp_path / "e-good.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", str(tmp_path), "--format", "jsonl", "--out", str(out))
    assert result.exit_code == 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("sitrep: error:")]
    assert [line.split(": ")[2].rsplit("/", 1)[-1] for line in errors] == ["a.png", "b-empty.txt", "c-huge.txt", "d-broken.html"]
    assert all(len(line) < 200 for line in errors)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["document"]["id"] for r in records] == ["e-good"]
    incident = records[0]["incidents"][0]
    assert (incident["acled_type"], incident["acled_sub_type"]) == ("Battles", "Armed clash")
    assert (incident["killed"], incident["injured"], incident["admin1"], incident["country"]) == (2, 3, "Kunduz", "AF")


def test_exit_code_is_one_when_every_document_failed(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", str(tmp_path / "empty.txt"), "--format", "json")
    assert result.exit_code == 1
    assert "no document could be read (1 failed)" in result.stderr


def test_table_output_escapes_markup(tmp_path: Path):
    path = tmp_path / "markup.txt"
    path.write_text(ARTICLE.replace("Kunduz province", "Kunduz province [bold red]") , encoding="utf-8")
    result = run("extract", str(path))
    assert result.exit_code == 0
    assert "Incidents" in result.stdout


def test_published_option_is_validated(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(path), "--published", "15/06/2021")
    assert result.exit_code == 2


def test_the_collection_country_reads_an_institution_with_no_country_named(tmp_path: Path):
    path = tmp_path / "note.txt"
    path.write_text("Twelve militants were killed in a raid, according to the Ministry of Defense.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("extract", str(path), "--country", "af", "--format", "jsonl", "--out", str(out)).exit_code == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["statements"][0]["speaker"]["name"] == "Ministry of Defense of Afghanistan"
    assert record["incidents"][0]["country"] == "AF"
    assert run("extract", str(path), "--country", "Afghanistan").exit_code == 2


def test_a_document_past_doc_timeout_is_an_error_line_and_the_next_comes_out(tmp_path: Path, monkeypatch):
    import time

    from sitrep import pipeline

    pipeline.warm_up()
    real = pipeline.run_stages

    def run_stages(adoc, options, publication=None):
        if adoc.document.id == "a-slow":
            end = time.monotonic() + 60
            while time.monotonic() < end:
                pass
        return real(adoc, options, publication)

    monkeypatch.setattr(pipeline, "run_stages", run_stages)
    (tmp_path / "a-slow.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b-good.txt").write_text(ARTICLE.replace("Tuesday", "Wednesday"), encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "jsonl", "--doc-timeout", "0.5")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"sitrep: error: {tmp_path / 'a-slow.txt'}: extraction stopped: took longer than the per-document budget "
        "of 0.5 s (--doc-timeout)"
    ]
    assert [json.loads(line)["document"]["id"] for line in result.stdout.splitlines()] == ["b-good"]



def test_extract_and_ingest_ask_the_same_of_their_inputs():
    import typer.main

    commands = typer.main.get_command(app).commands
    asked = {name: {p.name: (tuple(p.opts), p.help) for p in commands[name].params if p.name in ("published", "assume_year", "country")}
             for name in ("extract", "ingest")}
    assert asked["extract"] == asked["ingest"] == {
        "published": (("--published",), "Publication date of every input (YYYY-MM-DD)."),
        "assume_year": (("--assume-year",), "Year to assume when the text fixes none."),
        "country": (("--country",), "Country of every input (ISO alpha-2), when the text may not say."),
    }
