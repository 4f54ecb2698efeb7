"""Agreements named in a text, clustered apart from actors (resolve_references)."""

from __future__ import annotations

from sitrep.actors import resolve_actors, resolve_references
from sitrep.ingest import document_from_text
from sitrep.text import annotate
from tests.conftest import FOUNDING, needs_shared


def _refs(text: str):
    return resolve_references(annotate(document_from_text(text, doc_id="t", source="t")))


def test_named_agreement_and_its_definite_descriptions():
    text = (
        "Kenya and Somalia met to review the Kenya-Somalia border pact signed in May. "
        "Nairobi said the pact held, but Mogadishu accused Kenya of breaking the signed pact. "
        "Both sides also discussed a new trade deal."
    )
    refs = _refs(text)
    assert [r.text for r in refs] == ["Kenya-Somalia border pact", "the pact", "the signed pact"]
    assert len({r.id for r in refs}) == 1 and refs[-1].name == "Kenya-Somalia border pact"
    # "a new trade deal" is indefinite: another deal, not this one


def test_parties_are_kb_actors():
    (first, second) = _refs("The Israel-Hamas ceasefire held overnight; the ceasefire was brokered by Egypt.")
    assert first.text == "Israel-Hamas ceasefire" and second.text == "the ceasefire"
    assert {a.name for a in first.parties} == {"Israel", "Hamas"}
    assert first.id == second.id and second.name == "Israel-Hamas ceasefire"


def test_abbreviated_parties_join_the_same_agreement():
    refs = _refs("The US-Taliban deal was signed in Doha. Critics said the U.S.-TB deal left Kabul out.")
    assert [r.text for r in refs] == ["US-Taliban deal", "U.S.-TB deal"]
    assert refs[0].id == refs[1].id


def test_no_named_agreement_no_reference():
    assert _refs("Officials said the agreement would be announced soon.") == []


def test_references_never_become_actors():
    adoc = annotate(document_from_text("The Israel-Hamas ceasefire held; the ceasefire was fragile.", doc_id="t", source="t"))
    mentions = resolve_actors(adoc)
    assert not any("ceasefire" in m.text for m in mentions)


@needs_shared(FOUNDING)
def test_founding_agreement_cluster(founding_text, founding_gold):
    refs = resolve_references(annotate(document_from_text(founding_text, doc_id="t", source="t")))
    clusters: dict[str, set[str]] = {}
    for r in refs:
        clusters.setdefault(r.name, set()).add(r.text)
    assert clusters == {"US-Taliban agreement": set(founding_gold["entities_to_resolve"]["US-Taliban agreement"])}
