"""The agreements knowledge base and lexicon: every fact sourced, every reference resolvable."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest

from sitrep.actors import load_kb
from sitrep.agreements.kb import (
    COMMITMENT_KINDS,
    KINDS,
    AgreementKBError,
    bounds,
    build_agreements,
    fold,
    load_agreements,
    load_lexicon,
)

ENTRIES = sorted(load_agreements().entries.values(), key=lambda e: e.id)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_every_entry_has_a_source_parties_and_a_signing_date(entry):
    assert entry.source.strip() and len(entry.source) > 20
    assert len(entry.parties) >= 1 and all(p.name for p in entry.parties)
    assert bounds(entry.signed) is not None and entry.start >= date(1990, 1, 1)
    assert entry.kind in KINDS
    if entry.ended:
        assert entry.end >= entry.start
    if entry.effective:
        assert bounds(entry.effective)[0] >= entry.start


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_every_commitment_is_sourced_and_well_formed(entry):
    for commitment in entry.commitments:
        assert commitment.source.strip() and commitment.description.strip()
        assert commitment.kind in COMMITMENT_KINDS
        assert commitment.quantity is None or commitment.quantity > 0
        if commitment.due:
            assert bounds(commitment.due)[0] >= entry.start


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_party_actors_and_countries_exist(entry):
    kb = load_kb()
    for party in entry.parties:
        if party.actor is None:
            continue
        if party.actor.startswith("state:"):
            assert pycountry.countries.get(alpha_2=party.actor.split(":")[1]) is not None, party
        else:
            assert party.actor in kb.actors, party
    for code in entry.countries:
        assert pycountry.countries.get(alpha_2=code) is not None


def test_the_founding_agreement_as_its_text_gives_it():
    entry = load_agreements().entries["us-taliban-2020"]
    assert (entry.name, entry.signed, [p.name for p in entry.parties]) == (
        "US-Taliban agreement", "2020-02-29", ["United States", "Taliban"])
    prisoners = next(c for c in entry.commitments if c.id == "taliban-prisoners")
    assert (prisoners.kind, prisoners.quantity, prisoners.unit, prisoners.due, prisoners.party) == (
        "release", 5000, "prisoners", "2020-03-10", "Government of Afghanistan")


def test_aliases_are_indexed_folded_and_generic_ones_marked():
    kb = load_agreements()
    assert [e.id for e, _ in kb.by_alias("US\u2013Taliban peace deal")] == ["us-taliban-2020"]
    assert [e.id for e, _ in kb.by_alias("the U.S.-Taliban deal".removeprefix("the "))] == ["us-taliban-2020"]
    assert sorted(e.id for e, _ in kb.by_alias("Minsk agreement")) == ["minsk-ii-2015", "minsk-protocol-2014"]
    assert [(e.id, generic) for e, generic in kb.by_alias("trilateral statement")] == [
        ("nagorno-karabakh-ceasefire-2020", True)]
    assert [e.id for e in kb.by_place("Pretoria")] == ["ethiopia-pretoria-agreement-2022"]


def test_fold_and_bounds():
    assert fold("The U.S.\u2013TB  Agreement") == "the us-tb agreement"
    assert fold("Hekmatyar--government agreement") == "hekmatyar-government agreement"
    assert bounds("2017-12") == (date(2017, 12, 1), date(2017, 12, 31))
    assert bounds("2016") == (date(2016, 1, 1), date(2016, 12, 31))
    assert bounds("2014-09-01/2014-09-07") == (date(2014, 9, 1), date(2014, 9, 7))
    assert bounds("September") is None and bounds(None) is None


@pytest.mark.parametrize(("toml", "message"), [
    ('[[agreement]]\nid = "x"\nname = "X"\nkind = "truce"\nparties = [{ name = "A" }]\nsigned = "2020-01-01"\n',
     "missing source"),
    ('[[agreement]]\nid = "x"\nname = "X"\nkind = "pact"\nparties = [{ name = "A" }]\nsigned = "2020"\nsource = "s"\n',
     "kind 'pact'"),
    ('[[agreement]]\nid = "x"\nname = "X"\nkind = "truce"\nparties = [{ name = "A" }]\nsigned = "May 2020"\nsource = "s"\n',
     "not an ISO date"),
    ('[[agreement]]\nid = "x"\nname = "X"\nkind = "truce"\nparties = [{ name = "A" }]\nsigned = "2020"\nsource = "s"\n'
     '[[agreement.commitment]]\nid = "c"\nkind = "release"\ndescription = "d"\n', "missing source"),
])
def test_a_broken_entry_is_refused_with_its_reason(toml, message):
    with pytest.raises(AgreementKBError, match=message):
        build_agreements(toml)


def test_lexicon_loads_with_every_list_filled():
    lex = load_lexicon()
    assert lex.heads["truce"] == "truce" and "statement" in lex.qualified_heads
    for name in ("violation_verbs", "compliance_verbs", "denial_verbs", "demand_verbs", "withdrawal_verbs",
                 "signing_verbs", "cumulative", "promises", "unrelated", "event_anaphors"):
        assert getattr(lex, name), name
    assert set(lex.delivery_verbs) == set(lex.delivery_units) == {"release", "withdrawal", "handover"}
    assert not (lex.violation_verbs & lex.compliance_verbs)
