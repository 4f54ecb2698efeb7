"""Deliveries on commitments: prisoners released, forces withdrawn, weapons handed over.

A delivery is read where a delivery verb or noun ("released", "handed over", "the
release of") has a counted object of the right kind ("200 Taliban prisoners", "28
captured servicemen"); who delivered is its subject or "by" agent, whose people they are
comes from the object's modifiers. It counts toward an agreement the sentence names
("under the prisoner swap agreement") or, failing that, toward a commitment of an
agreement the document refers to that the deliverer, the released group or the unit
fits (the government releasing Taliban prisoners: the US-Taliban agreement's 5,000). A
figure given as reached so far ("has freed over 4,000", "approximately 20 have been
returned", "a total of") is a running total; one with a time of its own is one batch.
What is only promised, refused or conditional ("would not be released") is no delivery.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sitrep import time
from sitrep.actors import load_kb
from sitrep.agreements.kb import Lexicon, bounds, fold, load_lexicon
from sitrep.agreements.links import Story, ref
from sitrep.agreements.resolve import sentence_evidence
from sitrep.agreements.stance import adjunct_at, clause_verb, negated, path_up
from sitrep.events.numbers import parse_quantity
from sitrep.models import Actor, Agreement, AnnotatedDocument, Commitment, Delivery, Incident, Source, Statement
from sitrep.text.spans import overlapping

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Particles some delivery verbs need: "hand over", "set free", "pull out", "let go".
PARTICLES = {"hand": ("over", "in", "back"), "set": ("free",), "let": ("go",), "pull": ("out", "back"), "draw": ("down",)}
IRREALIS = frozenset({"would", "will", "could", "should", "may", "might", "must", "shall", "wo", "'ll"})
STATE_PREFIXES = ("country:", "government:", "military:", "police:")


@dataclass(frozen=True)
class Reported:
    """One delivery read in a sentence."""

    word: int  # token index of the delivery verb or noun
    kind: str  # release | withdrawal | handover
    quantity: int | None
    bound: str | None
    unit: str  # lemma of the counted noun
    deliverers: tuple[Actor, ...]
    group: tuple[Actor, ...]
    sentence: tuple[int, int]
    cumulative: bool
    date: str | None
    nominal: bool = False  # "the release of ..." rather than a verb


def kind_of(token: Token, lex: Lexicon) -> str | None:
    lemma = token.lemma_.lower()
    needs = PARTICLES.get(lemma)
    if needs and not any(c.dep_ in ("prt", "advmod", "acomp", "dobj") and c.lower_ in needs for c in token.children):
        return None
    for kind, verbs in lex.delivery_verbs.items():
        if lemma in verbs:
            return kind
    return None


def counted(token: Token, kind: str, lex: Lexicon) -> list[Token]:
    """The counted nouns a delivery word acts on: its object, passive subject, the noun a
    participle modifies ("forces freed by the Taliban") or its "of" complement ("the release of")."""
    units = lex.delivery_units[kind]
    found = []
    if token.pos_ in ("NOUN", "PROPN"):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                found += [c for c in child.children if c.dep_ == "pobj"]
    else:
        found += [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
            found.append(token.head)
    found += [c for f in list(found) for c in f.conjuncts]
    return [f for f in found if f.lemma_.lower() in units or f.lower_ in units]


def figure(unit: Token):
    """The quantity counting a noun: "over 4,000 Taliban prisoners", "approximately 20 captives"."""
    for child in unit.children:
        if child.dep_ == "nummod":
            words = sorted(child.subtree, key=lambda t: t.i)
            quantity = parse_quantity(" ".join(t.text for t in words))
            if quantity is not None and quantity.value is not None:
                return quantity
    if unit.dep_ == "pobj" and unit.head.lower_ == "of" and unit.head.head.pos_ == "NUM":
        return parse_quantity(unit.head.head.text)  # "164 members of Hizb-e-Islami"
    return None


def actors_of(adoc: AnnotatedDocument, token: Token | None) -> tuple[Actor, ...]:
    if token is None:
        return ()
    left, right = token.left_edge, token.right_edge
    found = overlapping(adoc.actors, left.idx, right.idx + len(right.text))
    return tuple({m.actor.id: m.actor for m in found if not m.actor.is_person}.values())


def deliverer_of(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            return child
    if token.dep_ in ("xcomp", "conj") and token.head.pos_ in ("VERB", "AUX"):
        return deliverer_of(token.head)
    return None


def group_of(adoc: AnnotatedDocument, unit: Token) -> tuple[Actor, ...]:
    """Whose people: "Taliban prisoners", "Afghan security forces", "members of Hizb-e-Islami"."""
    tokens = [t for t in unit.subtree if t.i <= unit.i or (t.head.i == unit.i and t.lower_ == "of") or t.head.lower_ == "of"]
    if unit.dep_ == "pobj" and unit.head.lower_ == "of" and unit.head.head.lower_ in ("member", "members"):
        tokens += list(unit.subtree)
    if not tokens:
        return ()
    start, end = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
    return tuple({m.actor.id: m.actor for m in overlapping(adoc.actors, start, end) if not m.actor.is_person}.values())


def is_irrealis(token: Token, lex: Lexicon) -> bool:
    """Promised, refused or conditional: "would not be released", "is expected to release 33"."""
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in lex.promises:
        return True
    verb = clause_verb(token)
    for t in {token, verb}:
        if negated(t) or any(c.dep_ in ("aux", "auxpass") and c.lower_ in IRREALIS for c in t.children):
            return True
    return False


def running_total(token: Token, sentence_text: str, told: str | None, lex: Lexicon) -> bool:
    """A figure given as reached so far: a cumulative phrase, or a perfect with no time of its own."""
    lowered = f" {sentence_text.lower()} "
    if any(f" {phrase} " in lowered for phrase in lex.cumulative):
        return True
    verb = clause_verb(token)
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children)
    return perfect and told is None


def read_deliveries(adoc: AnnotatedDocument) -> list[Reported]:
    lex = load_lexicon()
    text = adoc.document.text
    out = []
    for token in adoc.doc:
        kind = kind_of(token, lex)
        if kind is None or is_irrealis(token, lex):
            continue
        for unit in counted(token, kind, lex):
            quantity = figure(unit)
            sentence = token.sent
            governing = time.governing_time(adoc, token.i)
            told = governing.value if governing is not None else None
            out.append(Reported(
                word=token.i, kind=kind, quantity=quantity.value if quantity else None,
                bound=quantity.bound if quantity else None, unit=unit.lemma_.lower(),
                deliverers=actors_of(adoc, deliverer_of(token)), group=group_of(adoc, unit),
                sentence=(sentence.start_char, sentence.end_char),
                cumulative=running_total(token, text[sentence.start_char:sentence.end_char], told, lex), date=told,
                nominal=token.pos_ in ("NOUN", "PROPN"),
            ))
    return out


# --- which commitment a delivery counts toward -------------------------------------------------


def named_actor(name: str | None) -> Actor | None:
    if not name:
        return None
    kb = load_kb()
    return kb.lookup(name) or kb.from_acled(name)


def same_side(actor: Actor, name: str | None) -> bool:
    other = named_actor(name)
    if other is None:
        return fold(actor.name) == fold(name)
    if actor.id == other.id:
        return True
    return bool(actor.country and actor.country == other.country
                and actor.id.startswith(STATE_PREFIXES) and other.id.startswith(STATE_PREFIXES))


def commitment_fit(commitment: Commitment, reported: Reported) -> int:
    if commitment.kind != reported.kind:
        return -99
    points = 0
    if any(same_side(a, commitment.party) for a in reported.deliverers):
        points += 2
    if any(same_side(a, commitment.beneficiary) for a in reported.group):
        points += 2
    if any(same_side(a, commitment.beneficiary) for a in reported.deliverers):
        points -= 3
    if any(same_side(a, commitment.party) for a in reported.group):
        points -= 3
    if commitment.unit and fold(commitment.unit).startswith(reported.unit[:5]):
        points += 1
    return points


def best_commitment(agreement: Agreement, reported: Reported) -> tuple[int, Commitment | None]:
    scored = sorted(((commitment_fit(c, reported), c) for c in agreement.commitments), key=lambda p: -p[0])
    if not scored or scored[0][0] < 0:
        return -99, None
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return scored[0][0], None  # two commitments fit as well: count it toward neither
    return scored[0]


def in_force(agreement: Agreement, day: date | None) -> bool:
    signed = bounds(agreement.signed)
    return day is None or signed is None or day >= signed[0]


def named_under(story: Story, reported: Reported, lex: Lexicon) -> Agreement | None:
    """ "handed over 28 servicemen under the prisoner swap agreement": the adjunct names it."""
    doc = story.adoc.doc
    for mention, agreement in story.mentions_in(*reported.sentence):
        head = doc[mention.head]
        for token in path_up(head, None):
            if (token.pos_ in ("ADP", "SCONJ") or token.dep_ == "prep") and adjunct_at(token, lex) \
                    and clause_verb(token).i == clause_verb(doc[reported.word]).i:
                return agreement
    return None


def attribute(story: Story, reported: Reported, lex: Lexicon) -> tuple[Agreement, Commitment | None] | None:
    named = named_under(story, reported, lex)
    day = bounds(reported.date)[0] if reported.date and bounds(reported.date) else story.adoc.document.published
    if named is not None:
        return named, best_commitment(named, reported)[1]
    choices = []
    for agreement in story.reading.agreements:
        if not agreement.commitments or not in_force(agreement, day):
            continue
        points, commitment = best_commitment(agreement, reported)
        if commitment is not None and points >= 2:
            choices.append((points, agreement, commitment))
    choices.sort(key=lambda c: -c[0])
    if not choices or (len(choices) > 1 and choices[0][0] == choices[1][0]):
        return None
    return choices[0][1], choices[0][2]


def reporter_of(reported: Reported, statements: list[Statement], incident: Incident | None) -> Source | None:
    start, end = reported.sentence
    for statement in statements:
        if statement.evidence.start <= start < statement.evidence.end or start <= statement.evidence.start < end:
            return Source(name=statement.speaker.name, affiliation=statement.speaker.affiliation)
    return incident.reported_by if incident is not None else None


def find_deliveries(
    story: Story, statements: list[Statement], incidents: list[Incident]
) -> tuple[list[Delivery], dict[str, Agreement]]:
    """The document's deliveries, and the agreement each release incident was made under."""
    lex = load_lexicon()
    adoc = story.adoc
    deliveries: list[Delivery] = []
    under: dict[str, Agreement] = {}
    seen: set[tuple] = set()
    readings = read_deliveries(adoc)
    counted_in = {r.sentence for r in readings if r.quantity is not None}
    for reported in readings:
        if reported.quantity is None and (reported.cumulative or reported.sentence in counted_in or reported.nominal):
            continue  # "has released 'unknown prisoners'" beside "released 200": no second figure
        found = attribute(story, reported, lex)
        if found is None:
            continue
        agreement, commitment = found
        start, end = reported.sentence
        incident = next((i for i in incidents if start <= i.evidence.start < end and (
            i.released or i.detained or i.acled_type == "Strategic developments")), None)
        quantity = reported.quantity
        if quantity is None and incident is not None:
            quantity = incident.released
        # a figure with no time of its own and no event behind it is a total as of the article
        cumulative = reported.cumulative or (reported.date is None and incident is None and quantity is not None)
        key = (agreement.id, commitment.id if commitment else None, quantity, cumulative)
        if key in seen:
            continue  # the same figure told twice in one article
        seen.add(key)
        if incident is not None and not cumulative:
            under.setdefault(incident.id, agreement)
        statement = next((s for s in statements if s.evidence.start <= start < s.evidence.end), None)
        deliverer = reported.deliverers[0].name if reported.deliverers else (commitment.party if commitment else None)
        published = adoc.document.published.isoformat() if adoc.document.published else None
        as_of = (statement.date if statement is not None else None) or published
        when = as_of if cumulative else reported.date or (incident.date if incident is not None else None)
        deliveries.append(Delivery(
            id=f"d{len(deliveries) + 1}", agreement=ref(agreement), commitment=commitment.id if commitment else None,
            quantity=quantity, bound=reported.bound, cumulative=cumulative,
            date=when,
            party=deliverer, reported_by=reporter_of(reported, statements, incident),
            incident=incident.id if incident is not None else None, statement=statement.id if statement else None,
            evidence=sentence_evidence(adoc, reported.sentence),
        ))
    return deliveries, under
