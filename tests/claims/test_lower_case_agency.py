"""A dateline whose agency is styled in lower case is the page's, not the speaker's words:
the report after it is read as it would be with no dateline (our own sentences)."""

from __future__ import annotations

from datetime import date

from sitrep.pipeline import ExtractOptions, extract_text

OPTIONS = ExtractOptions(published=date(2021, 6, 16))


def test_a_monitors_report_of_killings_accuses_the_doer_after_a_lower_case_agency():
    text = ("HARBOURTOWN, June 16 (wirenews) - Rebels of the Kunduz Liberation Front killed 40 villagers in "
            "Kunduz province last week, the United Nations said on Tuesday.")
    statements = extract_text(text, options=OPTIONS).statements
    assert [(s.speaker.name, s.kind, s.evidence.text[:6]) for s in statements] == [("United Nations", "accusation", "Rebels")]
