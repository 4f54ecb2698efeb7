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

#: Which phrase wins when several are written the same way.
PRIORITY = {"person": 0, "actor": 1, "reference": 2, "institution": 3, "category": 4, "armed": 5, "country": 6, "demonym": 7}
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
        self.sent_starts = [s.start_char for s in self.doc.sents]

    def sentence_of(self, char: int) -> int:
        return bisect_right(self.sent_starts, char) - 1

    def token_at(self, char: int):
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


# --- 1. phrases -------------------------------------------------------------------------


def _longest_at(kb: KnowledgeBase, words: list[str], lower: list[str], i: int) -> Hit | None:
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
        hits.append(found)
        i = found.last
    return hits


def story_country(kb: KnowledgeBase, hits: list[Hit], scan: Scan) -> str | None:
    """The country the article is about: the most cited one, places counting double."""
    votes: Counter = Counter()
    for hit in hits:
        phrase = hit.phrase
        if phrase.kind in ("country", "demonym"):
            locative = hit.first > 0 and scan.words[hit.first - 1].lower() in LOCATIVE
            votes[phrase.target] += 2 if locative else 1
        elif phrase.kind == "actor":
            actor = kb.actors[phrase.target]
            if actor.country and actor.inter != 8:
                votes[actor.country] += 1
    return votes.most_common(1)[0][0] if votes else None


def _gap(scan: Scan, left: Hit, right: Hit) -> list[str]:
    return [w.lower() for w in scan.words[left.last : right.first]]


def join_qualifiers(scan: Scan, hits: list[Hit]) -> list[Hit]:
    """Fold "Afghan"/"Nigeria's" into the institution or category right after it."""
    out: list[Hit] = []
    pending: list[Hit] = []  # coordinated qualifiers: "Hungarian and Romanian officials"
    for hit in hits:
        if out and out[-1].phrase.kind in ("country", "demonym") and hit.phrase.kind in ("institution", "category", "armed"):
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
    doc, text = scan.doc, scan.text
    found: list[tuple[int, int, int]] = []
    candidates = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    # a title followed by capitalised words is a person even when the tagger missed it
    for token in doc:
        if _is_title(kb, token.text) and token.text[:1].isupper():
            j = token.i + 1
            if j < len(doc) and doc[j].text == ".":
                j += 1
            k = j
            while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and not _is_title(kb, doc[k].text):
                k += 1
            if k > j:
                candidates.append((j, k))
    seen: set[tuple[int, int]] = set()
    for first, last in sorted(candidates):
        while first < last and (_is_title(kb, doc[first].text) or doc[first].text == "."):
            first += 1
        while last > first and (doc[last - 1].text in ("'s", "’s", "'", "’") or doc[last - 1].is_punct):
            last -= 1
        if first >= last:
            continue
        name_start, name_end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
        if any(s < name_end and name_start < e for s, e in taken) or (name_start, name_end) in seen:
            continue
        if not all(t.text[:1].isupper() or t.text in ("-", "al", "bin", "ag", "de") for t in doc[first:last]):
            continue
        titled = first > 0 and (_is_title(kb, doc[first - 1].text) or doc[first - 1].text == ".")
        if not titled and _looks_like_place(doc, first, last):
            continue
        seen.add((name_start, name_end))
        mention_start = name_start
        j = first - 1
        while j >= 0 and (doc[j].text == "." or _is_title(kb, doc[j].text)) and doc[j].text[:1] != "":
            if doc[j].text != "." and not doc[j].text[:1].isupper():
                break
            mention_start = doc[j].idx
            j -= 1
        found.append((mention_start, name_start, name_end))
    return found


#: The tagger often calls a district a person; these words around a name say it is a place.
PLACE_BEFORE = LOCATIVE | {"of", "to", "toward", "towards", "via"}
PLACE_AFTER = {"district", "districts", "province", "provinces", "city", "town", "village", "villages", "county",
               "region", "area", "areas", "state", "capital", "neighbourhood", "neighborhood", "camp", "valley",
               "river", "road", "highway", "checkpoint", "base", "airport", "prison", "township", "woreda", "zone"}


def _looks_like_place(doc, first: int, last: int) -> bool:
    before = doc[first - 1].lower_ if first > 0 else ""
    after = doc[last].lower_ if last < len(doc) else ""
    return before in PLACE_BEFORE or after in PLACE_AFTER


def _name_key(name: str) -> list[str]:
    return ascii_fold(name).split()


def match_cluster(clusters: list[Cluster], name: str) -> int | None:
    """The person cluster a name variant belongs to (latest first), by surname or spelling."""
    words = _name_key(name)
    for index in range(len(clusters) - 1, -1, -1):
        for variant in clusters[index].variants:
            other = _name_key(variant)
            if len(words) == 1 or len(other) == 1:
                short, long = (words, other) if len(words) <= len(other) else (other, words)
                if fuzz.ratio(short[0], long[-1]) >= FUZZY_NAME or (len(long) > 1 and short[0] == long[0] and len(short[0]) > 3):
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


def _reference_target(kb: KnowledgeBase, phrase: Phrase, earlier: list[Draft]) -> Actor | None:
    ref = kb.references[int(phrase.target)]
    for draft in reversed(earlier):
        actor = draft.actor
        if actor is None or actor.is_person:
            continue
        if actor.inter in ref.inter and not actor.id.startswith(("unidentified:", "country:")):
            return actor
        if ref.institutions and actor.id.split(":")[0] in ref.institutions:
            return actor
    return None


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


def hit_drafts(kb: KnowledgeBase, scan: Scan, hits: list[Hit], country: str | None) -> list[Draft]:
    drafts: list[Draft] = []
    for index, hit in enumerate(hits):
        phrase = hit.phrase
        previous = hits[index - 1] if index else None
        after_group = (
            previous is not None and previous.phrase.kind == "actor" and previous.last == hit.first
            and kb.actors[previous.phrase.target].inter != 1
        )
        actor: Actor | None = None
        if phrase.kind in ("actor", "person"):
            actor = kb.actors[phrase.target]
            if phrase.needs_country and actor.country != country:
                actor = None
        elif phrase.kind == "country":
            if not (hit.first > 0 and scan.words[hit.first - 1].lower() in LOCATIVE):
                actor = kb.country_actor(phrase.target)
        elif phrase.kind == "demonym":
            word = scan.words[hit.first]
            token = scan.token_at(hit.start)
            if word.endswith("s") and token is not None and token.pos_ in ("NOUN", "PROPN"):
                actor = kb.country_actor(phrase.target)  # "Afghans", "Palestinians"
        elif phrase.kind == "institution":
            key = tuple(w.lower() for w in scan.words[hit.first : hit.last])
            code = hit.country
            token = scan.token_at(hit.start)
            if hit.country is None and len(key) == 1 and token is not None and token.pos_ == "ADJ":
                continue  # "military channel", "the military terms": no actor
            if code is None and hit.first > 0 and scan.words[hit.first - 1].lower() in ("its", "their"):
                code = _owner_country(scan, drafts, hit.start)  # "the US tries to pull its troops"
            if code is None and kb.institutions[phrase.target].implicit and key not in kb.explicit_only:
                code = country
            if code is not None and not after_group:
                actor = kb.institution_actor(phrase.target, code)
        elif phrase.kind == "category":
            token = scan.token_at(hit.start)
            if not after_group and (token is None or token.pos_ != "ADJ"):
                actor = kb.category_actor(phrase.target, hit.country or country)
        elif phrase.kind == "armed":
            if not after_group:
                actor = _salient_group(drafts, hit.country) or kb.category_actor("unidentified", hit.country or country)
        elif phrase.kind == "reference":
            actor = _reference_target(kb, phrase, drafts)
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
            drafts.append(Draft(hit.start, hit.end, actor, note=phrase.kind))
    return drafts


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
    # a caller that knows the country (a feed, an evaluation) may preset it; the text wins
    country = story_country(kb, hits, scan) or adoc.country
    hits = join_qualifiers(scan, hits)
    drafts = hit_drafts(kb, scan, hits, country)
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
    taken = [(d.start, d.end) for d in drafts if d.note in ("actor", "person", "country", "abbreviation")]
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


def _pronoun_drafts(kb: KnowledgeBase, scan: Scan, drafts: list[Draft]) -> list[Draft]:
    """"he"/"she": the latest person mentioned in the same or the previous sentence."""
    people = [d for d in drafts if d.actor is not None and d.actor.is_person]
    extra: list[Draft] = []
    for token in scan.doc:
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
        key = kb.cues.get(token.lemma_.lower())
        if key is None:
            continue
        sentence = scan.sentence_of(token.idx)
        same = [d for d in drafts + extra if d.actor is not None and scan.sentence_of(d.start) == sentence]
        wanted = {"protesters": (6,), "rioters": (5,), "unidentified": (2, 3, 4)}[key]
        if any(d.actor.inter in wanted for d in same):
            continue
        if key == "protesters" and token.pos_ not in ("NOUN", "VERB"):
            continue
        span = (token.idx, token.idx + len(token))
        if any(d.start < span[1] and span[0] < d.end for d in drafts):
            continue
        extra.append(Draft(span[0], span[1], kb.category_actor(key, country), note="cue"))
    return sorted(drafts + extra, key=lambda d: d.start)


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
