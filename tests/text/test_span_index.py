"""The per-Doc indexes of the text stage: entities, the entity covering a token range,
entities inside a character range, tokens inside a character range."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.text.spans import ENTS_KEY, covering_entity, entities, entities_within, tokens_from

WORDS = ["General", "Amina", "Bello", "visited", "Lake", "Chad", "University", "in", "Maiduguri", "on", "Friday", "."]
IOB = ["O", "B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O", "B-DATE", "O"]


def made_doc() -> Doc:
    # hand-set entities, so the test does not depend on what the model would tag
    spaces = [True] * (len(WORDS) - 2) + [False, False]
    return Doc(Vocab(), words=WORDS, spaces=spaces, ents=IOB)


def test_entities_are_the_docs_entities_read_once_and_kept_on_the_doc():
    doc = made_doc()
    found = entities(doc)
    assert [(e.text, e.label_) for e in found] == [
        ("Amina Bello", "PERSON"), ("Lake Chad University", "ORG"), ("Maiduguri", "GPE"), ("Friday", "DATE")]
    assert entities(doc) is found
    assert doc.user_data[ENTS_KEY] is found
    assert entities(made_doc()) is not found  # another parse, its own entities


def test_the_covering_entity_is_the_one_holding_the_whole_token_range():
    doc = made_doc()
    assert covering_entity(doc, 5, 6).text == "Lake Chad University"  # "Chad" inside the name
    assert covering_entity(doc, 4, 7).text == "Lake Chad University"  # the name itself
    assert covering_entity(doc, 5, 8) is None  # "Chad University in": runs past the name
    assert covering_entity(doc, 3, 4) is None  # "visited": no entity
    assert covering_entity(doc, 0, 1) is None  # "General", before the first entity
    assert covering_entity(doc, 8, 9).text == "Maiduguri"
    assert covering_entity(doc, 11, 12) is None  # the full stop after the last entity


def test_the_covering_entity_is_what_a_scan_of_all_entities_finds():
    doc = made_doc()
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            scanned = next((e for e in doc.ents if e.start <= start and e.end >= end), None)
            assert covering_entity(doc, start, end) == scanned, (start, end)


def test_entities_within_a_character_range_in_text_order():
    doc = made_doc()
    text = doc.text
    start = text.index("Bello")
    assert [e.text for e in entities_within(doc, 0, len(text))] == ["Amina Bello", "Lake Chad University", "Maiduguri", "Friday"]
    assert [e.text for e in entities_within(doc, start, len(text))] == ["Lake Chad University", "Maiduguri", "Friday"]
    assert [e.text for e in entities_within(doc, text.index("Lake"), text.index("Maiduguri") + 9)] == [
        "Lake Chad University", "Maiduguri"]
    assert entities_within(doc, text.index("Chad"), text.index(" on")) == [doc.ents[2]]
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            scanned = [e for e in doc.ents if a <= e.start_char and e.end_char <= b]
            assert entities_within(doc, a, b) == scanned, (a, b)


def test_tokens_from_a_character_range_are_those_that_begin_in_it():
    doc = made_doc()
    text = doc.text
    assert [t.text for t in tokens_from(doc, text.index("visited"), text.index("in "))] == [
        "visited", "Lake", "Chad", "University"]
    assert [t.text for t in tokens_from(doc, text.index("isited"), text.index("in ") + 1)] == [
        "Lake", "Chad", "University", "in"]
    assert list(tokens_from(doc, 30, 10)) == []
    for a in range(len(text) + 1):
        for b in range(len(text) + 1):
            assert [t.i for t in tokens_from(doc, a, b)] == [t.i for t in doc if a <= t.idx < b], (a, b)
