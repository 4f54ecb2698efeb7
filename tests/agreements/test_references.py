"""Which agreements a document refers to: by name, by alias, by "the agreement", by signing
date, by place and time, and those the knowledge base lacks. Sentences are ours."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.agreements.mentions import find_mentions
from sitrep.agreements.resolve import resolve_agreements
from sitrep.ingest import document_from_text
from sitrep.pipeline import ExtractOptions, extract_text, run_stages
from sitrep.text import annotate
from tests.conftest import FOUNDING, needs_shared


def read(text: str, published: date | None = None):
    return extract_text(text, doc_id="t", options=ExtractOptions(published=published, today=date(2026, 1, 1)))


def clusters(text: str, published: date | None = None) -> dict[str, list[str]]:
    """Agreement name -> the mentions of it, in text order."""
    adoc = annotate(document_from_text(text, doc_id="t", source="t"))
    run_stages(adoc, ExtractOptions(published=published, today=date(2026, 1, 1)))
    reading = resolve_agreements(adoc, find_mentions(adoc))
    out: dict[str, list[str]] = {}
    for mention, agreement in reading.mentions:
        out.setdefault(agreement.name, []).append(mention.text)
    return out


def test_by_name():
    extraction = read("Rebel leaders said the Juba Peace Agreement had brought them into government.",
                      published=date(2021, 6, 1))
    (agreement,) = extraction.agreements
    assert (agreement.id, agreement.name, agreement.signed, agreement.known) == (
        "sudan-juba-agreement-2020", "Juba Peace Agreement", "2020-10-03", True)
    assert agreement.evidence.text == "Rebel leaders said the Juba Peace Agreement had brought them into government."


def test_by_alias():
    (agreement,) = read("Analysts in Kabul doubted that the Doha deal would survive the summer.",
                        published=date(2020, 6, 1)).agreements
    assert (agreement.id, agreement.name, agreement.parties) == (
        "us-taliban-2020", "US-Taliban agreement", ["United States", "Taliban"])
    assert "Doha deal" in agreement.aliases


def test_by_the_agreement_back_to_the_last_named_one():
    text = ("The Pretoria agreement ended two years of war in Tigray. Officials in Mekelle said the agreement "
            "was holding, and aid groups said the deal had opened the roads.")
    assert clusters(text, date(2023, 1, 10)) == {"Pretoria Agreement": ["Pretoria agreement", "the agreement", "the deal"]}


@pytest.mark.parametrize(("text", "published", "expected"), [
    # by its signing date
    ("The Taliban said on Monday that the agreement signed on February 29 obliges Washington to bring "
     "its troops home.", date(2020, 4, 20), "us-taliban-2020"),
    # only referred to: the truce in force between the parties the article names
    ("Hamas said Israel had broken the truce by flying drones over Gaza. Israel denied violating "
     "the truce, and said it would keep to its terms.", date(2023, 11, 25), "israel-hamas-truce-2023"),
], ids=["signing date", "in force between its parties"])
def test_the_one_agreement_an_article_means(text, published, expected):
    assert [a.id for a in read(text, published=published).agreements] == [expected]


def test_by_place_and_time_of_signing_the_later_of_two_namesakes():
    # Minsk has two agreements; "five months ago" from July 2015 is February 2015: Minsk II
    text = "Shelling went on although a peace agreement was brokered in Minsk five months ago, officials said."
    assert [a.id for a in read(text, published=date(2015, 7, 19)).agreements] == ["minsk-ii-2015"]
    # a week after the first Minsk talks there is only the first
    text = "Prisoners were exchanged on Sunday under the ceasefire agreed in Minsk last week, officials said."
    assert [a.id for a in read(text, published=date(2014, 9, 12)).agreements] == ["minsk-protocol-2014"]


def test_a_signing_month_without_a_year_lies_before_the_article():
    # the time stage reads "December" in a July article as this year's; a signing was last year's
    text = ("Fighters loyal to Riek Machar said the ceasefire in South Sudan was based on a previous "
            "Cessation of Hostilities agreement signed in December.")
    ids = [a.id for a in read(text, published=date(2018, 7, 1)).agreements]
    assert "south-sudan-coh-2017" in ids


def test_a_reference_with_no_name_joins_the_one_the_document_names():
    text = ("Both armies shelled villages despite a ceasefire, residents said. The truce deal was agreed at "
            "talks in Stockholm, where the Hodeidah agreement was signed.")
    assert list(clusters(text, date(2018, 12, 20))) == ["Stockholm Agreement"]


def test_an_agreement_the_knowledge_base_lacks_is_recorded_from_the_text():
    text = ("The army and the Moro Islamic Liberation Front signed a ceasefire agreement in Lanao on Monday, "
            "ending two days of clashes. Officials said the agreement would hold.")
    (agreement,) = read(text, published=date(2030, 5, 8)).agreements
    assert (agreement.id, agreement.name, agreement.kind, agreement.known, agreement.signed) == (
        "text:lanao-ceasefire-agreement", "Lanao ceasefire agreement", "ceasefire", False, "2030-05-06")
    assert "Moro Islamic Liberation Front (MILF)" in agreement.parties
    assert len(agreement.mentions) == 2


def test_a_named_agreement_the_knowledge_base_lacks_keeps_its_name():
    text = ("Nairobi and Mogadishu met to review the Kenya-Somalia border pact. Mogadishu accused Kenya of "
            "breaking the pact.")
    (agreement,) = read(text).agreements
    assert (agreement.name, agreement.known) == ("Kenya-Somalia border pact", False)


def test_sought_refused_or_unrelated_deals_are_not_agreements():
    for text in (
        "The two sides held talks for a peace deal that could end the war.",
        "The rebels rejected repeated calls for a ceasefire by the United Nations.",
        "There was no ceasefire agreed between the government and the insurgents.",
        "The government is trying to sign a power-sharing deal with the opposition.",
        "The ministers also discussed a new trade deal.",
        "Israel approved a natural gas deal with Egypt on Tuesday.",
    ):
        assert read(text, published=date(2021, 1, 1)).agreements == [], text


def test_an_agency_statement_is_speech_not_an_agreement():
    text = "The army's statement said the convoy had been attacked. The NSC's statement said talks would go on."
    assert read(text, published=date(2021, 1, 1)).agreements == []


def test_an_agreement_signed_after_the_article_is_never_the_one_meant():
    text = "Kiir and Machar said the Khartoum agreement would be signed soon."
    ids = [a.id for a in read(text, published=date(2017, 5, 1)).agreements]
    assert "khartoum-declaration-2018" not in ids


@needs_shared(FOUNDING)
def test_founding_agreement_cluster(founding_text, founding_gold):
    expected = set(founding_gold["entities_to_resolve"]["US-Taliban agreement"])
    got = clusters(founding_text)
    assert list(got) == ["US-Taliban agreement"]
    assert set(got["US-Taliban agreement"]) == expected
