"""Every fact points at the text it came from: evidence spans index Document.text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.models import Extraction
from sitrep.pipeline import extract_text

SENTENCES = [
    "Taliban fighters attacked a checkpoint in Kunduz province on Tuesday, killing three policemen.",
    "The Ministry of Defense said 27 militants were killed and nine others wounded.",
    "“We will respond if attacked,” said Zabihullah Mujahid, a Taliban spokesman.",
    "The Taliban, however, said that civilians were killed in the airstrike.",
    "Police arrested 12 suspects in Kabul on Monday night.",
    "A roadside bomb killed two soldiers in Helmand's Nad Ali district last week.",
    "The group denied the report as baseless.",
    "Protesters threw stones at police in Baghdad, and 26 were wounded.",
    "The government released 200 prisoners last Wednesday and Thursday.",
    "Leave a Reply",
    "Al-Shabaab claimed responsibility for the attack in Mogadishu.",
    "In the past six months, more than 100 civilians were killed.",
]


def check(extraction: Extraction) -> None:
    text = extraction.document.text
    records = [*extraction.incidents, *extraction.statements]
    for record in records:
        evidence = record.evidence
        assert 0 <= evidence.start < evidence.end <= len(text)
        assert text[evidence.start : evidence.end] == evidence.text
        assert evidence.text == evidence.text.strip()
    for incident in extraction.incidents:
        for value in (incident.killed, incident.injured, incident.killed_or_injured, incident.released, incident.detained):
            assert value is None or value >= 0
    ids = [r.id for r in records]
    assert len(ids) == len(set(ids))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8),
    st.lists(st.sampled_from(["\n", "\n\n", " ", "  \n"]), min_size=8, max_size=8),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
)
def test_evidence_always_indexes_the_document_text(sentences, separators, noise):
    body = "".join(s + sep for s, sep in zip(sentences, separators)) + noise
    if not body.strip() or not any(c.isalpha() for c in body):
        return
    try:
        extraction = extract_text(body)
    except ValueError:
        return  # refused at ingest (for example, noise alone): nothing to check
    check(extraction)


def test_founding_example_provenance(founding_text):
    check(extract_text(founding_text, doc_id="doha-meeting"))


def test_hard_wrapped_wire_copy_keeps_its_offsets():
    """Unwrapped copy is the same length as the text as it came (a wrapping break becomes a
    space), and every span indexes it; the edit note and the dateline are no record's evidence."""
    lines = [
        "(Updates with casualty figures from the regional governor)",
        "By a staff correspondent",
        "ASHGROVE, Nordland June 4 Militia fighters and border guards",
        "exchanged fire for hours on Tuesday near a crossing in the northern",
        "hills, killing two guards and wounding a herder, the regional",
        "governor said. Militia fighters said the guards had shelled their",
        "positions from the ridge first and that they had only returned fire.",
    ]
    extraction = extract_text("\n".join(lines) + "\n")
    check(extraction)
    text = extraction.document.text
    assert extraction.document.removed == [lines[0]]
    assert len(text) == len("\n".join(lines[1:]))
    assert text.split("\n")[:2] == lines[1:2] + ["ASHGROVE, Nordland June 4 Militia fighters and border guards exchanged fire"
                                                 " for hours on Tuesday near a crossing in the northern hills, killing two"
                                                 " guards and wounding a herder, the regional governor said. Militia"
                                                 " fighters said the guards had shelled their positions from the ridge"
                                                 " first and that they had only returned fire."]
    (incident,) = extraction.incidents
    assert (incident.killed, incident.injured) == (2, 1)
    assert incident.evidence.text.startswith("Militia fighters and border guards exchanged fire")
    assert incident.evidence.text.endswith("the regional governor said.")
    assert [(s.speaker.name, s.evidence.text[:35]) for s in extraction.statements] == [
        ("regional governor", "Militia fighters and border guards "),
        ("Unidentified Armed Group", "Militia fighters said the guards ha"),
    ]
