from __future__ import annotations

import pytest

from sitrep.models import AnnotatedDocument, Document
from sitrep.places import find_places, load_gazetteer, story_country
from sitrep.text import annotate


@pytest.fixture(scope="session")
def gaz():
    return load_gazetteer()


@pytest.fixture(scope="session")
def placed():
    """Parse a text once and run the places stage over it, as the pipeline does."""
    cache: dict[str, AnnotatedDocument] = {}

    def run(text: str) -> AnnotatedDocument:
        if text not in cache:
            adoc = annotate(Document(id="t", source="t", text=text))
            adoc.places = find_places(adoc)
            adoc.country = story_country(adoc)
            cache[text] = adoc
        return cache[text]

    return run
