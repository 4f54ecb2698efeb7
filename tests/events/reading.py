"""How the events tests read a sentence: extracted as if published on a Wednesday,
16 June 2021, then its first incident or that incident's ACLED type and sub-type."""

from __future__ import annotations

from datetime import date

from sitrep.models import Incident
from sitrep.pipeline import ExtractOptions, extract_text

OPTIONS = ExtractOptions(published=date(2021, 6, 16))  # a Wednesday


def first(text: str) -> Incident | None:
    found = extract_text(text, options=OPTIONS).incidents
    return found[0] if found else None


def kind(text: str) -> tuple[str, str] | None:
    incident = first(text)
    return (incident.acled_type, incident.acled_sub_type) if incident else None
