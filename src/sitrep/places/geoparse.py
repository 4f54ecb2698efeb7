"""Find place names in a parsed document and decide which place each one means.

Candidates are token spans whose folded text is a gazetteer key (longest match first);
spaCy's entities and part-of-speech tags keep person names and ordinary words out. Each
candidate is then resolved with, in order of weight: the level word after it ("X
province", "X district"), the story's country, the provinces named in the same sentence
(hierarchy), and population.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from sitrep.models import AnnotatedDocument, Place, PlaceMention
from sitrep.places.gazetteer import Gazetteer, load_gazetteer, load_toml
from sitrep.places.names import fold

MAX_SPAN_TOKENS = 7
# Tokens allowed inside a multi-word name besides capitalised words ("Sar-e Pul",
# "Lal wa Sarjangal", "Bay of Bengal", "Deir ez-Zor").
_CONNECTORS = {"-", "e", "i", "wa", "of", "al", "el", "ez", "ad", "as", "ar", "an", "at", "az", "de", "del", "la", "le", "du", "da", "ul", "us", "au", "aux", "sur", "en", "los", "las", "di", "do", "dos", "das", "am", "im", "bin", "'s"}
_BLOCKING_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Lexicon:
    """The word lists of geoparse.toml, folded once."""

    level_words: dict[str, str]  # word -> level it names
    locative: frozenset[str]
    reporting: frozenset[str]
    not_places: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cfg = load_toml("geoparse.toml")
    levels = {w: level for level, words in cfg["level_words"].items() for w in words}
    ctx = cfg["context"]
    return Lexicon(
        level_words=levels,
        locative=frozenset(ctx["locative"]),
        reporting=frozenset(ctx["reporting"]),
        not_places=frozenset(fold(w) for w in ctx["not_places"]),
    )


@dataclass(frozen=True)
class Candidate:
    """A span that names something in the gazetteer, with its textual context."""

    span: Span
    options: tuple[Place, ...]
    level_hint: str | None  # level named by the word after the span
    locative: bool  # governed by "in", "near", ...
    place_entity: bool  # spaCy tagged it GPE/LOC/FAC
    modifier: bool  # used as a modifier ("US commander", "US-led")


# --- candidates ----------------------------------------------------------------------


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _level_hint(doc: Doc, end: int, lex: Lexicon) -> str | None:
    """The level named after a name, directly ("Ghor province") or after a list of
    names sharing a plural ("Kandahar, Helmand and Zabul provinces")."""
    if end < len(doc) and doc[end].lower_ in lex.level_words:
        return lex.level_words[doc[end].lower_]
    k = end
    while k < min(len(doc), end + 15):
        tok = doc[k]
        if tok.lower_ in lex.level_words:
            return lex.level_words[tok.lower_] if tok.lower_.endswith("s") else None
        if not (_capitalised(tok) or tok.text in {",", "-", "and", "&"} or tok.lower_ in _CONNECTORS):
            return None
        k += 1
    return None


def _is_locative(span: Span, lex: Lexicon) -> bool:
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in lex.locative:
        return True
    # "in the northeastern Badakhshan province": look through the noun phrase's head.
    head = span.root.head
    for tok in (span.root, head):
        if tok.dep_ == "pobj" and tok.head.lower_ in lex.locative:
            return True
    return False


def _candidate_spans(doc: Doc, gaz: Gazetteer, lex: Lexicon):
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if not _capitalised(tok) or tok.is_punct:
            i += 1
            continue
        found = None
        for j in range(min(n, i + MAX_SPAN_TOKENS), i, -1):
            last = doc[j - 1]
            if not _capitalised(last) and not last.is_digit:
                continue
            inner = doc[i:j]
            if any(not (_capitalised(t) or t.lower_ in _CONNECTORS) for t in inner):
                continue
            # spaCy may glue a possessive or hyphen suffix to a name; names never end so.
            key = fold(inner.text)
            if key and gaz.has_key(key):
                found = inner
                break
        if found is None:
            i += 1
            continue
        yield found
        i = found.end


def _list_context(span: Span) -> bool:
    """"Al Aram (Habban, Shabwah)": a name in brackets or closing a comma list."""
    doc = span.doc
    prev = doc[span.start - 1].text if span.start > 0 else ""
    nxt = doc[span.end].text if span.end < len(doc) else "."
    return prev == "(" or (prev == "," and nxt in {")", ",", ".", ";"})


def _keep(span: Span, options: list[Place], hint: str | None, lex: Lexicon, min_pop: int) -> bool:
    ents = {t.ent_type_ for t in span}
    key = fold(span.text)
    if len(span) == 1 and key in lex.not_places:
        return False
    if span.text.isupper() and len(span.text) <= 5 and not any(p.level == "country" for p in options):
        return False  # acronyms ("SMM", "GNA") collide with short place names
    if span.start > 0 and span.doc[span.start - 1].lower_ in {"mr", "mrs", "ms", "dr", "gen", "col"}:
        return False
    marked = bool(hint) or bool(ents & _PLACE_ENTS) or _is_locative(span, lex) or _list_context(span)
    big = any(p.level in ("country", "admin1") or p.population >= min_pop for p in options)
    if ents & _BLOCKING_ENTS and not hint and not (ents & _PLACE_ENTS):
        # The small model tags many unfamiliar place names PERSON; a name is only
        # rejected when the entity is longer than it ("Jordan Peterson", "Kabul Bank").
        ent = next((e for e in span.doc.ents if e.start <= span.start and e.end >= span.end), None)
        if ent is None or (ent.start, ent.end) != (span.start, span.end):
            return False
        return marked or big
    if not (marked or big):
        return False
    if len(span) == 1 and span[0].pos_ not in ("PROPN",) and not (ents & _PLACE_ENTS) and not hint:
        return marked and span[0].pos_ == "NOUN" and span[0].text[:1].isupper()
    return True


def candidates(adoc: AnnotatedDocument, gaz: Gazetteer | None = None) -> list[Candidate]:
    gaz = gaz or load_gazetteer()
    lex = lexicon()
    min_pop = int(load_toml("gazetteer.toml")["places"]["min_population_bare"])
    out: list[Candidate] = []
    for span in _candidate_spans(adoc.doc, gaz, lex):
        if gaz.demonym(span.text) and not gaz.lookup(span.text)[:1]:
            continue
        options = gaz.candidates(span.text)
        if not options:
            continue
        hint = _level_hint(adoc.doc, span.end, lex)
        if not _keep(span, options, hint, lex, min_pop):
            continue
        modifier = span.root.dep_ in ("compound", "amod", "nmod", "poss") or (
            span.end < len(adoc.doc) and adoc.doc[span.end].text == "-"
        )
        out.append(
            Candidate(
                span=span,
                options=tuple(options),
                level_hint=hint,
                locative=_is_locative(span, lex),
                place_entity=bool({t.ent_type_ for t in span} & _PLACE_ENTS),
                modifier=modifier,
            )
        )
    return out


# --- story country -------------------------------------------------------------------


def _demonym_votes(adoc: AnnotatedDocument, gaz: Gazetteer) -> Counter:
    votes: Counter = Counter()
    for tok in adoc.doc:
        if _capitalised(tok):
            cc = gaz.demonym(tok.text)
            if cc:
                votes[cc] += 0.5
    return votes


def _country_votes(cands: list[Candidate], resolved: list[Place]) -> Counter:
    """Votes from resolved mentions: a country named outright, or a place inside it."""
    votes: Counter = Counter()
    for c, p in zip(cands, resolved):
        if p.country is None:
            continue
        if p.level == "country":
            weight = 0.5 if c.modifier else (1.5 if c.locative else 1.0)
        else:
            weight = 1.5
        votes[p.country] += weight
    return votes


def _coherence_votes(cands: list[Candidate]) -> Counter:
    """Which country could explain the most mentions (before any is resolved).

    A mention votes for every country it may lie in, the vote shared among them, so
    that "Hays ... Yemen ... Al Hudaydah" settles on Yemen rather than on Kansas.
    """
    votes: Counter = Counter()
    for c in cands:
        countries = {p.country for p in c.options if p.country}
        if not countries:
            continue
        named = {p.country for p in c.options if p.level == "country"}
        for cc in countries:
            weight = 2.0 if cc in named and not c.modifier else 1.0
            votes[cc] += weight / len(countries)
    return votes


def _best_country(votes: Counter) -> str | None:
    if not votes:
        return None
    cc, top = votes.most_common(1)[0]
    return cc if top > 0 else None


# --- resolution ----------------------------------------------------------------------


def _score(
    c: Candidate,
    p: Place,
    story: str | None,
    mentioned: set[str],
    sentence_admin1: set[tuple[str, str]],
) -> float:
    s = 0.0
    if story and p.country == story:
        s += 4.0
    elif p.country in mentioned:
        s += 1.5
    hint = c.level_hint
    if hint == "admin1":
        s += {"admin1": 6.0, "country": -2.0}.get(p.level, -2.0)
    elif hint == "admin2":
        s += {"admin2": 6.0, "place": 3.0}.get(p.level, -2.0)
    elif hint == "place":
        s += {"place": 4.0, "admin2": 2.0}.get(p.level, -1.0)
    else:
        s += {"country": 3.0, "admin1": 1.5, "admin2": 1.0}.get(p.level, 0.0)
    if p.level in ("place", "admin2") and p.admin1 and (p.country, p.admin1) in sentence_admin1:
        s += 4.0
    s += 0.6 * math.log10(p.population + 1)
    if fold(p.name) == fold(c.span.text):
        s += 0.5
    return s


def _resolve_all(
    cands: list[Candidate], story: str | None, mentioned: set[str]
) -> list[Place]:
    # First pass without hierarchy, to learn which provinces each sentence names.
    first = [max(c.options, key=lambda p: _score(c, p, story, mentioned, set())) for c in cands]
    by_sentence: dict[int, set[tuple[str, str]]] = {}
    for c, p in zip(cands, first):
        if p.level == "admin1" and p.admin1:
            by_sentence.setdefault(c.span.sent.start, set()).add((p.country or "", p.admin1))
    return [
        max(c.options, key=lambda p: _score(c, p, story, mentioned, by_sentence.get(c.span.sent.start, set())))
        for c in cands
    ]


def _analyse(adoc: AnnotatedDocument) -> tuple[list[Candidate], list[Place], str | None]:
    gaz = load_gazetteer()
    cands = candidates(adoc, gaz)
    demonyms = _demonym_votes(adoc, gaz)
    # Provisional resolution without a story country gives the votes...
    provisional = _resolve_all(cands, None, set())
    votes = _country_votes(cands, provisional) + demonyms + _coherence_votes(cands)
    story = _best_country(votes)
    mentioned = {p.country for p in provisional if p.level == "country" and p.country}
    # ...and the story country then settles the ambiguous names.
    resolved = _resolve_all(cands, story, mentioned)
    votes = _country_votes(cands, resolved) + demonyms
    return cands, resolved, _best_country(votes) or story


def find_places(adoc: AnnotatedDocument) -> list[PlaceMention]:
    """Disambiguated place mentions, in text order."""
    cands, resolved, _ = _analyse(adoc)
    return [PlaceMention(c.span.start_char, c.span.end_char, c.span.text, p) for c, p in zip(cands, resolved)]


def story_country(adoc: AnnotatedDocument) -> str | None:
    """The story's main country (alpha-2): weighted votes of places and demonyms."""
    gaz = load_gazetteer()
    if adoc.places:
        votes = _demonym_votes(adoc, gaz)
        for m in adoc.places:
            if m.place.country:
                span = adoc.doc.char_span(m.start, m.end, alignment_mode="expand")
                weight = 1.5 if m.place.level != "country" else 1.0
                if span is not None and m.place.level == "country":
                    if span.root.dep_ in ("compound", "amod", "nmod", "poss"):
                        weight = 0.5
                votes[m.place.country] += weight
        return _best_country(votes)
    return _analyse(adoc)[2]
