"""How the places tests ask where an event happened: by a word of its sentence, told by
that sentence, as the events stage asks the places stage."""

from __future__ import annotations

from sitrep.places import locate_event


def place_at(adoc, word: str):
    """Where the event a word tells happened, its own sentence read as the event's text."""
    token = next(t for t in adoc.doc if t.text == word)
    return locate_event(adoc, token.sent.start_char, token.sent.end_char, token.idx)
