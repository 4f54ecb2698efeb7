"""An exchange of fire told turn by turn (issue 13): who launched what, and which of the
sentences tell one side's act."""

from __future__ import annotations

from sitrep.actors import resolve_actors
from sitrep.events.arguments import agent_of
from sitrep.ingest import document_from_text
from sitrep.pipeline import extract_text
from sitrep.text import annotate
from tests.events.reading import OPTIONS


def doer(text: str, trigger: str) -> tuple[str, str] | None:
    adoc = annotate(document_from_text(text, doc_id="t", source="t"))
    adoc.actors = resolve_actors(adoc)
    token = next(t for t in adoc.doc if t.text == trigger)
    found = agent_of(token, adoc.actors)
    return (found.text, found.actor.id) if found else None


def test_who_retaliated_by_launching_dozens_of_rockets_launched_them():
    # the weapon is counted ("dozens of"), and the gerund shares the subject of the verb it tells how
    text = "Hamas shelled Sderot. The Palestinian movement said it had hit back by launching scores of rockets at Ashkelon."
    assert doer(text, "rockets") == ("it", "hamas")


def test_the_head_of_a_possessed_name_is_the_doer_not_its_country():
    assert doer("Yemen's Houthis launched drones at Eilat on Monday.", "drones") == ("Houthis", "houthis")


def test_rockets_told_again_after_the_other_sides_strike_join_the_first_rockets():
    found = extract_text(
        "Hamas launched rockets at Israel on Monday after an Israeli air strike that according to a Palestinian "
        "medical source killed three civilians in the enclave's north. The Israeli army said its raid had targeted "
        "a Hamas cell. The Palestinian movement said it had retaliated by launching dozens of rockets at the town of "
        "Ashkelon. The Israeli army said two soldiers were wounded after air defences intercepted most of the rockets.",
        options=OPTIONS).incidents
    assert [(i.acled_sub_type, i.killed, i.injured, len(i.mentions)) for i in found] == [
        ("Shelling/artillery/missile attack", None, 2, 3), ("Air/drone strike", 3, None, 2)]
    assert found[0].place == "Ashkelon"
