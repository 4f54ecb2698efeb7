"""How the places tests ask where a whole text's event happened: at the word that tells it."""

from __future__ import annotations

from sitrep.models import AnnotatedDocument
from sitrep.places import Location, locate_event


def locate_at(adoc: AnnotatedDocument, verb: str) -> Location | None:
    """Where the event told by the first ``verb`` of the text happened."""
    text = adoc.document.text
    return locate_event(adoc, 0, len(text), text.index(verb))
