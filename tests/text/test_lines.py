"""How a line of text reads: a headline, or the text's last line cut off mid-sentence."""

from __future__ import annotations

import re

from spacy.lang.en import English
from spacy.tokens import Doc, Span

from sitrep.text.spans import cut_off_ending, is_heading, paragraph_of

VOCAB = English().vocab  # the English lexical attributes (title case) without a parser


def lines_doc(text: str) -> Doc:
    """One sentence a line, hand-set, so the test does not depend on the model's parse."""
    found = list(re.finditer(r"\n|\w+|[^\w\s]", text))
    words = [m.group() for m in found]
    spaces = [text[m.end() : m.end() + 1] == " " for m in found]
    starts = [i == 0 or words[i - 1] == "\n" for i in range(len(words))]
    doc = Doc(VOCAB, words=words, spaces=spaces, sent_starts=starts)
    assert doc.text == text
    return doc


def last_sentence(doc: Doc) -> Span:
    return list(doc.sents)[-1]


PROSE = "Militiamen burned three granaries outside Bentiu on Tuesday and drove the herders east, a local official told reporters.\n"


def test_a_last_line_in_sentence_case_is_cut_off_and_one_in_title_case_is_a_title():
    text = "Militia Burns Granaries\n" + PROSE + "The governor said the herders had been warned twice, but"
    doc = lines_doc(text)
    assert is_heading(last_sentence(doc), text) is True
    assert cut_off_ending(last_sentence(doc), text) is True
    text = PROSE + "Militiamen Burned Three Granaries Outside Bentiu"
    assert cut_off_ending(last_sentence(lines_doc(text)), text) is False


def test_only_the_texts_last_line_can_be_cut_off():
    text = "The governor said the herders had been warned twice\n" + PROSE
    doc = lines_doc(text)
    assert is_heading(list(doc.sents)[0], text) is True
    assert cut_off_ending(list(doc.sents)[0], text) is False
    assert cut_off_ending(list(doc.sents)[0], text, after_prose=True) is False


def test_after_prose_the_line_before_must_be_a_paragraph_that_ends_its_sentence():
    # a line full of names is in title case: the paragraph before tells it is no title
    text = PROSE + "In March the Nuer Youth of Unity State declared it"
    assert cut_off_ending(last_sentence(lines_doc(text)), text) is False
    assert cut_off_ending(last_sentence(lines_doc(text)), text, after_prose=True) is True
    # a short line before: the last line may be a headline among labels
    text = "Herders flee Bentiu\n\nShort note.\n\nThe governor says he holds the town"
    assert cut_off_ending(last_sentence(lines_doc(text)), text) is True
    assert cut_off_ending(last_sentence(lines_doc(text)), text, after_prose=True) is False
    # a long line before that lacks its stop is no paragraph of prose
    text = PROSE.replace(", a local official told reporters.", " while a local official told reporters that") + "the governor said the herders had been warned"
    assert cut_off_ending(last_sentence(lines_doc(text)), text, after_prose=True) is False


def test_a_paragraph_is_the_line_an_offset_lies_on():
    text = "Herders flee\n\n“We lost everything,” one said.\nThe end"
    assert paragraph_of(text, 3) == (0, 12)
    assert paragraph_of(text, 12) == (0, 12)  # the line break that ends it
    assert paragraph_of(text, 13) == (13, 13)  # the blank line
    assert paragraph_of(text, 20) == (14, 45)
    assert paragraph_of(text, len(text) - 1) == (46, 53)
