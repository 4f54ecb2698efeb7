"""The words coordinated with a word, however the parser nested the conjunctions."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.text.spans import coordinated, first_conjunct

NOMINAL = {"NOUN", "PROPN", "PRON"}


def parsed(rows: list[tuple[str, int, str, str]]) -> Doc:
    """A hand-set parse (word, head index, dependency, part of speech), so the test does not
    depend on how the model attaches a conjunct."""
    words = [w for w, _, _, _ in rows]
    return Doc(Vocab(), words=words, heads=[h for _, h, _, _ in rows], deps=[d for _, _, d, _ in rows],
               pos=[p for _, _, _, p in rows])


def texts(tokens) -> list[str]:
    return [t.text for t in tokens]


def test_a_chain_and_a_flat_list_give_the_same_conjuncts_in_text_order():
    # "Guards, medics and nurses left": each conjunct on the one before, or all on the first
    chain = parsed([("Guards", 5, "nsubj", "NOUN"), (",", 0, "punct", "PUNCT"), ("medics", 0, "conj", "NOUN"),
                    ("and", 2, "cc", "CCONJ"), ("nurses", 2, "conj", "NOUN"), ("left", 5, "ROOT", "VERB")])
    flat = parsed([("Guards", 5, "nsubj", "NOUN"), (",", 0, "punct", "PUNCT"), ("medics", 0, "conj", "NOUN"),
                   ("and", 0, "cc", "CCONJ"), ("nurses", 0, "conj", "NOUN"), ("left", 5, "ROOT", "VERB")])
    assert texts(coordinated(chain[0])) == ["Guards", "medics", "nurses"]
    assert texts(coordinated(flat[0])) == ["Guards", "medics", "nurses"]
    assert texts(coordinated(chain[2])) == ["medics", "nurses"]  # what follows the word, and the word
    assert texts(coordinated(chain[5])) == ["left"]


def test_a_nested_list_is_read_depth_first_in_the_order_of_the_text():
    # "Guards, medics and nurses, and cooks": "nurses" on "medics", "cooks" on "Guards"
    doc = parsed([("Guards", 0, "ROOT", "NOUN"), (",", 0, "punct", "PUNCT"), ("medics", 0, "conj", "NOUN"),
                  ("and", 2, "cc", "CCONJ"), ("nurses", 2, "conj", "NOUN"), (",", 0, "punct", "PUNCT"),
                  ("and", 0, "cc", "CCONJ"), ("cooks", 0, "conj", "NOUN")])
    assert texts(coordinated(doc[0])) == ["Guards", "medics", "nurses", "cooks"]


def test_with_parts_of_speech_the_list_goes_on_only_through_them():
    # "Guards and medics stayed, fled and nurses": a verb the parse hung on the noun, a noun on the verb
    doc = parsed([("Guards", 3, "nsubj", "NOUN"), ("and", 0, "cc", "CCONJ"), ("medics", 0, "conj", "NOUN"),
                  ("stayed", 3, "ROOT", "VERB"), (",", 0, "punct", "PUNCT"), ("fled", 0, "conj", "VERB"),
                  ("and", 5, "cc", "CCONJ"), ("nurses", 5, "conj", "NOUN")])
    assert texts(coordinated(doc[0])) == ["Guards", "medics", "fled", "nurses"]
    assert texts(coordinated(doc[0], NOMINAL)) == ["Guards", "medics"]


def test_the_first_conjunct_is_the_word_the_others_hang_on():
    # "raided and burned and looted shops": each verb on the one before
    doc = parsed([("raided", 5, "amod", "VERB"), ("and", 0, "cc", "CCONJ"), ("burned", 0, "conj", "VERB"),
                  ("and", 2, "cc", "CCONJ"), ("looted", 2, "conj", "VERB"), ("shops", 5, "ROOT", "NOUN")])
    assert [first_conjunct(t).text for t in doc] == ["raided", "and", "raided", "and", "raided", "shops"]
