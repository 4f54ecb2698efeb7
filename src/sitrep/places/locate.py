"""Where one event happened: the place attached to it, not where its reporter stood.

Within the event's text the place mentions that only locate a speaker ("said in
Kabul", a "KABUL:" dateline) are set aside; of the rest, the one nearest the event word
in the dependency tree wins, refined by a more precise place of the same province named
alongside it. Several provinces named together make a round-up (admin1 None, listed).
With no place in the text, the nearest earlier place of the same paragraph is used,
then the story's country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from sitrep.models import AnnotatedDocument, Place, PlaceMention
from sitrep.places.gazetteer import load_gazetteer
from sitrep.places.geoparse import (
    CAPITAL_PHRASE,
    MARKED_KEY,
    MARKED_KNOWN_KEY,
    lexicon,
    opens_a_dateline,
    opens_a_paragraph,
    road_mentions,
    unmarked_places,
)
from sitrep.places.names import fold, variants
from sitrep.text.spans import covering_entity, entities

Precision = Literal["place", "admin2", "admin1", "country"]
_PRECISION_RANK = {"place": 0, "admin2": 1, "admin1": 2, "country": 3}
# A bare date stamp some sites print before the dateline ("date 2019-08-28 Maputo —").


@dataclass(frozen=True)
class Location:
    country: str | None
    admin1: str | None
    admin2: str | None
    place: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: Precision | None
    admin1_list: tuple[str, ...] = ()
    admin1_local: str | None = None  # the gazetteer's own name of admin1

    def country_level(self) -> Location:
        """The same place told only as its country (an act of a whole side, a story's
        background): itself when it is no more precise than that."""
        if self.geo_precision == "country":
            return self
        return Location(self.country, None, None, None, None, None, "country")


def location_of(place: Place) -> Location:
    """A Location at the precision of one gazetteer place."""
    level = place.level
    return Location(
        country=place.country,
        admin1=place.admin1 if level != "country" else None,
        admin2=place.admin2 if level in ("place", "admin2") else None,
        place=place.name if level in ("place", "admin2") else None,
        latitude=place.latitude,
        longitude=place.longitude,
        geo_precision=level,
        admin1_local=place.admin1_local if level != "country" else None,
    )


# --- speaker places ------------------------------------------------------------------


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def is_dateline(text: str, m: PlaceMention) -> bool:
    """"KABUL:", "Kabul (BNA) -", "KABUL, May 9 —" at a paragraph's start; a name in capitals
    opening a paragraph is one without the punctuation too."""
    return opens_a_dateline(text, m.start, m.end) or (
        opens_a_paragraph(text, m.start) and m.text.isupper() and len(m.text) > 3)


def _tokens(doc: Doc, m: PlaceMention) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def is_modifier(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """A country name used to qualify a noun ("US commander", "US-Taliban deal")."""
    if m.place.level != "country":
        return False
    if adoc.document.text[m.end : m.end + 1] == "-":
        return True
    span = _tokens(adoc.doc, m)
    return span is not None and span.root.dep_ in ("compound", "amod", "nmod")


def is_speaker_place(adoc: AnnotatedDocument, m: PlaceMention, trigger: Token | None) -> bool:
    """The place only says where someone spoke ("said in Kabul", "told reporters in Doha")."""
    if is_dateline(adoc.document.text, m):
        return True
    span = _tokens(adoc.doc, m)
    if span is None:
        return False
    if _bracketed(adoc.document.text, m):
        return False  # "(Mamasapano, Maguindanao)" glosses where something happened
    lex = lexicon()
    tok = span.root
    # Climb the prepositional attachment: Kabul <- in <- said. Only a place reached
    # through a preposition places a speaker ("Aydin officials announced" does not).
    via_prep = False
    via_poss = span.root.dep_ == "poss"
    for _ in range(4):
        head = tok.head
        if head is tok:
            break
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            if head.lemma_.lower() not in lex.reporting or (trigger is not None and head == trigger):
                return False
            if any(c.dep_ in ("advmod", "mark") and c.lower_ == "as" for c in head.children):
                # "(as reported), in Guarenas, ...": an "as" aside says the story was told,
                # by no one anywhere; a place the parser hangs on it is the event's
                return False
            # "it was reported in X that...", "a video was published in X": no one speaks.
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
            if passive and tok.dep_ == "agent" and via_poss:
                # "was quoted by the Emirati's news agency": the owner of whoever reported,
                # in the passive's by-phrase, is where the reporter is from
                return True
            # "told state-run Radio Mogadishu": the one told is an addressee, never where
            if tok.i == span.root.i and tok.dep_ == "dobj" and head.lemma_.lower() in ("tell", "brief"):
                return True
            # "told the press in Moscow": the audience is where the speaker was.
            audience = tok.dep_ == "dobj" and tok.lemma_.lower() in lex.audiences
            # "embassies in Yangon said that the bombing ...", in a story set in Kachin:
            # where the speakers are, told inside the subject and away from the province
            # the story keeps to, is not where the event they tell of was ("Kunduz police
            # said", "the governor of Kunduz said" tell whose they are; "police in Kandahar
            # said" in a story of no one province may well be local). Only for an event's
            # own words: as the story's setting, "an official in Bandiagara said" is local.
            located_speaker = (trigger is not None and tok.dep_ == "nsubj"
                               and _placed_by(span.root) in ("in", "at") and _away_from_story(adoc, m))
            return via_prep and (tok.dep_ == "prep" or audience or located_speaker) and not passive
        tok = head
        via_prep = via_prep or tok.dep_ == "prep"
    return False


def _away_from_story(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """The place lies outside the province the story keeps coming back to."""
    focus = _focus_province(adoc)
    return focus is not None and (m.place.country, m.place.admin1) != (focus.country, focus.admin1)


def _phrase_head(tok: Token) -> Token:
    """The head of the noun phrase a name is part of ("Dhamar" in "from Dhamar governorate")."""
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head is not tok:
        tok = tok.head
    return tok


def _placed_by(tok: Token) -> str | None:
    """The preposition a name hangs on ("in" of "embassies in Yangon"), if any."""
    tok = _phrase_head(tok)
    return tok.head.lower_ if tok.dep_ == "pobj" else None


def in_speaker_phrase(adoc: AnnotatedDocument, m: PlaceMention, trigger: Token | None) -> bool:
    """The place is inside the subject of a verb of speaking that tells the event ("Turkey's
    defence ministry said its artillery had killed ...", "Kunduz police said"): it says who
    spoke, so it yields to a place the report itself names."""
    span = _tokens(adoc.doc, m)
    if span is None or trigger is None or span.sent.start != trigger.sent.start:
        return False
    reporting = lexicon().reporting
    for tok in [span.root, *span.root.ancestors]:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in reporting:
            verb = tok.head
            return verb != trigger and verb in trigger.ancestors and tok not in (trigger, *trigger.ancestors)
    return False


def _bracketed(text: str, m: PlaceMention) -> bool:
    """The mention sits inside round brackets of its own line."""
    before = text[max(0, m.start - 80) : m.start]
    after = text[m.end : m.end + 80]
    return before.rfind("(") > before.rfind(")") and (after.find(")") != -1) and (
        after.find("(") == -1 or after.find(")") < after.find("(")
    )


# --- choosing ------------------------------------------------------------------------


def _path_len(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    ancestors_a = [a, *a.ancestors]
    depth = {t.i: k for k, t in enumerate(ancestors_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return depth[t.i] + k
    return 99


_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:and|&|or|as well as))\s*$")
_CONJ_GAP = re.compile(r"^\s*,?\s*(?:and|&|or|as well as)\s*$")


def _round_up(chosen: list[PlaceMention], text: str, primary: PlaceMention) -> tuple[str, ...]:
    """Distinct provinces of one country named together as a list ("Kandahar, Helmand
    and Zabul provinces") that holds the event's own place; provinces named apart ("in
    Gujarat ... migrants from Bihar") or a list elsewhere in the text are no round-up."""
    groups: list[list[PlaceMention]] = []
    for m in chosen:
        if not m.place.admin1 or m.place.level == "country":
            continue
        gap = text[groups[-1][-1].end : m.start] if groups else ""
        provincial = all(o.place.level == "admin1" or _namesake_of_province(o.place) for o in (m, groups[-1][-1])) if groups else True
        # Towns or districts in a list spread the event over their provinces only when
        # joined by a conjunction ("from Bagram and Pul-e-Charkhi jails"): a bare comma
        # after a town more often adds its province ("Sirwah, Marib").
        if groups and _LIST_GAP.match(gap) and (provincial or _CONJ_GAP.match(gap)):
            groups[-1].append(m)
        else:
            groups.append([m])
    for group in groups:
        names = list(dict.fromkeys(m.place.admin1 for m in group))
        if len(names) >= 2 and len({m.place.country for m in group}) == 1 and primary in group:
            return tuple(names)  # type: ignore[arg-type]
    return ()


def _namesake_of_province(p: Place) -> bool:
    """A town that shares its province's name ("Yala" the town, of Yala province): named
    in a list of provinces, it stands for its province."""
    return p.level == "place" and fold(p.name) == fold(p.admin1 or "")


def _refine(primary: PlaceMention, pool: list[PlaceMention]) -> Location:
    """The primary place, made more precise by a place inside it named nearby."""
    best = primary.place
    for m in pool:
        p = m.place
        inside = (
            best.level == "country" and p.country == best.country
        ) or (best.level == "admin1" and p.country == best.country and p.admin1 == best.admin1)
        if inside and _PRECISION_RANK[p.level] < _PRECISION_RANK[best.level]:
            best = p
    return location_of(best)


STRAY_POPULATION = 50_000


def is_stray(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """A town abroad in a story about another country, small or matched only by a
    foreign-language alternate name: more likely a word or a village our gazetteer
    lacks than a real place ("Weige" read as Vigo, Spain, in a story about Nigeria)."""
    p = m.place
    if adoc.country is None or p.country == adoc.country or p.level not in ("place", "admin2"):
        return False
    if CAPITAL_PHRASE.fullmatch(m.text):
        return False  # "the Qatari capital" names its city by description, not by a foreign spelling
    if _glued_to_name(adoc, m):
        return True  # "General Fire Man": the last word of a longer name, not Man in Côte d'Ivoire
    if _country_named_alongside(adoc, m):
        return False  # "the border town of Kiryat Shmona, in Israel's north"
    # Small, or only matched by an alternate name in some other language ("Weige", Vigo).
    return p.population < STRAY_POPULATION or fold(m.text) not in variants(p.name)


def _country_named_alongside(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """The sentence of a mention also names the mention's own country."""
    span = _tokens(adoc.doc, m)
    if span is None:
        return False
    sent = span.sent
    return any(
        o.place.level == "country" and o.place.country == m.place.country
        and sent.start_char <= o.start < sent.end_char
        for o in adoc.places
    )


def _glued_to_name(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """A one-word name right after a capitalised word that is no place of the text nor a
    word of bearing or size ("Fire Man", not "Greater Manchester" or "Kabul, Herat")."""
    span = _tokens(adoc.doc, m)
    if span is None or len(span) != 1 or span.start == 0 or span[0].is_sent_start:
        return False
    prev = adoc.doc[span.start - 1]
    if not (prev.is_alpha and prev.text[:1].isupper()) or prev.is_stop or prev.is_sent_start:
        return False
    lex = lexicon()
    if prev.lower_ in lex.compass_words or prev.lower_ in lex.level_words:
        return False
    return not any(o.start <= prev.idx < o.end for o in adoc.places)


def _pick(adoc: AnnotatedDocument, pool: list[PlaceMention], trigger: Token | None) -> Location:
    doc = adoc.doc
    if trigger is not None:
        def distance(m: PlaceMention) -> tuple:
            span = _tokens(doc, m)
            if span is None or span.sent.start != trigger.sent.start:
                return (1, abs(m.start - trigger.idx))
            return (0, _path_len(trigger, span.root), _PRECISION_RANK[m.place.level])

        # where people came from ("labourers from Maharashtra held a protest in Barwani")
        # only when the text names nowhere else
        # nor a place the event's own place is only measured from ("in Taji, just north of
        # Baghdad")
        # nor whose the speaker is ("Turkey's defence ministry said its artillery had
        # killed ... in the Idlib region"), when what was said names a place of its own
        # nor a place inside a name that only qualifies a noun ("an Assam Rifles camp in Mon
        # town", "the Punjab Police post in Tarn Taran")
        primary = min(pool, key=lambda m: (_is_origin(adoc, m), is_reference_point(adoc, m),
                                           in_speaker_phrase(adoc, m, trigger), is_qualifier(adoc, m), distance(m)))
    else:
        # No event word: the first place in the story's country, refined below by a
        # more precise place of the same province.
        in_story = [m for m in pool if m.place.country == adoc.country] or pool
        # "reinforcements from Dhamar arrived in Radman": where people came from is not
        # where the event happened, when another place is named.
        # A place that only qualifies a noun ("Punjab Technical University", "the
        # Tamil Nadu government", "Karnataka's move") yields to one named for itself.
        # A place another is only measured from ("8 km west of Kobane") yields too.
        fits = (
            lambda m: not _is_origin(adoc, m) and not is_qualifier(adoc, m) and not is_reference_point(adoc, m),
            lambda m: not _is_origin(adoc, m) and not is_qualifier(adoc, m),
            lambda m: not _is_origin(adoc, m),
        )
        # Of the story's country first, then any: a place that only qualifies a noun or
        # is only a reference point ("St Albans Prison in Port Elizabeth", "a township
        # near Berlin") yields to one named for itself, even abroad, when the story's
        # country was read from the text (which those very names may have misled), not
        # given with the collection.
        # (a country's name abroad is what a story is about more often than where)
        abroad = [m for m in pool if m not in in_story and m.place.level != "country"] if not adoc.country_hint else []
        primary = next((m for fit in fits for m in in_story + abroad if fit(m)), in_story[0])
        if primary.place.level in ("place", "admin2"):
            # A town is only trusted if no province named beside it contradicts it, or
            # another mention confirms its province ("Sirwah (Marib), ... and Al Jawf").
            provinces = [m for m in in_story if m.place.level == "admin1" and not is_qualifier(adoc, m)]
            confirmed = {m.place.admin1 for m in in_story if m is not primary}
            if provinces and primary.place.admin1 not in confirmed:
                primary = provinces[0]
    roundup = _round_up(pool, adoc.document.text, primary)
    if roundup:
        return _country_round_up(primary.place.country or "", roundup)
    return _refine(primary, [m for m in pool if m is not primary])


def _country_round_up(code: str, provinces: tuple[str, ...]) -> Location:
    """The country, listing the provinces an event spread over."""
    country = load_gazetteer().country(code)
    return Location(
        country=code,
        admin1=None,
        admin2=None,
        place=None,
        latitude=country.latitude if country else None,
        longitude=country.longitude if country else None,
        geo_precision="country",
        admin1_list=provinces,
    )


# A compass word before a country's name ("in central Mali") and the side of the
# country's centre the province it means lies on: (axis of (latitude, longitude), sign).
_COMPASS_SIDE = {
    "northern": ((0, 1),), "southern": ((0, -1),), "eastern": ((1, 1),), "western": ((1, -1),), "central": None,
    "north": ((0, 1),), "south": ((0, -1),), "east": ((1, 1),), "west": ((1, -1),),
    "northeastern": ((0, 1), (1, 1)), "northwestern": ((0, 1), (1, -1)),
    "southeastern": ((0, -1), (1, 1)), "southwestern": ((0, -1), (1, -1)),
}


def _part_of_country(
    adoc: AnnotatedDocument, pool: list[PlaceMention], found: Location, trigger: Token | None = None
) -> Location:
    """ "killed 18 civilians in central Mali": a part of the story's country, named by a
    compass word, is the one province the story names (Mopti) when it lies on that side.
    With an event word, the part must be where the event word or its own argument is
    ("killed ... civilians in central Mali"), not where a frame around it was ("killed
    during military operations in central Somalia", or an event word in the plural:
    operations over many places)."""
    if found.geo_precision != "country" or found.admin1_list or not adoc.country or found.country != adoc.country:
        return found
    if trigger is not None and trigger.tag_ in ("NNS", "NNPS"):
        return found  # "operations in central Somalia": many events, over many places
    sides = []
    for m in pool:
        span = _tokens(adoc.doc, m)
        if m.place.level != "country" or m.place.country != adoc.country or span is None:
            continue
        if trigger is not None and not _attached_to_event(span.root, trigger):
            continue
        sides += [c.lower_ for c in span.root.children if c.dep_ == "amod" and c.lower_ in _COMPASS_SIDE]
    if not sides:
        return found
    province = _sole_province(adoc)
    country = load_gazetteer().country(adoc.country)
    if province is None or country is None:
        return found
    for axis, sign in _COMPASS_SIDE[sides[0]] or ():
        here = (province.latitude, province.longitude)[axis]
        centre = (country.latitude, country.longitude)[axis]
        if (here - centre) * sign <= 0:
            return found
    return location_of(province)


SITE_REACH = 4  # sentences between an event's site and "the <site>" placed elsewhere
_SITE_PREPS = frozenset({"on", "at", "in", "near", "outside", "inside", "into"})


def _site_placed_elsewhere(
    adoc: AnnotatedDocument, start: int, end: int, trigger: Token | None, found: Location
) -> Location:
    """ "an attack on a military base in Somalia" ... "the base located in Lower Juba
    province": the site the event word's sentence names only at country level (a noun
    after "on", "at", "in" or the event verb's object) is placed where the story, naming
    "the <site>" again within a few sentences, says it lies."""
    if trigger is None or found.geo_precision != "country" or found.admin1_list or found.country != adoc.country:
        return found
    sent = trigger.sent
    level_words = lexicon().level_words
    sites = {
        t.lemma_.lower() for t in sent
        if start <= t.idx < end and t.pos_ == "NOUN" and level_words.get(t.lower_, "place") == "place"
        and ((t.dep_ == "pobj" and t.head.lower_ in _SITE_PREPS) or (t.dep_ == "dobj" and t.head == trigger))
    }
    if not sites:
        return found
    sentences = adoc.sentences
    here = next(k for k, s in enumerate(sentences) if s.start == sent.start)
    text = adoc.document.text
    best: tuple[int, Place] | None = None
    for k in range(max(0, here - SITE_REACH), min(len(sentences), here + SITE_REACH + 1)):
        if k == here:
            continue
        for t in sentences[k]:
            if t.lemma_.lower() not in sites or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                continue
            lo, hi = t.idx, max(x.idx + len(x) for x in t.subtree)
            for m in adoc.places:
                if not (lo <= m.start and m.end <= hi) or m.place.country != adoc.country or m.place.level == "country":
                    continue
                if is_dateline(text, m) or is_speaker_place(adoc, m, None) or is_qualifier(adoc, m) or _is_origin(adoc, m):
                    continue
                if best is None or abs(k - here) < best[0]:
                    best = (abs(k - here), m.place)
    return location_of(best[1]) if best else found


_EVENT_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})


def _attached_to_event(tok: Token, trigger: Token) -> bool:
    """ "in X" hangs on the event word itself or on one of its own arguments."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    holder = tok.head.head
    # "a raid on the village of Solhan in northeastern Burkina Faso": the part holds the
    # event's target, named through "on"/"of" from the event word
    for _ in range(3):
        if holder == trigger or (holder.head == trigger and holder.dep_ in _EVENT_ARGUMENTS):
            return True
        if holder.dep_ != "pobj" or holder.head.lower_ not in _TARGET_PREPS:
            return False
        holder = holder.head.head
    return False


_TARGET_PREPS = frozenset({"on", "of", "at", "against"})


def _qualifies_in_aside(adoc: AnnotatedDocument, m: PlaceMention, trigger: Token | None) -> bool:
    """ "outside the funeral of a hitman who had worked for the Jalisco cartel": a name
    that qualifies a noun inside a relative clause the event word is not in describes
    someone in the event, not where it happened."""
    if trigger is None or not is_qualifier(adoc, m):
        return False
    span = _tokens(adoc.doc, m)
    if span is None or span.sent.start != trigger.sent.start:
        return False
    above = set(t.i for t in trigger.ancestors) | {trigger.i}
    return any(t.dep_ == "relcl" and t.i not in above for t in span.root.ancestors)


def _venue_abroad(adoc: AnnotatedDocument, found: Location) -> Location:
    """ "talks ended Friday in Mexico" in a story about Colombia: when the story names one
    province of that other country (the talks in Mexico City), that is where they were."""
    if found.geo_precision != "country" or not found.country or found.country == adoc.country:
        return found
    text = adoc.document.text
    # where someone spoke there ("In Ankara, the ministry said") is no venue
    there = [m for m in adoc.places
             if m.place.country == found.country and m.place.level != "country" and not is_dateline(text, m)
             and not is_speaker_place(adoc, m, None)]
    if len({m.place.admin1 for m in there}) != 1:
        return found
    return location_of(there[0].place)


def _qualifies_from_abroad(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """ "a rally in Karak over the Paris attack": a place abroad that only qualifies a noun
    is what the event is about, not where it happened."""
    return bool(adoc.country) and m.place.country != adoc.country and is_qualifier(adoc, m)


def is_qualifier(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """The name qualifies a noun rather than naming where: part of a longer named
    entity ("Punjab Technical University"), or a compound or possessive modifier ("the
    Tamil Nadu government", "Karnataka's move")."""
    span = _tokens(adoc.doc, m)
    if span is None:
        return False
    # Entities do not overlap: only the one holding the span's first token can hold the span.
    holders = [covering_entity(adoc.doc, span.start, span.start + 1)] if len(span) else entities(adoc.doc)
    for e in filter(None, holders):
        end = e.end - 1 if e[-1].text in ("'s", "’s") else e.end  # "Surat Thani's"
        if e.start <= span.start and end >= span.end and (e.start, end) != (span.start, span.end):
            return e.label_ in ("ORG", "FAC", "PERSON")
    head = span.root.head
    lex = lexicon()
    if (span.root.dep_ == "compound" and head.pos_ == "PROPN" and head.i == span.end and head.dep_ == "compound"
            and head.head.pos_ == "NOUN" and head.text[:1].isupper() and head.lower_ not in lex.features
            and not any(o.start <= head.idx < o.end for o in adoc.places)):
        # "an Assam Rifles camp", "a Punjab Police post": the first word of a body's name
        # the parser did not tag, itself qualifying a noun
        return True
    # "Radhan town", "Jehanabad district": the level word names the place itself.
    return (
        span.root.dep_ in ("compound", "poss")
        and head.pos_ == "NOUN"
        and head.lower_ not in lex.level_words
        and head.lower_ not in lex.place_nouns
    )


_DISTANCE_UNITS = frozenset({"km", "kms", "kilometre", "kilometer", "mile", "metre", "meter"})


def is_reference_point(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """The place is only what another is measured from: "(some 50 km) south of Baghdad",
    "30 kilometres from Kilinochchi". The place so measured is where things happened.
    "In the east of Hodeidah" is a part of the city, not a bearing from it."""
    span = _tokens(adoc.doc, m)
    if span is None:
        return False
    tok = _phrase_head(span.root)
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "from"):
        return False
    holder = tok.head.head
    if holder.lower_ in lexicon().bearings:
        return not any(c.dep_ in ("det", "poss") for c in holder.children)
    return holder.lemma_.lower() in _DISTANCE_UNITS


def _is_origin(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    span = _tokens(adoc.doc, m)
    if span is None:
        return False
    tok = _phrase_head(span.root)  # "from Dhamar governorate"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head  # "shells fired from the direction of Israel", "from the outskirts of"
    return tok.dep_ == "pobj" and tok.head.lower_ == "from"


def _trigger_token(doc: Doc, trigger: int | None) -> Token | None:
    if trigger is None:
        return None
    span = doc.char_span(trigger, trigger + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def event_mentions(
    adoc: AnnotatedDocument, start: int, end: int, trigger: int | None = None
) -> list[PlaceMention]:
    """The place mentions in text[start:end] that may locate the event (speakers removed)."""
    tok = _trigger_token(adoc.doc, trigger)
    inside = [m for m in adoc.places if m.start >= start and m.end <= end]
    return [
        m
        for m in inside
        if not is_modifier(adoc, m) and not is_actor(adoc, m) and not is_speaker_place(adoc, m, tok)
        and not is_seat_of_power(adoc, m) and not names_whose(adoc, m)
    ]


def names_whose(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """The place only says whose or from where a participant is: the possessor or
    compound modifier of a person ("Fiji's Vijay Singh") or of a noun of people, bodies
    or outlets ("a Tampa woman", "Mexico's army", "Caracas' newspaper")."""
    span = _tokens(adoc.doc, m)
    if span is None or span.root.dep_ not in ("poss", "compound"):
        return False
    head = span.root.head
    if head.pos_ not in ("NOUN", "PROPN") or head.i in range(span.start, span.end):
        return False
    ent = covering_entity(adoc.doc, span.start, span.end)
    if ent is not None and (ent.start, ent.end) != (span.start, span.end):
        return False  # a word of a longer name ("the All Assam Tea Tribe Association"): is_qualifier's
    if head.ent_type_ == "PERSON" and span.root.dep_ == "poss" and span.root.ent_type_ != "PERSON":
        return True  # "Fiji's Vijay Singh"; a compound before a PERSON tag is too often a body's name
    return head.lemma_.lower() in lexicon().whose or head.lower_ in lexicon().whose


def is_capital(m: PlaceMention) -> bool:
    """Whether the place is its country's capital."""
    capital = load_gazetteer().capital(m.place.country or "")
    return capital is not None and fold(capital.name) == fold(m.place.name)


def is_seat_of_power(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """The place names a government by its seat ("troops loyal to the regime in
    Yaounde", "the government in Kabul"): who acted, not where."""
    span = _tokens(adoc.doc, m)
    if span is None:
        return False
    tok = span.root
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lemma_.lower() in lexicon().handed_over:
        # "20 captives have been returned to Kiev": handed to the government of the capital
        return is_capital(m)
    if not (tok.dep_ == "pobj" and prep.lower_ == "in" and prep.head is not prep):
        return False
    seats = lexicon().seats_of_power
    holder = prep.head
    # "the technical team of the government in Kabul": the parser may hang the place on
    # the noun the government's "of" qualifies; it is still the government's seat.
    of_seat = any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in seats for g in c.children)
        for c in holder.children
    )
    return holder.lemma_.lower() in seats or of_seat


def is_actor(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """A country that acts ("Colombia and the ELN agreed", "Pakistan launched strikes"):
    the subject of a verb is a party, not where the event happened; so is a capital that
    speaks or decides for its government (``is_capital_government``)."""
    if m.place.level != "country":
        return is_capital_government(adoc, m)
    span = _tokens(adoc.doc, m)
    if span is None:
        return False
    tok = span.root
    if tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "dobj"):
        tok = tok.head
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        # "accusing Armenia of opening fire", "blamed Israel for shelling": the object
        # of the verb is who did the deed its "of"/"for" clause tells
        return any(
            c.dep_ == "prep" and c.lower_ in ("of", "for") and any(g.dep_ == "pcomp" and g.pos_ == "VERB" for g in c.children)
            for c in tok.head.children
        )
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        # "a ceasefire agreed by Russia and Turkey": the doer of a passive is a party too
        return True
    return tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX")


def is_capital_government(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """A capital named for its government: the subject of a verb of speaking or deciding
    ("Kiev has expressed hopes"), or one party of "between" X and a group that is no place
    ("a ceasefire between Kiev and the separatists")."""
    if not is_capital(m):
        return False
    span = _tokens(adoc.doc, m)
    if span is None:
        return False
    tok = span.root
    if tok.dep_ == "conj" and tok.head.dep_ == "nsubj":
        tok = tok.head  # "both Moscow and Ankara say"
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lexicon().government_verbs:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "between":
        others = [c for c in tok.children if c.dep_ == "conj"]
        return bool(others) and not any(o.idx <= p.start < o.idx + len(o) for o in others for p in adoc.places)
    return False


def _sole_province(adoc: AnnotatedDocument) -> Place | None:
    """The one province, in the story's country, that every place the story names lies
    in (datelines and speakers' places aside), as an admin1 ``Place``; else None.

    A story that also names a place abroad (talks in Doha about a clash in Badakhshan)
    is not set in one province, so its unplaced events stay at country level.

    Every event without a place of its own asks; the answer is kept in ``doc.user_data``
    with the places and country it was read from, and read again only when they change."""
    return _story_provinces(adoc)[0]


def _speaker_elsewhere(adoc: AnnotatedDocument, trigger: Token | None, province: Place) -> bool:
    """The event word's sentence places its speaker in another province of the country
    ("said in Kiev", not a dateline)."""
    if trigger is None:
        return False
    sent = trigger.sent
    text = adoc.document.text
    return any(
        sent.start_char <= m.start < sent.end_char and m.place.level != "country" and m.place.country == province.country
        and m.place.admin1 != province.admin1 and not is_dateline(text, m) and is_speaker_place(adoc, m, trigger)
        for m in adoc.places
    )


def _focus_province(adoc: AnnotatedDocument) -> Place | None:
    """The story's one province, or the one it keeps coming back to: named at least
    three times as often as all its other places together ("the West Bank" six times,
    Gaza twice)."""
    return _story_provinces(adoc)[1]


def _story_provinces(adoc: AnnotatedDocument) -> tuple[Place | None, Place | None]:
    key = (adoc.country, tuple(adoc.places))
    cached = adoc.doc.user_data.get(SOLE_PROVINCE_KEY)
    if cached is not None and cached[0] == key:
        return cached[1]
    provinces = _find_story_provinces(adoc)
    adoc.doc.user_data[SOLE_PROVINCE_KEY] = (key, provinces)
    return provinces


SOLE_PROVINCE_KEY = "sitrep.places.sole_province"
DOMINANT_SHARE = 3


def _find_story_provinces(adoc: AnnotatedDocument) -> tuple[Place | None, Place | None]:
    text = adoc.document.text
    # A stray namesake abroad ("Addis" read as a hamlet in the US) says nothing about
    # the story's setting; a place abroad whose country the story names does.
    countries = {adoc.country} | {m.place.country for m in adoc.places if m.place.level == "country"}
    named = Counter(
        (m.place.country, m.place.admin1)
        for m in adoc.places
        if m.place.level != "country" and m.place.admin1 and m.place.country in countries
        and not is_dateline(text, m) and not is_modifier(adoc, m) and not is_speaker_place(adoc, m, None)
        and not is_seat_of_power(adoc, m) and not is_capital_government(adoc, m)
        and not (m.place.country != adoc.country and _announced_at(adoc, m))
    )
    if not named or adoc.country is None:
        return None, None
    (country, admin1), top = named.most_common(1)[0]
    if country != adoc.country or top < DOMINANT_SHARE * (sum(named.values()) - top):
        return None, None
    province = load_gazetteer().admin1(country, admin1)
    return (province if len(named) == 1 else None), province


def _announced_at(adoc: AnnotatedDocument, m: PlaceMention) -> bool:
    """The place is where something was told, in either voice ("the truce was announced in
    Moscow", "said in Doha"): a place abroad so named is where the parties met, not where
    the story is set."""
    span = _tokens(adoc.doc, m)
    if span is None:
        return False
    tok = _phrase_head(span.root)
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in ("in", "at"):
        return False
    return tok.head.head.lemma_.lower() in lexicon().reporting


def _named_before(adoc: AnnotatedDocument, start: int, end: int, trigger: Token | None) -> Place | None:
    """ "the Taliban attacked the district": a bare "the district" (or "the province", "the
    village") in the event's sentence is the division of that level the story has named
    most often before it (of equals, the first named: the story's own)."""
    if trigger is None:
        return None
    anaphoric = lexicon().anaphoric_levels
    levels = [
        anaphoric[t.lower_] for t in trigger.sent
        if t.lower_ in anaphoric and start <= t.idx < end
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        and not any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in t.children)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
    ]
    if not levels:
        return None
    text = adoc.document.text
    before = [
        m for m in adoc.places
        if m.end <= start and m.place.level == levels[0] and not is_dateline(text, m)
        and not is_speaker_place(adoc, m, None) and not is_stray(adoc, m)
    ]
    if not before:
        return None
    key = lambda m: (m.place.country, m.place.admin1, m.place.name)  # noqa: E731
    counts = Counter(key(m) for m in before)
    best = max(range(len(before)), key=lambda k: (counts[key(before[k])], -k))
    return before[best].place


def _marked_within(adoc: AnnotatedDocument, pool: list[PlaceMention], found: Location) -> Location:
    """ "in the village of X near Jenin": the small unknown place the text sets inside
    the place it picked names it more precisely; province and point stay the picked
    place's, the gazetteer knowing no better."""
    marked = adoc.doc.user_data.get(MARKED_KEY) or []
    for m in pool:
        p = m.place
        if m in marked and p.country == found.country and p.admin1 == found.admin1:
            return replace(found, place=p.name, geo_precision="place")
    small = adoc.doc.user_data.get(MARKED_KNOWN_KEY) or []
    for m in pool:
        p = m.place
        if m in small and p.country == found.country and p.admin1 == found.admin1 and p.name != found.place:
            return location_of(p)  # "near Sirrin town in the countryside of Kobane"
    return found


def locate_event(
    adoc: AnnotatedDocument, start: int, end: int, trigger: int | None = None
) -> Location | None:
    """Where the event told in text[start:end] happened (see module docstring)."""
    tok = _trigger_token(adoc.doc, trigger)
    pool = event_mentions(adoc, start, end, trigger)
    if tok is None and not pool:
        # A whole passage whose only places are where someone spoke or reported: the
        # passage is about its own ground, so they still say more than the country.
        text = adoc.document.text
        pool = [
            m
            for m in adoc.places
            if m.start >= start and m.end <= end and not is_modifier(adoc, m) and not is_dateline(text, m)
        ]
    if tok is None and pool:
        pool = _first_placing_sentence(adoc, pool)
    pool = [m for m in pool if not is_stray(adoc, m) and not _qualifies_from_abroad(adoc, m)
            and not _qualifies_in_aside(adoc, m, tok)]
    if pool:
        # a marked name only refines the place picked among the known ones
        marked = adoc.doc.user_data.get(MARKED_KEY) or []
        known = [m for m in pool if m not in marked] or pool
        found = _venue_abroad(adoc, _pick(adoc, known, tok))
        found = _site_placed_elsewhere(adoc, start, end, tok, _part_of_country(adoc, pool, found, tok))
        if tok is None and found.geo_precision == "country" and not found.admin1_list and found.country == adoc.country:
            found = _unmarked_place(adoc, start, end) or found
        return _marked_within(adoc, pool, found)
    # "protesters blocked the Halba highway": the road's town is all the text gives.
    roads = [m for m in road_mentions(adoc) if m.start >= start and m.end <= end and not is_stray(adoc, m)]
    if roads:
        # "on the Pattani-Narathiwat road": a road between provinces lies in neither
        joined = list(dict.fromkeys(m.place.admin1 for m in roads if m.place.admin1))
        if len(joined) >= 2 and len({m.place.country for m in roads}) == 1:
            return _country_round_up(roads[0].place.country, tuple(joined))  # type: ignore[arg-type]
        return _pick(adoc, roads, tok)
    if tok is not None and is_groundless(tok):
        # "the truce started on Monday", "the release of 24 hostages": an act with no
        # ground of its own takes no place from the rest of the story
        return _country_location(adoc)
    told_before = _named_before(adoc, start, end, tok)
    if told_before is not None:
        return location_of(told_before)
    text = adoc.document.text
    para = _paragraph_start(text, start)
    earlier = [m for m in adoc.places if para <= m.start < start and not is_dateline(text, m)]
    earlier = [
        m
        for m in earlier
        if not is_modifier(adoc, m) and not is_speaker_place(adoc, m, None) and not is_stray(adoc, m)
        and not _qualifies_from_abroad(adoc, m) and not is_seat_of_power(adoc, m) and not is_actor(adoc, m)
    ]
    own_sentence = tok.sent.start_char if tok is not None else start
    # where something was announced in another sentence ("The truce was announced in
    # Moscow.") is where parties met, not where a later act was
    earlier = [m for m in earlier if m.start >= own_sentence or not _announced_at(adoc, m)]
    if adoc.country:
        # a place abroad told in another sentence ("Israel began bombarding the Gaza Strip.
        # Hezbollah said three of its fighters had been killed") is no ground for an event
        # whose own words name none: the story's own country or province is
        earlier = [m for m in earlier if m.place.country == adoc.country]
    if earlier:
        return location_of(earlier[-1].place)
    filed_from = _dateline_referent(adoc, start, end)
    if filed_from is not None:
        return location_of(filed_from.place)
    province = _sole_province(adoc)
    if province is not None and _speaker_elsewhere(adoc, tok, province):
        # "Lysenko said in Kiev that 73 soldiers had been freed": told from another province,
        # the act is not one of the story's own province
        province = None
    if province is None and not any(m.start >= start and m.end <= end for m in adoc.places):
        # Nothing in the text, not even where its speaker was ("said in Kiev"): the
        # story's focus is where the event was.
        province = _focus_province(adoc)
    if province is not None:
        return location_of(province)
    if tok is None:
        return _unmarked_place(adoc, start, end) or _country_location(adoc)
    return _country_location(adoc)


#: A settlement named by its kind alone: "in the city", "the city's police compound", "the
#: provincial capital", "the capital" (not "the city of Goma", "the Afghan capital").
BARE_SETTLEMENT = re.compile(r"\bthe\s+(?P<kind>(?:provincial\s+|regional\s+)?(?:city|town|capital))\b(?!\s+of\b)", re.IGNORECASE)


def _dateline_referent(adoc: AnnotatedDocument, start: int, end: int) -> PlaceMention | None:
    """The one settlement the story has named, when the event's text names its settlement
    only by its kind ("PESHAWAR: ... a mosque inside the city's police compound", after a
    headline or dateline naming Peshawar): the city the story is about. With two or more
    settlements named before, which one is meant is unknown; "the capital" is the named
    one only when that is its country's capital."""
    text = adoc.document.text
    bare = BARE_SETTLEMENT.search(text, start, end)
    if bare is None:
        return None
    before = [m for m in adoc.places if m.start < start and m.place.level == "place"
              and not is_modifier(adoc, m) and not is_stray(adoc, m)]
    if len({fold(m.place.name) for m in before}) != 1:
        return None
    named = before[0]
    if bare.group("kind").lower() == "capital" and not is_capital(named):
        return None
    return named


def _unmarked_place(adoc: AnnotatedDocument, start: int, end: int) -> Location | None:
    """A whole passage that names no place below its country ("Osmania University
    students protested"): the first name the geoparser set aside as too weakly marked is
    still a better guess at its province than the country. Only for whole passages: an
    event word's own sentence or paragraph has better places to fall back on."""
    found = [m for m in unmarked_places(adoc) if start <= m.start and m.end <= end]
    return location_of(found[0].place) if found else None


def _first_placing_sentence(adoc: AnnotatedDocument, pool: list[PlaceMention]) -> list[PlaceMention]:
    """Whole passages (ACLED notes): the mentions of the first sentence that names where
    in its country something happened; a sentence whose places only name a country, say
    where people came from or qualify a noun ("militants coming from Kunar province",
    "the attack on a Peshawar shrine") yields to a later one that names a place for
    itself; with none, the first sentence that names a place."""
    by_sentence: dict[int, list[PlaceMention]] = {}
    for m in pool:
        span = _tokens(adoc.doc, m)
        by_sentence.setdefault(span.sent.start if span is not None else -1, []).append(m)
    groups = list(by_sentence.values())

    def placing(m: PlaceMention) -> bool:
        # a country's name alone does not say where in it
        return (m.place.level != "country" and not _is_origin(adoc, m) and not is_qualifier(adoc, m)
                and not is_stray(adoc, m))

    return next((g for g in groups if any(placing(m) for m in g)), groups[0])


def is_groundless(tok: Token) -> bool:
    """An act with no ground of its own: the word itself ("the release of 24 hostages"),
    or a verb whose subject is one ("the truce started", "the deal took effect"): the verb
    tells what the truce itself did, and the truce has no ground. (Not its object: "the
    rebels violated the truce" is something the rebels did somewhere.)"""
    acts = lexicon().groundless_acts
    if tok.lemma_.lower() in acts:
        return True
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lemma_.lower() in acts or c.lower_ in acts)
               for c in tok.children)


def _country_location(adoc: AnnotatedDocument) -> Location | None:
    """The story's country as a location, or None when the story has none."""
    if adoc.country:
        country = load_gazetteer().country(adoc.country)
        if country is not None:
            return location_of(country)
    return None
