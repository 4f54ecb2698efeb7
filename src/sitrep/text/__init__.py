"""The text stage: the one place that loads spaCy and parses a document.

It owns the English pipeline (``config.SPACY_MODEL``), sentence segmentation and the
``AnnotatedDocument`` that later stages add their mentions to.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.config import SPACY_MODEL
from sitrep.models import AnnotatedDocument, Document


@Language.component("sitrep_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and list items stand alone."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the pipeline once per process; nothing is downloaded."""
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("sitrep_line_breaks", before="parser")
    return nlp


def annotate(document: Document) -> AnnotatedDocument:
    return AnnotatedDocument(document=document, doc=load_nlp()(document.text))


def annotate_many(documents: list[Document], batch_size: int = 16) -> list[AnnotatedDocument]:
    nlp = load_nlp()
    docs = nlp.pipe((d.text for d in documents), batch_size=batch_size)
    return [AnnotatedDocument(document=d, doc=doc) for d, doc in zip(documents, docs)]
