"""Evidence: the words a fact was read from, at their offsets in the document."""

from __future__ import annotations

from sitrep.models import Evidence

TEXT = "Headline\n\n  Rebels burned a granary near Bor.\n\nThe next one."


def test_evidence_is_the_span_without_the_spaces_around_it():
    start, end = TEXT.index("  Rebels"), TEXT.index("The next")
    assert Evidence.trimmed(TEXT, start, end) == Evidence(text="Rebels burned a granary near Bor.", start=12, end=45)
    assert TEXT[12:45] == "Rebels burned a granary near Bor."


def test_a_sentences_own_text_is_placed_by_where_it_begins():
    sentence = TEXT[10:47]  # as a spaCy sentence gives it: the spaces before, the line break after
    assert Evidence.trimmed(sentence, at=10) == Evidence(text="Rebels burned a granary near Bor.", start=12, end=45)


def test_a_span_of_spaces_alone_is_empty_evidence():
    assert Evidence.trimmed(TEXT, 8, 12) == Evidence(text="", start=12, end=12)
