"""Truce stories where the sides blame each other: each charge, and a report that names no
doer, are tellings of their own (coreference), and the parse repairs that find the doers."""

from __future__ import annotations

from tests.events.reading import OPTIONS

from sitrep.events.arguments import folded_subject
from sitrep.pipeline import extract_text
from sitrep.text import load_nlp


def incidents(text: str):
    return extract_text(text, options=OPTIONS).incidents


def test_charges_against_opposite_sides_and_a_doerless_report_are_three_accounts():
    found = incidents(
        "Both sides blamed each other for violating the truce around Marib. "
        "Villagers reported heavy shelling on Monday night near the southern edge of the town. "
        "The rebels' Saba radio accused government troops of breaking the ceasefire by shelling several villages. "
        "A military official told the state news agency that the rebels fired rockets and mortar rounds at a school in the northern district."
    )
    assert [(i.acled_sub_type, i.evidence.text.split()[0], len(i.mentions)) for i in found] == [
        ("Shelling/artillery/missile attack", "Villagers", 1),
        ("Shelling/artillery/missile attack", "The", 1),
        ("Shelling/artillery/missile attack", "A", 1),
    ]


def test_one_side_charged_with_shelling_told_by_two_sources_stays_one_event():
    # nobody blames the other side: the charge and the report are one event told twice
    found = incidents(
        "Villagers reported heavy shelling on Monday night near the southern edge of Marib. "
        "The rebels' Saba radio accused government troops of shelling several villages."
    )
    assert [(i.acled_sub_type, len(i.mentions)) for i in found] == [("Shelling/artillery/missile attack", 2)]


def test_a_launching_verb_folded_into_the_weapon_phrase_keeps_its_subject():
    doc = load_nlp()("A source was quoted as saying that the Huthis fired mortar bombs and rockets at a clinic in the western suburbs.")
    bombs = next(t for t in doc if t.text == "bombs")
    fired = next(t for t in doc if t.text == "fired")
    if fired.dep_ != "amod":  # the misparse this repairs; a parser that reads the clause needs no repair
        assert folded_subject(bombs) == []
        return
    assert [t.text for t in folded_subject(bombs)] == ["Huthis"]


def test_a_correctly_parsed_clause_has_no_folded_subject():
    doc = load_nlp()("An official said that the Taliban fired mortar shells at a school.")
    shells = next(t for t in doc if t.text == "shells")
    assert folded_subject(shells) == []


def test_an_act_someone_is_blamed_for_is_told_and_the_blamed_did_it():
    found = incidents(
        "Sudanese government forces and the SPLM-N rebels traded accusations of breaching the truce. "
        "The rebels' spokesman accused the Sudanese army of bombing villages near Kadugli on Sunday. "
        "The army blamed the rebels for an ambush on a convoy near Dilling that killed three soldiers."
    )
    assert [(i.acled_sub_type, i.killed, i.evidence.text.split()[1]) for i in found] == [
        ("Remote explosive/landmine/IED", None, "rebels'"),
        ("Armed clash", 3, "army"),
    ]


def test_the_means_of_a_breach_is_dated_by_the_breach():
    found = incidents("Government troops broke the truce on Monday by shelling rebel positions near Maaret al-Numan, monitors said.")
    assert [(i.acled_sub_type, str(i.date)) for i in found] == [("Shelling/artillery/missile attack", "2021-06-14")]


def test_a_when_clause_takes_the_day_of_the_breach_it_tells():
    found = incidents("The truce was broken on Sunday when gunmen attacked a police post in Bannu, killing two policemen, officials said.")
    assert [(i.acled_type, i.killed, str(i.date)) for i in found] == [("Battles", 2, "2021-06-13")]
