"""The events stage: incidents, with ACLED and PLOVER types, counts, date, place and source.

It owns trigger detection (``detect``), counts (``counts``, ``numbers``), the event
lexicons (``lexicon``, data in ``data/events/``) and the joining of mentions into one
incident per physical event and per account (``assemble``).
"""

from __future__ import annotations

from sitrep.events.assemble import build_incident, group_mentions, narrative_time
from sitrep.events.detect import detect_mentions
from sitrep.models import AnnotatedDocument, Incident


def extract_incidents(adoc: AnnotatedDocument) -> list[Incident]:
    mentions = detect_mentions(adoc)
    sentence_index = {sentence.start: number for number, sentence in enumerate(adoc.doc.sents)}
    drafts = group_mentions(mentions, sentence_index)
    dated = [(sentence_index[m.sentence.start], m.time) for m in mentions
             if m.time is not None and m.time.value and m.time.precision == "day"]
    return [build_incident(draft, adoc, number, narrative_time(draft, dated))
            for number, draft in enumerate(drafts, start=1)]


__all__ = ["extract_incidents"]
