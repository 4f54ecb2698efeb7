"""In-document actor resolution: every actor mention of one article, each tied to one Actor.

Steps, in order: scan the text for KB phrases (token n-grams, longest first); join
country qualifiers with the institution or category they qualify ("Afghan security
forces"); find people (spaCy PERSON entities and titled names) and cluster their name
variants (titles, surnames, typos) with a KB person when one fits; learn a person's
affiliation from appositions and title phrases; expand abbreviations the text defines;
resolve definite descriptions and pronouns to the most recent compatible actor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from sitrep.actors.kb import KnowledgeBase, Phrase, load_kb
from sitrep.actors.names import ascii_fold, token_spans
from sitrep.models import Actor, ActorMention, AnnotatedDocument
from sitrep.text.spans import entities, first_conjunct

#: Which phrase wins when several are written the same way.
#: Lower-case words inside a person's name: "Abdel Fattah el-Sisi", "Ali bin Ahmed", "Iyad ag Ghaly".
NAME_PARTICLES = frozenset({"-", "al", "el", "bin", "ibn", "bint", "ag", "ould", "de", "da", "di", "do", "dos", "du",
                            "del", "van", "von", "der"})

PRIORITY = {"person": 0, "actor": 1, "reference": 2, "institution": 3, "category": 4, "armed": 5, "people": 5, "country": 6, "demonym": 7,
            "capital": 8}
#: Kinds of phrase that name a country and may qualify the head after them.
QUALIFIERS = ("country", "demonym", "capital")
#: A country name after these words is a place, not an actor ("troops in Afghanistan").
LOCATIVE = {"in", "at", "inside", "across", "throughout", "near", "within", "into", "from", "outside", "around"}
#: Heads that title a person when a name follows them ("Afghan President Ashraf Ghani").
PERSON_HEADS = {"president", "prime minister", "foreign minister", "defense minister", "defence minister",
                "interior minister", "envoy", "ambassador", "leader", "official", "negotiators"}
FUZZY_NAME = 85  # rapidfuzz ratio over which two spellings of a name are one person


@dataclass
class Hit:
    """A phrase found in the text (token indexes into ``Scan.words``)."""

    first: int
    last: int  # exclusive
    phrase: Phrase
    country: str | None = None  # set by a qualifier ("Afghan") or "of <country>"
    start: int = 0  # character span of the mention, qualifier included (set by the scan)
    end: int = 0


@dataclass
class Draft:
    """A mention before its actor is final (people are clustered first)."""

    start: int
    end: int
    actor: Actor | None = None
    cluster: int | None = None  # index of a person cluster
    note: str = ""


@dataclass
class Cluster:
    variants: Counter = field(default_factory=Counter)
    kb_actor: Actor | None = None
    affiliation: Actor | None = None


class Scan:
    """The text cut into tokens, with spaCy's sentences and tokens alongside."""

    def __init__(self, adoc: AnnotatedDocument) -> None:
        self.text = adoc.document.text
        self.doc = adoc.doc
        spans = list(token_spans(self.text))
        self.words = [w for w, _, _ in spans]
        self.starts = [s for _, s, _ in spans]
        self.ends = [e for _, _, e in spans]
        self.sent_starts = [s.start_char for s in adoc.sentences]

    def sentence_of(self, char: int) -> int:
        return bisect_right(self.sent_starts, char) - 1

    def token_at(self, char: int):
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


# --- 1. phrases -------------------------------------------------------------------------


def _longest_at(kb: KnowledgeBase, words: list[str], lower: list[str], i: int) -> Hit | None:
    if lower[i] not in kb.phrase_openings:
        return None
    for n in range(min(kb.max_phrase, len(words) - i), 0, -1):
        candidates = [p for p in kb.phrases.get(tuple(lower[i : i + n]), ()) if p.accepts(words[i : i + n])]
        if candidates:
            return Hit(i, i + n, min(candidates, key=lambda p: PRIORITY[p.kind]))
    return None


def scan_phrases(kb: KnowledgeBase, scan: Scan) -> list[Hit]:
    """Phrases left to right, longest first; a phrase that overruns the one found wins
    ("the Ministry of Defense" is an institution, not the reference "the ministry")."""
    words, hits, i = scan.words, [], 0
    lower = [w.lower() for w in words]
    while i < len(words):
        found = _longest_at(kb, words, lower, i)
        if found is None:
            i += 1
            continue
        overrun = any((other := _longest_at(kb, words, lower, j)) is not None and other.last > found.last for j in range(i + 1, found.last))
        if overrun:
            i += 1
            continue
        found.start, found.end = scan.starts[found.first], scan.ends[found.last - 1]
        if (not hits or hits[-1].last < found.first) and inside_longer_name(kb, scan, found):
            i = found.last
            continue
        hits.append(found)
        i = found.last
    return hits


def inside_longer_name(kb: KnowledgeBase, scan: Scan, hit: Hit) -> bool:
    """ "the National Security Council": a name of several words read inside a longer proper
    name that the parser takes as one organisation, opened by a capitalised word no known
    name begins at (the scan found none there), is that other body's name."""
    if hit.phrase.kind != "actor" or hit.last - hit.first < 2 or hit.first == 0:
        return False
    before = scan.words[hit.first - 1]
    if not before[:1].isupper() or before.isupper():
        return False
    if scan.sentence_of(scan.starts[hit.first - 1]) != scan.sentence_of(hit.start):
        return False
    first, previous = scan.token_at(hit.start), scan.token_at(scan.starts[hit.first - 1])
    if first is None or previous is None or previous.is_sent_start:
        return False
    return previous.ent_type_ == "ORG" and first.ent_type_ == "ORG" and previous.ent_iob_ != "O" and first.ent_iob_ == "I"


def _gazetteer():
    from sitrep.places import load_gazetteer  # the places stage's public API, loaded on first use

    return load_gazetteer()


def _place_names(scan: Scan, hits: list[Hit]) -> list[tuple[int, int, str]]:
    """Capitalised names right after a locative word ("in Sialkot", "near Kunduz City"):
    (start, end, name) of those the phrase scan did not already know."""
    doc, out = scan.doc, []
    known = [(h.start, h.end) for h in hits]
    for token in doc:
        if token.lower_ not in LOCATIVE or token.i + 1 >= len(doc):
            continue
        first = last = token.i + 1
        if doc[first].lower_ == "the":
            first = last = first + 1
        while last < len(doc) and last - first < 3 and doc[last].is_alpha and doc[last].text[:1].isupper():
            last += 1
        if last == first:
            continue
        start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
        if not any(s < end and start < e for s, e in known):
            out.append((start, end, scan.text[start:end]))
    return out


def place_country(name: str, hint: str | None = None) -> str | None:
    """The country of a place the gazetteer knows by exactly this name (the hint breaks ties)."""
    gaz = _gazetteer()
    if gaz.is_common_word(name) or gaz.is_weak(name):
        return None
    places = [p for p in gaz.lookup(name, hint) if p.level != "country" and ascii_fold(p.name) == ascii_fold(name)]
    if not places:
        return None
    if places[0].country == hint or len({p.country for p in places}) == 1 and places[0].level == "admin1":
        return places[0].country
    # small towns share their names across countries: only a city or a province tells
    big = [p for p in places if p.level == "admin1" or p.population >= 100_000]
    return big[0].country if big else None


def story_country(kb: KnowledgeBase, hits: list[Hit], scan: Scan, hint: str | None = None) -> str | None:
    """The country the article is about: the most cited one, places counting double.

    A country named after a locative ("in Afghanistan") and a town the gazetteer knows
    ("protests in Sialkot") are places; a country named as the object of a protest or
    a condemnation ("against India") is cited once."""
    votes: Counter = Counter()
    if hint is not None:  # a caller that knows where the story is (a feed) counts as a place
        votes[hint] += 2
    for _start, _end, name in _place_names(scan, hits):
        code = place_country(name, hint)
        if code is not None:
            votes[code] += 2
    for hit in hits:
        phrase = hit.phrase
        if phrase.kind in QUALIFIERS and not stance_qualifier(scan, hit):
            locative = hit.first > 0 and scan.words[hit.first - 1].lower() in LOCATIVE
            votes[phrase.target] += 2 if locative else 1
        elif phrase.kind == "actor":
            actor = kb.actors[phrase.target]
            if actor.country and actor.inter != 8:
                votes[actor.country] += 1
    return votes.most_common(1)[0][0] if votes else None


def _gap(scan: Scan, left: Hit, right: Hit) -> list[str]:
    return [w.lower() for w in scan.words[left.last : right.first]]


#: Words that, hyphened to a country or demonym, say whom a group is for or against, not
#: whose it is: "pro-Russian rebels" are rebels in the story's country backing Russia.
STANCE_PREFIXES = {"pro", "anti"}


def stance_qualifier(scan: Scan, hit: Hit) -> bool:
    return stance_prefixed(scan.words, hit.first)


def stance_prefixed(words: list[str], index: int) -> bool:
    """Whether the word at ``index`` is hyphened to "pro"/"anti" before it."""
    return index >= 2 and words[index - 1] == "-" and words[index - 2].lower() in STANCE_PREFIXES


def join_qualifiers(scan: Scan, hits: list[Hit]) -> list[Hit]:
    """Fold "Afghan"/"Nigeria's" into the institution or category right after it. A
    qualifier of stance ("pro-Russian", "anti-Israeli") names no actor and gives the noun
    after it no country; the forces it qualifies ("pro-Russian forces") are no state's but
    armed men of the story's country."""
    out: list[Hit] = []
    pending: list[Hit] = []  # coordinated qualifiers: "Hungarian and Romanian officials"
    for index, hit in enumerate(hits):
        if hit.phrase.kind in QUALIFIERS and stance_qualifier(scan, hit):
            after = hits[index + 1] if index + 1 < len(hits) else None
            if after is not None and after.phrase.kind in ("institution", "category", "armed") and _gap(scan, hit, after) == []:
                if after.phrase.kind == "institution":
                    after.phrase = Phrase("armed", "armed")  # "pro-Russian forces": armed men of no state named
                after.start = scan.starts[hit.first - 2]  # the mention is "pro-Russian rebels", as the story calls them
            hit.phrase = Phrase("consumed", "")
    for hit in hits:
        if out and out[-1].phrase.kind in QUALIFIERS and hit.phrase.kind in ("institution", "category", "armed"):
            qualifier = out[-1]
            if _gap(scan, qualifier, hit) in ([], ["'", "s"], ["-"]):
                out.pop()
                hit.country, hit.start = qualifier.phrase.target, qualifier.start
                for other in pending:
                    twin = Hit(other.first, other.last, hit.phrase, other.phrase.target, other.start, other.end)
                    out[out.index(other)] = twin
                pending = []
        if hit.phrase.kind in ("institution", "category", "armed") and hit.country is None and out:
            pass
        if hit.phrase.kind in ("country", "demonym") and out and out[-1].phrase.kind in ("country", "demonym") and _gap(scan, out[-1], hit) in (["and"], [","]):
            pending.append(out[-1])
        elif hit.phrase.kind not in ("country", "demonym"):
            pending = []
        out.append(hit)
    # "the Ministry of Defense of Afghanistan": a country after "of" qualifies the head
    for index, hit in enumerate(out[:-1]):
        after = out[index + 1]
        if hit.phrase.kind == "institution" and hit.country is None and after.phrase.kind == "country" and _gap(scan, hit, after) in (["of"], ["of", "the"]):
            hit.country, hit.end = after.phrase.target, after.end
            after.phrase = Phrase("consumed", "")
    return [h for h in out if h.phrase.kind != "consumed"]


# --- 2. people --------------------------------------------------------------------------


def _is_title(kb: KnowledgeBase, word: str) -> bool:
    return word.lower().rstrip(".") in kb.titles


def person_spans(kb: KnowledgeBase, scan: Scan, taken: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(mention start, name start, name end) of people the KB phrase scan did not catch."""
    doc = scan.doc
    found: list[tuple[int, int, int]] = []
    candidates = [(e.start, e.end) for e in entities(doc) if e.label_ == "PERSON"]
    for ent in entities(doc):
        span = named_by_role(kb, ent)  # "Air Commodore NAME": the name starts after the role
        if span is not None:
            candidates.append(span)
    # a title followed by capitalised words is a person even when the tagger missed it
    for token in doc:
        if _is_title(kb, token.text) and token.text[:1].isupper():
            j = token.i + 1
            if j < len(doc) and doc[j].text == ".":
                j += 1
            k = j
            while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and not _is_title(kb, doc[k].text):
                k += 1
                while k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
                        and doc[k + 1].is_alpha:
                    k += 2  # "Prom-in": the parts of a hyphenated name
            if k > j:
                candidates.append((j, k))
    seen: set[tuple[int, int]] = set()
    for first, last in sorted(candidates):
        # "spokeswoman Leyla NAME" when the tagger took only the surname: the given names
        # before it are compounds of the name
        while first > 0 and _given_name(kb, doc[first - 1], first, last):
            first -= 1
        while first < last and (_is_title(kb, doc[first].text) or doc[first].text == "."):
            first += 1
        while last > first and (doc[last - 1].text in ("'s", "’s", "'", "’") or doc[last - 1].is_punct):
            last -= 1
        if first >= last:
            continue
        name_start, name_end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
        if any(s < name_end and name_start < e for s, e in taken) or (name_start, name_end) in seen:
            continue
        if not all(t.text[:1].isupper() or t.text in NAME_PARTICLES or hyphen_part(doc, t) for t in doc[first:last]):
            continue
        titled = first > 0 and (_is_title(kb, doc[first - 1].text) or _title_dot(kb, doc, first - 1))
        if kb.country_code(doc[first:last].text) is not None:
            continue  # "Azerbaijani", "Azerbaijan's": a country or its people, whatever the tagger says
        if not titled and (_looks_like_place(doc, first, last) or _listed_with_places(doc, first, last)
                           or gazetteer_place(doc[first:last].text) is not None):
            continue
        seen.add((name_start, name_end))
        mention_start = name_start
        j = first - 1
        while j >= 0 and (_title_dot(kb, doc, j) or _is_title(kb, doc[j].text) or _title_hyphen(kb, doc, j)):
            if doc[j].text not in (".", "-") and not doc[j].text[:1].isupper():
                break
            mention_start = doc[j].idx
            j -= 1
        found.append((mention_start, name_start, name_end))
    return found


def hyphen_part(doc, token) -> bool:
    """ "in" of "Prom-in": a word joined by a hyphen to the word before it, no space between."""
    return token.i > 1 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ and not doc[token.i - 2].whitespace_


def _title_dot(kb: KnowledgeBase, doc, i: int) -> bool:
    """ "Col. NAME", "Gen . NAME": a full stop that closes a title's abbreviation, not the
    sentence before the name ("... overnight. Azerbaijan's ministry")."""
    return doc[i].text == "." and i > 0 and _is_title(kb, doc[i - 1].text)


def _title_hyphen(kb: KnowledgeBase, doc, i: int) -> bool:
    """ "Colonel-Major NAME", "Lieutenant-General NAME": the hyphen of a title of two titles."""
    return doc[i].text == "-" and 0 < i < len(doc) - 1 and _is_title(kb, doc[i - 1].text) and _is_title(kb, doc[i + 1].text)


#: Words that make a capitalised name an organisation's, never a person's.
BODY_WORDS = {"council", "ministry", "army", "forces", "force", "party", "front", "movement", "group", "agency", "office",
              "committee", "organisation", "organization", "union", "corps", "brigade", "brigades", "police", "news",
              "command", "government", "authority", "commission", "department", "division", "battalion", "regiment",
              "observatory", "association", "alliance", "coalition", "mission", "bureau", "directorate", "court",
              "assembly", "parliament", "institute", "center", "centre", "foundation", "network", "service", "services",
              "unit", "state", "republic", "administration", "agency", "media", "tv", "radio"}


def named_by_role(kb: KnowledgeBase, ent) -> tuple[int, int] | None:
    """The token span of a person inside an entity the tagger called an organisation, when
    a role names the person: "Defense Ministry spokeswoman NAME", "Air Commodore NAME",
    "State Prosecutor NAME" (the role inside the entity), "a senior member of the group,
    NAME, said" (the role before it). Two to four capitalised words with no word of a
    body's name."""
    if ent.label_ != "ORG":
        return None
    doc = ent.doc
    inner = [t.i for t in ent if _is_title(kb, t.text) or t.lower_ in kb.roles]
    first = inner[-1] + 1 if inner else ent.start
    # the parts of a hyphenated name count as one word ("Prom-in", "Ould-Abdallah")
    tokens = [t for t in doc[first : ent.end] if not (t.i > first and (t.text == "-" or doc[t.i - 1].text == "-") and not doc[t.i - 1].whitespace_)]
    if not 2 <= len(tokens) <= 4:
        return None
    if not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in tokens):
        return None
    if any(t.lower_ in BODY_WORDS or kb.country_code(t.text) is not None for t in tokens):
        return None
    if inner:
        return first, ent.end
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is None:
        return None
    if before.lower_ in kb.roles or _is_title(kb, before.text):
        return first, ent.end
    if before.text != ",":
        return None
    # "ROLE of the X, NAME": a role noun shortly before, with no verb between
    for token in reversed(doc[max(ent.sent.start, ent.start - 10) : ent.start - 1]):
        if token.pos_ in ("VERB", "AUX") or token.text in (".", ";"):
            return None
        if token.lower_ in kb.roles:
            return first, ent.end
    return None


def _given_name(kb: KnowledgeBase, token, first: int, last: int) -> bool:
    return (token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper() and not token.is_upper
            and token.dep_ == "compound" and first <= token.head.i < last and not token.ent_type_
            and not _is_title(kb, token.text) and token.lower_ not in kb.roles and kb.country_code(token.text) is None)


#: The tagger often calls a district a person; these words around a name say it is a place.
PLACE_BEFORE = LOCATIVE | {"of", "to", "toward", "towards", "via"}
PLACE_AFTER = {"district", "districts", "province", "provinces", "city", "town", "village", "villages", "county",
               "region", "area", "areas", "state", "capital", "neighbourhood", "neighborhood", "camp", "valley",
               "river", "road", "highway", "checkpoint", "base", "airport", "prison", "township", "woreda", "zone"}


#: A last word that makes the whole name an administrative unit: "Bassa LGA", "Kurram Agency".
ADMIN_SUFFIXES = {"lga", "district", "province", "county", "township", "upazila", "tehsil", "municipality",
                  "governorate", "division", "woreda", "commune", "department", "agency", "prefecture"}


def _looks_like_place(doc, first: int, last: int) -> bool:
    before = doc[first - 1].lower_ if first > 0 else ""
    after = doc[last].lower_ if last < len(doc) else ""
    return (before in PLACE_BEFORE or after in PLACE_AFTER or doc[last - 1].lower_ in ADMIN_SUFFIXES
            or _in_place_gloss(doc, first, last))


def _in_place_gloss(doc, first: int, last: int) -> bool:
    """ "Miango (Bassa LGA, Plateau)": a bracket after a name that holds only capitalised
    names separated by commas glosses where that place lies."""
    open_at = next((i for i in range(first - 1, max(first - 12, -1), -1) if doc[i].text in "()"), None)
    if open_at is None or doc[open_at].text != "(" or open_at == 0 or not doc[open_at - 1].text[:1].isupper():
        return False
    close_at = next((i for i in range(last, min(last + 12, len(doc))) if doc[i].text in "()"), None)
    if close_at is None or doc[close_at].text != ")":
        return False
    inside = doc[open_at + 1 : close_at]
    words = [t for t in inside if t.text != ","]
    return any(t.text == "," for t in inside) and all(t.text[:1].isupper() or t.text == "-" for t in words)


def _squeeze(name: str) -> str:
    """A name compared across transliterations: folded, no spaces, no doubled letters."""
    return re.sub(r"(.)\1+", r"\1", ascii_fold(name).replace(" ", ""))


def gazetteer_place(name: str):
    """The place the gazetteer knows by this name, spelled up to doubled letters ("Buur
    Gabo" is Buur Gaabo), when it is big enough to outweigh a personal name: a district
    or province, a town of 50,000, or any place with a name of several words."""
    gaz = _gazetteer()
    if gaz.is_common_word(name):
        return None
    key = _squeeze(name)
    for query in dict.fromkeys((name, re.sub(r"(\w)\1", r"\1", name))):
        for place in gaz.lookup(query):
            if place.level != "country" and _squeeze(place.name) == key and (
                " " in name.strip() or place.level in ("admin1", "admin2") or place.population >= 50_000
            ):
                return place
    return None


def _listed_with_places(doc, first: int, last: int) -> bool:
    """ "in Laghman, Nuristan and Kunar": a name coordinated with a place is a place."""
    root = doc[first:last].root
    linked = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in linked)


def _name_key(name: str) -> list[str]:
    return ascii_fold(name).split()


def match_cluster(clusters: list[Cluster], name: str) -> int | None:
    """The person cluster a name variant belongs to (latest first), by surname or spelling."""
    words = _name_key(name)
    for index in range(len(clusters) - 1, -1, -1):
        for variant in clusters[index].variants:
            other = _name_key(variant)
            if 1 < len(words) != len(other) > 1 and (words == other[-len(words):] or other == words[-len(other):]):
                return index  # "Lopez Solis" after "Adrian Lopez Solis"
            if 1 < len(words) != len(other) > 1:
                short, long = (words, other) if len(words) < len(other) else (other, words)
                if short[:-1] == long[-len(short):-1] and fuzz.ratio(short[-1], long[-1]) >= FUZZY_NAME:
                    return index  # "Al-Malki" after "Turki al-Maliki": the surname spelt another way
            if len(words) == 1 or len(other) == 1:
                short, long = (words, other) if len(words) <= len(other) else (other, words)
                # a surname may be any name after the first ("Atonfak" for "Cyrille Serge Atonfack Guemo")
                surnames = long[1:] or long
                if any(fuzz.ratio(short[0], word) >= FUZZY_NAME for word in surnames) or (
                        len(long) > 1 and short[0] == long[0] and len(short[0]) > 3):
                    return index
            elif fuzz.ratio(" ".join(words), " ".join(other)) >= FUZZY_NAME:
                return index
    return None


def kb_person(kb: KnowledgeBase, name: str) -> Actor | None:
    folded = ascii_fold(name)
    if folded in kb.person_keys:
        return kb.actors[kb.person_keys[folded]]
    if len(folded.split()) < 2:
        return None
    best = process.extractOne(folded, list(kb.person_keys), scorer=fuzz.ratio, score_cutoff=88)
    return kb.actors[kb.person_keys[best[0]]] if best else None


def canonical_name(cluster: Cluster) -> str:
    if cluster.kb_actor is not None:
        return cluster.kb_actor.name
    full = [(count, len(_name_key(v)), v) for v, count in cluster.variants.items()]
    return max(full)[2]


# --- 3. roles ---------------------------------------------------------------------------


def _segment_actor(drafts: list[Draft], start: int, end: int, skip: int) -> Actor | None:
    """The actor a role phrase names: the first non-person one, countries last."""
    inside = [d.actor for d in drafts if start <= d.start and d.end <= end and d.actor is not None and not d.actor.is_person and d.start != skip]
    named = [a for a in inside if not a.id.startswith("country:")]
    return (named or inside or [None])[0]


def learn_role(kb: KnowledgeBase, scan: Scan, drafts: list[Draft], mention: Draft, name_start: int, name_end: int) -> Actor | None:
    text = scan.text
    drafts = [d for d in drafts if d.note != "org"]  # an unknown body is no affiliation the KB vouches for
    sentence = scan.sentence_of(mention.start)
    sent_start = scan.sent_starts[sentence]
    sent_end = scan.sent_starts[sentence + 1] if sentence + 1 < len(scan.sent_starts) else len(text)

    def has_role(segment: str) -> bool:
        return any(w.lower() in kb.roles for w in re.findall(r"[\w']+", segment))

    # "X, a Taliban spokesperson," / "X, spokesman for the Ministry of Defense,"
    after = text[name_end:sent_end]
    if after.startswith(","):
        stop = re.search(r",|\bsaid\b|\btold\b|\bsays\b|\(", after[1:])
        segment_end = name_end + 1 + (stop.start() if stop else len(after) - 1)
        if has_role(text[name_end:segment_end]):
            actor = _segment_actor(drafts, name_end, segment_end, mention.start)
            if actor is not None:
                return actor
    # "Spokesperson for the Taliban's political office in Qatar, X"
    before = text[sent_start : mention.start]
    if before.rstrip().endswith(","):
        head = before.rstrip()[:-1]
        cut = max(head.rfind(","), head.rfind("“"), head.rfind('"'))
        segment_start = sent_start + cut + 1
        if has_role(text[segment_start : sent_start + len(head)]):
            actor = _segment_actor(drafts, segment_start, sent_start + len(head), mention.start)
            if actor is not None:
                return actor
    # "Taliban spokesman Zabihullah Mujahid", "Afghan President Ashraf Ghani"
    window = re.search(r"((?:[\w'’.-]+\s+){1,6})$", before)
    if window:
        words = window.group(1).split()
        start = mention.start - len(window.group(1))
        if words and (has_role(" ".join(words[-3:])) or words[-1].lower().rstrip(".") in kb.titles):
            candidates = [d for d in drafts if start <= d.start and d.end <= mention.start and d.actor is not None and not d.actor.is_person]
            if candidates:
                return candidates[-1].actor
    return None


# --- 4. assembly ------------------------------------------------------------------------


def _reference_target(kb: KnowledgeBase, phrase: Phrase, earlier: list[Draft], scan: Scan | None = None) -> Actor | None:
    """The actor "the group", "the jihadist group" stands for: the latest one it can name;
    of those named in that one sentence, the subject first ("Al-Shabaab, a group affiliated
    with al-Qaeda, launches attacks. The group claimed ..." is al-Shabaab, not al-Qaeda,
    named later in a phrase that describes it)."""
    ref = kb.references[int(phrase.target)]
    heads = {p.split()[-1] for p in ref.phrases}
    matches = []
    for draft in reversed(earlier):
        actor = draft.actor
        if actor is None or actor.is_person:
            continue
        if actor.inter in ref.inter and not actor.id.startswith(("unidentified:", "country:")):
            matches.append(draft)
        elif ref.institutions and actor.id.split(":")[0] in ref.institutions:
            matches.append(draft)
        elif heads & set(re.findall(r"[a-z]+", actor.name.lower())) and not actor.id.startswith(("unidentified:", "country:")):
            # "the coalition" after the Coalition of Patriots for Change: a body whose own
            # name calls it what the phrase does, of whatever kind
            matches.append(draft)
    if not matches:
        return None
    if scan is not None:
        sentence = scan.sentence_of(matches[0].start)
        for draft in matches:
            if scan.sentence_of(draft.start) != sentence:
                break
            span = scan.doc.char_span(draft.start, draft.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                return draft.actor
    return matches[0].actor


def _salient_group(earlier: list[Draft], country: str | None = None) -> Actor | None:
    for draft in reversed(earlier):
        actor = draft.actor
        if actor is not None and not actor.is_person and actor.inter in (2, 3, 4) and not actor.id.startswith("unidentified:"):
            if country is None or actor.country == country:
                return actor
    return None


def _owner_country(scan: Scan, drafts: list[Draft], char: int) -> str | None:
    """The country whose "its"/"their" this is: the latest country actor of the sentence."""
    sentence = scan.sentence_of(char)
    for draft in reversed(drafts):
        if scan.sentence_of(draft.start) != sentence:
            break
        if draft.actor is not None and draft.actor.id.startswith("country:"):
            return draft.actor.country
    return None


def _institution_antecedent(kb: KnowledgeBase, scan: Scan, drafts: list[Draft], key: str, char: int,
                            definite: bool) -> str | None:
    """The country of an institution noun told with none, right after that institution was
    named with its country: "the Israeli military said four soldiers were wounded", "...,
    the military added" are that military's soldiers and that military, not the story
    country's. The latest mention of the same institution (or of the KB body that stands
    for it in its country) decides: in the same sentence (the speaker's own), or in the
    previous one for a definite description ("the military"), which points back; a bare
    noun in a sentence of its own ("Defense Ministry spokeswoman X wrote") is left to the
    story country."""
    sentence = scan.sentence_of(char)
    for draft in reversed(drafts):
        if draft.end > char:
            continue
        if scan.sentence_of(draft.start) < sentence - (1 if definite else 0):
            break
        actor = draft.actor
        if actor is None or actor.is_person or actor.country is None or actor.country not in kb.countries:
            continue
        if kb.institution_actor(key, actor.country) is actor:
            return actor.country
    return None


#: Nouns a singular demonym can qualify without making its country an actor: places,
#: languages, times ("the Afghan capital", "Pakistani territory", "the Russian language").
NON_AGENT_HEADS = PLACE_AFTER | {
    "capital", "border", "borders", "frontier", "territory", "territories", "soil", "waters", "airspace",
    "language", "languages", "time", "year", "years", "month", "calendar", "currency", "ocean", "sea", "coast",
    "mainland", "countryside", "province", "provinces", "cities", "towns", "land", "lands", "origin", "descent",
    "citizen", "citizens", "national", "nationals", "passport", "passports", "flag", "new", "cuisine", "culture", "style",
    "heights", "republic", "colony", "enclave", "peninsula", "island", "islands", "desert", "mountains", "plateau",
}


#: Words before a community's name that are not part of it ("suspected Fulani militias").
NOT_NAMES = {"suspected", "alleged", "armed", "local", "rival", "the", "some", "several", "hundreds", "dozens"}


def _identity_militia(kb: KnowledgeBase, scan: Scan, hit: Hit, previous: Hit | None, country: str | None):
    """(actor, start) for "Tiv militias", "Habar Gidir clan militia": capitalised words
    right before a militia noun name the community whose militia it is."""
    found = _communities(kb, scan, hit, previous, country)
    return found[-1][:2] if found else None


def _communities(kb: KnowledgeBase, scan: Scan, hit: Hit, previous: Hit | None, country: str | None) -> list[tuple[Actor, int, int]]:
    """(actor, start, end) of each community a militia or people noun names, in text order:
    "the Salamat and Bani Halba tribes" names two, each the militia of its people."""
    words = scan.words
    noun = words[hit.first].lower() if hit.last - hit.first == 1 else ""
    if noun not in kb.militia_nouns and noun not in kb.people_nouns:
        return []
    if noun in kb.people_nouns and hit.last < len(words) and words[hit.last].lower() in kb.militia_nouns:
        return []  # "Marehan clan militia": the people noun is the militia's style, read with it
    j, style = hit.first - 1, kb.people_nouns.get(noun) or None
    if j >= 0 and words[j].lower() in kb.militia_style_words:
        style, j = words[j], j - 1
    floor = previous.last if previous is not None else 0
    if previous is not None and previous.phrase.kind == "people" and previous.last == hit.first:
        floor = 0  # "Marehan clan militia": the people noun read as the style, the name before it
    found: list[tuple[Actor, int, int]] = []
    while True:
        names: list[int] = []
        while j >= floor and len(names) < 3 and words[j][:1].isupper() and words[j].isalpha() and words[j].lower() not in NOT_NAMES:
            if stance_prefixed(words, j):
                break  # "pro-Iranian militias" back Iran; they are no Iranian people's militia
            names.insert(0, j)
            j -= 1
        if not names:
            break
        group = " ".join(words[k] for k in names)
        found.insert(0, (kb.militia_actor(group, style, country), scan.starts[names[0]], scan.starts[names[-1]] + len(words[names[-1]])))
        if not (j > floor and words[j].lower() == "and" and noun in kb.people_nouns):
            break
        j -= 1  # "the Salamat and Bani Halba tribes": the name before "and" is a people of its own
    return found


def _capital_as_government(token) -> bool:
    """A capital that acts or is acted upon stands for its government: a subject, an object,
    an owner, "by"/"with"/"against" it; after "in", "to", "from" it is a place."""
    while token.dep_ in ("conj", "compound") and token.head is not token:
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "dative"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ("by", "with", "against", "between")


def _demonym_of_agent(token, covered: list[tuple[int, int]]) -> bool:
    """A singular demonym qualifying a noun that can act: "Indian proposal", "Israeli air
    raids", "French and Egyptian warships" (the first of coordinated adjectives too). Not
    in a hyphenated pair ("Afghan-Taliban clashes"), before a news outlet ("Afghan News")
    or before a KB head it could not join ("Afghan national defense ministry")."""
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "–"):
        return False
    token = first_conjunct(token)
    head = token.head
    if token.dep_ not in ("amod", "compound", "nmod") or head.pos_ not in ("NOUN", "PROPN") or head.i < token.i:
        return False
    if any(start <= head.idx < end for start, end in covered):
        return False
    words = {head.lower_, head.lemma_.lower()}
    return not words & NON_AGENT_HEADS and not words & MEDIA_WORDS


#: Entity labels of names a country's name may be part of ("Students Federation of India").
NAME_LABELS = {"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
#: Last words of an organisation's name, after which a country's name is part of it.
ORGANISATION_HEADS = {"forum", "union", "federation", "association", "party", "front", "council", "movement",
                      "alliance", "committee", "league", "society", "congress", "organisation", "organization",
                      "network", "coalition", "confederation", "assembly", "board", "chamber", "foundation"}


def _country_in_name(scan: Scan, hit: Hit) -> bool:
    """A country's name inside a longer name ("Students Federation of India", "All Pakistan
    Wapda Workers Union", "Pakistan Fisherfolk Forum"): the organisation's, not the country."""
    token = scan.token_at(hit.start)
    if token is None:
        return False
    last = hit.last
    while last < len(scan.words) and scan.words[last][:1].isupper() and scan.words[last].isalpha():
        last += 1
    if last > hit.last and scan.words[last - 1].lower() in ORGANISATION_HEADS:
        return True  # "Pakistan Fisherfolk Forum", "All Pakistan Wapda Workers Union"
    if token.ent_type_ not in NAME_LABELS:
        return False
    doc, first, last = token.doc, token.i, token.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return doc[first].idx < hit.start or doc[last].idx + len(doc[last]) > hit.end


#: Words of a place "of" a country: "Kunduz province of Afghanistan", "the north of Mali".
PLACE_OF = ADMIN_SUFFIXES | {"capital", "city", "town", "region", "state", "part", "parts", "area", "areas", "north",
                             "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                             "border", "borders"}


def _country_after_place(scan: Scan, hit: Hit) -> bool:
    """ "in Metepec, Mexico", "Kunduz province of Afghanistan": a country (or a state named
    like one) that glosses where a place lies."""
    i = hit.first
    if i >= 2 and scan.words[i - 1].lower() == "of" and scan.words[i - 2].lower() in PLACE_OF:
        return True  # "Kunduz province of Afghanistan", "the capital of Mali"
    if i < 3 or scan.words[i - 1] != "," or not scan.words[i - 2][:1].isupper():
        return False
    return any(w.lower() in LOCATIVE for w in scan.words[max(0, i - 6) : i - 2])


def hit_drafts(kb: KnowledgeBase, scan: Scan, hits: list[Hit], country: str | None) -> list[Draft]:
    drafts: list[Draft] = []
    covered = [(h.start, h.end) for h in hits if h.phrase.kind not in QUALIFIERS]
    for index, hit in enumerate(hits):
        phrase = hit.phrase
        previous = hits[index - 1] if index else None
        after_group = (
            previous is not None and previous.phrase.kind == "actor" and previous.last == hit.first
            and kb.actors[previous.phrase.target].inter != 1
        )
        actor: Actor | None = None
        note = ""
        if phrase.kind in ("actor", "person"):
            actor = kb.actors[phrase.target]
            if phrase.needs_country and actor.country != country:
                # an alias two actors share goes to the one of the story's country
                # ("Taliban" in a Pakistani story is the TTP)
                key = tuple(w.lower() for w in scan.words[hit.first : hit.last])
                words = scan.words[hit.first : hit.last]
                shared = [kb.actors[p.target] for p in kb.phrases.get(key, ()) if p.kind == phrase.kind and p.needs_country and p.accepts(words)]
                same = [a for a in shared if a.country == country]
                # with no actor of the story's country, several owners leave it to the first
                # listed ("Taliban" in a US story); a single owner needs its own country
                actor = same[0] if same else (shared[0] if len(shared) > 1 else None)
        elif phrase.kind == "country":
            if not (hit.first > 0 and scan.words[hit.first - 1].lower() in LOCATIVE) and not _country_in_name(scan, hit) \
                    and not _country_after_place(scan, hit):
                actor = kb.country_actor(phrase.target)
        elif phrase.kind == "capital":
            token = scan.token_at(hit.start)
            locative = hit.first > 0 and scan.words[hit.first - 1].lower() in LOCATIVE
            if token is not None and not locative and _capital_as_government(token):
                actor = kb.country_actor(phrase.target)  # "Washington demanded", "talks with Tehran"
        elif phrase.kind == "demonym":
            word = scan.words[hit.first]
            token = scan.token_at(hit.start)
            if word.endswith("s") and token is not None and token.pos_ in ("NOUN", "PROPN"):
                actor = kb.country_actor(phrase.target)  # "Afghans", "Palestinians"
            elif token is not None and _demonym_of_agent(token, covered):
                actor = kb.country_actor(phrase.target)  # "an Indian proposal", "a Saudi businessman"
        elif phrase.kind == "institution":
            key = tuple(w.lower() for w in scan.words[hit.first : hit.last])
            code = hit.country
            token = scan.token_at(hit.start)
            if hit.country is None and len(key) == 1 and token is not None and token.pos_ == "ADJ":
                continue  # "military channel", "the military terms": no actor
            if code is None and hit.first > 0 and scan.words[hit.first - 1].lower() in ("its", "their"):
                code = _owner_country(scan, drafts, hit.start)  # "the US tries to pull its troops"
            if code is None and kb.institutions[phrase.target].implicit and key not in kb.explicit_only:
                definite = hit.first > 0 and scan.words[hit.first - 1].lower() == "the"
                code = _institution_antecedent(kb, scan, drafts, phrase.target, hit.start, definite) or country
            if code is not None and not after_group:
                actor = kb.institution_actor(phrase.target, code)
        elif phrase.kind == "category":
            # the head noun decides: "civilian casualties" is no actor, "unknown gunmen" is
            token = scan.token_at(scan.starts[hit.last - 1])
            if not after_group and (token is None or token.pos_ != "ADJ"):
                actor = kb.category_actor(phrase.target, hit.country or country)
        elif phrase.kind == "armed":
            militia = None if after_group or hit.country else _identity_militia(kb, scan, hit, previous, country)
            if militia is not None:
                actor, hit.start = militia
                note = "militia"
            elif not after_group:
                actor = _salient_group(drafts, hit.country) or kb.category_actor("unidentified", hit.country or country)
        elif phrase.kind == "people":
            communities = [] if after_group or hit.country else _communities(kb, scan, hit, previous, country)
            for community, start, end in communities[:-1]:
                drafts.append(Draft(start, end, community, note="militia"))
            if communities:
                actor, hit.start = communities[-1][:2]
                note = "militia"
        elif phrase.kind == "reference":
            actor = _reference_target(kb, phrase, drafts, scan)
            last_word = scan.words[hit.last - 1].lower()
            if actor is None and (last_word,) in kb.phrases and any(p.kind == "armed" for p in kb.phrases[(last_word,)]):
                actor = kb.category_actor("unidentified", country)
        if actor is not None and phrase.kind == "person":
            # "Mr. Sonny Legget": the title belongs to the mention, not to the name
            first = hit.first
            while first > 0 and (scan.words[first - 1] == "." or _is_title(kb, scan.words[first - 1])) and scan.words[first - 1][:1] != "":
                if scan.words[first - 1] != "." and not scan.words[first - 1][:1].isupper():
                    break
                first -= 1
            hit.start = scan.starts[first]
        if actor is not None:
            drafts.append(Draft(hit.start, hit.end, actor, note=note or phrase.kind))
    return drafts


#: Words that end the name of a news outlet: a source of reports, not an actor.
MEDIA_WORDS = {"news", "times", "post", "press", "radio", "tv", "television", "tribune", "herald", "journal", "media",
               "gazette", "daily", "newspaper", "broadcasting", "reuters", "afp", "xinhua", "bbc", "cnn", "tolonews",
               "irna", "tass", "interfax", "ap"}


#: Last words of the name of a place or building, which the tagger may call an ORG.
FACILITIES = {"line", "station", "square", "bridge", "market", "bazaar", "hotel", "stadium", "hospital", "clinic",
              "mosque", "church", "temple", "shrine", "gate", "port", "crossing", "dam", "compound", "palace"}


def org_drafts(kb: KnowledgeBase, scan: Scan, drafts: list[Draft]) -> list[Draft]:
    """Organisations the KB does not know, from spaCy ORG entities ("the Nigerian Union of
    Teachers"): one actor per name in the document, its country from a demonym or country
    name inside it. An entity that holds a KB actor, a person or an institution is left
    to them; news outlets are sources, not actors."""
    by_name: dict[str, Actor] = {}
    out = list(drafts)
    # "Full Name (ABBR)": the abbreviation is left to abbreviation_drafts, everywhere
    ends = {d.end for d in drafts} | {e.end_char for e in entities(scan.doc) if e.label_ == "ORG"}
    defined = {m.group(1) for m in re.finditer(r"\s\(([A-Z][A-Za-z0-9/&-]{1,9})\)", scan.text) if m.start() in ends}
    for ent in entities(scan.doc):
        if ent.label_ != "ORG" or ent.text in defined:
            continue
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        while tokens and (tokens[-1].is_punct or tokens[-1].text in ("'s", "’s")):
            tokens.pop()
        if not tokens or not any(t.text[:1].isupper() for t in tokens):
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        inside = [d for d in out if d.start < end and start < d.end]
        stateless = unrecognised_government(kb, scan, tokens, inside)
        if stateless:
            inside = []  # "Government" read as the story country's is this body's own word
        if any(d.actor is None or not d.actor.id.startswith("country:") for d in inside):
            continue
        after = scan.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(scan.doc) else None
        if named_by_role(kb, ent) is not None:
            continue  # a person the tagger called an organisation: person_spans takes it
        if after is not None and (after.lower_ in kb.roles or _is_title(kb, after.text)):
            continue  # "Provincial Council Director, X": the title of a person, who speaks
        words = [t.lower_ for t in tokens]
        if words[-1] in PLACE_AFTER or words[-1] in FACILITIES or any(re.search(r"[a-z][A-Z]", t.text) for t in tokens):
            continue  # "the Durand Line", "Abe Dongoro Hospital": places; "NewsSlideshow": page furniture
        if MEDIA_WORDS.intersection(words) or len(words) == 1 and not tokens[0].is_upper:
            continue  # a lone capitalised word is too often a person or a place the tagger missed
        name = scan.text[start:end]
        key = ascii_fold(name)
        actor = by_name.get(key)
        if actor is None:
            code = next((d.actor.country for d in inside), None)
            armed = code is None and (stateless or kb.group_force_words.intersection(words))
            actor = Actor(id=f"org:doc-{len(by_name)}", name=name, country=code,
                          inter=2 if armed else None, kind="Rebel group" if armed else None)
            by_name[key] = actor
        out = [d for d in out if d not in inside]
        out.append(Draft(start, end, actor, note="org"))
    return sorted(out, key=lambda d: d.start)


def unrecognised_government(kb: KnowledgeBase, scan: Scan, tokens: list, inside: list[Draft]) -> bool:
    """ "The Southern Cameroons Interim Government": a word of rule that the phrase scan read
    as the story country's government ends the name of a polity that is neither a country
    (it would be a draft of its own) nor a place the gazetteer knows ("the Amhara Regional
    Government" is a state's own)."""
    if len(inside) != 1 or inside[0].note != "institution" or inside[0].actor is None:
        return False
    draft, last = inside[0], tokens[-1]
    if not draft.actor.id.startswith("government:") or draft.end != last.idx + len(last) or last.lower_ not in kb.group_rule_words:
        return False
    before = [t for t in tokens[:-1] if t.idx < draft.start]
    polity = [t for t in before if t.lower_ not in kb.group_rule_styles]
    if not polity or len(before) != len(tokens) - 1 or not all(t.text[:1].isupper() for t in polity):
        return False
    name = " ".join(t.text for t in polity)
    return not _gazetteer().lookup(name)


def abbreviation_drafts(scan: Scan, drafts: list[Draft]) -> list[Draft]:
    """"Full Name (ABBR)": later uses of ABBR are the actor of the full name."""
    text, extra = scan.text, []
    for match in re.finditer(r"\s\(([A-Z][A-Za-z0-9/&-]{1,9})\)", text):
        before = [d for d in drafts if d.end == match.start() and d.actor is not None]
        if not before:
            continue
        actor, abbr = before[-1].actor, match.group(1)
        taken = {(d.start, d.end) for d in drafts}
        for use in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text):
            span = (use.start(), use.end())
            if span not in taken and not any(d.start < span[1] and span[0] < d.end for d in drafts):
                extra.append(Draft(span[0], span[1], actor, note="abbreviation"))
    return extra


def resolve_actors(adoc: AnnotatedDocument) -> list[ActorMention]:
    """Every actor mention in text order, one ``Actor`` object per entity of the document."""
    kb = load_kb()
    scan = Scan(adoc)
    hits = scan_phrases(kb, scan)
    # a caller that knows the country (a feed, an evaluation) may hint it; the text wins
    country = story_country(kb, hits, scan, adoc.country_hint) or adoc.country_hint
    hits = join_qualifiers(scan, hits)
    drafts = hit_drafts(kb, scan, hits, country)
    drafts = org_drafts(kb, scan, drafts)
    drafts += abbreviation_drafts(scan, drafts)
    drafts.sort(key=lambda d: d.start)

    # people: cluster variants, bind to KB people, and let a title phrase become affiliation
    clusters: list[Cluster] = []
    person_drafts: list[tuple[Draft, int, int]] = []
    for draft in drafts:
        if draft.actor is not None and draft.actor.is_person:
            cluster = Cluster(Counter({draft.actor.name: 1}), kb_actor=draft.actor)
            found = match_cluster(clusters, draft.actor.name)
            if found is None:
                clusters.append(cluster)
                found = len(clusters) - 1
            draft.cluster = found
    # a capital that acts stands for its government even when the tagger calls it a person ("Kiev accused ...")
    taken = [(d.start, d.end) for d in drafts if d.note in ("actor", "person", "country", "abbreviation", "org", "militia")
             or (d.note == "capital" and d.actor is not None)]
    for mention_start, name_start, name_end in person_spans(kb, scan, taken):
        name = scan.text[name_start:name_end]
        found = match_cluster(clusters, name)
        if found is None:
            clusters.append(Cluster(kb_actor=kb_person(kb, name)))
            found = len(clusters) - 1
        clusters[found].variants[name] += 1
        if clusters[found].kb_actor is None:
            clusters[found].kb_actor = kb_person(kb, name)
        # a title phrase that the phrase scan took for an institution belongs to the person
        absorbed = [d for d in drafts if d.note == "institution" and mention_start - 2 <= d.end <= mention_start + 1
                    and scan.text[d.start:d.end].lower().split()[-1] in {w.split()[-1] for w in PERSON_HEADS}]
        for d in absorbed:
            clusters[found].affiliation = clusters[found].affiliation or d.actor
            drafts.remove(d)
        draft = Draft(mention_start, name_end, None, cluster=found, note="person")
        drafts = [d for d in drafts if not (d.start < draft.end and draft.start < d.end)]
        drafts.append(draft)
        person_drafts.append((draft, name_start, name_end))
    drafts += surname_drafts(scan, clusters, drafts)
    drafts.sort(key=lambda d: d.start)
    for draft, name_start, name_end in person_drafts:
        cluster = clusters[draft.cluster]
        if cluster.affiliation is None and cluster.kb_actor is None:
            cluster.affiliation = learn_role(kb, scan, drafts, draft, name_start, name_end)

    people = [_person_actor(kb, index, cluster) for index, cluster in enumerate(clusters)]
    for draft in drafts:
        if draft.cluster is not None:
            draft.actor = people[draft.cluster]

    drafts = _description_drafts(kb, scan, drafts)
    drafts = _pronoun_drafts(kb, scan, drafts)
    drafts = _cue_drafts(kb, scan, drafts, country)
    return _mentions(scan.text, drafts)


def surname_drafts(scan: Scan, clusters: list[Cluster], drafts: list[Draft]) -> list[Draft]:
    """A capitalised word that is the surname of a person named earlier ("Shaheen said")."""
    extra: list[Draft] = []
    firsts = {}
    for draft in drafts:
        if draft.cluster is not None:
            firsts.setdefault(draft.cluster, draft.end)
    surnames: dict[str, int] = {}
    for index, cluster in enumerate(clusters):
        names = list(cluster.variants) + ([cluster.kb_actor.name] if cluster.kb_actor else [])
        for name in names:
            words = _name_key(name)
            if len(words) > 1 and len(words[-1]) > 2:
                surnames[words[-1]] = index
    for word, start, end in zip(scan.words, scan.starts, scan.ends):
        index = surnames.get(word.lower()) if word[:1].isupper() else None
        if index is None or start < firsts.get(index, len(scan.text)):
            continue
        if any(d.start < end and start < d.end for d in drafts + extra):
            continue
        extra.append(Draft(start, end, None, cluster=index, note="person"))
    return extra


def _person_actor(kb: KnowledgeBase, index: int, cluster: Cluster) -> Actor:
    if cluster.kb_actor is not None:
        return cluster.kb_actor
    affiliation = cluster.affiliation
    return Actor(
        id=f"person:doc-{index}", name=canonical_name(cluster), is_person=True,
        kind=affiliation.kind if affiliation else None, inter=affiliation.inter if affiliation else None,
        country=affiliation.country if affiliation else None, affiliation=affiliation.name if affiliation else None,
        sector=affiliation.sector if affiliation else None,
    )


#: Modifiers a definite description may carry before its head ("the Iran-backed group",
#: "the Shiite Muslim movement"): words that describe it, not a clause or a count.
DESCRIBING_POS = {"ADJ", "PROPN", "NOUN", "VERB", "PUNCT"}


def _description_drafts(kb: KnowledgeBase, scan: Scan, drafts: list[Draft]) -> list[Draft]:
    """ "The Shiite Muslim movement said ...": a definite description whose head is the head
    of a reference to an armed group ("the movement", "the group"), with words describing
    it between the article and the head, refers back as the bare reference does. A
    country named inside it ("the Iran-backed group") describes the group and is no
    actor of its own; one that qualifies the head ("the Lebanese movement") narrows the
    referent to that country's groups."""
    heads = {phrase.split()[-1]: number for number, ref in enumerate(kb.references) if ref.inter & {2, 3, 4}
             for phrase in ref.phrases if len(phrase.split()) == 2}
    out = list(drafts)
    for token in scan.doc:
        number = heads.get(token.lower_)
        if number is None or token.tag_ != "NN" or token.dep_ == "compound":
            continue
        left = list(token.lefts)
        if not left or left[0].lower_ != "the" or left[0].dep_ != "det" or len(left) < 2:
            continue
        words = scan.doc[left[0].i + 1 : token.i]
        if not all(t.pos_ in DESCRIBING_POS and (t.pos_ != "PUNCT" or t.text in ("-", "–")) for t in words):
            continue
        if token.i + 1 < len(scan.doc) and (name := scan.doc[token.i + 1]).dep_ == "appos" and name.head.i == token.i \
                and name.pos_ == "PROPN":
            continue  # "the monitoring group NetBlocks": the description of a name that follows, no reference
        start, end = left[0].idx, token.idx + len(token)
        inside = [d for d in out if d.start < end and start < d.end]
        if any(d.actor is None or not d.actor.id.startswith("country:") for d in inside):
            continue  # "the Amal movement": a name the scan knows
        qualifying = {d.actor.country for d in inside if (t := scan.token_at(d.start)) is not None and t.head.i == token.i
                      and not (t.i + 1 < len(scan.doc) and scan.doc[t.i + 1].text in ("-", "–"))}
        earlier = [d for d in out if d.end <= start and (not qualifying or d.actor is not None and d.actor.country in qualifying)]
        actor = _reference_target(kb, Phrase("reference", str(number)), earlier, scan)
        if actor is None:
            continue
        out = [d for d in out if d not in inside]
        out.append(Draft(start, end, actor, note="reference"))
    return sorted(out, key=lambda d: d.start)


#: Verbs whose "it" subject is no actor: "it was a suicide attack", "it seemed".
EMPTY_IT_VERBS = {"be", "seem", "appear", "remain", "happen", "become", "look"}


def _own_it(scan: Scan, token, drafts: list[Draft]) -> Actor | None:
    """ "The group said it had fired rockets": "it" as the subject of what a body said is
    that body (the subject of the verb of saying whose complement the clause is)."""
    if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = token.head
    if clause.dep_ != "ccomp" or clause.lemma_.lower() in EMPTY_IT_VERBS or clause.head.i == clause.i:
        return None
    for subject in (c for c in clause.head.children if c.dep_ == "nsubj"):
        start, end = subject.left_edge.idx, subject.idx + len(subject)
        found = [d for d in drafts if start <= d.start and d.end <= end and d.actor is not None]
        if found and not found[-1].actor.is_person:
            return found[-1].actor
    return None


def _pronoun_drafts(kb: KnowledgeBase, scan: Scan, drafts: list[Draft]) -> list[Draft]:
    """"he"/"she": the latest person mentioned in the same or the previous sentence; "it"
    that a body says of itself: that body."""
    people = [d for d in drafts if d.actor is not None and d.actor.is_person]
    extra: list[Draft] = []
    for token in scan.doc:
        own = _own_it(scan, token, drafts) if token.pos_ == "PRON" else None
        if own is not None:
            extra.append(Draft(token.idx, token.idx + len(token), own, note="pronoun"))
            continue
        if token.lower_ not in kb.pronouns or token.pos_ != "PRON":
            continue
        sentence = scan.sentence_of(token.idx)
        before = [d for d in people if d.end <= token.idx and scan.sentence_of(d.start) >= sentence - 1]
        if before:
            extra.append(Draft(token.idx, token.idx + len(token), before[-1].actor, note="pronoun"))
    return sorted(drafts + extra, key=lambda d: d.start)


def _cue_drafts(kb: KnowledgeBase, scan: Scan, drafts: list[Draft], country: str | None) -> list[Draft]:
    """Actors implied by an event word when the sentence names none of their kind."""
    extra: list[Draft] = []
    for token in scan.doc:
        lemma = token.lemma_.lower()
        key = kb.cues.get(lemma)
        if key is None and lemma in kb.passive_cues and _agentless_passive(token):
            key = kb.passive_cues[lemma]
        if key is None:
            continue
        if key == "protesters" and any(c.lower_ in VIOLENT for c in token.children):
            key = "rioters"  # "violent protests": ACLED's rioters
        sentence = scan.sentence_of(token.idx)
        same = [d for d in drafts + extra if d.actor is not None and scan.sentence_of(d.start) == sentence]
        wanted = {"protesters": (6,), "rioters": (5,), "unidentified": (2, 3, 4)}[key]
        if any(d.actor.inter in wanted for d in same):
            continue
        if key == "protesters" and token.pos_ not in ("NOUN", "VERB"):
            continue
        if key == "unidentified" and token.pos_ == "VERB" and lemma in kb.cues:
            continue  # "jets bombed hideouts": the bombers are named, not unknown
        if key == "unidentified" and any(c.lower_ in HANDMADE for c in token.children):
            continue  # "protesters threw petrol bombs": no armed group
        span = (token.idx, token.idx + len(token))
        if any(d.start < span[1] and span[0] < d.end for d in drafts):
            continue
        extra.append(Draft(span[0], span[1], kb.category_actor(key, country), note="cue"))
    return sorted(drafts + extra, key=lambda d: d.start)


VIOLENT = {"violent", "violently"}
#: Bombs that crowds throw, not armed groups: "petrol bombs", "smoke grenades".
HANDMADE = {"petrol", "molotov", "smoke", "stun", "gas", "paint", "sound", "fire", "tear"}


def _agentless_passive(token) -> bool:
    """ "was shot dead", "were gunned down" with no "by ..." agent."""
    children = list(token.children)
    return token.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children)


def _mentions(text: str, drafts: list[Draft]) -> list[ActorMention]:
    out: list[ActorMention] = []
    last_end = -1
    for draft in drafts:
        if draft.actor is None or draft.start < last_end:
            continue
        out.append(ActorMention(draft.start, draft.end, text[draft.start : draft.end], draft.actor))
        last_end = draft.end
    return out


def mentions_between(adoc: AnnotatedDocument, start: int, end: int) -> list[ActorMention]:
    """The document's actor mentions that lie inside [start, end)."""
    return [m for m in adoc.actors if start <= m.start and m.end <= end]
