"""Sentence boundaries the text stage adds to the parser's: line breaks and a page's date stamp."""

from __future__ import annotations

from sitrep.ingest import document_from_text
from sitrep.text import annotate


def sentences(text: str) -> list[str]:
    return [s.text for s in annotate(document_from_text(text, doc_id="t", source="t")).doc.sents]


def test_a_date_stamp_run_into_the_first_words_is_a_sentence_of_its_own():
    assert sentences(" date 2019-07-22 Russia's Defense Ministry denied the reports. It said nothing more.") == [
        "date 2019-07-22", "Russia's Defense Ministry denied the reports.", "It said nothing more."]


def test_a_line_break_ends_a_sentence():
    assert sentences("Taliban attack checkpoint\nFive soldiers were killed on Monday.") == [
        "Taliban attack checkpoint\n", "Five soldiers were killed on Monday."]
