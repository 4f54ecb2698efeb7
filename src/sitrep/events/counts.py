"""Casualty and other counts read from the parse: who was killed, wounded, freed, held.

A count hangs on a word (``killed``, ``wounded``, ``released``...) and counts that
word's patient: the subject of a passive or intransitive ("27 Taliban have been
killed"), or the object of an active verb ("killed two Taliban members"). Each count
keeps the side of the people counted (state forces, non-state fighters, civilians), so
that figures for different sides of one incident add up and repeated figures for one
side do not.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from sitrep.config import DATA_DIR
from sitrep.events.numbers import Quantity, parse_quantity
from sitrep.models import ActorMention
from sitrep.text.spans import overlapping

LEADING_DIGITS = re.compile(r"^\d+")
PERSON_WORDS = {"chief", "commander", "governor", "spokesman", "official", "officer", "leader", "head", "member",
                "soldier", "policeman", "civilian", "man", "woman", "child", "boy", "girl", "journalist", "victim"}


@dataclass(frozen=True)
class CasualtyLexicon:
    field_by_lemma: dict[str, str]
    suffer_verbs: frozenset[str]
    side_by_word: dict[str, str]


@dataclass(frozen=True)
class Count:
    field: str  # killed, injured, killed_or_injured, released, detained, abducted
    value: int | None
    side: str | None  # state, nonstate, civilian
    token_i: int  # the word the count hangs on
    text: str  # the counted phrase
    bound: str | None = None
    vague: str | None = None


@lru_cache(maxsize=1)
def casualty_lexicon() -> CasualtyLexicon:
    data = tomllib.loads((DATA_DIR / "events" / "casualties.toml").read_text(encoding="utf-8"))
    field_by_lemma = {lemma: field for field, lemmas in data["fields"].items() for lemma in lemmas}
    side_by_word = {word: side for side, words in data["sides"].items() for word in words}
    return CasualtyLexicon(field_by_lemma, frozenset(data["suffer"]["verbs"]), side_by_word)


def count_field(token: Token) -> str | None:
    lex = casualty_lexicon()
    field = lex.field_by_lemma.get(token.lemma_.lower()) or lex.field_by_lemma.get(token.lower_)
    if field in ("killed",) and token.lemma_.lower() in ("shoot", "gun"):
        # "shot dead" and "gunned down" kill; "shot" alone may only wound
        nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
        return "killed" if nxt in ("dead", "down") else "injured"
    return field


def quantity_of(head: Token) -> Quantity | None:
    """The number a noun phrase counts: "27 Taliban", "nine others", "15", "at least 25 members"."""
    if head.like_num or head.pos_ == "NUM":
        phrase = " ".join(t.text for t in head.subtree if t.i <= head.i)
        return parse_quantity(phrase) or parse_quantity(head.text)
    # "Two security force members": the number may hang on a compound modifier
    modifiers = list(head.children)
    modifiers += [g for c in head.children if c.dep_ == "compound" for g in c.children]
    for child in modifiers:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ in ("compound", "amod") and (child.like_num or LEADING_DIGITS.match(child.text))):
            phrase = " ".join(t.text for t in child.subtree if not t.is_space)
            quantity = parse_quantity(phrase) or parse_quantity(child.text)
            if quantity is not None:
                return quantity
        if child.dep_ == "det" and child.lower_ in ("no",):
            return Quantity(value=0)
    if LEADING_DIGITS.match(head.text):
        return parse_quantity(head.text)
    if head.lower_ in ("nobody", "none") or (head.lower_ == "one" and any(c.lower_ == "no" for c in head.children)):
        return Quantity(value=0)
    return None


def side_of(head: Token, actors: list[ActorMention]) -> str | None:
    start = min(t.idx for t in head.subtree)
    end = max(t.idx + len(t) for t in head.subtree)
    for mention in overlapping(actors, start, end):
        inter = mention.actor.inter
        if inter in (1, 8):
            return "state"
        if inter in (2, 3, 4):
            return "nonstate"
        if inter in (5, 6, 7):
            return "civilian"
    words = [head] + [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
    words += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    lex = casualty_lexicon()
    for word in words:
        side = lex.side_by_word.get(word.lemma_.lower()) or lex.side_by_word.get(word.lower_)
        if side:
            return side
    return None


def is_person_phrase(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in PERSON_WORDS


def phrase_total(head: Token, actors: list[ActorMention]) -> tuple[Quantity | None, str | None]:
    """Sum a conjunction of counted phrases: "Abdul Zahir, ..., and two other policemen" = 3."""
    parts = [head] + [c for c in head.children if c.dep_ == "conj"]
    total, known, bound, vague, side = 0, False, None, None, None
    for part in parts:
        quantity = quantity_of(part)
        part_side = side_of(part, actors)
        if part_side is None and part.ent_type_ == "PERSON":
            appositions = [c for c in part.children if c.dep_ == "appos"]
            part_side = side_of(appositions[0], actors) if appositions else None
        side = side or part_side
        if quantity is not None and quantity.value is not None:
            total += quantity.value
            known = True
            bound = bound or quantity.bound
        elif quantity is not None:
            vague = quantity.vague
        elif part.tag_ in ("NN", "NNP") and is_person_phrase(part):
            total += 1  # one named or singular person: "the police chief ... was killed"
            known = True
    if known:
        return Quantity(value=total, bound=bound), side
    if vague:
        return Quantity(value=None, vague=vague), side
    return None, side


def patient_of(token: Token) -> Token | None:
    """What a casualty word counts: passive/intransitive subject, else the object."""
    children = list(token.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    for child in children:
        if child.dep_ == "nsubjpass":
            return child
    if token.pos_ == "VERB" and not passive:
        for child in children:
            if child.dep_ in ("dobj", "obj"):
                return child
    for child in children:
        if child.dep_ == "nsubj" and (token.lemma_.lower() in ("die", "perish") or token.pos_ in ("ADJ",) or token.tag_ == "VBN"):
            return child
    if token.pos_ == "NOUN":
        for child in children:
            if child.dep_ == "nummod":
                return token
    if token.pos_ == "ADJ" and token.dep_ in ("amod", "oprd") and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return token.head
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return token.head  # "and five wounded", "people killed in the attack"
    if token.dep_ == "acomp":  # "five militants are wounded"
        return next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def suffered_field(token: Token) -> str | None:
    """ "34 others sustained injuries": the object says what was suffered."""
    if token.lemma_.lower() not in casualty_lexicon().suffer_verbs:
        return None
    for child in token.children:
        if child.dep_ in ("dobj", "obj"):
            return count_field(child)
    return None


def sentence_counts(sentence: Span, actors: list[ActorMention]) -> list[Count]:
    """Every count in a sentence, with sides filled in from sibling counts where unsaid."""
    counts: list[Count] = []
    consumed: set[int] = set()
    for token in sentence:
        if token.i in consumed:
            continue
        field = count_field(token) if token.pos_ in ("VERB", "ADJ", "NOUN") else None
        if token.pos_ == "VERB" and field is None:
            field = suffered_field(token)
            if field:
                patient = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if patient is not None:
                    quantity, side = phrase_total(patient, actors)
                    if quantity is not None:
                        counts.append(Count(field, quantity.value, side, token.i, patient.text, quantity.bound, quantity.vague))
                continue
        if field is None:
            continue
        patient = patient_of(token)
        partner = killed_and_wounded_partner(token)
        if partner is not None:
            consumed.add(partner.i)
            patient = patient or patient_of(partner)
            field = "killed_or_injured"
        if patient is None:
            continue
        quantity, side = phrase_total(patient, actors)
        if quantity is None:
            continue
        counts.append(Count(field, quantity.value, side, token.i, " ".join(t.text for t in patient.subtree), quantity.bound, quantity.vague))
    return fill_sides(counts, sentence)


def killed_and_wounded_partner(token: Token) -> Token | None:
    """ "killed and wounded six civilians": one combined figure, neither killed nor wounded."""
    field = count_field(token)
    if field not in ("killed", "injured"):
        return None
    for child in token.children:
        if child.dep_ == "conj" and count_field(child) in ("killed", "injured") and count_field(child) != field:
            own_patient = patient_of(child)
            if own_patient is None or patient_of(token) is None:
                return child
    return None


def fill_sides(counts: list[Count], sentence: Span) -> list[Count]:
    """ "27 Taliban killed and nine others wounded": the others are Taliban too."""
    filled = []
    for count in counts:
        if count.side is None:
            token = sentence.doc[count.token_i]
            related = {token.head.i} | {c.i for c in token.children} | {s.i for s in token.head.children}
            donors = [c for c in counts if c.side and (c.token_i in related or sentence.doc[c.token_i].head.i == token.i)]
            if donors:
                count = Count(**{**count.__dict__, "side": donors[0].side})
        filled.append(count)
    return filled
