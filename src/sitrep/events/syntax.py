"""Reading a trigger's clause from the dependency parse: its verb, its arguments, and
whether they name places or people. Shared by every events component."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from sitrep.events.counts import casualty_lexicon
from sitrep.events.lexicon import lexicon


def clause_verb(token: Token) -> Token:
    """The verb whose clause a trigger word sits in (the word itself when a verb)."""
    current = token
    while current.pos_ not in ("VERB", "AUX"):
        if current.head.i == current.i:
            return token
        current = current.head
    return current


def told_as_recent(token: Token, recent_words: frozenset[str]) -> bool:
    """Whether the trigger's event is told as just past: its verb in the present perfect
    ("the district has fallen", "have been killed") or said to be recent ("recent
    clashes", "recently seized")."""
    verb = clause_verb(token)
    if any(c.lower_ in recent_words for w in {token, verb} for c in w.children if c.dep_ in ("amod", "advmod")):
        return True
    if verb.tag_ != "VBN":
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def has_child(token: Token, deps: set[str], words: frozenset[str] | set[str] | None = None) -> bool:
    return any(c.dep_ in deps and (words is None or c.lower_ in words) for c in token.children)


def is_timing_clause(token: Token, marks: frozenset[str] | set[str] | None = None) -> bool:
    """A clause that only places another event in time: an adverbial clause opened by one
    of the anchor prepositions ("troops attacked hours after the truce began", "calm since
    the mediators brokered a deal"), or by one of ``marks`` where a caller counts fewer."""
    return token.dep_ == "advcl" and has_child(token, {"mark"}, lexicon().filters.anchor_prepositions if marks is None else marks)


def arguments_of(token: Token) -> list[Token]:
    args = []
    for child in token.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "npadvmod"):
            args.append(child)
        elif child.dep_ in ("prep", "agent"):
            args.extend(g for g in child.children if g.dep_ == "pobj")
    if token.dep_ in ("acl", "relcl", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        args.append(token.head)
    return args


def with_partitives(tokens: list[Token]) -> list[Token]:
    """The phrases and, for a partitive or a quantity, what they are of: "three of the
    tankers", "a number of barracks", "groups of troops"."""
    return tokens + [g for t in tokens for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]


def conjoined(tokens: list[Token]) -> list[Token]:
    """The phrases and every phrase coordinated with them: "the palace, the residence and the airport"."""
    found, stack = [], list(tokens)
    while stack:
        token = stack.pop()
        if token not in found:
            found.append(token)
            stack.extend(c for c in token.children if c.dep_ == "conj")
    return found


def argument_words(tokens: list[Token]) -> set[str]:
    words = set()
    for token in tokens:
        words.add(token.lower_)
        words.update(c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "poss"))
    return words


def is_place_like(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC")


def names_a_place(tokens: list[Token], place_spans: list[tuple[int, int]]) -> bool:
    """Whether one of these phrases names a place: a known place, or a proper name that is not a person's."""
    for token in tokens:
        # the whole list: "captured El-Halelay, Qasaalay, Nurfanax, and Buur Gabo"
        parts, stack = [], [token]
        while stack:
            part = stack.pop()
            parts.append(part)
            stack.extend(c for c in part.children if c.dep_ in ("conj", "appos"))
        for part in parts:
            if is_place_like(part) or any(s <= part.idx < e for s, e in place_spans):
                return True
            if part.pos_ == "PROPN" and part.ent_type_ not in ("PERSON", "ORG", "NORP"):
                return True
    return False


@lru_cache(maxsize=1)


def people_words() -> frozenset[str]:
    """Every word the lexicons know for a person or a group of people, but not for a force."""
    words = lexicon().person_object_words | casualty_lexicon().person_words | set(casualty_lexicon().side_by_word)
    return frozenset(words - {"force", "forces", "security", "army"})


def names_people(tokens: list[Token], named_only: bool = False) -> bool:
    """Whether these arguments are people: a pronoun, a named person ("the mayor, Pedro
    Quispe"), or, unless ``named_only``, a word for people ("the mayor", "two militants")."""
    for token in tokens:
        if token.pos_ == "PRON" and token.lower_ not in ("it", "this", "that", "which", "what"):
            return True
        if token.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children):
            return True
        if not named_only and token.lemma_.lower() in people_words():
            return True
    return False
