"""Sentence boundaries the text stage adds to the parser's: line breaks, a page's date stamp and a
dateline run into the first sentence."""

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


def test_a_dateline_run_into_the_first_sentence_is_a_sentence_of_its_own():
    assert sentences("ASHGROVE, Nordland May 3 Militia fighters and the army accused each other of shelling homes.") == [
        "ASHGROVE, Nordland May 3", "Militia fighters and the army accused each other of shelling homes."]
    assert sentences(" date 2021-05-04 ASHGROVE, May 3 (Sitrep Wire) Two guards were wounded.") == [
        "date 2021-05-04", "ASHGROVE, May 3 (Sitrep Wire)", "Two guards were wounded."]


def test_a_dateline_ended_by_a_dash_is_a_sentence_of_its_own():
    assert sentences("ASHGROVE, Nordland (Sitrep Wire) - Regional officials said two guards were wounded.") == [
        "ASHGROVE, Nordland (Sitrep Wire) -", "Regional officials said two guards were wounded."]


def test_hard_wrapped_sentences_are_read_whole():
    text = ("ASHGROVE, May 3 Militia fighters and border guards exchanged\n"
            "fire for hours on Tuesday near a crossing in the northern hills,\n"
            "the governor said. Two guards and a herder were wounded in the\n"
            "fighting, which the governor blamed on the militia from\n"
            "Nordland Province across the river.\n")
    assert sentences(text) == [
        "ASHGROVE, May 3",
        "Militia fighters and border guards exchanged fire for hours on Tuesday near a crossing in the northern "
        "hills, the governor said.",
        "Two guards and a herder were wounded in the fighting, which the governor blamed on the militia from "
        "Nordland Province across the river.",
    ]


def test_an_annotated_document_lists_its_sentences_once_and_as_the_parse_has_them():
    adoc = annotate(document_from_text("Guards fired on the crowd.\nTwo men were hurt. Police said so.", doc_id="t", source="t"))
    assert [s.text for s in adoc.sentences] == ["Guards fired on the crowd.\n", "Two men were hurt.", "Police said so."]
    assert adoc.sentences is adoc.sentences
    assert [(s.start, s.end) for s in adoc.sentences] == [(s.start, s.end) for s in adoc.doc.sents]


def test_a_full_stop_run_into_the_next_sentence_after_a_year_ends_the_sentence():
    assert sentences("The accord was signed in Arusha in late March 2019.The army said it would pull back.") == [
        "The accord was signed in Arusha in late March 2019.", "The army said it would pull back."]


def test_a_stop_between_figures_or_before_a_capital_alone_is_no_sentence_end():
    assert sentences("Shells fell 2.5 km from the post, under clause 4.B of the truce.") == [
        "Shells fell 2.5 km from the post, under clause 4.B of the truce."]
