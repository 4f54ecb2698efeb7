from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.ingest import iter_documents, strip_boilerplate
from sitrep.ingest.read import iter_stdin
from sitrep.models import Document, Failure

from tests.conftest import FOUNDING, needs_shared

ARTICLE = (
    "KABUL - Taliban fighters attacked a checkpoint in Kunduz province on Tuesday, and the "
    "police said two officers were killed and three were wounded in the fighting that followed.\n"
)


def only(items):
    items = list(items)
    assert len(items) == 1
    return items[0]


@needs_shared(FOUNDING)
def test_founding_example_loses_its_comment_form_footer():
    document = only(iter_documents([str(FOUNDING)]))
    assert isinstance(document, Document)
    assert document.id == "doha-meeting"
    assert document.source == str(FOUNDING)
    assert document.removed == ["Your email address will not be published. Required fields are marked *"]
    assert document.text.endswith("killed and wounded six civilians.")
    assert document.text.startswith("US commander meets Taliban leaders")


def test_boilerplate_lines_are_removed_and_listed():
    text = "Headline\n\nBody sentence one.\nShare this:\nLeave a Reply\n+ posts\nRelated Articles\nBack to top button\n"
    cleaned, removed = strip_boilerplate(text)
    assert cleaned == "Headline\n\nBody sentence one."
    assert removed == ["Share this:", "Leave a Reply", "+ posts", "Related Articles", "Back to top button"]


def test_a_wire_edit_note_and_credit_are_boilerplate_and_a_date_stamp_before_a_note_stays():
    text = (" date 2021-04-02 (Updates with rebel statement, adds casualty figures in paragraphs 3-4)\n"
            "(Recasts with shelling of the port (eastern district))\n"
            "Rebels and the army traded fire near the port on Thursday.\n"
            "(Reporting by A. Writer in Ashgrove; Additional reporting by B. Writer; Editing by C. Editor)\n"
            "(Reported to the police)\n")
    cleaned, removed = strip_boilerplate(text)
    assert cleaned == ("date 2021-04-02\nRebels and the army traded fire near the port on Thursday.\n"
                       "(Reported to the police)")
    assert removed == ["(Updates with rebel statement, adds casualty figures in paragraphs 3-4)",
                       "(Recasts with shelling of the port (eastern district))",
                       "(Reporting by A. Writer in Ashgrove; Additional reporting by B. Writer; Editing by C. Editor)"]


def test_a_bracketed_sentence_that_opens_with_an_edit_word_is_kept():
    text = "(Additional troops were sent to the border on Friday.)\nThe army said nothing more."
    assert strip_boilerplate(text) == (text, [])


def test_a_sentence_that_mentions_a_reply_is_kept():
    cleaned, removed = strip_boilerplate("The ministry did not leave a reply to questions about the raid.")
    assert removed == []
    assert cleaned == "The ministry did not leave a reply to questions about the raid."


@pytest.mark.parametrize(
    "name, content, error",
    [
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not a text document: a PNG image"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"\n\n   \n", "empty document (no text after removing boilerplate)"),
        ("binary.txt", b"abc\x00\x01\x02" * 10, "not a text document: binary data"),
    ],
)
def test_bad_inputs_fail_with_one_line(tmp_path: Path, name: str, content: bytes, error: str):
    path = tmp_path / name
    path.write_bytes(content)
    failure = only(iter_documents([str(path)]))
    assert failure == Failure(source=str(path), error=error)


def test_oversized_file_is_refused_before_reading(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    failure = only(iter_documents([str(path)]))
    assert isinstance(failure, Failure)
    assert failure.error == "file too large (52,428,800 bytes; limit 5,000,000)"
    assert "\n" not in failure.error


def test_broken_html_gives_a_failure_and_the_batch_goes_on(tmp_path: Path):
    (tmp_path / "a-broken.html").write_text("<html><body><div><p>\x00\x00</div>", encoding="latin-1")
    (tmp_path / "b-good.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(iter_documents([str(tmp_path)]))
    assert [type(item).__name__ for item in items] == ["Failure", "Document"]
    assert items[1].id == "b-good"


def test_html_article_text_and_metadata(tmp_path: Path):
    html = (
        "<html><head><title>Checkpoint attacked</title>"
        '<meta property="article:published_time" content="2021-06-15T08:00:00Z">'
        '<meta property="og:site_name" content="Example Wire"></head><body><article>'
        "<h1>Checkpoint attacked</h1><p>" + ARTICLE + "</p>"
        "<p>The Taliban did not comment on the attack, which came a day after talks stalled in Doha.</p>"
        "</article><footer>Leave a Reply</footer></body></html>"
    )
    path = tmp_path / "story.html"
    path.write_text(html, encoding="utf-8")
    document = only(iter_documents([str(path)]))
    assert isinstance(document, Document)
    assert document.title == "Checkpoint attacked"
    assert document.site_name == "Example Wire"
    assert document.published == date(2021, 6, 15)
    assert document.published_basis == "metadata"
    assert "two officers were killed" in document.text
    assert "Leave a Reply" not in document.text


def test_latin1_text_is_decoded(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes(("Le ministère a déclaré. " + ARTICLE).encode("cp1252"))
    document = only(iter_documents([str(path)]))
    assert document.text.startswith("Le ministère a déclaré.")


def test_non_english_text_is_refused(tmp_path: Path):
    path = tmp_path / "de.txt"
    path.write_text(
        "Bei einem Angriff auf einen Kontrollpunkt in der Provinz Kundus sind nach Angaben der "
        "Polizei zwei Beamte getötet und drei weitere verletzt worden. Die Taliban äußerten sich "
        "zunächst nicht zu dem Vorfall, der sich kurz nach Mitternacht ereignete.",
        encoding="utf-8",
    )
    failure = only(iter_documents([str(path)]))
    assert isinstance(failure, Failure)
    assert failure.error.startswith("not English text")


def test_jsonl_records_with_ids_dates_and_a_bad_line(tmp_path: Path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "kunduz-1", "text": ARTICLE, "url": "https://example.org/a", "published": "2021-06-15"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": ARTICLE}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([str(path)]))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Failure", "Document"]
    assert items[0].id == "kunduz-1"
    assert items[0].published == date(2021, 6, 15)
    assert items[0].published_basis == "metadata"
    assert items[0].source == "https://example.org/a"
    assert items[1] == Failure(source=f"{path}:2", error="not valid JSON (Expecting property name enclosed in double quotes at column 2)")
    assert items[2] == Failure(source=f"{path}:3", error='a JSON Lines record needs a "text" string')
    assert items[3].id == "batch-4"


def test_stdin_text_and_jsonl():
    document = only(iter_stdin(io.StringIO(ARTICLE)))
    assert document.id == "stdin" and document.source == "-"
    records = list(iter_stdin(io.StringIO(json.dumps({"id": "x", "text": ARTICLE}) + "\n")))
    assert [r.id for r in records] == ["x"]


def test_missing_path_is_a_failure():
    failure = only(iter_documents(["/nonexistent/file.txt"]))
    assert failure == Failure(source="/nonexistent/file.txt", error="no such file or directory")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40), max_size=12))
def test_stripping_keeps_every_kept_line_verbatim(lines):
    text = "\n".join(lines)
    cleaned, removed = strip_boilerplate(text)
    originals = {line.strip() for line in text.splitlines()}
    kept = [line for line in cleaned.splitlines() if line.strip()]
    assert all(line.strip() in originals for line in kept)
    assert all(line in originals for line in removed)
    assert len(kept) + len(removed) == len([line for line in text.splitlines() if line.strip()])


def test_a_directory_walk_reads_articles_not_readmes_or_gold_files(tmp_path: Path):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "README.md").write_text("# About these files\n", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "story.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    assert [d.id for d in iter_documents([str(tmp_path)])] == ["story"]
    explicit = only(iter_documents([str(tmp_path / "README.md")]))
    assert isinstance(explicit, Document) and explicit.id == "README"
