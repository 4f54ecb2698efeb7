"""The knowledge base: schema, no conflicting aliases, lookups, the ACLED table, speed."""

from __future__ import annotations

import time
import tomllib

import pytest

from sitrep.actors import load_kb
from sitrep.actors.kb import KB_DIR, build_kb


def test_every_data_file_parses_and_validates():
    for path in sorted(KB_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            assert tomllib.load(handle), path.name
    kb = build_kb()  # raises KBError on a duplicate alias naming two actors, unknown countries, ...
    groups = [a for a in kb.actors.values() if a.inter in (2, 3, 4) and ":" not in a.id]
    assert len(groups) >= 150


def test_kb_loads_fast():
    started = time.perf_counter()
    build_kb()
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Taliban", "Taliban"), ("Islamic Emirate", "Taliban"), ("IEA", "Taliban"), ("TB", "Taliban"),
        ("ISIS-K", "Islamic State Khorasan Province (ISKP)"), ("Daesh", "Islamic State"), ("Al Shabaab", "al-Shabaab"),
        ("JAS", "Boko Haram (JAS)"), ("Ansar Allah", "Houthis (Ansar Allah)"), ("YPG", "People's Protection Units (YPG)"),
        ("USFOR-A", "United States Forces – Afghanistan"), ("US forces in Afghanistan", "United States Forces – Afghanistan"),
        ("ANDSF", "Afghan National Defense and Security Forces"), ("the ELN", "National Liberation Army (ELN)"),
        ("U.S.", "United States"), ("USA", "United States"), ("UK", "United Kingdom"), ("DRC", "Democratic Republic of Congo"),
        ("Suhail Shaheen", "Suhail Shaheen"), ("AFRICOM", "US Africa Command (AFRICOM)"),
    ],
)
def test_lookup(alias, name):
    actor = load_kb().lookup(alias)
    assert actor is not None and actor.name == name


def test_lookup_is_case_exact_for_abbreviations():
    kb = load_kb()
    assert kb.lookup("us") is None
    assert kb.lookup("tb") is None


def test_ambiguous_alias_needs_the_country():
    kb = load_kb()
    assert kb.lookup("pro-government militia", "AF").name == "Militia (Pro-Government)"


def test_person_carries_affiliation():
    actor = load_kb().lookup("Sonny Leggett")
    assert (actor.is_person, actor.affiliation, actor.country) == (True, "United States Forces – Afghanistan", "US")


@pytest.mark.parametrize(
    ("acled", "name", "country"),
    [
        ("Military Forces of Afghanistan (2014-)", "Military Forces of Afghanistan", "AF"),
        ("Police Forces of Afghanistan (2014-) General Command of Police Special Units", "Police Forces of Afghanistan", "AF"),
        ("Military Forces of Nigeria (2015-) ", "Military Forces of Nigeria", "NG"),
        ("Military Forces of Somalia (2017-) Galmudug Administration", "Somali National Army", "SO"),
        ("Military Forces of Syria (2000-) Air Force Intelligence Directorate", "Military Forces of Syria", "SY"),
        ("TTP: Tehreek-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan (TTP)", "PK"),
        ("Protesters (Pakistan)", "Protesters (Pakistan)", "PK"),
        ("Unidentified Armed Group (Nigeria)", "Unidentified Armed Group (Nigeria)", "NG"),
        ("Al Shabaab", "al-Shabaab", "SO"),
        ("QSD: Syrian Democratic Forces", "Syrian Democratic Forces (SDF)", "SY"),
        ("Government of the Islamic Republic of Pakistan", "Government of Pakistan", "PK"),
        ("Military Forces of the United States of America", "Military Forces of United States", "US"),
    ],
)
def test_from_acled(acled, name, country):
    actor = load_kb().from_acled(acled)
    assert actor is not None and (actor.name, actor.country) == (name, country)


def test_institution_names_keep_the_usual_name():
    kb = load_kb()
    assert kb.institution_actor("mod", "AF").name == "Ministry of Defense of Afghanistan"
    assert kb.institution_actor("moi", "AF").name == "Ministry of Interior of Afghanistan"
    assert kb.institution_actor("security", "AF").name == "Afghan National Defense and Security Forces"
    assert kb.institution_actor("police", "NG").name == "Police Forces of Nigeria"


def test_security_forces_are_the_military_unless_replaced():
    kb = load_kb()
    assert kb.institution_actor("security", "PK") is kb.institution_actor("military", "PK")
    assert kb.institution_actor("security", "AF").id == "andsf"


def test_shared_alias_without_a_country_goes_to_the_first_owner():
    kb = load_kb()
    assert kb.lookup("Taliban").id == "taliban"
    assert kb.lookup("Taliban", "PK").id == "ttp"


def test_capitals_are_indexed_but_are_no_lookup_actor():
    kb = load_kb()
    assert kb.countries["JO"].capitals == ("Amman",)
    assert any(p.kind == "capital" and p.target == "JO" for p in kb.phrases[("amman",)])
    assert kb.lookup("Amman") is None  # a capital is an actor only in context (resolve.py)


def test_militia_actor_reuses_a_kb_group_acled_knows():
    kb = load_kb()
    assert kb.militia_actor("Tiv", None, "NG").id == "tiv-militia"
    made = kb.militia_actor("Marehan", None, "SO")
    assert (made.name, made.inter) == ("Marehan Clan Militia (Somalia)", 4)
    assert kb.from_acled("Marehan Clan Militia (Somalia)") is made


def test_a_category_resolved_without_a_country_takes_its_incidents():
    kb = load_kb()
    bare = kb.category_actor("unidentified", None)
    assert bare.name == "Unidentified Armed Group"
    assert kb.in_country(bare, "UA").name == "Unidentified Armed Group (Ukraine)"
    assert kb.in_country(bare, None) is bare
    named = kb.category_actor("civilians", "AF")
    assert kb.in_country(named, "PK") is named  # a category already placed keeps its country
    assert kb.in_country(kb.actors["taliban"], "UA") is kb.actors["taliban"]


def test_monitors_are_known_bodies():
    kb = load_kb()
    assert {kb.actors[m].name for m in kb.monitors} >= {"OSCE", "Human Rights Watch", "Amnesty International"}


@pytest.mark.parametrize(
    ("written", "name"),
    [("Jawed Faisal", "Javid Faisal"), ("Nurollah Nuri", "Noorullah Noori"), ("Qari Yusouf Ahmadi", "Qari Muhammad Yousuf Ahmadi"), ("Qari Yousuf Ahmadi", "Qari Muhammad Yousuf Ahmadi")],
)
def test_a_spokesman_spelt_otherwise_is_named_by_his_full_name(written, name):
    actor = load_kb().lookup(written)
    assert actor is not None and (actor.is_person, actor.name) == (True, name)
