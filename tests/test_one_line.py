"""One rule for every one-line reason (a Failure's error, an API error): whitespace runs are
one space, and past 500 characters the reason is cut and ends with an ellipsis.

Before, there were two helpers: the API's cut at 500 characters, the ingest stage's did
not cut at all, and a reason built elsewhere (an exception's message in the pipeline's
"extraction failed: ...") was not made one line by either.
"""

from __future__ import annotations

import orjson

from sitrep import pipeline
from sitrep.api import responses, security
from sitrep.ingest import document_from_text, read
from sitrep.models import MAX_REASON_CHARS, Failure, one_line
from sitrep.pipeline import extract_documents


def test_whitespace_of_every_kind_is_one_space():
    assert one_line("  cannot read:\n\tline two\r\nline\u2028three\u2029four\x0bfive  ") == (
        "cannot read: line two line three four five")
    assert one_line(ValueError("a\n b")) == "a b"


def test_a_reason_of_500_characters_is_kept_and_a_longer_one_is_cut_with_an_ellipsis():
    assert MAX_REASON_CHARS == 500
    exact = "x" * 500
    assert one_line(exact) == exact
    cut = one_line("y" * 501)
    assert (len(cut), cut[-2:]) == (500, "y…")
    assert one_line("word " * 200) == "word " * 99 + "word…"
    assert one_line("abcdef", limit=4) == "abc…"
    assert one_line("ab cdef", limit=4) == "ab…"  # a cut after a space leaves no space before the ellipsis


def test_the_ingest_stage_and_the_api_use_the_one_helper():
    assert read.one_line is one_line and responses.one_line is one_line and security.one_line is one_line
    long = "not a text document:\n" + "z" * 600
    body = orjson.loads(responses.error_response(415, long).body)
    assert body == {"status": 415, "error": one_line(long)}
    assert len(body["error"]) == 500 and "\n" not in body["error"]


def test_a_failure_carries_its_error_as_one_line_however_it_was_built():
    failure = Failure(source="a.txt", error="first line\nsecond line " + "w" * 600)
    assert failure.error == one_line("first line\nsecond line " + "w" * 600)
    assert failure.error.startswith("first line second line www") and len(failure.error) == 500


def test_an_exception_with_a_message_of_several_lines_is_a_one_line_failure(monkeypatch):
    def run_stages(adoc, options=pipeline.ExtractOptions(), publication=None):
        raise ValueError("the parser said:\n  line 1: unexpected token\n  line 2: giving up")

    monkeypatch.setattr(pipeline, "run_stages", run_stages)
    document = document_from_text("Gunmen attacked a police post in Kunduz on Tuesday.", doc_id="a", source="a.txt")
    assert list(extract_documents([document])) == [Failure(
        source="a.txt",
        error="extraction failed: ValueError: the parser said: line 1: unexpected token line 2: giving up")]
