"""Agreement mentions: noun phrases that name or refer to an agreement, read from the parse.

A mention is a noun phrase headed by an agreement noun ("deal", "truce", "accord"; or
"statement", "declaration" and the like when a word such as "trilateral" or a proper
name qualifies them). What identifies it comes from the phrase and the clause around it:
its proper-name words ("the Juba Peace Agreement", "the US-Taliban deal"), the parties
("between X and Y", "with X", "signed by X", the subject of "X and Y signed a truce"),
the place and the date of the predicate that made it ("signed in Pretoria in early
November", "brokered in Minsk five months ago", "the trilateral statement of November
9"), a year ("the 2016 peace accord"). A phrase with none of these ("the agreement",
"the truce") is a reference back, resolved in ``resolve``. An indefinite agreement that
is only sought, proposed or discussed ("talks for a peace deal", "no ceasefire was
agreed") is marked ``prospective``: it does not exist yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sitrep import time
from sitrep.actors import load_kb
from sitrep.agreements.kb import Lexicon, bounds, fold, load_agreements, load_lexicon
from sitrep.models import Actor, AnnotatedDocument
from sitrep.text.spans import overlapping

if TYPE_CHECKING:
    from spacy.tokens import Token

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
INDEFINITE = frozenset({"a", "an", "another"})
NAME_GLUE = frozenset({"of", "on", "for", "the", "and", "-", "–", "/", "&"})
YEAR = re.compile(r"^(19|20)\d\d$")
EXPLICIT_YEAR = re.compile(r"\b(19|20)\d\d\b")
#: How far up the parse a mention's governing predicate is looked for.
MAX_CLIMB = 6
#: Dependents that open a clause of their own: a time inside one is not the signing's.
CLAUSES = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "csubj", "acl"})


@dataclass
class Mention:
    start: int
    end: int
    text: str
    head: int  # token index of the agreement noun
    sentence: tuple[int, int]  # character span of its sentence
    definite: bool = False
    indefinite: bool = False
    name: str | None = None  # the proper-name part with its head: "Juba Peace Agreement", "US-Taliban agreement"
    phrases: tuple[str, ...] = ()  # spans of the phrase to look up as aliases, longest first
    kind: str | None = None
    parties: tuple[Actor, ...] = ()
    persons: tuple[str, ...] = ()  # people named as signing it
    mediators: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # folded place words: "minsk", "pretoria", "hodeidah"
    place_names: tuple[str, ...] = ()  # places as the text writes them, from the places stage
    dates: tuple[str, ...] = ()  # when it was signed or took effect (ISO)
    year: int | None = None
    prospective: bool = False
    contrast: str | None = None  # "later" ("the new agreement") or "earlier" ("a previous one")

    @property
    def identified(self) -> bool:
        """Whether the phrase says which agreement it is, rather than only referring back."""
        return bool(self.name or self.parties or self.persons or self.places or self.dates or self.year)


@dataclass
class Context:
    adoc: AnnotatedDocument
    lex: Lexicon
    published: date | None
    times: list = field(default_factory=list)


def word(token: Token) -> str:
    return token.lower_


def head_word(token: Token, lex: Lexicon) -> str | None:
    """The agreement noun ``token`` is, if it is one and heads its own phrase."""
    if token.pos_ in ("VERB", "AUX", "ADP", "PRON"):
        return None
    for candidate in (token.lower_, token.lemma_.lower()):
        if lex.is_head(candidate):
            return candidate
    return None


def qualifies(token: Token, head: str, lex: Lexicon) -> bool:
    """A qualified head ("statement") with a qualifier or a proper name, or an unqualified one."""
    if head in lex.heads:
        return True
    qualifiers = lex.qualified_heads[head]
    if any(c.dep_ == "poss" or any(g.dep_ == "case" for g in c.children) for c in token.children):
        return False  # "the NSC's statement": someone's words, not an agreement
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in qualifiers:
            return True
        if child.i == token.i - 1 and child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN" and not is_actor(child):
            return True  # "the Minsk Protocol", "the Khartoum Declaration"; not "the army statement"
        if child.dep_ == "prep" and child.lower_ in ("of", "on"):
            if any(w.lower_ in qualifiers or w.lower_ in lex.heads for w in child.subtree):
                return True
    return token.pos_ == "PROPN" and token.text[:1].isupper() and any(
        c.dep_ in ("compound", "nmod") and c.text[:1].isupper() for c in token.children)


def is_actor(token: Token) -> bool:
    """Whether the actors KB knows the word as an actor (a place such as Minsk it does not)."""
    return load_kb().lookup(token.text) is not None and load_kb().country_code(token.text) is None


def unrelated(tokens: list[Token], lex: Lexicon) -> bool:
    return any(t.lower_ in lex.unrelated for t in tokens[:-1])


def inner_head(token: Token, lex: Lexicon) -> bool:
    """ "truce" in "the truce deal": a modifier of an outer agreement noun, not a phrase of its own."""
    return token.dep_ in ("compound", "amod", "nmod") and head_word(token.head, lex) is not None


def left_tokens(token: Token) -> list[Token]:
    doc = token.doc
    return [doc[i] for i in range(token.left_edge.i, token.i + 1)]


def mediators_in(tokens: list[Token], lex: Lexicon) -> set[int]:
    """Indices of "Qatar" in "the Qatar-brokered deal": a mediator's name before "-brokered"."""
    found: set[int] = set()
    for t in tokens:
        if t.lower_ in lex.mediation_participles and t.i >= 2 and t.doc[t.i - 1].text in ("-", "–"):
            j = t.i - 2
            while j >= tokens[0].i and (t.doc[j].text[:1].isupper() or t.doc[j].text in ("-", "–")):
                found.add(j)
                j -= 1
    return found


def name_run(tokens: list[Token], head: Token, skip: set[int]) -> list[Token]:
    """The proper-name words right before the head (with glue such as "of"), and the head."""
    run: list[Token] = []
    for t in reversed(tokens[:-1]):
        if t.i in skip or t.dep_ in ("det", "poss") and t.lower_ in DEFINITE | INDEFINITE | {"its", "their"}:
            break
        named = t.text[:1].isupper() or YEAR.match(t.text) or t.text.isupper()
        if named or (t.lower_ in NAME_GLUE and run):
            run.insert(0, t)
        elif t.pos_ in ("NOUN", "ADJ") and not run:
            run.insert(0, t)  # "peace" in "Juba peace agreement": kept only if a name precedes
        elif t.pos_ in ("NOUN", "ADJ") and all(not (r.text[:1].isupper() or YEAR.match(r.text)) for r in run):
            run.insert(0, t)
        else:
            break
    while run and not (run[0].text[:1].isupper() or YEAR.match(run[0].text)):
        run.pop(0)
    while run and run[0].lower_ in NAME_GLUE:
        run.pop(0)
    if not run:
        return []
    return run + [head]


def span_text(adoc: AnnotatedDocument, tokens: list[Token]) -> str:
    return adoc.document.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def alias_phrases(adoc: AnnotatedDocument, tokens: list[Token], head: Token) -> tuple[str, ...]:
    """Every span of the phrase ending at its head, and the head with its "of"/"on" complement."""
    out = [span_text(adoc, tokens[i:]) for i in range(len(tokens)) if tokens[i].dep_ != "det"]
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "for", "to"):
            right = list(child.subtree)
            if len(right) <= 10:
                out.append(span_text(adoc, [t for t in tokens if t.dep_ != "det"] + right))
    return tuple(dict.fromkeys(sorted(out, key=len, reverse=True)))


def kind_of(words: set[str], head: str, lex: Lexicon) -> str:
    for kind, cues in lex.kinds:
        if words & cues:
            return kind
    return lex.heads.get(head, "other")


def party_actors(adoc: AnnotatedDocument, run: list[Token], skip: set[int]) -> list[Actor]:
    """ "US-Taliban", "Israel-Hamas": every part of a dashed name that the actors KB knows."""
    kb = load_kb()
    named = list(run[:-1])
    while named and not named[-1].text[:1].isupper():
        named.pop()  # "peace" in "US-Taliban peace deal"
    parts, current = [], []
    for t in named:
        if t.text in ("-", "–", "/") or t.i in skip:
            if current:
                parts.append(current)
            current = []
        else:
            current.append(t)
    if current:
        parts.append(current)
    if len(parts) < 2:
        return []
    found = []
    for part in parts:
        text = span_text(adoc, part)
        actor = kb.lookup(text.strip(".") if text.count(".") == 1 else text)
        if actor is None or actor.is_person:
            return []
        found.append(actor)
    return found if len({a.id for a in found}) >= 2 else []


def actors_in(adoc: AnnotatedDocument, start: int, end: int, skip_chars: set[int]) -> tuple[list[Actor], list[str]]:
    actors, persons = [], []
    for mention in overlapping(adoc.actors, start, end):
        if mention.start in skip_chars or mention.actor.id.startswith("org:"):
            continue  # a mediator; or a body named only here, often the agreement's own name
        if mention.actor.is_person:
            persons.append(mention.actor.name)
        else:
            actors.append(mention.actor)
    return actors, persons


def subtree_span(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def predicate_of(head: Token, lex: Lexicon) -> tuple[Token | None, str | None]:
    """The predicate that made the agreement or put it in force, and its role for the phrase.

    "the deal signed in Pretoria" (participle), "a peace agreement was brokered in Minsk"
    (passive subject), "the parties signed a truce" (object), "the signing of the agreement
    on 3 October" (nominal), "the ceasefire took effect" (entry into force).
    """
    for child in head.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in lex.signing_verbs | lex.effect_verbs:
            return child, "participle"
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if after is not None and after.tag_ in ("VBN", "VBD") and after.lemma_.lower() in lex.signing_verbs \
            and head not in after.subtree:
        return after, "participle"  # "under the ceasefire agreed in Minsk": parsed as a clause of its own
    governor = head.head
    if head.dep_ in ("nsubjpass", "dobj", "nsubj", "attr") and governor.lemma_.lower() in lex.signing_verbs:
        return governor, "object" if head.dep_ in ("dobj", "attr") else "passive"
    if head.dep_ == "nsubj" and governor.lemma_.lower() in lex.effect_verbs:
        return governor, "effect"
    if head.dep_ == "pobj" and governor.lower_ == "of" and governor.head.lower_ in lex.signing_nouns:
        return governor.head, "nominal"
    return None, None


def signing_time(ctx: Context, predicate: Token, head: Token, role: str) -> list[str]:
    """When the predicate happened: the time governing its clause (the time stage decides), or
    for "the signing of X on 3 October", a time inside the signing phrase."""
    own = (head.left_edge.idx, head.idx + len(head.text))
    lo, hi = subtree_span(predicate)
    nested = [subtree_span(c) for c in predicate.children if c.dep_ in CLAUSES and c.i != head.i]
    inside = [t for t in overlapping(ctx.adoc.times, lo, hi)
              if not own[0] <= t.start < own[1] and not any(a <= t.start < b for a, b in nested)]
    if not inside and role != "nominal":
        governing = time.governing_time(ctx.adoc, predicate.i)
        inside = [governing] if governing is not None else []
    return [correct_year(t.value, t.text, ctx.published) for t in inside if t.value]


def correct_year(value: str, text: str, published: date | None) -> str:
    """A signing told without its year ("signed in December", "of November 9") lies before the
    article: when the time stage put it after the publication date, it is the year before."""
    span = bounds(value)
    if published is None or span is None or EXPLICIT_YEAR.search(text) or span[0] <= published:
        return value
    parts = value.split("/")
    return "/".join(f"{int(p[:4]) - 1:04d}{p[4:]}" for p in parts)


def places_in(ctx: Context, tokens: list[Token]) -> list[str]:
    """Folded place names and proper words of a span, for the knowledge base's place index."""
    if not tokens:
        return []
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    found = [fold(p.text) for p in overlapping(ctx.adoc.places, start, end)]
    found += [fold(t.text) for t in tokens if t.pos_ == "PROPN" or (t.text[:1].isupper() and not t.is_stop)]
    return found


def place_names_in(ctx: Context, start: int, end: int) -> list[str]:
    return [p.text for p in overlapping(ctx.adoc.places, start, end) if p.place.level != "country"]


def located(ctx: Context, token: Token) -> list[str]:
    """Places in the "in"/"at" phrases a token governs ("signed in Khartoum", "at talks in Sweden")."""
    found: list[str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at"):
            found += places_in(ctx, list(child.subtree))
    return found


def governing_verb(head: Token) -> Token | None:
    current = head
    for _ in range(MAX_CLIMB):
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def is_prospective(head: Token, determiner: str | None, lex: Lexicon) -> bool:
    """Only sought, proposed or denied: "talks for a deal", "try to sign a deal", "no ceasefire"."""
    if determiner in lex.prospective_determiners:
        return True
    if head.dep_ == "compound" and head.head.lower_ in lex.prospective_nouns:
        return True  # "ceasefire talks"
    if determiner not in INDEFINITE and determiner is not None:
        return False
    current = head
    for _ in range(MAX_CLIMB):
        parent = current.head
        if parent.i == current.i:
            break
        if parent.pos_ in ("NOUN", "PROPN") and parent.lower_ in lex.prospective_nouns:
            return True
        if parent.pos_ in ("VERB", "AUX"):
            if parent.lemma_.lower() in lex.prospective_verbs:
                return True
            if any(c.dep_ == "aux" and c.lower_ in lex.prospective_modals for c in parent.children):
                return True
            if parent.dep_ == "xcomp" and parent.head.lemma_.lower() in lex.prospective_verbs:
                return True
            if parent.dep_ in ("advcl",) and any(c.lower_ in ("until", "unless", "if") for c in parent.children):
                return True
            if parent.dep_ not in ("xcomp", "pcomp", "acl"):
                break
        current = parent
    return False


def find_mentions(adoc: AnnotatedDocument) -> list[Mention]:
    """Every agreement noun phrase of the document, in text order."""
    lex = load_lexicon()
    ctx = Context(adoc, lex, adoc.document.published)
    text = adoc.document.text
    mentions: list[Mention] = []
    for token in adoc.doc:
        head = head_word(token, lex)
        if head is None or inner_head(token, lex) or not qualifies(token, head, lex):
            continue
        tokens = left_tokens(token)
        if unrelated(tokens, lex) and not any(load_agreements().by_alias(span_text(adoc, tokens[i:]))
                                               for i in range(len(tokens))):
            continue
        determiner = next((c.lower_ for c in token.children if c.dep_ in ("det", "poss")), None)
        skip = mediators_in(tokens, lex)
        run = name_run(tokens, token, skip)
        sentence = token.sent
        start = run[0].idx if run else tokens[0].idx  # a name without its "the"; a description with it
        end = token.idx + len(token.text)
        words = {t.lower_ for t in tokens} | {t.lower_ for c in token.rights if c.dep_ == "prep" for t in c.subtree}
        mention = Mention(
            start=start, end=end, text=text[start:end], head=token.i,
            sentence=(sentence.start_char, sentence.end_char),
            definite=determiner in DEFINITE or any(c.dep_ == "poss" for c in token.children),
            indefinite=determiner in INDEFINITE,
            name=span_text(adoc, run) if run else None,
            phrases=alias_phrases(adoc, tokens, token),
            kind=kind_of(words, head, lex),
            mediators=tuple(text[adoc.doc[i].idx : adoc.doc[i].idx + len(adoc.doc[i].text)] for i in sorted(skip)
                            if adoc.doc[i].text[:1].isalpha()),
            prospective=is_prospective(token, determiner, lex),
            contrast=next(("later" if c.lower_ in lex.later else "earlier" for c in token.children
                           if c.dep_ == "amod" and c.lower_ in lex.later | lex.earlier), None),
        )
        describe(ctx, mention, token, tokens, run, skip)
        mentions.append(mention)
    return mentions


def describe(ctx: Context, mention: Mention, head: Token, tokens: list[Token], run: list[Token], skip: set[int]) -> None:
    """Fill what identifies the mention: parties, people, places, dates, year."""
    adoc, lex = ctx.adoc, ctx.lex
    skip_chars = {adoc.doc[i].idx for i in skip}
    parties = party_actors(adoc, run, skip) if run else []
    # people named in the phrase ("the Kiir-Machar deal"); other actors in it are usually its
    # place ("the Juba agreement": Juba stands for South Sudan's government) or its mediator
    _, persons = actors_in(adoc, tokens[0].idx, mention.end, skip_chars)
    places = places_in(ctx, [t for t in tokens if t.i not in skip and t.i != head.i])
    named_places = place_names_in(ctx, tokens[0].idx, mention.end)
    dates: list[str] = []
    years = [int(t.text) for t in tokens if YEAR.match(t.text)]
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("between", "with", "among", "by"):
            found, people = actors_in(adoc, *subtree_span(child), skip_chars)
            parties += found
            persons += people
        if child.dep_ == "prep" and child.lower_ in ("in", "at"):
            places += places_in(ctx, list(child.subtree))
            named_places += place_names_in(ctx, *subtree_span(child))
        if child.dep_ == "prep" and child.lower_ in ("of", "on"):
            lo, hi = subtree_span(child)
            dates += [correct_year(t.value, t.text, ctx.published) for t in overlapping(adoc.times, lo, hi) if t.value]
    predicate, role = predicate_of(head, lex)
    if predicate is not None:
        dates += signing_time(ctx, predicate, head, role)
        places += located(ctx, predicate)
        for child in predicate.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                named_places += place_names_in(ctx, *subtree_span(child))
        if role == "object":
            subject = next((c for c in predicate.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                if subject.lower_ in ("which", "who", "that") and predicate.dep_ == "relcl":
                    subject = predicate.head
                found, people = actors_in(adoc, *subtree_span(subject), skip_chars)
                parties += found
                persons += people
        for child in predicate.children:
            if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "between", "with"):
                if predicate.lemma_.lower() in lex.mediation_verbs:
                    continue
                found, people = actors_in(adoc, *subtree_span(child), skip_chars)
                parties += found
                persons += people
    mention.parties = tuple({a.id: a for a in parties}.values())
    mention.persons = tuple(dict.fromkeys(persons))
    mention.places = tuple(dict.fromkeys(p for p in places if p))
    mention.place_names = tuple(dict.fromkeys(named_places))
    mention.dates = tuple(dict.fromkeys(dates))
    mention.year = years[0] if years else None
