from __future__ import annotations

import pytest

from sitrep.models import AnnotatedDocument, Document
from sitrep.text import load_nlp
from sitrep.time import find_time_mentions, resolve_publication


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def founding(founding_text, nlp) -> AnnotatedDocument:
    document = Document(id="doha-meeting", source="doha-meeting.txt", text=founding_text)
    doc = nlp(founding_text)
    publication = resolve_publication(document, doc)
    adoc = AnnotatedDocument(document=document, doc=doc)
    adoc.times = find_time_mentions(doc, publication.value)
    return adoc


@pytest.fixture(scope="session")
def annotate(nlp):
    """A parsed document with its time mentions, read on ``published``."""
    return lambda text, published: annotated(nlp, text, published)


def annotated(nlp, text: str, published):
    document = Document(id="t", source="t", text=text)
    doc = nlp(text)
    adoc = AnnotatedDocument(document=document, doc=doc)
    adoc.times = find_time_mentions(doc, published)
    return adoc
