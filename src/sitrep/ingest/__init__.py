"""The ingest stage: turn input paths into clean ``Document`` records, or ``Failure``s.

It owns reading inputs (text, HTML, JSON Lines, directories, standard input in ``read``;
WARC crawls in ``warc``; RSS and Atom feeds in ``feeds``; polite, cached fetching of feed
and article URLs in ``fetch``), bounding
their size, detecting their encoding, refusing binary and non-English input with a
one-line reason, removing site boilerplate (and wire edit notes and credits), and making
hard-wrapped lines into running paragraphs (``layout``, which also reads where a page's
date stamp and a story's dateline end). Nothing here parses language: the cleaned
``Document.text`` is what every later offset indexes.
"""

from __future__ import annotations

from sitrep.ingest.boilerplate import strip_boilerplate
from sitrep.ingest.read import (
    IngestError,
    document_from_html,
    document_from_text,
    iter_documents,
    iter_sources,
)

__all__ = [
    "IngestError",
    "document_from_html",
    "document_from_text",
    "iter_documents",
    "iter_sources",
    "strip_boilerplate",
]
