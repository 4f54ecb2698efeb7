"""Find place names in a parsed document and decide which place each one means.

Candidates are token spans whose folded text is a gazetteer key (longest match first);
spaCy's entities and part-of-speech tags keep person names and ordinary words out. Each
candidate is then resolved with, in order of weight: the level word after it ("X
province", "X district"), the story's country, the provinces named in the same sentence
(hierarchy), names written as nesting one another ("Bara town in Idleb"), and
population. A proper noun after "in"/"at"/"near" that the index lacks may still be a
near spelling of a place in the story's country ("Munsiganj" for Munshiganj).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from sitrep.models import AnnotatedDocument, Place, PlaceMention
from sitrep.places.gazetteer import Gazetteer, load_gazetteer, load_toml
from sitrep.places.names import fold, variants
from sitrep.text.spans import covering_entity, paragraph_of

MAX_SPAN_TOKENS = 7
# Tokens allowed inside a multi-word name besides capitalised words ("Sar-e Pul",
# "Lal wa Sarjangal", "Bay of Bengal", "Deir ez-Zor").
_CONNECTORS = {"-", "e", "i", "wa", "of", "al", "el", "ez", "ad", "as", "ar", "an", "at", "az", "de", "del", "la", "le", "du", "da", "ul", "us", "au", "aux", "sur", "en", "los", "las", "di", "do", "dos", "das", "am", "im", "bin", "'s"}
#: Arabic articles written lower-case before a hyphen ("al-Mokha", "el-Geneina").
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "adh", "ath"})
_BLOCKING_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Lexicon:
    """The word lists of geoparse.toml, folded once."""

    level_words: dict[str, str]  # word -> level it names
    locative: frozenset[str]
    reporting: frozenset[str]
    not_places: frozenset[str]
    thoroughfares: frozenset[str]
    peoples: frozenset[str] = frozenset()
    features: frozenset[str] = frozenset()
    currency: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    audiences: frozenset[str] = frozenset()
    whose: frozenset[str] = frozenset()  # "a Tampa woman", "Mexico's army": who, not where
    seats_of_power: frozenset[str] = frozenset()
    handed_over: frozenset[str] = frozenset()
    government_verbs: frozenset[str] = frozenset()  # a capital their subject is its government
    groundless_acts: frozenset[str] = frozenset()
    anaphoric_levels: dict[str, str] = field(default_factory=dict)  # "the district" -> admin2: a level named before
    place_markers: frozenset[str] = frozenset()  # "the village of X", "X town": an unknown small place
    bearings: frozenset[str] = frozenset()  # "8 km west of Kobane"
    compass_parts: frozenset[str] = frozenset()  # "in northern Shan"
    name_openers: frozenset[str] = frozenset()  # "Greater Manchester", "New Delhi"
    beside: frozenset[str] = frozenset()  # bearings and "near": one place beside another
    compass_words: frozenset[str] = frozenset()  # bearings, parts and name openers: a word before a name, no name itself
    facility_titles: frozenset[str] = frozenset()  # "Camp Simba": a facility's name, not the village Simba


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
        thoroughfares=frozenset(ctx["thoroughfares"]),
        peoples=frozenset(ctx.get("peoples", ())),
        features=frozenset(ctx.get("features", ())),
        currency=frozenset(ctx.get("currency", ())),
        place_nouns=frozenset(ctx.get("place_nouns", ())),
        audiences=frozenset(ctx.get("audiences", ())),
        whose=frozenset(ctx.get("whose", ())),
        seats_of_power=frozenset(ctx.get("seats_of_power", ())),
        handed_over=frozenset(ctx.get("handed_over", ())),
        government_verbs=frozenset(ctx.get("government_verbs", ())),
        groundless_acts=frozenset(ctx.get("groundless_acts", ())),
        anaphoric_levels={w: levels[w] for w in ctx.get("anaphoric_levels", ())},
        place_markers=frozenset(cfg.get("unknown_places", {}).get("marked_by", ())),
        bearings=frozenset(cfg["compass"]["bearings"]),
        compass_parts=frozenset(cfg["compass"]["parts"]),
        name_openers=frozenset(cfg["compass"]["name_openers"]),
        beside=frozenset(cfg["compass"]["bearings"]) | frozenset(cfg["compass"]["beside"]),
        compass_words=frozenset(cfg["compass"]["bearings"] + cfg["compass"]["parts"] + cfg["compass"]["name_openers"]),
        facility_titles=frozenset(ctx.get("facility_titles", ())),
    )


@dataclass(frozen=True)
class Cue:
    """A word of cues.toml: the country it points to, how strongly, and its theatre."""

    country: str
    weight: float
    admin1: tuple[str, ...]
    capitals: bool  # written in capitals only: must match in capitals


@lru_cache(maxsize=1)
def cue_table() -> dict[tuple[str, ...], Cue]:
    """Folded token tuples of cues.toml's words -> their cue."""
    table: dict[tuple[str, ...], Cue] = {}
    for group in load_toml("cues.toml")["cue"]:
        for word in group["words"]:
            key = tuple(fold(word).split())
            if key:
                table[key] = Cue(
                    country=group["country"],
                    weight=float(group.get("weight", 2.0)),
                    admin1=tuple(group.get("admin1", ())),
                    capitals=word.isupper(),
                )
    return table


MAX_CUE_TOKENS = max((len(k) for k in cue_table()), default=1)


@lru_cache(maxsize=1)
def cue_openings() -> frozenset[str]:
    """The first folded words of all cues: a token that opens none starts no cue."""
    return frozenset(k[0] for k in cue_table() if k)


def cue_matches(doc: Doc) -> list[tuple[Span, Cue]]:
    """Cue words in the text, longest first and without overlaps ("Nepali Congress").

    Several steps ask for them; they are found once per document and kept in
    ``doc.user_data``."""
    cached = doc.user_data.get(CUE_CACHE_KEY)
    if cached is None:
        cached = doc.user_data[CUE_CACHE_KEY] = find_cue_matches(doc)
    return cached


CUE_CACHE_KEY = "sitrep.places.cues"


def find_cue_matches(doc: Doc) -> list[tuple[Span, Cue]]:
    table = cue_table()
    openings = cue_openings()
    keys = [fold(t.text) for t in doc]
    out: list[tuple[Span, Cue]] = []
    i = 0
    while i < len(doc):
        if not keys[i] or keys[i].split()[0] not in openings:
            i += 1
            continue
        for n in range(min(MAX_CUE_TOKENS, len(doc) - i), 0, -1):
            words = tuple(w for k in keys[i : i + n] for w in k.split())
            cue = table.get(words)
            if cue is None:
                continue
            span = doc[i : i + n]
            if cue.capitals and not span.text.replace("-", "").replace("&", "").replace("(", "").replace(")", "").isupper():
                continue
            out.append((span, cue))
            i += n - 1
            break
        i += 1
    return out


@dataclass(frozen=True)
class Candidate:
    """A span that names something in the gazetteer, with its textual context."""

    span: Span
    options: tuple[Place, ...]
    level_hint: str | None  # level named by the word after the span
    locative: bool  # governed by "in", "near", ...
    place_entity: bool  # spaCy tagged it GPE/LOC/FAC
    modifier: bool  # used as a modifier ("US commander", "US-led")
    road: bool = False  # part of a road's name ("Sanaa Street", "the Dhaka-Aricha highway")


# --- candidates ----------------------------------------------------------------------


def _capitalised(tok: Token) -> bool:
    """A capitalised word, or one a French article is elided onto ("d'Ivoire" of "Cote
    d'Ivoire", "l'Ouest"): the tokenizer keeps the article and the name as one token."""
    text = tok.text
    return text[:1].isupper() or (len(text) > 2 and text[0] in "dl" and text[1] in "'’" and text[2].isupper())


def _hyphen_tail(doc: Doc, k: int) -> bool:
    """A lower-case word hyphened without spaces to a capitalised one ("Centre-nord",
    "Sar-e-pul"): the tail of one compound name, as the capitalised form would be (a
    span it closes must name a province: "the North-east" is no district's name)."""
    if k < 2 or not doc[k].is_alpha:
        return False
    hyphen, first = doc[k - 1], doc[k - 2]
    return (
        hyphen.text == "-"
        and not hyphen.whitespace_
        and not first.whitespace_
        and (_capitalised(first) or _hyphen_tail(doc, k - 2))
    )


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
    return _listed_after_locative(span, lex)


_LIST_JOINERS = frozenset({",", "and", "or", "&"})


def _listed_after_locative(span: Span, lex: Lexicon) -> bool:
    """ "from Bagram and Kot jails", "in Herat, Farah and Nimroz": a name listed after
    other capitalised names shares the preposition that opens the list (read from the
    words, the parser often hanging the later names elsewhere)."""
    doc = span.doc
    k = span.start - 1
    if k < 1 or doc[k].lower_ not in _LIST_JOINERS:
        return False
    while k > 0 and doc[k].lower_ in _LIST_JOINERS:
        k -= 1
        named = False
        while k >= 0 and (_capitalised(doc[k]) or doc[k].text == "-" or _hyphen_tail(doc, k)) and not doc[k].is_sent_start:
            named = named or _capitalised(doc[k])
            k -= 1
        if not named or k < 0:
            return False
        if doc[k].lower_ in lex.locative:
            return True
    return False


def _candidate_spans(doc: Doc, gaz: Gazetteer, lex: Lexicon):
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        # "al-Mokha", "el-Fasher": a lower-case Arabic article hyphened to a name opens it
        article = tok.lower_ in _ARTICLES and i + 2 < n and doc[i + 1].text == "-" and _capitalised(doc[i + 2])
        if (not _capitalised(tok) and not article) or tok.is_punct:
            i += 1
            continue
        found = None
        for j in range(min(n, i + MAX_SPAN_TOKENS), i, -1):
            last = doc[j - 1]
            if not _capitalised(last) and not last.is_digit and not (j - 1 > i and _hyphen_tail(doc, j - 1)):
                continue
            inner = doc[i:j]
            if any(not (_capitalised(t) or t.lower_ in _CONNECTORS or _hyphen_tail(doc, t.i)) for t in inner):
                continue
            # spaCy may glue a possessive or hyphen suffix to a name; names never end so.
            # Any indexed variant counts: "Ceel Buur" is indexed as "Ceelbuur", "Al
            # Ghaydah" under its bare name; but a sentence's "In" glued to a name is no
            # part of it ("In Hisar" is not the village "Inhisar").
            key = fold(inner.text)
            if key and (
                gaz.has_key(key)
                or (not any(t.is_stop for t in inner) and any(gaz.has_key(k) for k in variants(inner.text)))
            ):
                if not _capitalised(last) and not last.is_digit and (gaz.is_common_word(last.text) or not any(
                    p.level == "admin1" and not gaz.is_weak(p.name) for p in gaz.candidates(inner.text)
                )):
                    continue  # "the North-east": only a province's name closes so, in no English word
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


def _common_word(span: Span, options: list[Place], hint: str | None, gaz: Gazetteer) -> bool:
    """A one-word name that is also an English word ("Hall", "Level", "Ward") and only
    names small places: read as the word unless a level word follows it."""
    if len(span) != 1 or hint or not gaz.is_common_word(span.text):
        return False
    doc = span.doc
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    nxt = doc[span.end] if span.end < len(doc) else None
    bare = prev != "the" and (nxt is None or not (_capitalised(nxt) or nxt.lower_ == "of"))
    # "near Timbuktu", not "near the Forest Department" or "at Confederation of ...".
    tagged = bare and (
        span[0].ent_type_ in ("GPE", "LOC")
        or (span[0].pos_ == "PROPN" and any(p.population >= 50_000 for p in options))
        # a name of districts only: their population is unknown (0), but a district is
        # no hamlet ("in Swat")
        or (span[0].pos_ == "PROPN" and all(p.level == "admin2" for p in options))
    )
    if tagged and _is_locative(span, lexicon()):
        return False  # "near Timbuktu": the parser and the preposition both say place
    return all(p.level in ("place", "admin2") and p.population < 100_000 for p in options)


def _fragment(span: Span, options: list[Place], hint: str | None, lex: Lexicon) -> bool:
    """One word of a longer capitalised name that is not a place ("Sri" of "Sri Lankan",
    "Abu" of "Abu Zubaydah", "Dov" of "Har Dov"): a small town's name is not trusted when
    a capitalised word it does not cover is glued to it."""
    if len(span) != 1 or hint or any(p.level not in ("place", "admin2") or p.population >= 100_000 for p in options):
        return False
    doc = span.doc

    def glued(tok: Token | None, titles: frozenset[str] = frozenset()) -> bool:
        return (
            tok is not None
            and tok.is_alpha
            and _capitalised(tok)
            and not tok.is_sent_start  # "In Rusape": a sentence's first word is capitalised anyway
            and not tok.is_stop
            # a level word is no more name ("Swat District"), but a facility's title before
            # the name is ("Camp Simba": the base's name, not the village Simba)
            and (tok.lower_ not in lex.level_words or tok.lower_ in titles)
            # "captured Huddur Tuesday": a day or month after a name is when, not more name
            and tok.ent_type_ not in ("DATE", "TIME")
        )

    before = doc[span.start - 1] if span.start > 0 and not span[0].is_sent_start else None
    after = doc[span.end] if span.end < len(doc) else None
    return glued(before, lex.facility_titles) or glued(after)


def _head_of_longer_place(span: Span, lex: Lexicon, gaz: Gazetteer) -> bool:
    """The span opens a longer place name the parser found ("Nelson" of "Nelson Mandela
    Bay", "Bar" of "Bar Elias"): a place the index lacks, not the one it names. A known
    name next to it ("Tijuana Baja California") is a second place, not the rest of one."""
    doc = span.doc
    ent = covering_entity(doc, span.start, span.end + 1)  # the one beginning with the span and longer
    if ent is not None and ent.start != span.start:
        ent = None
    if ent is None or ent.label_ not in _PLACE_ENTS:
        return False
    nxt = doc[span.end]
    return (
        nxt.is_alpha
        and _capitalised(nxt)
        and nxt.lower_ not in lex.features
        and nxt.lower_ not in lex.level_words
        and not gaz.has_key(fold(nxt.text))
    )


def _currency(span: Span, options: list[Place], lex: Lexicon) -> bool:
    """ "the US dollar": a country's name before its currency's."""
    doc = span.doc
    return (
        span.end < len(doc)
        and doc[span.end].lower_ in lex.currency
        and any(p.level == "country" for p in options)
    )


def _embedding_entity(span: Span) -> Span | None:
    """The organisation or facility whose longer name contains the span ("Dhaka
    University"). A name right after another place's name inside it ("Kachin
    Independence Army") is a word of the name the place qualifies, whatever town shares
    it: the first place already says where."""
    e = covering_entity(span.doc, span.start, span.end)
    if e is not None and (e.start, e.end) != (span.start, span.end):
        if e.label_ not in ("ORG", "FAC"):
            return None
        prev = span.doc[span.start - 1] if span.start > e.start else None
        lex = lexicon()
        # (not a word of bearing or age, "South Gujarat Farmers Association", nor a stop word)
        if prev is not None and prev.is_alpha and prev.text[:1].isupper() and not prev.is_stop \
                and prev.lower_ not in lex.features and prev.lower_ not in lex.compass_words \
                and load_gazetteer().has_key(fold(prev.text)):
            return None
        return e
    return None


def _keep(span: Span, options: list[Place], hint: str | None, lex: Lexicon, min_pop: int) -> bool:
    ents = {t.ent_type_ for t in span}
    key = fold(span.text)
    if len(span) == 1 and key in lex.not_places and not (hint in ("admin1", "admin2") and any(p.level == hint for p in options)):
        return False  # a common word, unless a level word makes it a division's name ("Bay region")
    if span.text.isupper() and len(span.text) <= 5 and not any(p.level == "country" for p in options):
        # Acronyms ("SMM", "GNA") collide with short place names; a province's
        # abbreviation is trusted where a gloss or a list puts it ("Shamli (UP)"), and a
        # short name where wire style writes every dateline in capitals ("GOMA, Dec 8 -").
        text = span.doc.text
        if any(p.level == "admin1" for p in options) and (_list_context(span) or _in_gloss(span)):
            return not _wire_credit(text, span.start_char, span.end_char)  # "KABUL (AP) -": the agency
        return opens_a_dateline(text, span.start_char, span.end_char)
    if span.start > 0 and span.doc[span.start - 1].lower_ in {"mr", "mrs", "ms", "dr", "gen", "col"}:
        return False
    marked = bool(hint) or bool(ents & _PLACE_ENTS) or _is_locative(span, lex) or _list_context(span)
    big = any(p.level in ("country", "admin1") or p.population >= min_pop for p in options)
    if ents & _BLOCKING_ENTS and not hint and not (ents & _PLACE_ENTS):
        # The small model tags many unfamiliar place names PERSON; a name is only
        # rejected when the entity is longer than it ("Jordan Peterson", "Kabul Bank").
        ent = covering_entity(span.doc, span.start, span.end)
        if _in_gloss(span):
            return True
        if ent is None or (ent.start, ent.end) != (span.start, span.end):
            # A country, province or city inside an institution's name ("Khulna
            # University", "Punjab Police") still says where the story is.
            return _embedding_entity(span) is not None and any(
                p.level in ("country", "admin1") or p.population >= min_pop for p in options
            )
        return marked or big
    if not (marked or big):
        return False
    if len(span) == 1 and span[0].pos_ not in ("PROPN",) and not (ents & _PLACE_ENTS) and not hint:
        # The tagger often takes a sentence's first word for a common noun ("Mizoram
        # students marched"); a province's or country's name is trusted there.
        first_and_big = span[0].is_sent_start and any(p.level in ("country", "admin1") for p in options)
        return first_and_big or (marked and span[0].pos_ == "NOUN" and span[0].text[:1].isupper())
    return True


_DATE_STAMP = re.compile(r"^(?:(?:date|updated|posted|published)[:\s]*)?\d[\d\-/.: ]*$", re.IGNORECASE)
_DATELINE_TAIL = re.compile(r"^\s*(?:,[^\n:()]{0,40})?\s*(?:\([^)\n]{1,40}\)\s*)?[:\u2014\u2013-]")


def opens_a_paragraph(text: str, start: int) -> bool:
    """Nothing but a date stamp or quote marks stands before ``start`` in its paragraph."""
    before = text[paragraph_of(text, start)[0] : start].strip(" \t\"'")
    return not before or bool(_DATE_STAMP.match(before))


def opens_a_dateline(text: str, start: int, end: int) -> bool:
    """"KABUL:", "Kabul (BNA) -", "GOMA, Dec 8, 2022 (Reuters) -": the name at ``start:end``
    opens its paragraph and the punctuation of a dateline follows it."""
    return opens_a_paragraph(text, start) and bool(_DATELINE_TAIL.match(text[end : end + 60]))


_CREDIT_OPENING = re.compile(r"[^\n()]{2,60}\(\s*$")
_CREDIT_CLOSING = re.compile(r"\s*\)\s*[:\u2014\u2013-]")


def _wire_credit(text: str, start: int, end: int) -> bool:
    """ "KABUL (AP) -", "GOMA, Dec 8 (Reuters) -": the brackets of a dateline hold the
    agency that filed it."""
    before = text[paragraph_of(text, start)[0] : start]
    return bool(_CREDIT_OPENING.match(before)) and bool(_CREDIT_CLOSING.match(text, end))


def _in_gloss(span: Span) -> bool:
    """The span is inside a bracketed place gloss of names and commas: "(Iskushuban,
    Bari)", "(Koro, Mopti)" — where the small model's PERSON tags are not to be trusted."""
    doc = span.doc
    i = span.start - 1
    while i >= max(0, span.start - 8) and doc[i].text != "(":
        if not (doc[i].text in {",", "-"} or _capitalised(doc[i])):
            return False
        i -= 1
    if i < 0 or doc[i].text != "(":
        return False
    j = span.end
    while j < min(len(doc), span.end + 8) and doc[j].text != ")":
        if not (doc[j].text in {",", "-"} or _capitalised(doc[j])):
            return False
        j += 1
    return j < len(doc) and doc[j].text == ")"


def _closes_gloss(span: Span) -> bool:
    """ "(Iskushuban, Bari)": the last name of a bracketed place gloss is its province."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text == ")" and doc[span.start - 1].text == "," and _in_gloss(span)


def _names_a_road(span: Span, lex: Lexicon) -> bool:
    """ "Sanaa Street", "the Quba-Baku highway": the name is part of a road's."""
    doc = span.doc
    i = span.end
    # Skip the rest of a hyphenated pair of names ("Dhaka-Chittagong highway").
    while i + 1 < len(doc) and doc[i].text == "-" and _capitalised(doc[i + 1]):
        i += 2
    return i < len(doc) and doc[i].lower_ in lex.thoroughfares


def _names_a_people(span: Span, lex: Lexicon) -> bool:
    """ "The Salamat tribe", "between the Salamat and Bani Halba tribes": a name qualifying
    a people noun (itself, or the first of the names joined to it) is the people's."""
    token = span.root
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.dep_ in ("compound", "nmod", "amod") and token.head.i >= span.end and token.head.lower_ in lex.peoples


def _region_phrase(span: Span, lex: Lexicon) -> bool:
    """ "in northern Shan": a compass adjective after "in" marks a region's name."""
    doc = span.doc
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ in lex.compass_parts
        and doc[span.start - 2].lower_ in lex.locative
    )


def candidates(
    adoc: AnnotatedDocument, gaz: Gazetteer | None = None, set_aside: list[Candidate] | None = None
) -> list[Candidate]:
    """The spans that name a place. A name the text gives too little sign of being a
    place (``_keep``: a small town in an organisation's name, a word tagged PERSON) is
    left out, or added to ``set_aside`` when one is given (``unmarked_places``)."""
    gaz = gaz or load_gazetteer()
    lex = lexicon()
    min_pop = int(load_toml("gazetteer.toml")["places"]["min_population_bare"])
    out: list[Candidate] = []
    # Words of a group's name ("Boko Haram", "Liyu police") are not places; a name that
    # only contains a cue word ("Khyber Agency", cue "agency") still is one.
    # A cue that is also the short name of a province of its country ("J&K") is a place.
    in_cue = {i: cue for span, cue in cue_matches(adoc.doc) for i in range(span.start, span.end)}
    for span in _candidate_spans(adoc.doc, gaz, lex):
        inside = [in_cue[i] for i in range(span.start, span.end) if i in in_cue]
        if inside and (len(inside) == len(span) or span.start in in_cue):
            if not any(p.level == "admin1" and p.country == inside[0].country for p in gaz.candidates(span.text)):
                continue
        if gaz.demonym(span.text) and not gaz.lookup(span.text)[:1]:
            continue
        options = gaz.candidates(span.text)
        hint = _level_hint(adoc.doc, span.end, lex)
        if (
            gaz.is_weak(span.text)
            and hint != "admin1"
            and not _list_context(span)
            and not _region_phrase(span, lex)
            and not _closes_gloss(span)
        ):
            # "North", "Plateau": the division only where the text marks it as one.
            options = [p for p in options if p.level != "admin1"]
        if not options:
            continue
        if _common_word(span, options, hint, gaz) or _fragment(span, options, hint, lex):
            continue
        if _head_of_longer_place(span, lex, gaz) or _currency(span, options, lex):
            continue
        if _names_a_people(span, lex):
            continue
        # "the Halba highway": kept aside, for an event that names no other place.
        road = _names_a_road(span, lex)
        kept = _keep(span, options, "road" if road else hint, lex, min_pop)
        if not kept and set_aside is None:
            continue
        modifier = span.root.dep_ in ("compound", "amod", "nmod", "poss") or (
            span.end < len(adoc.doc) and adoc.doc[span.end].text == "-"
        )
        (out if kept else set_aside).append(  # type: ignore[union-attr]
            Candidate(
                span=span,
                options=tuple(options),
                level_hint=hint,
                locative=_is_locative(span, lex),
                place_entity=bool({t.ent_type_ for t in span} & _PLACE_ENTS),
                modifier=modifier,
                road=road,
            )
        )
    return out


# --- story country -------------------------------------------------------------------


# The collection's country as the user gave it outweighs a single named place abroad but
# not a story that keeps naming another country.
COUNTRY_HINT_WEIGHT = 3.0


def _demonym_votes(adoc: AnnotatedDocument, gaz: Gazetteer) -> Counter:
    """Demonyms (0.5 each), the cue words of cues.toml (their weight) and the user's
    country hint per country."""
    votes: Counter = Counter()
    if adoc.country_hint:
        votes[adoc.country_hint] += COUNTRY_HINT_WEIGHT
    for tok in adoc.doc:
        if _capitalised(tok):
            cc = gaz.demonym(tok.text)
            if cc:
                votes[cc] += 0.5
    for _, cue in cue_matches(adoc.doc):
        votes[cue.country] += cue.weight
    return votes


def _theatre(adoc: AnnotatedDocument) -> frozenset[tuple[str, str]]:
    """(country, admin1) where the groups named in the text mostly fight."""
    return frozenset((cue.country, a1) for _, cue in cue_matches(adoc.doc) for a1 in cue.admin1)


def _country_votes(cands: list[Candidate], resolved: list[Place] | list[Place | None]) -> Counter:
    """Votes from resolved mentions: a country named outright, or a place inside it."""
    votes: Counter = Counter()
    for c, p in zip(cands, resolved):
        if p is None or p.country is None:
            continue
        if p.level == "country":
            weight = 0.5 if c.modifier else (1.5 if c.locative else 1.0)
        elif p.level == "place" and p.population < 50_000:
            weight = 0.75  # a village abroad is often a word or a namesake
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


@dataclass(frozen=True)
class Context:
    """What the rest of the document says about where its places are."""

    story: str | None = None
    mentioned: frozenset[str] = frozenset()  # countries named outright
    evidence: Counter | None = None  # demonym and cue votes per country
    theatre: frozenset[tuple[str, str]] = frozenset()
    sentence_admin1: dict[int, set[tuple[str, str]]] | None = None
    doc_admin1: frozenset[tuple[str, str]] = frozenset()
    # Resolved non-country places: (candidate index, latitude, longitude).
    anchors: tuple[tuple[int, float, float], ...] = ()
    # Candidate index -> indices of the mentions said to contain it or be contained by
    # it ("Bara town in Idleb", "Mora village (Surat, Gujarat)"): see ``containers``.
    nested: dict[int, tuple[int, ...]] | None = None
    cands: tuple[Candidate, ...] = ()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: exact enough at the tens of kilometres that matter here."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _proximity(i: int, p: Place, ctx: Context) -> float:
    """Bonus for lying near the document's other places (not for countries)."""
    if p.level == "country" or p.latitude is None:
        return 0.0
    near = min(
        (_km(p.latitude, p.longitude, lat, lon) for j, lat, lon in ctx.anchors if j != i),  # type: ignore[arg-type]
        default=math.inf,
    )
    return 2.5 if near < 50 else 1.0 if near < 200 else 0.0


# Words allowed between a place and the place said to contain it: "Bara town in the
# southern countryside of Idleb", "Mora village (Surat, Gujarat)", "Zhari district of",
# and an appositive that says what the place is ("El Cajon, a hamlet in the state of").
_NESTING_WORDS = frozenset(
    "in of the a an near at under village villages hamlet settlement town city district area subdivision sub-division "
    "subcity sub-city camp neighborhood neighbourhood county province state region governorate "
    "countryside outskirts suburb locality municipality upazila tehsil sector countryside "
    "northern southern eastern western central north south east west rural".split()
)


def containers(cands: list[Candidate]) -> dict[int, tuple[int, ...]]:
    """Pairs of mentions where the later one is written as containing the earlier one:
    consecutive names joined only by commas, brackets and words like "town in" (a chain
    "A, B, C" nests A in B and C, B in C). Maps each index to its partners, both ways."""
    links: dict[int, set[int]] = {}
    chain: list[int] = []
    for k in range(len(cands)):
        if k > 0 and _nests(cands[k - 1].span, cands[k].span):
            chain.append(k)
        else:
            chain = [k]
        for j in chain[:-1]:
            links.setdefault(j, set()).add(k)
            links.setdefault(k, set()).add(j)
    return {k: tuple(sorted(v)) for k, v in links.items()}


def _nests(inner: Span, outer: Span) -> bool:
    doc = inner.doc
    if outer.start < inner.end or outer.sent.start != inner.sent.start or outer.start - inner.end > 8:
        return False
    gap = doc[inner.end : outer.start]
    if not gap:
        return False
    # Inside a bracketed gloss, names the index lacks may stand between the two:
    # "Eastleigh (Kamukunji, Nairobi)".
    glossed = gap[0].text == "("
    if not all(t.text in {",", "(", "-"} or t.lower_ in _NESTING_WORDS or (glossed and _capitalised(t)) for t in gap):
        return False
    # "Songkhla, Narathiwat and Yala": commas of a list that closes with "and" or "or".
    if all(t.text == "," for t in gap) and _list_goes_on(outer):
        return False
    # "from Beirut to Tripoli", "Kabul and Herat": not nesting.
    return any(t.text in {",", "("} or t.lower_ in {"in", "of"} for t in gap)


def _list_goes_on(span: Span) -> bool:
    """More names follow ``span`` as a list: ", C" any number of times, then "and D"."""
    doc = span.doc
    i = span.end
    while i + 1 < len(doc):
        tok, nxt = doc[i], doc[i + 1]
        if tok.lower_ in ("and", "or"):
            return _capitalised(nxt)
        if tok.text != ",":
            return False
        if nxt.lower_ in ("and", "or"):
            return i + 2 < len(doc) and _capitalised(doc[i + 2])
        if not _capitalised(nxt):
            return False
        i += 2
        while i < len(doc) and (_capitalised(doc[i]) or doc[i].text == "-"):
            i += 1
    return False


def _inside(p: Place, q: Place) -> bool:
    """Place ``p`` lies within ``q``'s ground (same province, or q is p's country)."""
    if p is q or p.country != q.country or p.country is None:
        return False
    if q.level == "country":
        return p.level != "country"
    return p.level != "country" and q.admin1 is not None and p.admin1 == q.admin1


def _nesting(i: int, p: Place, ctx: Context) -> float:
    """Bonus for an option that fits inside (or around) some reading of a nesting partner."""
    if not ctx.nested or i not in ctx.nested:
        return 0.0
    best = 0.0
    for j in ctx.nested[i]:
        for q in ctx.cands[j].options:
            if _inside(p, q) if j > i else _inside(q, p):
                best = max(best, 2.0 if (q.level == "country" or p.level == "country") else 4.0)
    return best


def _score(i: int, c: Candidate, p: Place, ctx: Context) -> float:
    s = 0.0
    if ctx.story and p.country == ctx.story:
        s += 4.0
    elif p.country in ctx.mentioned:
        s += 1.5
    if ctx.evidence and p.country:
        s += min(ctx.evidence.get(p.country, 0.0), 2.0)
    hint = c.level_hint
    if hint == "admin1":
        s += {"admin1": 6.0, "country": -2.0}.get(p.level, -2.0)
    elif hint == "admin2":
        s += {"admin2": 6.0, "place": 3.0}.get(p.level, -2.0)
    elif hint == "place":
        s += {"place": 4.0, "admin2": 2.0}.get(p.level, -1.0)
    else:
        s += {"country": 3.0, "admin1": 1.5, "admin2": 1.0}.get(p.level, 0.0)
    if p.level in ("place", "admin2") and p.admin1:
        key = (p.country or "", p.admin1)
        if ctx.sentence_admin1 and key in ctx.sentence_admin1.get(c.span.sent.start, set()):
            s += 4.0
        elif key in ctx.doc_admin1:
            s += 2.0
        if key in ctx.theatre:
            s += 1.5
    elif p.level == "admin1" and (p.country or "", p.admin1 or "") in ctx.theatre:
        s += 1.5
    if p.level == "place" and hint is None and p.population >= SEAT_POPULATION and _names_its_province(c, p):
        s += 3.5
    s += _proximity(i, p, ctx)
    s += _nesting(i, p, ctx)
    s += 0.6 * math.log10(p.population + 1)
    # A place's own name beats an alternate name in some other language ("Mangu").
    if fold(c.span.text) in variants(p.name):
        s += 1.5
    return s


# A town at least this big that shares its province's name is what a bare mention of
# the name means ("protests in Odessa", "Durango, Durango"): the province's seat.
SEAT_POPULATION = 20_000


def _names_its_province(c: Candidate, p: Place) -> bool:
    """``p`` is a town named like its own province, and the mention is not written as the
    container of another name ("Kasumbalesa, Katanga", "(Sakania, Haut-Katanga)")."""
    if not p.admin1 or not variants(c.span.text) & variants(p.admin1):
        return False
    doc = c.span.doc
    prev = doc[c.span.start - 1].text if c.span.start > 0 else ""
    return prev not in {",", "("}


def _resolve(cands: list[Candidate], ctx: Context) -> list[Place]:
    return [max(c.options, key=lambda p: _score(i, c, p, ctx)) for i, c in enumerate(cands)]


def _with_hierarchy(cands: list[Candidate], resolved: list[Place], ctx: Context) -> Context:
    """The context plus the provinces each sentence names and the places' coordinates."""
    by_sentence: dict[int, set[tuple[str, str]]] = {}
    doc_admin1: set[tuple[str, str]] = set()
    for c, p in zip(cands, resolved):
        if p.level == "admin1" and p.admin1:
            by_sentence.setdefault(c.span.sent.start, set()).add((p.country or "", p.admin1))
            doc_admin1.add((p.country or "", p.admin1))
    anchors = tuple(
        (i, p.latitude, p.longitude)
        for i, p in enumerate(resolved)
        if p.level != "country" and p.latitude is not None and p.country == ctx.story
    )
    return Context(
        story=ctx.story,
        mentioned=ctx.mentioned,
        evidence=ctx.evidence,
        theatre=ctx.theatre,
        sentence_admin1=by_sentence,
        doc_admin1=frozenset(doc_admin1),
        anchors=anchors,  # type: ignore[arg-type]
        nested=ctx.nested,
        cands=ctx.cands,
    )


def _analyse(adoc: AnnotatedDocument) -> tuple[list[Candidate], list[Place | None], str | None]:
    """The candidates, the place each one means (None: a namesake the index lacks) and
    the story's country."""
    gaz = load_gazetteer()
    cands = candidates(adoc, gaz)
    cues = _demonym_votes(adoc, gaz)
    theatre = _theatre(adoc)
    # Provisional resolution with the cue words only gives the votes...
    nest = dict(nested=containers(cands), cands=tuple(cands))
    provisional = _resolve(cands, Context(evidence=cues, theatre=theatre, **nest))
    votes = _country_votes(cands, provisional) + cues + _coherence_votes(cands)
    story = _best_country(votes)
    mentioned = frozenset(p.country for p in provisional if p.level == "country" and p.country)
    # ...the story country then settles the ambiguous names, and the provinces and
    # places so resolved settle the rest (hierarchy and distance).
    ctx = Context(story=story, mentioned=mentioned, evidence=cues, theatre=theatre, **nest)
    resolved = _resolve(cands, ctx)
    resolved = _resolve(cands, _with_hierarchy(cands, resolved, ctx))
    kept = _settle_containment(cands, resolved, ctx.nested or {})
    votes = _country_votes(cands, kept) + cues
    return cands, kept, _best_country(votes) or story


def _relative(inner: Span, outer: Span) -> bool:
    """ "Amara, south of Baghdad": a bearing from the other place, not inside it."""
    beside = lexicon().beside
    return any(t.lower_ in beside for t in inner.doc[inner.end : outer.start])


def _within(p: Place, q: Place) -> bool:
    """``p`` lies in ``q``'s ground as far as the index can tell."""
    if p.country != q.country:
        return False
    return q.level == "country" or (q.admin1 is not None and p.admin1 == q.admin1)


def _written_inside(i: int, j: int, cands: list[Candidate], kept: list[Place | None], nested: dict) -> bool:
    """Mention ``j`` is written as the place around mention ``i``, not as the next item
    of a list: "Rampur town in Jaunpur", "Kewata (Samastipur, Bihar)", or "Rampur,
    Jaunpur (UP)" where a province closes the pair; "Asansol, Salt Lake, Hooghly" is a
    list."""
    if j != i + 1:
        return False
    gap = cands[i].span.doc[cands[i].span.end : cands[j].span.start]
    if any(t.text == "(" or t.lower_ in ("in", "of", "under") for t in gap):
        return True
    after = j + 1
    return (
        after < len(cands)
        and after in nested.get(j, ())
        and (q := kept[after]) is not None
        and q.level in ("admin1", "country")
    )


def _reach(q: Place) -> float:
    """How far (km) from a container's point what it contains may lie: a town's
    surroundings, or a district placed at its seat; 0 where the point says nothing (a
    province, or a district the index could only place at its province's centre)."""
    if q.latitude is None or q.level not in ("place", "admin2"):
        return 0.0
    if q.level == "place":
        return NEAR_TOWN_KM
    # Any row of the province counts: GeoNames may split one into several codes.
    centres = {
        (p.latitude, p.longitude)
        for p in load_gazetteer().candidates(q.admin1 or "")
        if p.level == "admin1" and p.country == q.country
    }
    return 0.0 if (q.latitude, q.longitude) in centres else NEAR_DISTRICT_KM


NEAR_TOWN_KM = 60.0
NEAR_DISTRICT_KM = 120.0


def _close_to_all(o: Place, outer: list[Place], points: list[Place]) -> bool:
    if o.latitude is None or not all(_within(o, q) for q in outer):
        return False
    return all(_km(o.latitude, o.longitude, q.latitude, q.longitude) <= _reach(q) for q in points)  # type: ignore[arg-type]


def _settle_containment(
    cands: list[Candidate], resolved: list[Place], nested: dict[int, tuple[int, ...]]
) -> list[Place | None]:
    """Make each name agree with the places the text writes around it, the outer one
    winning: "Hyderabad (Hyderabad, Sindh)" is the Hyderabad of Sindh, "Tripoli,
    Lebanon" Lebanon's. A name the index knows only elsewhere ("near Orikhove,
    Luhansk", "Bara town in Idleb") is a namesake of a place the index lacks: it gets
    None, and the container, if read as a city of the province's name, becomes the
    province, the most precise thing we know."""
    kept: list[Place | None] = list(resolved)
    for i in reversed(range(len(cands))):  # outer names are settled first
        p = kept[i]
        if p is None or p.level == "country":
            continue
        outer = [
            q
            for j in nested.get(i, ())
            if j > i and not _relative(cands[i].span, cands[j].span) and (q := kept[j]) is not None
        ]
        if p.level == "admin1":
            outer = [q for q in outer if q.level == "country"]
        against = next((q for q in outer if not _within(p, q)), None)
        # A container named like its province ("Ciudad del Carmen, Campeche") may mean
        # the province: only other towns and districts are points to measure from.
        points = [
            q
            for j in nested.get(i, ())
            if j > i and (q := kept[j]) is not None and q in outer and _reach(q)
            and not (q.admin1 and variants(cands[j].span.text) & variants(q.admin1))
            and cands[j].level_hint != "admin1"
            and _written_inside(i, j, cands, kept, nested)
        ]
        if against is None and points and p.level in ("place", "admin2"):
            # "Jalalpur, Shamli": of the province's Jalalpurs, the one by Shamli; none
            # near it means a village the index lacks, and Shamli is what we know.
            near = [o for o in cands[i].options if o.level in ("place", "admin2") and _close_to_all(o, outer, points)]
            if not near:
                kept[i] = None
            elif not any(o is p for o in near):
                kept[i] = max(near, key=lambda o: (o.level == p.level, o.population))
            continue
        if against is None:
            continue
        fitting = [o for o in cands[i].options if all(_within(o, q) for q in outer)]
        if fitting:
            kept[i] = max(fitting, key=lambda o: (o.level == p.level, o.population))
            continue
        kept[i] = None
        j = next(j for j in nested[i] if j > i and kept[j] is against)
        province = next(
            (o for o in cands[j].options if o.level == "admin1" and o.country == against.country
             and o.admin1 == against.admin1),
            None,
        )
        if province is not None and against.level != "admin1":
            kept[j] = province
    return kept


MAX_NEAR_MISSES = 3
# Words of a misspelt name tried as one ("Toba Tek Sing", "Gasr Ben Ghashir").
MAX_NEAR_MISS_WORDS = 3
_NAME_ENTS = frozenset({"PERSON", "ORG"})


def _name_run(doc: Doc, i: int) -> int:
    """End of the run of capitalised words that starts at token i."""
    k = i
    while k < len(doc) and doc[k].is_alpha and _capitalised(doc[k]) and k - i < MAX_NEAR_MISS_WORDS + 1:
        k += 1
    return k


def _entity_is_the_name(doc: Doc, start: int, end: int) -> bool:
    """A PERSON or ORG tag that covers the name after "in"/"at"/"near" exactly, with no
    possessive after it: the small model's tag for an unfamiliar place name ("in
    Jalanadhar"), not a person or body named there ("at Rahman's house", "near the Dhaka
    Press Club")."""
    ent = covering_entity(doc, start, end)
    if ent is None or (ent.start, ent.end) != (start, end):
        return False
    return not (end < len(doc) and doc[end].lower_ in ("'s", "’s"))


def _near_misses(
    adoc: AnnotatedDocument, cands: list[Candidate], story: str | None, found: list[PlaceMention] = ()
) -> list[PlaceMention]:
    """Misspelt names the index lacks ("in Quamishli city", "at Lakkhipur", "in Toba Tek
    Sing"): a proper noun, or a run of up to three capitalised words, after
    "in"/"at"/"near" or before a level word, matched as a whole to a near spelling in
    the story's country (anywhere, among big places, only when a level word follows).
    In a story whose every place lies in one province, a near spelling of a town of
    another province is more likely a village of that one the index lacks ("Zirakai
    region" in a story about Samangan is not Ziraki in Badakhshan): it is left out."""
    provinces = {(m.place.country, m.place.admin1) for m in found if m.place.level != "country" and m.place.country == story}
    home = next(iter(provinces)) if len(provinces) == 1 else None
    gaz = load_gazetteer()
    lex = lexicon()
    doc = adoc.doc
    covered = {i for c in cands for i in range(c.span.start, c.span.end)}
    covered |= {i for span, _ in cue_matches(doc) for i in range(span.start, span.end)}
    out: list[PlaceMention] = []
    tries = 0
    i = 0
    while i < len(doc) and tries < MAX_NEAR_MISSES:
        tok = doc[i]
        if tok.pos_ != "PROPN" or not tok.is_alpha or not _capitalised(tok) or (i > 0 and doc[i - 1].is_alpha and _capitalised(doc[i - 1]) and not doc[i - 1].is_sent_start):
            i += 1
            continue
        end = _name_run(doc, i)
        if end - i > MAX_NEAR_MISS_WORDS:
            i = end
            continue  # a long capitalised run is an organisation's or a title's name
        run, span = doc[i:end], doc[i:end]
        i = end
        # "North Phyongan": a word that is no place's name ("North", "Sheikh") at either
        # end is left out of the spelling tried
        while len(span) > 1 and fold(span[0].text) in lex.not_places:
            span = span[1:]
        while len(span) > 1 and fold(span[-1].text) in lex.not_places:
            span = span[:-1]
        if any(t.i in covered for t in span) or len(span.text) < 5:
            continue
        if any(fold(t.text) in lex.not_places or gaz.demonym(t.text) or t.ent_type_ == "NORP" for t in span):
            continue
        prev = doc[run.start - 1] if run.start > 0 else None
        nxt = doc[run.end] if run.end < len(doc) else None
        hint = nxt is not None and nxt.lower_ in lex.level_words
        locative = prev is not None and prev.lower_ in ("in", "at", "near")
        if not (hint or locative):
            continue
        if any(t.ent_type_ in _NAME_ENTS for t in span) and not (locative and _entity_is_the_name(doc, span.start, span.end)):
            continue
        if story is None and not hint:
            continue
        tries += 1
        options = gaz.near_miss(span.text, story)
        if options:
            best = max(options, key=lambda p: (_PRECISION_ORDER.get(p.level, 0), p.population))
            if home is not None and best.level != "admin1" and (best.country, best.admin1) != home:
                continue
            out.append(PlaceMention(span.start_char, span.end_char, span.text, best))
    return out


_PRECISION_ORDER = {"admin1": 2, "admin2": 1, "place": 0}


def find_places(adoc: AnnotatedDocument) -> list[PlaceMention]:
    """Disambiguated place mentions, in text order."""
    cands, resolved, story = _analyse(adoc)
    found = [
        PlaceMention(c.span.start_char, c.span.end_char, c.span.text, p)
        for c, p in zip(cands, resolved)
        if p is not None and not c.road
    ]
    adoc.doc.user_data[ROADS_KEY] = [
        PlaceMention(c.span.start_char, c.span.end_char, c.span.text, p)
        for c, p in zip(cands, resolved)
        if p is not None and c.road
    ]
    extra = _near_misses(adoc, cands, story, found) + capital_mentions(adoc, found)
    known = sorted(found + extra, key=lambda m: m.start) if extra else found
    namesakes = _namesakes_within(cands, resolved)
    known = _as_written_inside(known, namesakes)
    marked = marked_places(adoc, known) + namesakes
    adoc.doc.user_data[MARKED_KEY] = marked
    return sorted(known + marked, key=lambda m: m.start) if marked else known


def _as_written_inside(known: list[PlaceMention], namesakes: list[PlaceMention]) -> list[PlaceMention]:
    """A name the text once puts inside its container ("the village of Banjska, in Zvecan
    municipality") is that place wherever else the story names it, not a namesake the index
    knows elsewhere (one story, one place of that name)."""
    placed = {fold(m.text): m.place for m in namesakes}
    if not placed:
        return known
    return [PlaceMention(m.start, m.end, m.text, placed[fold(m.text)]) if fold(m.text) in placed and m.place.level == "place"
            else m for m in known]


def _namesakes_within(cands: list[Candidate], kept: list[Place | None]) -> list[PlaceMention]:
    """ "El Cajon, a hamlet in the state of Jalisco", the index knowing El Cajon only
    elsewhere: the name stays, as a place the text puts inside its written container (its
    province and point), so that it still names where an event was, more precisely."""
    nested = containers(cands)
    out = []
    for i, (c, p) in enumerate(zip(cands, kept)):
        if p is not None or c.road:
            continue
        outer = next((q for j in nested.get(i, ()) if j > i and not _relative(c.span, cands[j].span)
                      and (q := kept[j]) is not None and q.level != "country"), None)
        if outer is None:
            continue
        place = Place(
            name=c.span.text, country=outer.country, admin1=outer.admin1,
            admin2=outer.admin2 if outer.level in ("place", "admin2") else None,
            latitude=outer.latitude, longitude=outer.longitude, level="place", population=0,
            admin1_local=outer.admin1_local,
        )
        out.append(PlaceMention(c.span.start_char, c.span.end_char, c.span.text, place))
    return out


UNMARKED_KEY = "sitrep.places.unmarked"


def unmarked_places(adoc: AnnotatedDocument) -> list[PlaceMention]:
    """The names ``candidates`` set aside as too weakly marked to be places ("Osmania
    University students", "the Bambari office of MSF", "Lamlai police station"), each
    read as its namesake in the story's country (none abroad: a weak name is no evidence
    against the country the story has), or, in a story of no known country, as its
    best-known namesake anywhere. For a passage that names no place at all, such a name
    is still the best clue to its province; everywhere else they stay unused."""
    cached = adoc.doc.user_data.get(UNMARKED_KEY)
    if cached is not None and cached[0] == adoc.country:
        return cached[1]
    set_aside: list[Candidate] = []
    candidates(adoc, load_gazetteer(), set_aside)
    found = []
    for c in set_aside:
        # biggest level first, then the most populous: the best-known namesake
        here = sorted((p for p in c.options if p.country == (adoc.country or p.country) and p.level != "country" and not c.road),
                      key=lambda p: (_PRECISION_ORDER[p.level] * -1, -p.population))
        if here:
            found.append(PlaceMention(c.span.start_char, c.span.end_char, c.span.text, here[0]))
    adoc.doc.user_data[UNMARKED_KEY] = (adoc.country, found)
    return found


# Where ``find_places`` leaves the unknown names it made places by a level word.
MARKED_KEY = "sitrep.places.marked"
# The known places a level word marks as small places ("Sirrin town", "the town of X").
MARKED_KNOWN_KEY = "sitrep.places.marked_known"


def _name_part(doc: Doc, k: int, lex: Lexicon) -> bool:
    """Token k may be part of an unknown place's name: a capitalised word that names no
    weekday or title, a hyphen glued inside the name, or a particle glued to it ("al-")."""
    tok = doc[k]
    if tok.text == "-":
        return not tok.whitespace_ and k > 0 and not doc[k - 1].whitespace_
    if not tok.whitespace_ and k + 1 < len(doc) and doc[k + 1].text == "-" and tok.is_alpha and len(tok) <= 3:
        return True
    return _capitalised(tok) and fold(tok.text) not in lex.not_places


def _marked_name(doc: Doc, i: int, lex: Lexicon) -> Span | None:
    """The unknown name a level word at token i marks: "the village of X" (X after
    "of"), or "X town" / "the X neighbourhood" (X right before)."""
    tok = doc[i]
    if tok.lower_ not in lex.place_markers or _capitalised(tok):
        return None
    j = i + 1
    if j + 1 < len(doc) and doc[j].lower_ == "of" and any(t.lower_ == "the" for t in doc[max(0, i - 4) : i]):
        k = j + 1
        while k < len(doc) and _name_part(doc, k, lex) and k - j <= 5:
            k += 1
        span = doc[j + 1 : k]
    else:
        k = i
        if k > 1 and doc[k - 1].dep_ in ("compound", "amod") and doc[k - 1].head == tok and doc[k - 1].is_lower \
                and doc[k - 1].is_alpha and _capitalised(doc[k - 2]):
            k -= 1  # "X refugee camp", "X industrial area": the marker's own modifier
            i = k
        while k > 0 and _name_part(doc, k - 1, lex) and i - k < 5 and not doc[k - 1].is_sent_start:
            k -= 1
        span = doc[k:i]
    while len(span) and not _capitalised(span[-1]):
        span = span[:-1]
    while len(span) and span[0].text == "-":
        span = span[1:]
    return span if len(span) and any(_capitalised(t) for t in span) else None


def _anchor(span: Span, known: list[PlaceMention]) -> PlaceMention | None:
    """The known place the marked name is said to be in or near: the first named after
    it in its clause ("X near Jenin", "X in southwestern Baghdad", "X in south
    Lebanon"), else the one that qualifies the level word before it ("the south Baghdad
    neighbourhood of X"). A name with neither is left unplaced."""
    sent = span.sent
    after = [m for m in known if span.end_char <= m.start < sent.end_char]
    if after and after[0].start - span.end_char <= 60:
        return after[0]
    before = [m for m in known if sent.start_char <= m.start and m.end <= span.start_char]
    if before and span.start_char - before[-1].end <= 30:
        return before[-1]
    return None


def marked_places(adoc: AnnotatedDocument, known: list[PlaceMention]) -> list[PlaceMention]:
    """Unknown capitalised names a level word marks as places, each set where the known
    place it is said to be in or near is (its province, country and point)."""
    lex = lexicon()
    doc = adoc.doc
    out: list[PlaceMention] = []
    marked_known: list[PlaceMention] = doc.user_data.setdefault(MARKED_KNOWN_KEY, [])
    marked_known.clear()
    for i in range(len(doc)):
        span = _marked_name(doc, i, lex)
        if span is None:
            continue
        same = [m for m in known if m.start == span.start_char and m.end == span.end_char and m.place.level == "place"]
        if same:
            marked_known.extend(same)  # "near Sirrin town": a known small place, marked too
        if any(m.start < span.end_char and span.start_char < m.end for m in known + out):
            continue
        if any(t.ent_type_ == "NORP" for t in span):
            continue  # "the Nazi concentration camp": whose, not where
        anchor = _anchor(span, known)
        if anchor is None:
            continue
        a = anchor.place
        inside = a.level != "country"
        place = Place(
            name=span.text, country=a.country, admin1=a.admin1 if inside else None,
            admin2=a.admin2 if a.level in ("place", "admin2") else None,
            latitude=a.latitude, longitude=a.longitude, level="place", population=0,
            admin1_local=a.admin1_local if inside else None,
        )
        out.append(PlaceMention(span.start_char, span.end_char, span.text, place))
    for span, country in _named_before_country(doc, known, lex):
        if any(m.start < span.end_char and span.start_char < m.end for m in known + out):
            continue
        place = Place(name=span.text, country=country.place.country, admin1=None, admin2=None,
                      latitude=country.place.latitude, longitude=country.place.longitude, level="place", population=0)
        out.append(PlaceMention(span.start_char, span.end_char, span.text, place))
    return out


#: Prepositions after which "X, <country>" names a place X of that country.
_AT_PLACE = frozenset({"in", "near", "at", "outside", "around"})


def _named_before_country(doc: Doc, known: list[PlaceMention], lex: Lexicon) -> list[tuple[Span, PlaceMention]]:
    """ "struck positions near Teedaan, Somalia": an unknown capitalised name after "in",
    "near" or "at" and before a comma and a country's name is a place of that country (the
    writer names the country because the reader does not know the place); where in the
    country it lies the text does not say."""
    found: list[tuple[Span, PlaceMention]] = []
    for m in known:
        if m.place.level != "country":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start < 3 or doc[span.start - 1].text != ",":
            continue
        if span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s"):
            continue  # "near Teedaan, Somalia's ally": the country qualifies what follows
        k = span.start - 1
        while k > 0 and _name_part(doc, k - 1, lex) and not doc[k - 1].is_sent_start and span.start - 1 - k < 4:
            k -= 1
        name = doc[k : span.start - 1]
        if not len(name) or not _capitalised(name[0]) or k == 0 or doc[k - 1].lower_ not in _AT_PLACE:
            continue
        if any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in name):
            continue
        found.append((name, m))
    return found


# Where ``find_places`` leaves the places named only as part of a road's name.
ROADS_KEY = "sitrep.places.roads"


def road_mentions(adoc: AnnotatedDocument) -> list[PlaceMention]:
    """The places that only name roads ("the Halba highway", "the Dhaka-Aricha road"):
    not where anything happened by themselves, but the best clue when nothing else is."""
    return list(adoc.doc.user_data.get(ROADS_KEY, ()))


CAPITAL_PHRASE = re.compile(r"\b(?:the\s+)?(?P<demonym>[A-Z][a-z]+)\s+capital\b(?!\s+(?:of|city\s+of)\b)")


def capital_mentions(adoc: AnnotatedDocument, found: list[PlaceMention]) -> list[PlaceMention]:
    """ "the Qatari capital", "the Afghan capital": the country's capital, where no place
    mention already covers the phrase."""
    gaz = load_gazetteer()
    mentions = []
    for match in CAPITAL_PHRASE.finditer(adoc.document.text):
        if any(m.start < match.end() and match.start() < m.end for m in found if m.start >= match.start("demonym")):
            continue
        code = gaz.demonym(match.group("demonym"))
        capital = gaz.capital(code) if code else None
        if capital is not None:
            mentions.append(PlaceMention(match.start(), match.end(), match.group(0), capital))
    return mentions


def story_country(adoc: AnnotatedDocument) -> str | None:
    """The story's main country (alpha-2): weighted votes of places and demonyms."""
    gaz = load_gazetteer()
    if adoc.places:
        votes = _demonym_votes(adoc, gaz)
        marked = adoc.doc.user_data.get(MARKED_KEY) or []
        for m in adoc.places:
            # a name made a place by its level word only echoes the place it is beside
            if m.place.country and m not in marked:
                span = adoc.doc.char_span(m.start, m.end, alignment_mode="expand")
                weight = 1.5 if m.place.level != "country" else 1.0
                if span is not None and m.place.level == "country":
                    if span.root.dep_ in ("compound", "amod", "nmod", "poss"):
                        weight = 0.5
                votes[m.place.country] += weight
        return _best_country(votes)
    return _analyse(adoc)[2]
