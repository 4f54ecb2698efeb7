"""The text stage: the one place that loads spaCy and parses a document.

It owns the English pipeline (``config.SPACY_MODEL``), sentence segmentation and the
``AnnotatedDocument`` that later stages add their mentions to.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from sitrep.config import SPACY_MODEL
from sitrep.ingest.layout import LEADING_STAMP, dashed_dateline, run_in_dateline
from sitrep.models import AnnotatedDocument, Document
from sitrep.text.segments import segment_bounds  # noqa: F401  (the stage's API)


@Language.component("sitrep_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and list items stand alone; so
    does a page's date stamp run into the text's first words ("date 2019-07-22 Russia's
    Defense Ministry ..."), and a dateline that opens a story's first sentence, run into
    it ("KHERSON, May 3 Officials said ...") or ended by a dash ("KHERSON (Agency) - "),
    which is no part of the sentence (the parser would take the place for its subject, or
    a part of it)."""
    line_starts = [0] if len(doc) else []
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
            line_starts.append(token.i)
    opening = doc[:12]  # Doc.text would rebuild the whole text for its first words
    stamp = LEADING_STAMP.match(opening.text)
    if stamp:
        for token in opening:
            if token.idx == stamp.end():
                token.is_sent_start = True
                line_starts.append(token.i)
    for first in line_starts:
        if doc[first].is_upper and len(doc[first]) > 1:
            split_run_in_dateline(doc, first)
    return doc


def split_run_in_dateline(doc: Doc, first: int) -> None:
    head = doc[first : first + DATELINE_TOKENS]
    length = run_in_dateline(head.text) or dashed_dateline(head.text)
    if not length:
        return
    for token in head:
        if token.idx == head.start_char + length:
            token.is_sent_start = True
            for inside in head[1 : token.i - first]:
                inside.is_sent_start = False
            return


#: The most tokens a dateline takes ("SAN JOSE DE GRACIA, Mexico, June 9, 2023 (Reuters)").
DATELINE_TOKENS = 20


#: The longest run without whitespace handed to spaCy's tokenizer in one piece. The
#: tokenizer strips affixes one at a time, each time searching the whole remaining run,
#: so its cost grows with the square of a run's length: 10,000 quote marks in a row took
#: 15 s of a 28 s extraction. No word, and hardly a URL, is longer; a longer run (quote
#: marks, base64, a line of dashes) is tokenized in pieces of this length, and a piece
#: without a letter or digit is one token (a line of 20,000 quote marks would otherwise
#: be 20,000 tokens for the tagger and parser, four times the cost of as much prose).
MAX_RUN = 200
LONG_RUN = re.compile(r"\S{%d,}\s?" % (MAX_RUN + 1))


class BoundedTokenizer:
    """spaCy's tokenizer, with every run of more than ``MAX_RUN`` non-space characters cut in pieces.

    The pieces are tokenized apart and joined with ``Doc.from_docs``, so the text and
    every offset stay exactly those of the input; text without such runs is tokenized as before.
    """

    def __init__(self, tokenizer, max_run: int = MAX_RUN):
        self.tokenizer = tokenizer
        self.max_run = max_run
        self.long_run = LONG_RUN if max_run == MAX_RUN else re.compile(r"\S{%d,}\s?" % (max_run + 1))

    def __call__(self, text: str) -> Doc:
        if not self.long_run.search(text):
            return self.tokenizer(text)
        pieces: list[str] = []
        position = 0
        for match in self.long_run.finditer(text):
            if match.start() > position:
                pieces.append(text[position : match.start()])
            run = match.group()
            pieces.extend(run[i : i + self.max_run] for i in range(0, len(run), self.max_run))
            if len(pieces[-1]) == 1 and pieces[-1].isspace() and len(pieces) > 1:
                pieces[-2:] = [pieces[-2] + pieces[-1]]  # the space after the run stays on its last token
            position = match.end()
        if position < len(text):
            pieces.append(text[position:])
        return Doc.from_docs([self.piece(piece) for piece in pieces], ensure_whitespace=False)

    def piece(self, text: str) -> Doc:
        if len(text) >= self.max_run and not any(c.isalnum() for c in text):
            word = text.rstrip()
            return Doc(self.tokenizer.vocab, words=[word], spaces=[len(word) < len(text)])
        return self.tokenizer(text)


#: A sentence's full stop run into the next sentence after a figure ("in November 2022.The
#: government said"): spaCy splits such a stop after a lower-case letter, not after a digit,
#: and the two sentences were read as one word's worth of one sentence.
RUN_IN_STOP_AFTER_FIGURE = r"(?<=[0-9])\.(?=[A-Z][a-z])"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the pipeline once per process; nothing is downloaded."""
    nlp = spacy.load(SPACY_MODEL)
    infixes = list(nlp.Defaults.infixes) + [RUN_IN_STOP_AFTER_FIGURE]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    nlp.add_pipe("sitrep_line_breaks", before="parser")
    return nlp


def annotate(document: Document) -> AnnotatedDocument:
    return AnnotatedDocument(document=document, doc=load_nlp()(document.text))


def annotate_many(documents: list[Document], batch_size: int = 16) -> list[AnnotatedDocument]:
    nlp = load_nlp()
    docs = nlp.pipe((d.text for d in documents), batch_size=batch_size)
    return [AnnotatedDocument(document=d, doc=doc) for d, doc in zip(documents, docs)]
