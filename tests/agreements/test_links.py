"""Statements about agreements and their stance, incidents called violations, deliveries under
commitments. The texts are ours, run through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.pipeline import ExtractOptions, extract_text
from tests.conftest import FOUNDING, needs_shared

YEMEN = date(2019, 2, 10)


def read(text: str, published: date | None):
    return extract_text(text, doc_id="t", options=ExtractOptions(published=published, today=date(2026, 1, 1)))


def stances(text: str, published: date | None = YEMEN) -> list[tuple[str | None, str | None]]:
    return [(s.about_agreement.id if s.about_agreement else None, s.stance) for s in read(text, published).statements]


@pytest.mark.parametrize(("sentence", "stance"), [
    ("The Houthis accused the government of violating the Stockholm Agreement on Tuesday.", "alleges_violation"),
    ("The government denied breaching the Hodeidah ceasefire.", "denies_violation"),
    ("The UN envoy urged both sides to abide by the Stockholm Agreement.", "demands_compliance"),
    ("A government spokesman said its forces had fully respected the Hodeidah truce.", "claims_compliance"),
    ("The Houthis threatened to pull out of the Stockholm Agreement if the shelling went on.", "threatens_withdrawal"),
    ("Officials said the two sides had discussed violations of the Stockholm Agreement.", "other"),
])
def test_each_stance(sentence, stance):
    assert stances(sentence) == [("stockholm-agreement-2018", stance)]


def test_failing_to_implement_and_not_doing_what_was_required_are_breaches():
    text = ("The rebels accused the government of failing to implement the Stockholm Agreement. "
            "Monitors said neither side had pulled its forces out of the port as required by the Hodeidah agreement.")
    assert stances(text) == [("stockholm-agreement-2018", "alleges_violation")] * 2


def test_a_release_owed_under_the_agreement_is_a_demand():
    text = "\u201cOur prisoners should have been freed weeks ago as per the Doha agreement,\u201d a Taliban spokesman said."
    assert stances(text, date(2020, 4, 20)) == [("us-taliban-2020", "demands_compliance")]


def test_saying_there_was_no_violation_denies_one():
    text = ("Pakistan accused India of firing across the Line of Control. The Indian army spokesman said there "
            "was no ceasefire violation from the Indian side.")
    assert stances(text, date(2011, 9, 1))[-1] == ("india-pakistan-loc-ceasefire-2003", "denies_violation")


def test_a_story_framed_as_accusations_of_breach_links_the_parties_accusations_and_their_incidents():
    text = ("Houthis and government troops traded accusations over violations of the Hodeidah ceasefire. "
            "The Houthis said government forces shelled a hospital in Hodeidah on Monday, killing three people. "
            "Residents said the city was calm on Tuesday.")
    extraction = read(text, date(2019, 1, 10))
    assert [(s.evidence.text[:20], s.about_agreement and s.about_agreement.id, s.stance) for s in extraction.statements] == [
        ("The Houthis said gov", "stockholm-agreement-2018", "alleges_violation"), ("Residents said the c", None, None)]
    (shelling,) = extraction.incidents
    assert (shelling.violation_of.id, shelling.alleged_by.name) == ("stockholm-agreement-2018", "Houthis (Ansar Allah)")  # the group's actor, by its KB name


def test_without_a_framing_lead_an_accusation_that_names_no_agreement_stays_unlinked():
    text = ("Houthi and government delegations met in Amman on Sunday to discuss the Stockholm Agreement. "
            "Separately, the Houthis said government forces shelled a hospital in Hodeidah on Monday.")
    extraction = read(text, date(2019, 1, 10))
    assert all(i.violation_of is None for i in extraction.incidents)
    assert all(s.about_agreement is None for s in extraction.statements if "shelled" in s.evidence.text)


def test_an_attack_the_speaker_calls_a_violation_is_one():
    text = ("A drone strike killed four Taliban fighters in Wardak province on Sunday, officials said. "
            "\u201cThis attack is a violation of the Doha agreement,\u201d a Taliban spokesman said.")
    extraction = read(text, date(2020, 6, 1))
    (strike,) = [i for i in extraction.incidents if i.acled_type == "Explosions/Remote violence"]
    assert (strike.violation_of.id, strike.alleged_by.name) == ("us-taliban-2020", "Taliban spokesman")


def test_deliveries_batches_running_totals_and_promises():
    text = ("The Afghan government released 300 Taliban prisoners on Tuesday under the Doha agreement, officials said. "
            "The National Security Council said the government has freed 2,500 Taliban prisoners so far. "
            "The Taliban have freed about 400 Afghan soldiers, the council added. "
            "A Taliban spokesman said the group would not free any more captives until the rest were released.")
    extraction = read(text, date(2020, 5, 20))
    assert [(d.commitment, d.quantity, d.bound, d.cumulative, d.date, d.party) for d in extraction.deliveries] == [
        ("taliban-prisoners", 300, None, False, "2020-05-19", "Government of Afghanistan"),
        ("taliban-prisoners", 2500, None, True, "2020-05-20", "Government of Afghanistan"),
        ("government-prisoners", 400, "approximate", True, "2020-05-20", "Taliban"),
    ]
    batch = next(i for i in extraction.incidents if i.evidence.text.startswith("The Afghan government released 300"))
    assert batch.under_agreement.id == "us-taliban-2020"
    assert extraction.deliveries[0].incident == batch.id


def test_a_release_still_to_come_is_no_delivery():
    text = ("Under the deal, Hamas is expected to release 33 Israeli hostages during the Gaza ceasefire. "
            "Israel agreed to free hundreds of Palestinian prisoners.")
    assert read(text, date(2025, 1, 20)).deliveries == []


@needs_shared(FOUNDING)
def test_founding_example_six_statements_and_the_200_released(founding_text):
    extraction = read(founding_text, None)
    linked = [(s.speaker.name, s.kind, s.stance) for s in extraction.statements if s.about_agreement is not None]
    assert linked == [
        ("Suhail Shaheen", "statement", "other"),
        ("Sonny Leggett", "statement", "other"),
        ("Taliban", "accusation", "alleges_violation"),
        ("Sonny Leggett", "denial", "denies_violation"),
        ("Taliban", "accusation", "alleges_violation"),
        ("Suhail Shaheen", "accusation", "demands_compliance"),
    ]
    assert {s.about_agreement.id for s in extraction.statements if s.about_agreement} == {"us-taliban-2020"}
    (delivery,) = extraction.deliveries
    assert (delivery.commitment, delivery.quantity, delivery.cumulative, delivery.date, delivery.party) == (
        "taliban-prisoners", 200, False, "2020-04-08/2020-04-09", "Government of Afghanistan")
    released = next(i for i in extraction.incidents if i.released == 200)
    assert released.under_agreement.id == "us-taliban-2020" and delivery.incident == released.id
