"""JSON Lines records are validated one by one: a bad record is one Failure named
FILE:LINE, and every record after it is still read (issue 18, item 2)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sitrep.corpus.ingest import iter_stdin_streaming
from sitrep.ingest import iter_documents
from sitrep.ingest.read import iter_stdin
from sitrep.models import Document, Failure

ARTICLE = (
    "Gunmen attacked a police post outside the provincial capital on Monday night, and two "
    "officers were wounded before the attackers fled, a local official said.\n"
)
GOOD = json.dumps({"id": "good", "text": ARTICLE})

#: (a malformed record as written in a file, the reason its Failure must give)
MALFORMED = [
    (json.dumps({"text": ARTICLE, "url": 42}), '"url" must be str, not int'),
    (json.dumps({"text": ARTICLE, "url": ["https://example.org"]}), '"url" must be str, not list'),
    (json.dumps({"text": ARTICLE, "title": {"main": "x"}}), '"title" must be str, not dict'),
    (json.dumps({"text": ARTICLE, "title": True}), '"title" must be str, not bool'),
    (json.dumps({"text": ARTICLE, "published": 20210615}), '"published" must be str, not int'),
    (json.dumps({"text": ARTICLE, "id": 1.5}), '"id" must be str or int, not float'),
    (json.dumps({"text": ARTICLE, "html": 7}), '"html" must be str, not int'),
    (json.dumps({"text": ARTICLE, "site_name": ["Reuters"]}), '"site_name" must be str, not list'),
    ('{"text": "Police said \\ud800 two were hurt in the attack on the post."}',
     '"text" holds a lone surrogate (U+D800) at character 12'),
    ("[" * 50_000 + "]" * 50_000, "not valid JSON (nested too deeply)"),
    ('{"text": ' + "[" * 50_000 + "]" * 50_000 + "}", "not valid JSON (nested too deeply)"),
    ("[1, 2, 3]", "a JSON Lines record must be an object, not list"),
    ('"just a string"', "a JSON Lines record must be an object, not str"),
    ("null", "a JSON Lines record must be an object, not NoneType"),
    (json.dumps({"text": 12}), 'a JSON Lines record needs a "text" string'),
    ('{"text": "unterminated', "not valid JSON (Invalid control character at at column 23)"),
]


def test_every_malformed_record_is_its_own_failure_and_the_good_ones_all_come_through(tmp_path: Path):
    lines = []
    for record, _ in MALFORMED:
        lines += [record, GOOD.replace('"good"', f'"good-{len(lines)}"')]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([str(path)]))
    failures = [item for item in items if isinstance(item, Failure)]
    assert [(f.source, f.error) for f in failures] == [
        (f"{path}:{2 * n + 1}", reason) for n, (_, reason) in enumerate(MALFORMED)
    ]
    assert [item.id for item in items if isinstance(item, Document)] == [f"good-{2 * n}" for n in range(len(MALFORMED))]


def test_a_byte_order_mark_does_not_lose_the_first_record(tmp_path: Path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + (GOOD + "\n" + GOOD.replace('"good"', '"second"') + "\n").encode("utf-8"))
    assert [item.id for item in iter_documents([str(path)])] == ["good", "second"]


def test_a_byte_order_mark_on_standard_input_is_skipped_too():
    records = list(iter_stdin_streaming(io.StringIO("\ufeff" + GOOD + "\n")))
    assert [r.id for r in records] == ["good"]
    records = list(iter_stdin(io.BytesIO(b"\xef\xbb\xbf" + GOOD.encode("utf-8") + b"\n")))
    assert [r.id for r in records] == ["good"]


def test_invalid_bytes_on_standard_input_do_not_end_the_run():
    data = ARTICLE.encode("utf-8").replace(b"Monday", b"Mo\xffnday")
    document = list(iter_stdin(io.BytesIO(data)))[0]
    assert isinstance(document, Document)
    assert "Mo\xffnday" in document.text


@pytest.mark.parametrize("record, reason", MALFORMED[:3])
def test_the_error_is_one_line(tmp_path: Path, record: str, reason: str):
    path = tmp_path / "one.jsonl"
    path.write_text(record + "\n", encoding="utf-8")
    failure = list(iter_documents([str(path)]))[0]
    assert failure == Failure(source=f"{path}:1", error=reason)


def test_a_line_past_the_limit_is_never_held_whole_and_the_next_records_are_read():
    from sitrep.ingest.read import bounded_lines

    stream = io.StringIO('{"text": "one"}\n' + "x" * 95 + "\n" + '{"text": "two"}\n' + "y" * 30)
    assert list(bounded_lines(stream, limit=20)) == ['{"text": "one"}\n', None, '{"text": "two"}\n', None]
    assert list(bounded_lines(io.StringIO("a" * 20 + "\nb"), limit=20)) == ["a" * 20 + "\n", "b"]


def test_a_record_line_past_the_input_limit_is_one_failure(tmp_path: Path, monkeypatch):
    from sitrep.ingest import read

    monkeypatch.setattr(read, "MAX_INPUT_BYTES", 1000)
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "x " * 2000}) + "\n" + GOOD + "\n", encoding="utf-8")
    items = list(iter_documents([str(path)]))
    assert items[0] == Failure(source=f"{path}:1", error="line too long (over 1,000 characters)")
    assert isinstance(items[1], Document) and items[1].id == "good"


def test_a_record_names_its_outlet(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": ARTICLE, "site_name": "Dawn"}) + "\n" + GOOD + "\n", encoding="utf-8")
    assert [item.site_name for item in iter_documents([str(path)])] == ["Dawn", None]


def test_standard_input_is_read_as_bytes_and_a_stray_byte_is_noted_on_its_record():
    good = json.dumps({"id": "kept", "text": "Gunmen shot dead two farmers near Gao on Sunday, a local official said."})
    odd = json.dumps({"id": "odd", "text": "Soldiers repelled an attack on a base near Menaka on Monday, the army’s spokesman said."}, ensure_ascii=False)
    cut = odd.index("Menaka")
    data = good.encode() + b"\n" + odd[:cut].encode() + b"\x9d" + odd[cut:].encode() + b"\n"
    documents = list(iter_stdin_streaming(io.BytesIO(data)))
    assert [(d.id, d.decoding) for d in documents] == [
        ("kept", None), ("odd", "decoded as UTF-8; 1 invalid byte replaced (U+FFFD)")]
