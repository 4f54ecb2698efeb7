"""Builders of Extraction records for store tests: real models, filled with test values."""

from __future__ import annotations

import hashlib
from datetime import date

from sitrep.models import ActorRef, Document, Evidence, Extraction, Incident, Source, Statement, Target


def document(doc_id: str, text: str, published: date | None = None, site_name: str | None = None) -> Document:
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        site_name=site_name,
        published=published,
        text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence))


def incident(
    text: str,
    sentence: str,
    *,
    id: str = "e1",
    acled_type: str = "Battles",
    sub_type: str = "Armed clash",
    date: str | None = "2020-04-10",
    precision: str | None = "day",
    country: str | None = "AF",
    admin1: str | None = "Badakhshan",
    place: str | None = None,
    killed: int | None = None,
    injured: int | None = None,
    actors: tuple[str, ...] = ("Afghan National Defense and Security Forces", "Taliban"),
    reported_by: str | None = None,
    claim_status: str = "reported",
    latitude: float | None = None,
    longitude: float | None = None,
    geo_precision: str | None = "admin1",
) -> Incident:
    inter = {"Afghan National Defense and Security Forces": 1, "Taliban": 2, "Civilians": 7}
    roles = ("actor1", "actor2")
    return Incident(
        id=id,
        acled_type=acled_type,
        acled_sub_type=sub_type,
        date=date,
        date_precision=precision,
        country=country,
        admin1=admin1,
        place=place,
        latitude=latitude,
        longitude=longitude,
        geo_precision=geo_precision,
        killed=killed,
        injured=injured,
        actors=[
            ActorRef(name=name, role=roles[i] if i < 2 else "associate", inter=inter.get(name))
            for i, name in enumerate(actors)
        ],
        reported_by=Source(name=reported_by) if reported_by else None,
        claim_status=claim_status,
        evidence=evidence(text, sentence),
    )


def statement(
    text: str,
    sentence: str,
    *,
    id: str = "s1",
    speaker: str,
    affiliation: str | None = None,
    kind: str = "statement",
    target: str | None = None,
    date: str | None = None,
    about_incident: str | None = None,
    answers: str | None = None,
) -> Statement:
    return Statement(
        id=id,
        speaker=Source(name=speaker, affiliation=affiliation),
        kind=kind,
        target=Target(name=target) if target else None,
        date=date,
        date_precision="day" if date else None,
        about_incident=about_incident,
        answers=answers,
        evidence=evidence(text, sentence),
    )


def extraction(doc: Document, incidents=(), statements=()) -> Extraction:
    return Extraction(document=doc, incidents=list(incidents), statements=list(statements))


CLASH_A = (
    "Afghan forces and Taliban fighters clashed in Badakhshan on Friday. "
    "At least 27 Taliban were killed and nine wounded, the defence ministry said."
)
CLASH_B = (
    "Heavy fighting broke out between government troops and the Taliban in the Badakhshan province. "
    "Officials said 30 insurgents died in the battle on April 10."
)
CLASH_OTHER_PROVINCE = "Taliban attacked a checkpoint in Kunduz on Friday, killing four soldiers."


def clash_a() -> Extraction:
    doc = document("clash-a", CLASH_A, published=date(2020, 4, 11), site_name="TOLOnews")
    sentence = "At least 27 Taliban were killed and nine wounded, the defence ministry said."
    return extraction(doc, [incident(CLASH_A, sentence, killed=27, injured=9, reported_by="Ministry of Defense")])


def clash_b() -> Extraction:
    doc = document("clash-b", CLASH_B, published=date(2020, 4, 11), site_name="Pajhwok")
    sentence = "Officials said 30 insurgents died in the battle on April 10."
    return extraction(doc, [incident(CLASH_B, sentence, killed=30, actors=("Taliban",), reported_by="Officials")])


def clash_other_province() -> Extraction:
    doc = document("clash-kunduz", CLASH_OTHER_PROVINCE, published=date(2020, 4, 11), site_name="Khaama")
    return extraction(doc, [incident(CLASH_OTHER_PROVINCE, CLASH_OTHER_PROVINCE, admin1="Kunduz", killed=4)])


PROVINCES = ("Badakhshan", "Kunduz", "Balkh", "Herat", "Kandahar", "Helmand", "Nangarhar", "Ghazni", "Faryab", "Logar")


def synthetic_reports(count: int, per_event: int = 3, seed: int = 0) -> list[Extraction]:
    """``count`` articles, ``per_event`` of them on each clash, shuffled; one statement each."""
    import random
    from datetime import timedelta

    extractions = []
    for number in range(count):
        event = number // per_event
        province = PROVINCES[event % len(PROVINCES)]
        day = date(2020, 1, 1) + timedelta(days=event // len(PROVINCES))
        killed = 10 + number % per_event
        sentence = f"Report {number}: security forces and Taliban clashed in {province} on {day}, killing {killed}."
        said = f"A spokesman for the {province} governor confirmed the clash (report {number})."
        text = f"{sentence} {said}"
        doc = document(f"report-{number:05d}", text, published=day + timedelta(days=1), site_name=f"site-{number % 7}")
        extractions.append(extraction(
            doc,
            [incident(text, sentence, admin1=province, date=day.isoformat(), killed=killed)],
            [statement(text, said, speaker=f"{province} governor's spokesman", kind="confirmation",
                       about_incident="e1")],
        ))
    random.Random(seed).shuffle(extractions)
    return extractions


# --- agreements: a made-up truce between two made-up parties, told by two articles -------

TRUCE_TERMS = dict(
    id="test-truce", name="Harbour Truce", aliases=["Harbour ceasefire"], kind="truce",
    parties=["Government of Testland", "Northern Front"], signed="2021-03-01", known=True,
    source="a test fixture",
)


def truce_agreement(text: str, sentence: str, **changes):
    from sitrep.models import Agreement, Commitment

    commitments = [
        Commitment(id="front-prisoners", kind="release", description="release 1,000 Northern Front prisoners",
                   party="Government of Testland", beneficiary="Northern Front", quantity=1000, unit="prisoners",
                   due="2021-04-01", source="a test fixture, article 3"),
        Commitment(id="guns-withdrawn", kind="withdrawal", description="withdraw heavy guns from the harbour",
                   party="Northern Front", source="a test fixture, article 4"),
    ]
    fields = {**TRUCE_TERMS, "commitments": commitments, "evidence": evidence(text, sentence), **changes}
    return Agreement(**fields)


def truce_ref():
    from sitrep.models import AgreementRef

    return AgreementRef(id="test-truce", name="Harbour Truce")


TRUCE_A = (
    "The Northern Front accused the government of breaking the Harbour Truce on Monday. "
    "The government denied violating the truce. "
    "It released 300 Northern Front prisoners on Sunday. "
    "Shelling hit the harbour on Saturday, the Front said."
)
TRUCE_B = (
    "The government said it has freed 700 prisoners so far under the truce. "
    "A further 250 prisoners were released on Sunday, officials said."
)


def truce_a() -> Extraction:
    from sitrep.models import Delivery

    doc = document("truce-a", TRUCE_A, published=date(2021, 3, 16), site_name="Harbour Times")
    accusation = statement(TRUCE_A, "The Northern Front accused the government of breaking the Harbour Truce on Monday.",
                           id="s1", speaker="Northern Front", kind="accusation", target="Government of Testland",
                           date="2021-03-15")
    denial = statement(TRUCE_A, "The government denied violating the truce.", id="s2",
                       speaker="Government of Testland", kind="denial", target="Northern Front")
    release = incident(TRUCE_A, "It released 300 Northern Front prisoners on Sunday.", id="e1",
                       acled_type="Strategic developments", sub_type="Other", date="2021-03-14",
                       actors=("Government of Testland", "Northern Front"), admin1=None, country="TL")
    shelling = incident(TRUCE_A, "Shelling hit the harbour on Saturday, the Front said.", id="e2",
                        acled_type="Explosions/Remote violence", sub_type="Shelling/artillery/missile attack",
                        date="2021-03-13", actors=("Government of Testland",), admin1=None, country="TL",
                        reported_by="Northern Front", claim_status="claimed")
    ref = truce_ref()
    accusation = accusation.model_copy(update={"about_agreement": ref, "stance": "alleges_violation"})
    denial = denial.model_copy(update={"about_agreement": ref, "stance": "denies_violation"})
    release = release.model_copy(update={"under_agreement": ref})
    shelling = shelling.model_copy(update={"violation_of": ref, "alleged_by": Source(name="Northern Front")})
    delivery = Delivery(id="d1", agreement=ref, commitment="front-prisoners", quantity=300, date="2021-03-14",
                        party="Government of Testland", incident="e1", evidence=release.evidence)
    agreement = truce_agreement(TRUCE_A, accusation.evidence.text,
                                mentions=[accusation.evidence, denial.evidence])
    return Extraction(document=doc, incidents=[release, shelling], statements=[accusation, denial],
                      agreements=[agreement], deliveries=[delivery])


def truce_b() -> Extraction:
    from sitrep.models import Delivery

    doc = document("truce-b", TRUCE_B, published=date(2021, 3, 20), site_name="Coast Wire")
    so_far = "The government said it has freed 700 prisoners so far under the truce."
    batch = "A further 250 prisoners were released on Sunday, officials said."
    ref = truce_ref()
    deliveries = [
        Delivery(id="d1", agreement=ref, commitment="front-prisoners", quantity=700, cumulative=True,
                 date="2021-03-20", party="Government of Testland",
                 reported_by=Source(name="Government of Testland"), evidence=evidence(TRUCE_B, so_far)),
        Delivery(id="d2", agreement=ref, commitment="front-prisoners", quantity=250, date="2021-03-14",
                 party="Government of Testland", evidence=evidence(TRUCE_B, batch)),
    ]
    agreement = truce_agreement(TRUCE_B, so_far)
    return Extraction(document=doc, agreements=[agreement], deliveries=deliveries)
