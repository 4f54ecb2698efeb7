"""In-document resolution on the founding example and real dev articles (read from ../shared)."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest

from sitrep.actors import mentions_between, resolve_actors
from sitrep.ingest import document_from_text
from sitrep.models import AnnotatedDocument
from sitrep.text import annotate
from tests.conftest import DEV, FOUNDING, needs_shared


@lru_cache(maxsize=None)
def _adoc(text: str) -> AnnotatedDocument:
    adoc = annotate(document_from_text(text, doc_id="t", source="t"))
    adoc.actors = resolve_actors(adoc)
    return adoc


def _dev(name: str) -> AnnotatedDocument:
    return _adoc(json.loads((DEV / f"{name}.json").read_text(encoding="utf-8"))["text"])


def _by_text(adoc: AnnotatedDocument) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in adoc.actors:
        out.setdefault(m.text, set()).add(m.actor.name)
    return out


@needs_shared(FOUNDING)
def test_founding_clusters_come_out_exactly(founding_text, founding_gold):
    adoc = _adoc(founding_text)
    by_name: dict[str, set[str]] = {}
    for m in adoc.actors:
        if m.text.lower() not in ("he", "she"):
            by_name.setdefault(m.actor.name, set()).add(m.text)
    for name, mentions in founding_gold["entities_to_resolve"].items():
        if name == "US-Taliban agreement":  # an agreement, not an actor: not this stage's output
            continue
        assert by_name.get(name) == set(mentions), name


@needs_shared(FOUNDING)
def test_founding_one_actor_object_per_entity(founding_text):
    adoc = _adoc(founding_text)
    ids: dict[str, str] = {}
    for m in adoc.actors:
        assert ids.setdefault(m.actor.name, m.actor.id) == m.actor.id
        assert adoc.document.text[m.start : m.end] == m.text


@needs_shared(FOUNDING)
def test_founding_speakers_and_affiliations(founding_text):
    names = _by_text(_adoc(founding_text))
    assert names["Suhail Shaheen"] == {"Suhail Shaheen"}
    assert names["Shaheen"] == {"Suhail Shaheen"}
    assert names["Zabihullah Mujahid"] == {"Zabihullah Mujahid"}
    assert names["Ministry of Defense"] == {"Ministry of Defense of Afghanistan"}
    assert names["Afghan government"] == {"Government of Afghanistan"}
    assert names["civilians"] == {"Civilians (Afghanistan)"}
    adoc = _adoc(founding_text)
    people = {m.actor.name: m.actor.affiliation for m in adoc.actors if m.actor.is_person}
    assert people["Suhail Shaheen"] == "Taliban"
    assert people["Sonny Leggett"] == "United States Forces – Afghanistan"
    assert people["Zabihullah Mujahid"] == "Taliban"


@needs_shared(FOUNDING)
def test_pronouns_go_to_the_latest_person(founding_text):
    adoc = _adoc(founding_text)
    pronouns = [(m.text, m.actor.name) for m in adoc.actors if m.text in ("he", "He")]
    assert pronouns == [("he", "Suhail Shaheen"), ("he", "Zabihullah Mujahid")]


@needs_shared(FOUNDING)
def test_adjectives_and_possessives_are_not_the_story_army(founding_text):
    # "the military channel" is no actor; "the US tries to pull its troops" are US troops
    names = _by_text(_adoc(founding_text))
    assert "military" not in names
    assert names["troops"] == {"Military Forces of United States"}


@needs_shared(FOUNDING)
def test_mentions_between(founding_text):
    adoc = _adoc(founding_text)
    start = founding_text.index("In latest confrontation")
    end = founding_text.index("Ministry of Defense.") + len("Ministry of Defense.")
    assert [(m.text, m.actor.name) for m in mentions_between(adoc, start, end)] == [
        ("Taliban", "Taliban"), ("Ministry of Defense", "Ministry of Defense of Afghanistan")
    ]


@needs_shared(DEV)
def test_unknown_people_learn_their_affiliation():
    names = _by_text(_dev("dev-af-003"))
    assert names["Zia Durani"] == {"Zia Durani"} and names["Durani"] == {"Zia Durani"}
    zia = next(m.actor for m in _dev("dev-af-003").actors if m.text == "Zia Durani")
    assert zia.affiliation == "Police Forces of Afghanistan"


@needs_shared(DEV)
def test_kb_person_matched_through_typos():
    names = _by_text(_dev("af-003"))
    assert names["Rohaullah Ahamdzai"] == {"Rohullah Ahmadzai"}


@needs_shared(DEV)
def test_first_name_back_reference_and_places_are_not_people():
    names = _by_text(_dev("wd-008"))
    assert names["Ketema"] == {"Ketema Wakuma"}
    assert "Abe Dongoro" not in names


@needs_shared(DEV)
def test_somali_and_colombian_actors():
    somali = _by_text(_dev("wd-003"))
    assert somali["SNA"] == {"Somali National Army"}
    assert somali["AFRICOM"] == {"US Africa Command (AFRICOM)"}
    assert somali["Al-Shabab"] == {"al-Shabaab"}
    colombia = _by_text(_dev("wd-013"))
    assert colombia["Pablo Beltran"] == {"Pablo Beltran"}
    assert colombia["National Liberation Army (ELN)"] == {"National Liberation Army (ELN)"}


def test_qualifiers_references_and_abbreviations():
    text = (
        "Nigerian troops killed 12 Boko Haram fighters in Borno on Monday, the army said. "
        "The group later attacked a village. The Multinational Joint Task Force (MNJTF) said MNJTF troops helped."
    )
    names = _by_text(_adoc(text))
    assert names["Nigerian troops"] == {"Military Forces of Nigeria"}
    assert names["Boko Haram"] == {"Boko Haram (JAS)"}
    assert "fighters" not in names  # "Boko Haram fighters" is one mention of the group
    assert names["army"] == {"Military Forces of Nigeria"}
    assert names["The group"] == {"Boko Haram (JAS)"}
    assert names["MNJTF"] == {"Multinational Joint Task Force (MNJTF)"}


def test_unattributed_gunmen_are_unidentified():
    names = _by_text(_adoc("Gunmen killed three policemen in Peshawar, Pakistani officials said."))
    assert names["Gunmen"] == {"Unidentified Armed Group (Pakistan)"}
    assert names["policemen"] == {"Police Forces of Pakistan"}
    assert names["Pakistani officials"] == {"Government of Pakistan"}


def test_event_words_imply_unnamed_actors():
    names = _by_text(_adoc("Pakistani students held a protest in Lahore against fee increases. Two soldiers were killed when an IED went off in Kurram."))
    assert names["protest"] == {"Protesters (Pakistan)"}
    assert names["IED"] == {"Unidentified Armed Group (Pakistan)"}


def test_a_struck_agreement_is_no_protest():
    names = _by_text(_adoc("The agreement that was struck in Doha between the US and the Taliban holds."))
    assert not any(n.startswith("Protesters") for ns in names.values() for n in ns)
