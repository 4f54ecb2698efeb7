"""Encodings (issue 18, item 9): built from the files that came out garbled or refused.

Before, one stray invalid byte sent a UTF-8 file through charset detection, which read
the whole file in a Cyrillic or Mac code page ("Thјѓн†Аe Taliban": 39 of 40 files);
files mixing UTF-8 and Latin-1 came out as Mac Roman (50 of 50); UTF-16 without a byte
order mark was refused as binary (30 of 30).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.ingest import iter_documents
from sitrep.ingest.read import decode_with_note, document_from_page, sniff_binary
from sitrep.models import Document
from tests.conftest import DEV, needs_shared


def dev_text(name: str) -> str:
    return json.loads((DEV / f"{name}.json").read_text(encoding="utf-8"))["text"]


def read(tmp_path: Path, data: bytes) -> Document:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    (item,) = iter_documents([str(path)])
    assert isinstance(item, Document), item
    return item


@needs_shared(DEV)
def test_one_stray_byte_in_a_utf8_article_is_replaced_and_the_rest_is_utf8(tmp_path):
    text = dev_text("n-af-001")
    assert "’" in text  # the article's own UTF-8: curly apostrophes
    cut = text.index("Taliban")
    data = text[:cut].encode() + b"\x9d" + text[cut:].encode()
    decoded, note = decode_with_note(data)
    assert decoded == text[:cut] + "\ufffd" + text[cut:]
    assert note == "decoded as UTF-8; 1 invalid byte replaced (U+FFFD)"
    document = read(tmp_path, data)
    assert document.decoding == "decoded as UTF-8; 1 invalid byte replaced (U+FFFD)"
    assert "Taliban’s" in document.text


@needs_shared(DEV)
def test_latin1_lines_in_a_utf8_file_are_read_as_windows_1252(tmp_path):
    text = dev_text("n-af-001")
    latin = "The ministère said the détenus were freed in Montréal.\n"
    data = text.encode() + b"\n" + latin.encode("latin-1")
    decoded, note = decode_with_note(data)
    assert decoded == text + "\n" + latin
    assert note == "decoded as UTF-8; 3 bytes read as Windows-1252"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path, encoding):
    text = "Taliban fighters attacked a checkpoint in Kunduz on Monday, killing three soldiers, officials said."
    data = text.encode(encoding)
    assert sniff_binary(data) is None
    document = read(tmp_path, data)
    assert document.text == text
    assert document.decoding == f"decoded as {encoding.upper()} (no byte order mark)"


def test_a_byte_order_mark_decides_and_plain_utf8_has_no_note(tmp_path):
    text = "Taliban fighters attacked a checkpoint in Kunduz on Monday, officials said."
    assert decode_with_note("\ufeff".encode("utf-16-le") + text.encode("utf-16-le")) == (
        text, "decoded as UTF-16-LE (byte order mark)")
    assert decode_with_note(b"\xef\xbb\xbf" + text.encode()) == (text, None)
    assert read(tmp_path, text.encode()).decoding is None


def test_a_file_with_no_utf8_in_it_is_windows_1252_or_detected():
    assert decode_with_note("The minister said “we will”.".encode("cp1252")) == (
        "The minister said “we will”.", "decoded as Windows-1252")
    russian = "Во вторник трое военнослужащих погибли в результате нападения на блокпост у границы."
    assert decode_with_note(russian.encode("cp1251")) == (russian, "decoded as cp1251 (detected)")


def test_binary_with_zero_bytes_is_still_binary():
    assert sniff_binary(b"abc\x00\x01\x02" * 10) == "binary data"
    assert sniff_binary(bytes(range(256)) * 4) == "binary data"


PAGE = ("<html><head><title>Checkpoint attack</title></head><body><article><p>{}</p>"
        "</article></body></html>")
SENTENCE = ("Gunmen attacked a police checkpoint near Kunduz on Monday night and wounded four "
            "officers, the province’s police spokesman said on Tuesday.")


def page_document(body: bytes, content_type: str) -> Document:
    return document_from_page(body, content_type=content_type, url="http://127.0.0.1/a",
                              doc_id="a", source="test.warc", captured=None)


def test_an_archived_or_fetched_page_keeps_how_its_bytes_were_read():
    """WARC records and fetched pages go through one path; their documents carry the note."""
    utf8 = PAGE.format(SENTENCE).encode()
    assert page_document(utf8, "text/html; charset=utf-8").decoding is None
    assert page_document(utf8, "text/html").decoding is None
    cut = utf8.index(b"Kunduz")
    stray = utf8[:cut] + b"\x9d" + utf8[cut:]
    document = page_document(stray, "text/html")
    assert document.decoding == "decoded as UTF-8; 1 invalid byte replaced (U+FFFD)"
    assert "\ufffdKunduz" in document.text
    latin = PAGE.format(SENTENCE.replace("’", "'").replace("officers", "officiers de la sûreté")).encode("latin-1")
    document = page_document(latin, "text/html; charset=ISO-8859-1")
    assert document.decoding == "decoded as ISO-8859-1 (declared charset)"
    assert "sûreté" in document.text


def test_a_stray_byte_in_one_json_lines_record_is_noted_on_that_record_only(tmp_path):
    records = [
        {"id": "first", "text": SENTENCE},
        {"id": "second", "text": SENTENCE.replace("Kunduz", "Baghlan")},
        {"id": "third", "text": SENTENCE.replace("Kunduz", "Takhar")},
    ]
    lines = [json.dumps(record, ensure_ascii=False).encode() for record in records]
    cut = lines[1].index(b"Baghlan")
    lines[1] = lines[1][:cut] + b"\x9d" + lines[1][cut:]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b"\n".join(lines) + b"\n")
    documents = list(iter_documents([str(path)]))
    assert [d.id for d in documents] == ["first", "second", "third"]
    assert [d.decoding for d in documents] == [
        None, "decoded as UTF-8; 1 invalid byte replaced (U+FFFD)", None]
    assert "\ufffdBaghlan" in documents[1].text
